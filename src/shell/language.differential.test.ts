// Differential tests of the shell language (parameter expansion, arithmetic, compound commands,
// builtins) against the machine's real GNU bash 5.2: every line runs in the lab shell and in real
// bash (one bash process for all of them, each line in a subshell), comparing stdout, stderr
// (normalised as differential.test.ts does) and the exit status.

import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Outcome } from './testing/realTools'
import { requireTools } from './testing/realTools'
import { realBashLines } from './testing/bashOracle'
import { newShell } from './testSupport'

const FILES: Record<string, string> = {
  'a.pem': 'A\n',
  'b.pem': 'B\n',
  'notes.txt': 'one two\nthree\n',
  // globbing runs in g/, away from the workstation's own ca.pem and .kube
  'g/a.pem': 'A\n',
  'g/b.pem': 'B\n',
  'g/B.txt': '',
  'g/_u': '',
  'g/.hidden': '',
  'g/.kube/config': '',
  'g/sub/x.txt': '',
  'g/sub/y.pem': '',
  'g/\u00e9t\u00e9.txt': '',
  'g/a b.txt': '',
}

const CASES: string[] = [
  // $'...' inside ${...} (extquote), and the quoted parts of an unquoted default word stay whole
  `x=$'a\\nb'; echo "\${x//$'\\n'/,}"`,
  `x=a.b; echo \${x/$'b'/B}`,
  `x=$'a\\nb'; echo "\${x%%$'\\n'*}"`,
  `unset u; printf '[%s]' \${u:-$'a\\tb'} \${u:-"a  b" c} \${u:-a  b} \${u-""}; echo`,
  `v=set; printf '[%s]' \${v:+"x  y"} \${v+$'p\\tq'}; echo`,
  // an error in (( )) or for (( )) fails that command (status 1) after '((: '; a bad constant names itself
  '(( 1/0 )); echo rc=$?',
  'for (( i=0; i<1/0; i++ )); do :; done; echo rc=$?',
  '(( x = 3 + 09 )); echo rc=$?',
  'echo $((3 + 09 * 2))',
  'echo $((2#))',
  // parameter expansion
  'V=abcdef.ghi.jkl; echo ${#V} ${V:2} ${V: -2} ${V:1:2} ${V: -3:-1} ${V:(-2)} ${V:20}x',
  'V=abcdef; echo ${V:1:-7}; echo after',
  'V=abcdef; A=xyz; echo ${V:A} ${V:1+1:2*1} ${V:1:x}',
  'V=abcdef.ghi.jkl; echo ${V#*.} ${V##*.} ${V%.*} ${V%%.*} ${V#nomatch} ${V%[a-z]}',
  'V=abcdef.ghi.jkl; echo ${V/./_} ${V//./_} ${V/#abc/X} ${V/%jkl/Y} ${V//[aeiou]/} ${V/g*/}',
  // ${V~~} and ${V~}: case toggled (ASCII letters only in the C locale)
  "s=aBc-D\u00e9f; echo ${s~~} ${s~} ${s~~[ab]} ${s~[a]} \"${s~~[[:lower:]]}\"; a=(xY Zw); echo ${a[@]~~} ${a[1]~} ${a[*]~}; declare -A m=([k]=Ab); echo ${m[k]~~}; set -- pQ rS; echo ${@~~} ${1~}",
  // $'\cX': a control character ($'\c?' is DEL); a \c with nothing after it stays
  "printf '%s' $'\\cA\\ca\\c?\\c[x\\c\\\\y\\cz' | od -c | head -2; printf '%s|' $'\\c' | od -c | head -1; V='a\\cAb'; printf '%s' \"${V@E}\" | od -c | head -1",
  // $[expr], the old form of $((expr))
  "echo $[2+3] $[ 3 * 4 ]; x=5; echo $[x*2] $[(1+2)*3]; a=(5 6); echo $[a[1]+1] \"x$[a[0]]y\" \"$[a[$[0]]]\"; echo '$[1]' \\$[1] \"\\$[1]\"; cat <<E\n$[7*6]\nE",
  // quoted and escaped characters inside a bracket expression are themselves (bash's quote_string_for_globbing)
  "set +H; w='[x]'; echo ${w//[\\[\\]]/}; w=a-b; echo ${w//[\\-]/_}; w='a]b'; echo ${w//[\\]]/_} \"${w//[]]/_}\"; w='a\\b'; echo \"${w//[\\\\]/_}\"; p='[\\\\]'; echo \"${w//$p/_}\"; w='a!b^c'; echo \"${w//[\\!]/_}\" \"${w//[\"^\"]/_}\" \"${w//[!\"!\"]/_}\"",
  "w='[x]'; case $w in *[\\[]*) echo c1;; esac; [[ $w == *[\\]]* ]] && echo c2; case '-' in [\"-\"a]) echo dash;; esac; case b in [a\"-\"c]) echo range;; *) echo norange;; esac; p='[\\[\\]]'; echo ${w//$p/}",
  'V=hello; echo ${V//l/[&]} "${V//l/\\&}" ${V/x/y}',
  'V="Hello World"; echo ${V^^} ${V,,} ${V^} ${V,} "${V^^[lo]}"',
  'U=; echo ${U:-dflt} ${U-dash} ${N-unset} ${U:+alt} ${V:+alt} x',
  'echo ${N:=assigned}; echo $N; E=; echo ${E=no}[$E] ${E:=yes} $E',
  'echo ${N:+x}y ${#N}',
  'T=aaa.bbb.ccc; echo "${T%%.*}" "${T#*.}" "${T//"."/:}" ${T//\\./-}',
  'P=eyJhbGciOiJSUzI1NiJ9; echo $(( ${#P} % 4 )) ${P:0:5}',
  'F=/root/dir/file.tar.gz; echo ${F##*/} ${F%/*} ${F#*.} ${F%%.*}',
  // arithmetic
  'echo $((2**63)) $((2**64)) $((-2**2)) $((2**62*2)) $((9223372036854775807+1))',
  'echo $((99999999999999999999)) $((0x1F)) $((010)) $((2#101)) $((36#z)) $((64#_)) $((64#Z))',
  'echo $((7/2)) $((-7/2)) $((-7%3)) $((7%-3)) $((1<<3)) $((-16>>2)) $((5&3)) $((5|3)) $((5^3)) $((~5))',
  'echo $((1<2)) $((2<=1)) $((3==3)) $((3!=3)) $((!0)) $((1&&0)) $((0||2)) $((1?2:3)) $((0?2:3))',
  'x=5; echo $((x++)) $x $((++x)) $((x--)) $((--x)) $((x+=10)) $((x*=2)) $((x/=3)) $((x%=4)) $((x<<=2)) $x',
  'echo $((x=3, y=x*2, x+y)) $x $y',
  'a=3+4; echo $((a*2)) $((a))',
  'echo $((0 && 1/0)) $((1 || 1/0)) $((0 ? 1/0 : 5))',
  'echo $((1/0))',
  'echo $((5 % 0))',
  'echo $((5 + ))',
  'echo $((1 +* 2))',
  'echo $((08))',
  'echo $((2**-1))',
  'echo $((a b))',
  'echo $((3#5))',
  'echo $((1 ? 2))',
  'echo $((1=2))',
  'echo $(( 07 + 0x1F + 2#101 ))',
  'echo $((-9223372036854775807-1 / -1)) $(( (-9223372036854775807-1) / -1 )) $(( (-9223372036854775807-1) % -1 ))',
  // compound commands
  "if true; then echo yes; fi; if false; then echo a; elif true; then echo b; else echo c; fi",
  "X=5; if [ $X -gt 3 ]; then echo big; else echo small; fi; echo $?",
  "for x in a b \"c d\"; do echo \"[$x]\"; done; echo $x",
  "for ((i=0;i<3;i++)); do echo $i; done; echo end $i",
  "i=0; while [ $i -lt 3 ]; do echo $i; i=$((i+1)); done",
  "i=0; until [ $i -ge 2 ]; do echo u$i; ((i++)); done",
  "for i in 1 2 3 4 5; do if [ $i = 2 ]; then continue; fi; if [ $i = 4 ]; then break; fi; echo $i; done",
  "for i in 1 2; do for j in a b c; do if [ $j = b ]; then continue 2; fi; echo $i$j; done; done",
  "for i in 1 2; do for j in a b; do break 2; done; echo never; done; echo out",
  "f() { echo \"f got $1 $2 ($#)\"; return 3; }; f a b; echo $?",
  "function g { local v=inner; echo $v; w=global; }; v=outer; g; echo $v $w",
  "fact() { if [ $1 -le 1 ]; then echo 1; else echo $(( $1 * $(fact $(( $1 - 1 ))) )); fi; }; fact 10",
  "case abc in a*) echo starts-a;; *) echo other;; esac",
  "case x.pem in *.txt|*.pem) echo cert;; esac; case zz in a) echo a;; esac; echo $?",
  "case b in a) echo a;& b) echo b;& c) echo c;; d) echo d;; esac",
  "{ echo one; echo two; } | wc -l",
  "(cd /; pwd); pwd | grep -c '^/$'",
  "(( 3 > 2 )) && echo gt; (( 0 )); echo $?",
  "{ echo g1; echo g2; } > out.txt; cat out.txt",
  "break; echo $?",
  "return; echo $?",
  "local x=1; echo $?",
  "if true; then fi",
  "for x in a; do; done",
  "echo $(for i in 1 2 3; do echo -n $i; done)",
  "f() { echo $1; }; f \"a b\"; f",
  // SIGPIPE: the reader ends first, the endless writer stops without a word, the status is the reader's
  'yes | head -n 3; echo $?',
  'yes no | head -c 7; echo; echo $?',
  'seq 1 1000000000 | head -3; echo $?',
  'yes | cat | head -n 2; echo $?',
  'yes | true; echo $?',
  '{ yes; } | head -n 1',
  'yes 2>&1 | head -n 1 | tr y n',
  'yes | head -n 1 | wc -l',
  // a member that read all of an endless stream is endless too: SIGPIPE ends it when its reader stops
  "yes | cat | head -2; echo \"${PIPESTATUS[@]}\"; yes | cat | cat | head -1; echo \"${PIPESTATUS[@]}\"; while :; do echo y; done | cat | head -2; echo \"${PIPESTATUS[@]}\"",
  "printf \"a\\nb\\n\" | cat | head -1; echo \"${PIPESTATUS[@]}\"; yes | head -1 | cat; echo \"${PIPESTATUS[@]}\"; yes | cat | true; echo \"${PIPESTATUS[@]}\"",
  // a shell loop as the endless writer: it runs out of the lab's steps, and ends as SIGPIPE would end it
  'while true; do echo l; done | head -2; echo "rc ${PIPESTATUS[@]}"',
  'for i in $(seq 1 100000); do echo $i; done | head -1; (while :; do echo x; done) | head -1; echo "${PIPESTATUS[@]}"',
  'while :; do echo x; done | head -1 | while :; do read l || break; echo "$l"; done; while :; do echo y; done | cat | head -2; echo "${PIPESTATUS[@]}"',
  // the C locale (the lab sets no LANG): lengths, offsets and patterns count bytes; a UTF-8 locale counts characters
  'V=h\u00e9llo; echo ${#V} ${V:1:2} ${V:2:1}${V:1:1} ${V#h?} ${V%?llo} ${V^^} ${V/\u00e9/E} ${V//?/.}',
  'V=\u00e9t\u00e9; case $V in ?t?) echo one;; ??t??) echo two;; esac; echo ${V,,} ${V^} ${#V}',
  'LC_ALL=C.UTF-8; V=h\u00e9llo; echo ${#V} ${V:1:2} ${V#h?} ${V^^} ${V//?/.}; case \u00e9 in ?) echo one;; esac',
  'cd g; echo ?t?.txt ??t??.txt [\u00e9]t*; LC_ALL=C.UTF-8; echo ?t?.txt',
  // pathname expansion
  'cd g; echo *',
  'cd g; echo .* *.pem',
  'cd g; echo "*".pem \\*.pem \'*\'.pem [ab]* [!a]* [[:upper:]]* ?.pem',
  'cd g; echo nomatch* "no"match* x[ab \'*\'zz*',
  'cd g; echo */ sub/* */*.pem s*/x* .*/*',
  'cd g/sub; echo ../*.txt ../../g/*.pem ../s*/*.pem',
  'cd g; X="*.pem"; echo $X "$X"; Y="a b"; ls -d $Y* 2>&1',
  'cd g; for f in *.pem; do echo "[$f]"; done; for f in *.none; do echo "[$f]"; done',
  'cd g; printf "%s\\n" *.txt | wc -l; set -- *; echo $#',
  'cd g; A=*; echo "$A"; case a.pem in *.pem) echo glob-case;; esac',
  // brace expansion
  'echo {1..5} {5..1} {1..10..3} {10..1..-3} {01..10} {-3..3} {a..e} {e..a} {a..e..2} {1..3..0}',
  'echo {x..5} {aa..c} {1..2}{a,b} {a{b,c}} {a}{b,c} {,x}y a{,}b {"a b",c} x{}y {1..a} {-05..5..3} {1...3} {1..03}',
  'A={a,b}; echo $A; echo {a,b}$A ${A}{c,d} {$A,z}; echo {\\"a\\",b} \\{a,b} {a\\,b,c}',
  'echo pre{A,B{1,2},C}post {a,b}{1,2}{x,y}',
  'cd g; echo {a,b}.pem {a,z}*; for i in {1..3}; do echo -n $i; done; echo',
  'echo "{a,b}" \'{1..3}\' $\'{a,b}\' x{a,b', 
  '{ echo {a,b}; }; echo {',
  'X=1; Xa=2; echo $X{a,b} "$X"{a,b} ${X}{a,b}',
  // += appends (adds, for an integer variable)
  'x=a; x+=b; echo $x; declare -i n=5; n+=3; echo $n; n+=x; echo $n; y+=new; echo $y; P=/a; P+=:/b; echo $P; x+=$x; echo $x',
  'A=1; A+=2 printenv A; echo $A; f() { local L=a; L+=b; echo $L; }; f; readonly R=1; (R+=2); echo "after $?"',
  // indexed arrays
  'a=(one two "three four"); echo ${a[1]} ${#a[@]} "${a[2]}"; for x in "${a[@]}"; do echo "[$x]"; done; printf "<%s>" ${a[@]} "${a[*]}"; echo',
  'a=(one two "three four"); echo $a ${a[0]} ${a[-1]} ${!a[@]} "${a[@]:1}" ${a[@]:1:1} ${a[*]}; IFS=,; echo "${a[*]}"',
  'a=(x); a+=(y z); a[7]=seven; echo ${#a[@]} ${!a[@]}; a[1]+=Y; echo ${a[1]} ${#a[1]}; a=new; declare -p a',
  'TOK=eyJh.eyJp.c2ln; IFS=. read -ra parts <<< "$TOK"; echo ${#parts[@]} ${parts[1]}; for s in "a..b" "a.b." ".a" ""; do IFS=. read -ra p <<< "$s"; declare -p p; done',
  'read -ra q <<< "  x  y "; declare -p q; a=(one two three); echo ${a[@]^^} ${a[@]/o/0} ${a[@]#t}',
  'a=(1 2 3); unset "a[1]"; declare -p a; echo "[$a]"; unset a; echo "${a[1]}x"; b[2]=x; echo "${b[@]}" ${#b[@]} "[$b]"; declare -a d; declare -p d; c=(); declare -p c',
  'cd g; f=(*.pem "no match*"); echo ${#f[@]} "${f[@]}"; i=1; echo ${f[i]} ${f[$i]} ${f[i-1]}; f[i+1]=z; echo ${f[2]}',
  'r=(1 2); readonly r; r[1]=x; echo "no $?"',
  'i=2; a[$i]=x; a[$((i+1))]="y z"; b=$i; a[${b}0]+=w; declare -p a; for i in 1 2 3; do sq[$i]=$((i*i)); done; echo ${sq[@]} ${!sq[@]}; echo a[$i]=x',
  'declare -a a=(1 "2 3"); declare -p a; export e=(1 2); declare -p e; declare x=(a b c); echo ${x[2]}; typeset -a t; declare -p t; t+=(1); declare -p t',
  'f() { local l=(p q); declare -a m=(u); echo ${l[1]} ${#m[@]}; g=(global); }; f; echo "[${l[1]}][${m[0]}][${g[0]}]"; readonly r=(x y); declare -p r; r[1]=z; echo no',
  'readonly r=x; (r[1]=y); (r=(1)); declare -p r; set -u; echo ${nope[1]-dflt}; echo ${nope[1]}; echo no',
  // [SUBSCRIPT]=VALUE in a compound assignment
  'a=([-1]=x); declare -p a; i=2; a=([i+1]=x [$i]=y z [0]=w); declare -p a; a+=([1]=n m); declare -p a; a=([x]=1); declare -p a',
  'a=([1]=); declare -p a; a=([2]="a b" "[3]=q" \\[4]=r); declare -p a; cd g; a=([1]=* *.pem); declare -p a; a=([0]=a [1]=$HOME/x); declare -p a',
  // associative arrays: bash's order (its hash table's), keys as text, the forms of assignment
  'declare -A m; declare -p m; m[a]=1; m[b]=; declare -p m; unset "m[a]"; declare -p m; echo ${#m[@]}; m+=([c]=3 [d]=4); echo ${!m[@]}; m[c]+=x; echo ${m[c]}; declare -A n=(k1 v1 k2 v2); declare -p n; echo "${m[@]@K}"; echo ${m[zz]-unset} ${m}',
  'declare -A m; k="a b"; m[$k]=sp; echo "${m[a b]}" "${m[$k]}"; m[1+1]=two; echo ${!m[@]}; (( m[x]++ )); echo ${m[x]}; declare -A o; o=(); declare -p o; declare -a q; declare -A q; echo $?; x=1; declare -A x; echo $?; declare -p x',
  'declare -A m2=(["a b"]=1 [x]=2 ["q\\"r"]=3 [\\$d]=4 [""]=5); declare -p m2; set | grep ^m2=; echo "${m2[@]@A}"; echo "${m2[@]@K}"; echo ${m2[@]@k}; m2=(x); declare -p m2',
  'declare -A c; for w in to be or not to be; do c[$w]=$(( ${c[$w]:-0} + 1 )); done; for k in "${!c[@]}"; do echo "$k ${c[$k]}"; done; echo ${c[@]@a} ${#c[to]}; declare -A claims=([alg]=RS256 [kid]=k [typ]=JWT [iss]=i [sub]=s [aud]=a [exp]=1 [iat]=2 [nbf]=3 [jti]=j); echo ${!claims[@]}',
  'f() { local -A l=([p]=1); l[q]=2; declare -p l; }; f; declare -p l; declare -A m=([s]=0); (m[sub]=1; echo ${#m[@]}); echo ${#m[@]}; m=([y]=1 z); declare -p m; unset m; declare -p m',
  // elements out of order, copies in subshells and functions, unset at the end, elements in arithmetic
  'a[5]=f; a[2]=c; a[9]=j; a[0]=z; declare -p a; echo ${a[@]} ${!a[@]} ${#a[@]}; unset "a[9]"; a+=(k); declare -p a; unset "a[0]"; echo "[$a]"',
  'a=(1 2 3); (a[1]=x; a+=(y); echo ${a[@]}); echo ${a[@]}; f() { a[2]=fn; local -a b=(l); b+=(m); echo ${b[@]}; }; f; echo ${a[@]} "[${b[@]}]"; b=$(a[0]=s; echo ${a[0]}); echo $b $a',
  'a=(1 2 3); echo $((a[1]+a[2])) $((a[-1])) $((a[5])); ((a[3]=7)); ((a[0]+=5)); ((a[1]++)); ((++a[1])); declare -p a; echo $a; i=1; echo $((a[i]*a[i-1])) $((a[a[0]-5]))',
  'x=4; echo $((x[0]+1)) $((x[1])); ((x[2]=3)); declare -p x; echo $((b[1+1]=3)); declare -p b; for ((i=0; i<3; i++)); do sq[i]=$((i*i)); done; echo ${sq[@]}',
  'a=(1 2); echo $((a[-5])); echo "[${a[-5]}]"; x=1; echo "[${x[-1]}]" $((x[-1])); ((a[-5]=1)); echo $?; ((a[-5]++)); echo $?; echo $((a[]))',
  'a=(1 "2 3"); b[3]=x; declare -a e; set | grep -E "^(a|b|e)="; declare -p | grep -E "^declare -a (a|b|e)"; f() { local -a l=(q); set | grep ^l=; }; f; (c=(s); set | grep ^c=); set | grep ^c=',
  'echo $((1+a[1))',
  'echo $((a [1]))',
  'echo $((1 @ 2))',
  'echo $((2 { 1)); echo $((a[1]]))',
  '[[ ab =~ (a)(b) ]]; declare -p BASH_REMATCH; echo ${BASH_REMATCH[2]} ${#BASH_REMATCH[@]}; [[ abc =~ ^a(x)?(b|c)+ ]]; declare -p BASH_REMATCH; [[ zz =~ a ]]; declare -p BASH_REMATCH',
  // shopt: the options and the ones that change globbing
  'shopt | grep -v -e expand_aliases -e login_shell; shopt -p nullglob extglob; shopt -s nullglob nosuch extglob; echo $?; shopt -p nullglob extglob; shopt -s -u x; echo $?',
  'shopt -x; echo $?; shopt -q nullglob; echo $?; shopt nullglob dotglob; echo $?; shopt -o nosuch; echo $?; shopt -os nosuch; echo $?; shopt -po errexit; shopt -s | grep -v -e expand_aliases -e login_shell | grep -c on; (shopt -s nullglob); shopt -p nullglob',
  'cd g; shopt -s nullglob; echo *.none x; a=(*.none); echo ${#a[@]}; for f in *.none; do echo in; done; shopt -u nullglob; echo *.none',
  'cd g; shopt -s dotglob; echo *; shopt -u dotglob; shopt -s nocaseglob; echo b.* A.P*; echo [a-b]*',
  'cd g; shopt -s globstar; echo **/*.txt; echo **; echo sub/**; echo **/; shopt -s dotglob; echo **/config',
  'shopt -s failglob; echo nope*; echo after',
  'shopt -s nocasematch; [[ ABC == a* ]] && echo eq; [[ Abc != abc ]]; echo $?; [[ XyZ =~ ^xy(z)$ ]] && echo re ${BASH_REMATCH[1]}; case HELLO in hel*) echo case;; esac; shopt -u nocasematch; [[ ABC == a* ]]; echo $?',
  // process substitution, mapfile / readarray, $'...' in declare -p
  'cat <(echo hi) <(echo there); echo <(true) <(true); while read -r l; do echo "got $l"; done < <(printf "a\nb\n"); wc -l < <(seq 5); cat < <(echo in) | tr a-z A-Z',
  'printf "a\nb\n\nc" > m.txt; mapfile -t x < m.txt; declare -p x; mapfile y < m.txt; declare -p y; readarray -n 2 -s 1 -O 5 -t z < m.txt; declare -p z; mapfile < m.txt; echo ${#MAPFILE[@]}; z2=(k k k k k k k k); mapfile -t -O 1 z2 < m.txt; declare -p z2',
  'mapfile -q; echo $?; mapfile -n x; echo $?; mapfile -u 3 q; echo $?; mapfile 1bad < /dev/null; echo $?; mapfile -d "" -t w < <(printf "p\\0q\\0"); declare -p w; mapfile -C echo -c 1 cb < <(printf "a\nb\n"); type mapfile readarray',
  'x=$' + "'a\\nb'" + '; declare -p x; export e=$' + "'a\\tb'" + '; export -p | grep " e="; set | grep ^x=',
  // declare and local: listings by attribute, a function's locals, local with options
  'export E=1; declare -i I=3; declare -r R=2; a=(1); declare -x | grep -c "^declare -x E="; declare -r | grep -v -e BASHOPTS -e SHELLOPTS -e PPID; declare -a | grep " a="; declare -i | grep -e " I=" -e OPTIND',
  'f() { local a=1 b; local -i c=2+3; local -r r=x; local; echo --; local -x; local -a arr=(p q); declare -p arr; }; f; echo "[$a][$c][${arr[1]}]"; local x; echo $?',
  // ${NAME@OP}
  'x="a b"; y="it' + "'" + 's"; z=$' + "'t\\tn'" + '; e=""; echo ${x@Q} ${y@Q} ${z@Q} ${e@Q} [${u@Q}]; echo ${x@A}; declare -i n=5; echo ${n@A} ${n@a}; declare -rx R=1; echo ${R@a} ${R@A}',
  'a=(p "q r"); echo ${a@a} ${a[@]@Q} ${a[@]@K} ${a[@]@A}; echo "${a[@]@k}"; w="hello World"; echo ${w@U} ${w@u} ${w@L} ${a[@]@U}; s="a\\tb\\x41"; echo ${s@E}',
  'declare -a b=(1); declare -i i=1; declare -ix ix=1; declare -ar ar=(1); echo ${b@a} ${i@a} ${ix@a} ${ar@a}; echo ${x@K} ${u@A}.; c=(1 2); echo ${c@A}; echo ${c@K}; printf "<%s>" "${c[@]@k}" ${c[@]@Q}; echo',
  'x=1; echo ${x@Z}; echo after',
  // the directory stack
  'HOME=$PWD; cd g; pushd sub >/dev/null; pushd /; dirs -v; dirs -p; dirs -l | grep -c "^/"; pushd; pwd | sed "s|^$HOME|~|"; pushd +1; pushd -n /; dirs; popd; popd +1; dirs; popd; popd; echo $?; pushd; echo $?; pushd /nope; echo $?; pushd +9; echo $?; dirs +1; dirs -c; dirs | wc -l',
  'cd g; pushd sub > /dev/null; (pushd / > /dev/null; dirs | wc -w); dirs | wc -w; pushd -3; echo $?; dirs +0 | grep -c sub; popd -0 | wc -w; popd x; echo $?',
  // the conditional command [[ ]]
  '[[ -f a.pem ]] && echo file; [[ -d a.pem ]]; echo $?; [[ -d g && -e g/a.pem ]] && echo dir; [[ ! -e nope ]] && echo none',
  '[[ abc == a* ]]; echo $?; [[ abc == "a*" ]]; echo $?; [[ abc != *c ]]; echo $?; [[ a = a ]] && echo eq; [[ a == [ab] ]] && echo cls',
  'x="a b"; [[ $x == "a b" ]] && echo eq; [[ $x == a\\ b ]] && echo esc; [[ $x == a* ]] && echo glob; [[ -n $x && -z $nope ]] && echo set',
  'cd g; [[ * == *.pem ]]; echo $?; x=*; [[ $x == "*" ]] && echo nosplit-noglob; [[ ~ == /root ]] && echo tilde',
  '[[ 1 -lt 2 && 3 -gt 2 ]]; echo $?; [[ 2+3 -eq 5 ]]; echo $?; [[ x -eq 0 ]]; echo $?; [[ 1 -ge 2 || 2 -le 2 ]]; echo $?; [[ 10 -ne 010 ]]; echo $?',
  '[[ ( a == b ) || c ]]; echo $?; [[ ! ( a == a ) ]]; echo $?; [[ a < b ]]; echo $?; [[ b > a ]]; echo $?; [[ B < a ]]; echo $?',
  '[[ x ]]; echo $?; [[ "" ]]; echo $?; [[ $nope ]]; echo $?; [[ -v HOME ]] && echo home; [[ -v nope ]]; echo $?',
  // -v of an element: arithmetic subscripts, negative from the end, @ and *, associative keys, a scalar as element 0
  'a=(x y); b=([2]=z); n=([1]=q); i=0; for t in a "a[1]" "a[2]" "a[-1]" "a[-3]" b "b[2]" "b[i+2]" "a[@]" "b[*]" n "u[0]" "x[" "a[]" "a[ 0 ]"; do [[ -v $t ]]; echo "$t $?"; done',
  'declare -A m=([k]=v [0]=w [" k"]=s); for t in "m[k]" "m[j]" m "m[@]" "m[*]" "m[ k]" "m[]"; do [[ -v $t ]]; echo "$t $?"; done; x=5; for t in "x[0]" "x[1]" "x[@]" "x[-1]"; do test -v "$t"; echo "$t $?"; done; [ -v "m[k]" ]; echo $?; declare -a e; [[ -v e[@] ]]; echo $?',
  '[[ abc =~ ^a(b|x)c$ ]]; echo $? $BASH_REMATCH; [[ abc =~ "a.c" ]]; echo $?; [[ a.c =~ "a.c" ]]; echo $? $BASH_REMATCH; [[ xabcx =~ b+ ]] && echo $BASH_REMATCH',
  're="^[0-9]+$"; [[ 123 =~ $re ]]; echo $?; [[ 12a =~ $re ]]; echo $?; [[ ab =~ ( a|x )b ]]; echo $?; [[ a =~ [ ]]; echo $?',
  '[[ 08 -eq 8 ]]; echo $?; [[ a -eq 1x ]]; echo $?',
  'f() { [[ $1 == y* ]]; }; f yes; echo $?; f no; echo $?; if [[ $HOME == /r* ]]; then echo root; fi; while [[ $i != xxx ]]; do i=x$i; done; echo $i',
  '[[ a ]] > out; cat out; echo [[; [[ a ]] ]]',
  // field splitting by IFS (POSIX 2.6.5): white space runs, other characters one field each
  "IFS=$'\\n'; for l in $(printf 'a b\\nc d\\n'); do echo \"[$l]\"; done",
  'IFS=.; TOK=aa.bb.cc; parts=($TOK); echo ${#parts[@]} ${parts[1]}; set -- $TOK; echo $#',
  'IFS=,; v=a,,b,; set -- $v; echo $#; printf "[%s]" "$@"; echo; v=,a; set -- $v; echo $#',
  'IFS=" ,"; v=" a , b ,, c "; set -- $v; echo $#; printf "[%s]" "$@"; echo; v="x  y"; set -- pre${v}post; printf "[%s]" "$@"; echo',
  'IFS=; v="a b"; set -- $v; echo $#; unset IFS; set -- $v; echo $#; IFS=:; x=""; set -- $x ""$x; echo $#',
  'f() { local IFS=.; set -- $1; echo $#; }; f a.b.c; IFS=:; a=(x y); echo "${a[*]}" ${a[*]}',
  // $(< file) is the file; quotes inside $(( ))
  'x=$(<notes.txt); echo "${#x}[$x]"; y=$(< nope); echo "$?[$y]"; z=$(<notes.txt cat); echo "[$z]"',
  'E=10; N=4; echo $(( "$E" - "$N" )) $(( "1 + 2" * 3 )) $(( "" + 2 )); echo $(( \\"1\\" ))',
  "echo 'a+b/c' | tr '+/' '-_'; echo abc | tr a -x",
  // indirect expansion, names by prefix
  'v=HOME; echo ${!v} "${!v}"; x=5; v=x; echo ${!v:+set} ${!v/5/6} ${#v}; v=9; echo "[${!v}]"; a=(1 2 3); v="a[1]"; echo ${!v}; v="a[@]"; echo ${!v}',
  'set -- p q; v=1; echo ${!v} ${!#}; Zb=1; Za=2; declare -a Zc=(1); echo ${!Z*}; IFS=:; echo "${!Z*}"; echo "${!Z@}"; set -- "${!Z@}"; echo $#',
  'echo ${!nope}; echo not reached',
  'v="a b"; echo ${!v}; echo not reached',
  // PIPESTATUS (simple commands, subshells, (( )) and [[ ]] set it; other compound commands leave it) and FUNCNAME
  'true | false | true; echo ${PIPESTATUS[@]} ${#PIPESTATUS[@]}; ! false; echo ${PIPESTATUS[@]}; (exit 3); echo $PIPESTATUS; if false; then :; fi; echo ${PIPESTATUS[@]}',
  'true; { false; }; echo ${PIPESTATUS[@]}; f(){ return 4; }; f; echo ${PIPESTATUS[@]}; false; x=1; echo ${PIPESTATUS[@]}; false; (( 0 )); echo $PIPESTATUS; false; case x in y) ;; esac; echo $PIPESTATUS; { false; } | true; echo ${PIPESTATUS[@]}',
  'f(){ echo "f[${FUNCNAME[@]}] ${#FUNCNAME[@]}"; g; }; g(){ echo "g[${FUNCNAME[*]}] $FUNCNAME"; }; f; echo "after[${FUNCNAME[@]}]"',
  `printf 'f(){ echo "[\${FUNCNAME[@]}]"; }\nf\necho "$-"\n' > fn.sh; bash fn.sh; bash < fn.sh`,
]

let real: Outcome[] = []
beforeAll(async () => {
  requireTools('bash')
  real = await realBashLines(CASES, FILES)
}, 120_000)

afterAll(() => undefined)

describe('the lab shell language agrees with GNU bash 5.2', () => {
  test.each(CASES.map((line, i) => [line, i] as const))('%s', async (line, i) => {
    const files: Record<string, string> = {}
    for (const [name, text] of Object.entries(FILES)) files[`/root/${name}`] = text
    const sh = newShell(files)
    expect(await sh.run(line)).toEqual(real[i])
  })
})
