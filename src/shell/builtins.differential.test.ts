// Differential tests of the shell's options, special parameters and builtins against the
// machine's real GNU bash 5.2 (one bash process for all lines, each in a subshell of its own).
// Real bash runs these non-interactively, so lines that would end an interactive shell (`exit`,
// `set -e`) run inside `( ... )`, and aliases need `shopt -s expand_aliases` (the lab accepts it).

import { beforeAll, describe, expect, test } from 'vitest'
import type { Outcome } from './testing/realTools'
import { requireTools, runBatch } from './testing/realTools'
import { realBashLines } from './testing/bashOracle'
import { newShell } from './testSupport'

const FILES: Record<string, string> = {
  'lib.sh': 'greet() { echo "hello $1"; }\nLIBVAR=loaded\necho "sourced with $# args: $*"\n',
  'lines.txt': 'alpha beta\n  indented  line  \nlast-no-newline',
}

const CASES: string[] = [
  // an exact tie rounds to the even digit, as glibc's printf does (JavaScript's toFixed rounds it up)
  "printf '%.0f %.1f %.2f %.0f %.0f %.1f\\n' 2.5 2.25 0.125 3.5 -2.5 0.35",
  "printf '%.0e %.1e %g %.2g %.1g\\n' 2.5 1.25 0.5 0.125 2.5",
  "seq -f '%.0f' 0.5 1 4.5",
  // %b takes \\nnn as well as \\0nnn (echo -e only the second); \\c ends the output
  "printf '%b|' '\\101' '\\1' '\\18' '\\0101' '\\01017' '\\c' 'x'; echo; echo -e '\\101|\\0101'",
  // a program's own streams as files, and /dev/fd/0-2 in redirections (one each: the real bash's
  // streams are files here, and opening one again truncates it)
  'echo c | cat /dev/stdin',
  'echo e | tee /dev/stderr',
  'echo b >/dev/fd/2',
  'echo x 2>/dev/fd/1 >&2',
  `echo f | awk '{print > "/dev/stderr"}'`,
  `echo '{"g":1}' | jq -c . /dev/stdin`,
  'echo h | cat < /dev/fd/0',
  // positional parameters, "$@" and "$*"
  'set -- "a b" c; printf "[%s]" "$@"; echo; printf "[%s]" "$*"; echo; printf "[%s]" $@; echo; echo $# ${#@} $1 ${2}',
  'f() { printf "[%s]" "$@"; echo " $#"; }; f; f ""; f "x y" z; set -- 1 2; f "$@" 3',
  'set -- a b; IFS=,; echo "$*"; IFS=; echo "$*"; unset IFS; echo "$*"',
  'set -- 1 2 3 4 5 6 7 8 9 10 11; echo $10 ${10} ${11} $#; shift 3; echo $1 $#; shift 20; echo $? $#',
  'shift x; echo $?; set -- a; shift -1; echo $?',
  'f() { shift; echo "$@"; }; f a b c; for x; do echo $x; done; set -- p q; for x; do echo $x; done',
  // special parameters
  // (set +m: job control off, as in the script bash runs here, so no `[1] PID` line; jobs.test.ts has those)
  'set +m; echo $0; (exit 7); echo $?; echo $!; true & [ -n "$!" ] && echo bg-pid',
  '[ "$$" -gt 0 ] && echo pid; [ "$(echo $$)" = "$$" ] && echo same-in-subst; (echo $$) | grep -qx "$$" && echo same-in-sub',
  'RANDOM=1; echo $RANDOM $RANDOM $RANDOM; RANDOM=42; echo $RANDOM $RANDOM',
  // printf's %(FORMAT)T (bash: local time; here and in CI the zone is UTC)
  "printf '%(%Y-%m-%d %H:%M:%S)T|%(%s)T|%10(%H)T|%.2(%Y)T|\\n' 0 1700000000 3600 0; printf '%(%Y)T\\n' | wc -c; printf '%(x)d|\\n' 1; echo $?; printf '%(x)\\n'; printf '%T\\n' 1; echo $?",
  'readonly -1; echo $?; readonly -pz; echo $?',
  // getopts
  'f() { local o OPTIND; while getopts "ab:c" o; do case $o in b) echo "b=$OPTARG";; \\?) echo "bad [$OPTARG]";; *) echo $o;; esac; done; shift $((OPTIND-1)); echo "rest: $* $OPTIND $o"; }; f -a -b x -ac -bval -d -- y z; f -b; f x -a',
  'while getopts ":ab:" o -a -z -b; do echo "$o [$OPTARG]"; done; echo $OPTIND; getopts a o -q; echo $? "$o"; getopts; echo $?',
  'OPTERR=0; getopts a o -z; echo "$? $o [${OPTARG-unset}]"; OPTIND=1; getopts ab o x -a; echo $? "$o" $OPTIND; set -- -a -b; getopts ab o; echo $o; getopts ab o; echo $o; getopts ab o; echo $? "$o" $OPTIND',
  'getopts ab: 1x; echo $?; readonly r; getopts a r -a; echo $?; type getopts; which getopts; echo $?',
  // bash's own variables (bashVariables.ts), `$_`, and what a bash started from this one gets
  'echo "$BASH_VERSION|${BASH_VERSINFO[*]}|$HOSTTYPE|$MACHTYPE|$OSTYPE|$UID|$EUID|$GROUPS|$PS4|$OPTIND|$OPTERR"; declare -p BASH_VERSINFO UID EUID OPTIND BASH_VERSION',
  'readonly -p | grep -v -e SHELLOPTS -e BASHOPTS -e PPID; UID=5; echo no',
  'unset EUID; echo $?; (PPID=1); echo $?; [ "$PPID" -gt 0 ] && echo ppid',
  '[ "$BASHPID" -gt 0 ] && echo pid; (echo $BASHPID) | grep -vqx "$$" && echo own-in-subshell; [ "$(echo $BASHPID)" != "$$" ] && echo own-in-subst',
  'true a; echo b $_; f() { echo "[$_]"; }; f zz; echo "[$_]"; x=1; echo "[$_]"; echo; echo "[$_]"; (echo q); echo "[$_]"; true one | true two; echo "[$_]"; unset _; echo "[$_]"',
  // chmod, and a script run by its path: its #! line's program (bash without one), $0 as typed
  'printf "#!/bin/bash\\necho hi \\$0 \\$1\\n" > s.sh; ./s.sh; chmod +x s.sh; ./s.sh x; ls -l s.sh | cut -c1-10; [ -x s.sh ] && echo x; [ -x /dev/null ] || echo not-x',
  'printf "echo plain \\$0\\n" > p.sh; chmod 755 p.sh; ./p.sh; printf "#!/bin/sh\\necho \\$0 in sh\\n" > d.sh; chmod u+x d.sh; ./d.sh; printf "#!/usr/bin/env bash\\necho env \\$1\\n" > e.sh; chmod +x e.sh; ./e.sh yes',
  'printf "#!/usr/bin/nope\\n" > n.sh; chmod +x n.sh; ./n.sh; echo $?; chmod -v 600 n.sh; ./n.sh; echo $?; chmod -c a+x n.sh; chmod -c a+x n.sh; chmod -v a+x n.sh; ls -l n.sh | cut -c1-10',
  'touch f; for m in 755 0 4755 u+x,g=u,o-r =r a+X +t 7777 go-w u=rwx,go= g+s,o=u 644 00600; do chmod $m f; ls -l f | cut -c1-10; done; mkdir -p d; chmod a+X,+t d; ls -ld d | cut -c1-10; chmod 2755 d; chmod 755 d; ls -ld d | cut -c1-10',
  'touch f; chmod 666 f; chmod -w f; echo $?; ls -l f | cut -c1-10; chmod -x f; echo $?; chmod -R go-rwx .; ls -l f | cut -c1-10',
  // what cp and mv do with a mode: mv keeps it, cp gives a new file its source's less the umask and set-id bits, cp -p all of it
  'touch s; chmod 750 s; mv s t; ls -l t | cut -c1-10; cp t u; ls -l u | cut -c1-10; touch v; cp t v; ls -l v | cut -c1-10; chmod 4777 t; cp t w; ls -l w | cut -c1-10; cp -p t x; ls -l x | cut -c1-10; mkdir -p dd; chmod 700 dd; cp -r dd ee; ls -ld ee | cut -c1-10; mv dd ff; ls -ld ff | cut -c1-10',
  // stat: every field that does not depend on a disk, the display less its numbers and times, -t, --printf, errors
  "touch f; chmod 0 f; mkdir -p d; chmod 1755 d; printf 'hello\\n' > g; stat -c '%n|%s|%b|%B|%a|%A|%f|%F|%h|%u|%U|%g|%G|%o|%t|%T|%N|%Hd|%Ld|%Hr|%Lr|%r|%R|%D|%d' f d g /dev/null",
  "touch f; printf 'hello\\n' > g; stat -c '[%q][%5q]|end %' f; stat -c '%-8n|%8s|%.3n|%05a|%#a' f g; stat --printf='%n\\t%s\\n' g; stat --printf='%n|' f g; echo; stat -t g | cut -d' ' -f1-6,9-11,16",
  "printf 'hello\\n' > g; stat g | grep -v -e Device -e Access: -e Modify -e Change -e Birth; stat /dev/null | grep -v -e Inode -e Access: -e Modify -e Change -e Birth; stat nope g | head -1; stat; stat -x g; stat -c; echo $?",
  'chmod; chmod 7; chmod abc f; chmod 644 nope; echo $?; chmod -f 644 nope; echo $?; touch f; chmod 88 f; chmod u+q f; chmod -Z f',
  // a path that names no program: a script (no file here is executable), a directory, a path through a file, nothing
  'printf "echo hi\\n" > s.sh; mkdir -p d; ./s.sh; echo $?; ./d; echo $?; ./s.sh/x; echo $?; ./nope; echo $?; ./d/../s.sh; echo $?; sh -c "./s.sh; ./d; echo \\$?"',
  'printenv _; env | grep -c "^_=/usr/bin/env$"; bash -c "echo \\$_"; sh -c "echo \\$_"; /usr/bin/printenv _; ../../../../usr/bin/true && echo by-path',
  'A=1 bash -c "echo [\\$A]"; f() { local B=2; export B; bash -c "echo [\\$B]"; sh -c "echo [\\$B]"; }; f; (export C=3; bash -c "echo [\\$C]"); echo "[$B]"',
  '[ "$SECONDS" -ge 0 ] && echo seconds; [ "$EPOCHSECONDS" -gt 1700000000 ] && echo epoch; [[ $EPOCHREALTIME =~ ^[0-9]+\\.[0-9]{6}$ ]] && echo real; [ "$SRANDOM" != "$SRANDOM" ] && echo srandom',
  // set -e, -u, -x, -o pipefail
  '( set -e; false; echo not-reached ); echo status $?',
  '( set -e; false || true; ! true; if false; then :; fi; while false; do :; done; false && true; echo reached ); echo $?',
  '( set -e; f() { false; echo in-f; }; f; echo after ); echo $?',
  '( set -e; x=$(false; echo subst-goes-on); echo "$x" ); echo $?',
  '( set -u; echo ${X:-d} ${X-e} ${X:+f}; echo $X; echo after ); echo $?',
  '( set -u; echo $1 ); echo $?',
  '( set -u; set -- a; echo $1 "$@" ${#@} )',
  'false | true; echo $?; set -o pipefail; false | true; echo $?; true | false | true; echo $?; (exit 3) | (exit 4) | true; echo $?',
  'set -o pipefail; set -o | grep -E "^(pipefail|errexit|nounset) "; set +o pipefail; set +o | grep pipefail',
  'set -z; echo $?; set -o nosuch; echo $?',
  'set -f; echo *; set +f',
  // builtins
  'shopt -s expand_aliases; alias k=echo x="a b"; alias; alias k; alias nosuch; unalias nosuch; unalias k; alias',
  'shopt -s expand_aliases; alias k="echo from-alias"\nk one\nunalias k\nk two',
  'shopt -s expand_aliases; alias ls="ls -d"\nls lib.sh',
  'read -r a b <<< "one two three"; echo "[$a][$b]"; echo "x y" | read v; echo "[$v]"; read -p "name: " n <<< bob; echo $n',
  'read a b c <<< "  lead  trail  "; echo "[$a][$b][$c]"; read <<< "  keep  "; echo "[$REPLY]"',
  'IFS=, read -r a b c <<< "x,y,z,w"; echo "[$a][$b][$c]"; echo "IFS=[$IFS]"',
  'read a <<< "back\\\\slash"; echo "$a"; read -r a <<< "back\\\\slash"; echo "$a"',
  'while read -r l; do echo "<$l>"; done < lines.txt; echo $?',
  'read -r first < lines.txt; echo "$first"; { read -r x; read -r y; echo "[$x][$y]"; } < lines.txt',
  'read -n 3 c <<< "abcdef"; echo $c; read -d , c <<< "ab,cd"; echo $c; read 1x <<< z; echo $?',
  'eval "echo a; echo \\$((1+2))"; cmd="echo evaluated"; eval $cmd; eval; echo $?',
  'source lib.sh one two; greet you; echo $LIBVAR; . lib.sh; source nosuch; echo $?; source',
  // return ends a sourced file (from a loop in it too, or a function that sourced it), with its status; a bad status is 2
  `printf 'echo a\\nreturn 5\\necho b\\n' > r.sh; source r.sh; echo rc=$?; printf 'f2() { return 3; }\\nf2\\necho "f2 $?"\\nfor i in 1 2; do echo $i; return 7; done\\necho b\\n' > r2.sh; . ./r2.sh; echo rc=$?`,
  'printf "echo a\\nreturn 5\\necho b\\n" > r.sh; m(){ . ./r.sh; echo "after $?"; return 4; }; m; echo "m $?"; false; printf "return\\n" > r3.sh; . ./r3.sh; echo "bare $?"; return 2; echo "top $?"',
  // (bash names a function's line by its file: the sed takes that off)
  'f(){ return abc; echo in; }; { f; echo "st $?"; } 2>&1 | sed "s/^[a-z]*: line [0-9]*: /bash: /"; h(){ return -1; }; h; echo "st $?"; k(){ return " 300 "; }; k; echo "st $?"',
  '( exit 3 ); echo $?; ( exit ); echo $?; ( exit 300 ); echo $?; ( exit abc ); echo $?; (exit 1 2); echo $?',
  '( trap "echo bye \\$?" EXIT; echo hi; exit 4 ); echo $?',
  'trap "echo bye" EXIT; trap; trap -p EXIT; trap - EXIT; trap; trap "x" NOSIG; echo $?',
  '( trap "echo t1" EXIT; trap "echo t2" 0; trap "" INT; trap ); x=$(trap "echo in-subst" EXIT; echo out); echo "$x"',
  // the ERR trap: where set -e would stop (not in conditions, not the left of && and ||, not for a compound's own status)
  `trap 'echo "ERR $?"' ERR; false; echo x; false && true; true && false; if false; then :; fi; ! true; false || false; { false; }; ( exit 4 ); false | true; true | false; while false; do :; done; x=$(false); [[ a == b ]]; (( 0 )); for i in 1; do false; done; echo done; trap - ERR; false`,
  // a function runs without it unless set -E, and keeps its own; $? survives it; a failure in it does not call it again
  `trap 'echo "E $?"; false' ERR; false; echo "after $?"; f(){ false; echo inf; }; f; g(){ return 3; }; g; f(){ trap "echo IN" ERR; false; }; f; false`,
  `trap 'echo "T"' ERR; set -E; (false; echo sub); g(){ false; echo ing; }; g; set +E; g; (false); trap -p ERR; bash -c 'trap "echo bye; exit 3" ERR; false; echo no'; echo "st $?"; bash -c 'trap "echo inner" ERR; set -e; false; echo no'; echo "st $?"`,
  'type cd ls nosuch if; echo $?; type -t cd ls if nosuch; echo $?',
  'f() { :; }; type -t f; type -P ls; type -p cd; echo $?; command -v ls cd f nosuch; echo $?',
  // names every JavaScript object has: no builtin, no command (one ran Object's constructor as a builtin)
  'constructor; echo $?; toString; echo $?; __proto__; echo $?; hasOwnProperty x; echo $?; type -t constructor valueOf; echo $?; command -v toString; echo $?',
  'command -V cd; command echo via-command; f() { echo func; }; command f; echo $?',
  // hash: the programs run from PATH, with their hits; type and command -V say "hashed"
  'hash; ls >/dev/null; type ls; hash; ls >/dev/null; hash; type -t ls; type -P ls; command -v ls; command -V ls; hash',
  'ls >/dev/null; type -a ls; hash; hash -t ls; hash -l; hash -d ls; hash; echo $?; hash -l; echo $?',
  'ls | cat >/dev/null; x=$(wc </dev/null); (sort </dev/null); { head </dev/null; }; type ls wc sort head; hash',
  'cat </dev/null; wc </dev/null; sort </dev/null; ls >/dev/null; head </dev/null; tail </dev/null; grep x </dev/null; od </dev/null; cut -c1 </dev/null; hash; hash -l',
  'hash ls nosuch cd; echo $?; hash; hash -t ls cat; echo $?; hash -d cat; echo $?; f() { :; }; hash f echo; echo $?; hash',
  'hash -x; echo $?; hash -t; echo $?; hash -d; echo $?; hash -p; echo $?',
  'hash -p /usr/bin/ls x; hash; hash -p /tmp y; echo $?; hash /bin/ls; echo $?; hash -r ls; hash; hash -r; hash; echo $?',
  'set +h; ls >/dev/null; hash; echo $?; type ls; set -h; ls >/dev/null; hash',
  'ls >/dev/null; PATH=/nowhere:$PATH; hash; type -t ls',
  // every builtin that type names runs (none is "command not found")
  'hash; umask >/dev/null; echo $?; builtin echo via-builtin; let x=2+3; echo $? $x',
  // time: the report's form (its numbers are the machine's, so they are masked)
  '{ time true; } 2>&1 | sed -E "s/[0-9]+\\.[0-9]+/N/g"; { time -p true; } 2>&1 | sed -E "s/[0-9]+\\.[0-9]+/N/g"; { time; } 2>&1 | sed -E "s/[0-9]+\\.[0-9]+/N/g"',
  'time=3; echo $time; echo time; { time ! false; } 2>/dev/null; echo $?; { time echo hi 2>/dev/null; } 2>&1 | sed -E "s/[0-9]+\\.[0-9]+/N/g"; type time',
  'umask; umask -S; umask -p; umask -p -S; umask 077; umask; umask -S; (umask 0); umask; umask 1777; umask; umask 0022 x; umask',
  'umask u=rwx,g=,o=; umask; umask g+w,o+rx; umask; umask a-w; umask; umask =; umask; umask o=rwx -S; umask -S g-x',
  // readonly (bash's own readonly variables, such as PPID, are not in the lab: the listings are cut to the test's)
  'readonly R=1 S; readonly -p | grep -E " (R|S)(=|$)"; readonly | grep -c " R="; unset R; echo "u=$?"; export R=5; echo "e=$?"; export -n R; echo "en=$?"; echo $R',
  'readonly R=1; read R <<< x; echo "r=$?"; read -r a R <<< "x y"; echo "r2=$? $a"; for R in a b; do echo in; done; echo "f=$?"; for R in; do :; done; echo "f0=$?"',
  'readonly -q; echo "q=$?"; readonly 1x=2; echo "n=$?"; readonly -f; echo "f=$?"; X=1; readonly X; readonly X=2; echo "x=$?"; readonly -p X; echo "p=$?"; declare X=3; echo "d=$?"; type readonly',
  'umask 8; echo $?; umask 17777; echo $?; umask abc; echo $?; umask u=q; echo $?; umask u+r,; echo $?; umask -x; echo $?; umask',
  'let; echo $?; let 1+; echo $?; let x=0; echo $?; let x=1 y=0; echo $? $x $y; let "a = 3 * 4" b=a+1; echo $? $a $b',
  'builtin; echo $?; builtin ls; echo $?; builtin nosuch; echo $?; f() { echo f; }; builtin type -t f; echo() { :; }; builtin echo past-function; builtin -x; echo $?; builtin cd /; pwd',
  // read in a pipeline: each read goes on where the one before stopped
  'seq 3 | while read -r n; do echo "n=$n"; done; printf "a b\\nc d\\n" | while read x y; do echo "$y$x"; done',
  'printf "1\\n2\\n3\\n" | { read a; read b; echo "$b$a"; }; echo hi | (read v; echo "[$v]"); printf "x\\ny\\n" | while read l; do echo "$l" | tr a-z A-Z; done',
  // set -C (noclobber): > and &> refuse an existing file, >| and >> write, /dev/null is no file; <> creates
  'set -C; echo a > f; echo b > f; echo "rc=$?"; cat f; echo c >| f; cat f; echo e &> f; echo "rc=$?"; echo d >> f; cat f; echo x > /dev/null; echo "rc=$?"; mkdir d; echo z > d; echo "rc=$?"; set +C; echo g > f; cat f; cat <> new; ls new',
  'declare -p X; X=1; declare -p X; declare -x Y=2; declare -p Y; declare -i I=2+3; echo $I; I=4*5; echo $I',
  'declare -r R=3; R=4; echo $? $R; declare -p R; unset R; echo $?',
  // functions: a subshell's stay in it; unset -f, -v and a name no variable has
  '(g() { echo in; }); g; echo $?; h() { echo h; }; (unset h; h); h; x=$(k() { :; }); type -t k; echo $?',
  'f() { echo f; }; unset -f f; f; echo $?; f() { echo f; }; f=1; unset f; f; unset f; f; echo $?',
  "unset -fv x; echo $?; unset 'a b'; echo $?; unset -v 'a b'; echo $?; unset -f 'a b'; echo $?; unset -- -x; echo $?; unset -q; echo $?",
  'f() { :; }; unset -v f; type -t f; unset -n f; type -t f; unset f; type -t f; echo $?; a=(1 2); g() { :; }; unset a g; declare -p a; type -t g; echo $?',
  'f() { declare L=inner; echo $L; }; L=outer; f; echo $L; declare -z',
  "A='x y' B=$'a\\nb' C=plain D=\"it's\" E=; set | grep -E '^(A|B|C|D|E|IFS)='",
  'printf -v V "%05d" 42; echo $V; export -p | grep -c "declare -x HOME="',
  // printf -v and read into an element: arithmetic and negative subscripts, associative keys, bad names
  "printf -v \"a b\" %s x; echo $?; printf -v \"a[-5]\" %s x; echo $?; a=(1 2); printf -v \"a[-1]\" %s z; echo ${a[@]}; printf -v \"a[i+2]\" %s w; echo ${a[@]}; read \"b[\" <<< x; echo $?; read \"a[-9]\" <<< x; echo $?; read x \"a[0]\" <<< \"p q r\"; echo $x ${a[@]}; declare -A m; read \"m[k]\" \"m[j j]\" <<< \"1 2\"; declare -p m; printf -v \"m[@]\" %s q; echo $?; declare -p m; printf -v \"a[@]\" %s q; echo $?; read \"a[]\" <<< x; echo $?",
  "readonly r=1; printf -v r %s x; echo $? $r; printf -v 'r[1]' %s x; echo $?; printf -v a[3] %s hi; echo \"${a[3]}\"; read -r 'a[1]' <<< v; echo \"${a[1]}\"; declare -A n; printf -v 'n[k]' %s v; echo \"${n[k]}\" $n; printf -v 'n[0]' %s zero; echo $n",
]

// `set -x` repeats the `+` once per eval level; the oracle runs every line through one eval.
const XTRACE: string[] = [
  // (no pipeline here: bash runs its members at once, so the order of their trace lines varies)
  'set -x; A=1 B="x y" echo hi "a b" "" "it\'s" \'$x\' "*" a=b; C=$(echo sub); echo a; set +x',
  'set -x; for i in 1; do [ $i = 1 ] && echo "$i"; done; f() { echo f "$@"; }; f a; eval "echo e"; set +x',
  'set -x; z=1; z+=2; B+=3 echo "$z"; set +x',
  'set -x; a=(1 "2 3"); a[1]=x; a+=(y); b[2]+=z; echo "${a[@]}"; set +x',
  // (( )) with its own blanks around the expanded text; for (( ))'s parts trimmed
  'set -x; i=0; x=5; (( i++ )); ((i+=2)); ((  $x + 1 )); for ((j=0; j<1; j++)); do :; done; set +x',
]
const oneLevelLess = (o: Outcome): Outcome => ({ ...o, stderr: o.stderr.replace(/^\+(\++ )/gm, '$1') })

let real: Outcome[] = []
beforeAll(async () => {
  requireTools('bash')
  real = await realBashLines([...CASES, ...XTRACE], FILES)
}, 120_000)

describe('options, special parameters and builtins agree with GNU bash 5.2', () => {
  test.each(CASES.map((line, i) => [line, i] as const))('%s', async (line, i) => {
    const files: Record<string, string> = {}
    for (const [name, text] of Object.entries(FILES)) files[`/root/${name}`] = text
    const sh = newShell(files)
    expect(await sh.run(line)).toEqual(real[i])
  })
})

describe('set -x traces as GNU bash 5.2 does', () => {
  test.each(XTRACE.map((line, i) => [line, i] as const))('%s', async (line, i) => {
    expect(await newShell().run(line)).toEqual(oneLevelLess(real[CASES.length + i]))
  })
})

describe('what type calls a builtin is one in GNU bash 5.2, and runs', () => {
  test('every builtin the lab names runs as one (none is "command not found")', async () => {
    requireTools('bash')
    const [real] = await runBatch([{ shell: 'compgen -b' }])
    const bashBuiltins = new Set(real.stdout.split('\n').filter(Boolean))
    const named: string[] = []
    for (const name of bashBuiltins) {
      const sh = newShell()
      if ((await sh.run(`type -t ${name}`)).stdout === 'builtin\n') named.push(name)
    }
    // the lab knows most of them (the rest are "not found" to type, as to running them)
    expect(named.length).toBeGreaterThan(40)
    for (const name of named) {
      const r = await newShell().run(`${name} </dev/null`)
      expect({ name, stderr: r.stderr, exitCode: r.exitCode }).not.toMatchObject({ exitCode: 127 })
      expect(r.stderr, name).not.toContain('command not found')
    }
    // and nothing else is one
    const sh = newShell()
    for (const name of ['ls', 'cat', 'kubectl', 'which', 'sudo', 'select', 'time']) expect((await sh.run(`type -t ${name}`)).stdout, name).not.toBe('builtin\n')
  })
})
