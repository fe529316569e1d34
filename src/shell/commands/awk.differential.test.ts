// awk against the machine's awk, mawk 1.3.4 (Debian's default awk), all cases in one bash process.

import { describe } from 'vitest'
import { agreesWithRealTools } from './diffSupport'

const FILES: Record<string, string> = {
  'people.txt': 'alice 30 paris\nbob 25 berlin\ncarol 35 rome\ndave 25 paris\n',
  'csv.txt': 'name,age,city\nalice,30,paris\nbob,,berlin\n',
  'para.txt': 'a 1\nb 2\n\n\nc 3\n\nd 4\n',
  'prog.awk': '{ total += $2 }\nEND { printf "total=%d avg=%.2f\\n", total, total / NR }\n',
  'noeol.txt': 'first\nsecond',
}

const CASES: string[] = [
  // glibc rounds an exact tie to even
  "awk 'BEGIN { printf \"%.0f %.1f %.2f %e %.0e %g\\n\", 2.5, 2.25, 0.125, 1.25, 2.5, 2.5 }'",
  "awk '{print $1}' people.txt",
  "awk '{print $NF, NF, NR}' people.txt noeol.txt",
  "awk '$2 > 28' people.txt",
  "awk '$2 >= 30 {print NR\": \"$1} END {print NR, \"lines\"}' people.txt",
  "awk -F, 'NR > 1 {print $2 \"|\" $3}' csv.txt",
  "awk -F, -v OFS=';' '{$1 = $1; print}' csv.txt",
  "awk -v n=2 -v s='a\\tb' 'BEGIN {print n * 3, s}'",
  "awk '/paris/ {c++} END {print c}' people.txt",
  "awk '!/paris/' people.txt; awk '$3 ~ /^r/ || $1 == \"bob\"' people.txt",
  "awk '{a[$3] += $2; n[$3]++} END {print a[\"paris\"], n[\"paris\"], length(a), (\"rome\" in a), (\"oslo\" in a)}' people.txt",
  "awk '{ s = s $1 \",\" } END { print substr(s, 1, length(s) - 1) }' people.txt",
  "awk 'BEGIN { printf \"%5.2f|%-4d|%c|%c|%x|%o|%e|%g|%s|%5s|%-5s|%.2s|%%\\n\", 3.14159, 7, 65, \"hello\", 255, 8, 12345.678, 0.0001, 42, \"ab\", \"cd\", \"xyz\" }'",
  "awk 'BEGIN { print 1/3, 100000*100000, 2147483647, 2147483648, 0.1+0.2, 1e6, 3/2, -7%3, 2^10, 2**3 }'",
  "awk 'BEGIN { x = \"3abc\"; y = \"10\"; print x + 0, (y < 9), (\"10\" < \"9\"), int(-2.7), int(\"4.9z\") }'",
  "echo '10 9' | awk '{ print ($1 < $2), ($1 > $2) }'",
  "echo 'hello world' | awk '{ gsub(/o/, \"0\"); print; n = sub(/l+/, \"[&]\"); print n, $0; print toupper($2), tolower(\"ABC\") }'",
  "echo 'foo bar foo' | awk '{ print gsub(/foo/, \"\\\\&x\"), $0 }'",
  "echo 'hello world' | awk '{ print index($0, \"wor\"), match($0, /o w/), RSTART, RLENGTH, match($0, /z/), RSTART, RLENGTH }'",
  "echo 'a:b:c' | awk '{ n = split($0, p, \":\"); print n, p[1], p[3]; m = split(\"x  y\", q); print m, q[2] }'",
  "awk 'BEGIN { for (i = 1; i <= 5; i++) { if (i == 2) continue; if (i == 4) break; printf \"%d \", i }; print \"\" }'",
  "awk 'BEGIN { i = 0; while (i < 3) i++; do { i-- } while (i > 1); print i }'",
  "awk 'function f(a, b) { return a * b } function g(arr) { arr[\"k\"] = 1 } BEGIN { print f(3, 4); g(z); print z[\"k\"] }'",
  "awk 'NR == 2 { next } { print } NR == 3 { exit 3 }' people.txt; echo status $?",
  "awk 'BEGIN { exit 4 } END { print \"end runs\" }'; echo $?",
  "awk '/bob/,/carol/' people.txt",
  "awk -f prog.awk people.txt",
  "awk 'BEGIN { RS = \"\" } { print NR \": \" $1 \"/\" NF }' para.txt",
  "echo 'a b c' | awk '{ $5 = \"e\"; print; print NF; NF = 2; print }'",
  "echo 'x' | awk '{ print length(), length }'",
  "awk '{ print FILENAME, FNR }' people.txt csv.txt | tail -n 3",
  // strftime (the machine's clock and the lab's are both UTC) and systime
  "awk 'BEGIN{print strftime(\"%Y-%m-%dT%H:%M:%SZ\", 1700000000); print strftime(\"%H\", 1700000000, 1); print strftime(\"%s|%Z\", \"1700000000.7\"); print strftime(\"%Y\", -1); print strftime(\"%c\", 0); print systime() - systime(); print (systime() > 1700000000)}'; echo 1700000000 | awk '{print strftime(\"%a %b %e %H:%M:%S %Y\", $1)}'",
  // substr: start and length cut to whole numbers; a start before 1 lengthens the part (mawk 1.3.4)
  "awk 'BEGIN{s=\"hello\"; n=split(\"-2 -1 -0.5 0 0.4 0.5 0.6 1 1.4 1.5 1.6 2 2.5\", B, \" \"); m=split(\"-1 0 0.4 0.5 0.6 1 1.5 2 2.5 3\", L, \" \"); for(i=1;i<=n;i++){line=B[i]\":\"; for(j=1;j<=m;j++) line=line\" \"L[j]\"=\"substr(s,B[i],L[j]); print line}; print substr(s,4,10) \"|\" substr(s,6) \"|\" substr(\"\",1,2) \"|\" substr(s,-3) \"|\" substr(s,2) \"|\" substr(12345, 2, 3)}'",
  // printf's integers as mawk's C int and unsigned: clamped, NaN the least
  "awk 'BEGIN{printf \"%d %d %d %i|%u %u %x %x %o %X|%5d|%c\\n\", 2^31, -2^31-5, 2^53, 1e30, -5, 2^33, -1, 2^32+5, 8, 255, 2^40, 65; printf \"%d %d %d %x %u|%d %.3d %+d\\n\", log(0), -log(0), log(-1), -log(0), log(-1), -2147483648, 7, 2147483646.9; x = sprintf(\"%d\", 3000000000); print x}'",
  // ARGV and ARGC; FILENAME is - for standard input (mawk)
  "awk 'BEGIN{print ARGV[0], ARGC, ARGV[1], ARGV[2]; print FILENAME \"|\"} END{print FILENAME \"|\", NR}' /dev/null x=1 /dev/null; echo a | awk '{print FILENAME \"|\"}'; echo a | awk 'END{print FILENAME \"|\"}'; awk 'BEGIN { getline; print FILENAME \"|\" $0 }' <<< q; echo a | awk '{print FILENAME}' -; awk 'BEGIN{for (i = 0; i < ARGC; i++) print i, ARGV[i]; print (ARGV[1] == 10)}' 10.0 'a b'",
  "printf 'b 2\\na 1\\n' | awk '{ print $2, $1 }' | sort",
  "awk '{print $1' people.txt",
  "awk '{print}' nosuch.txt; echo $?",
  "awk 'BEGIN { printf \"%d %s %i\\n\", \"3abc\", 1/3, -2.7 }'",
  "awk 'BEGIN { printf \"%s-%s\\n\", \"only\" }'",
  "awk -v x=5 '$2 > x { print $1 }' x=26 people.txt",
  "echo '  lead  trail  ' | awk '{ print \"[\" $1 \"][\" $2 \"]\" NF }'",
  "echo 'a|b|c' | awk -F'|' '{ print $2 }'; echo 'a1b22c' | awk -F'[0-9]+' '{ print $3, NF }'",
  "awk 'BEGIN { a[\"x\"]; delete a[\"x\"]; print length(a); a[1]; a[2]; delete a; print length(a) }'",
  "awk 'BEGIN { s = sprintf(\"%03d-%s\", 7, \"z\"); print s; print (1 ? \"yes\" : \"no\"), !0, -\"3\" }'",  // getline in its forms, close, fflush, system
  "awk 'NR == 1 { getline; print \"after getline:\", $0, NR, FNR; getline x; print \"var:\", x, $0, NR }' people.txt",
  "awk 'BEGIN { while ((getline line < \"people.txt\") > 0) n++; print n, NR, line; print (getline y < \"nosuch\") }'",
  "awk 'BEGIN { getline < \"people.txt\"; print $2, NF, NR; close(\"people.txt\"); getline < \"people.txt\"; print $1; print close(\"people.txt\"), close(\"people.txt\") }'",
  "awk 'BEGIN { \"echo one two; echo three\" | getline; print $2, NF, NR; \"echo one two; echo three\" | getline v; print v, NR }'",
  "awk 'BEGIN { cmd = \"printf \\\"a\\\\nb\\\\n\\\"\"; while ((cmd | getline l) > 0) print \"got\", l; close(cmd); cmd | getline l; print \"again\", l }'",
  "awk 'BEGIN { printf \"before \"; r = system(\"echo from-shell; exit 3\"); print \"after\", r; fflush(); system(\"\") }'",
  "awk '{ print; system(\"echo sys \" NR) }' people.txt",
  "printf 'x\\ny\\n' | awk 'BEGIN { getline; print \"begin read\", $0 } { print \"rule\", $0 }'",
  "awk 'BEGIN { \"nosuchcmd\" | getline r; print \"[\" r \"]\"; print system(\"false\") }' 2>/dev/null",
  // mawk works on bytes in every locale: length, substr, index, `.`, printf widths and %c, toupper
  "echo '\u00e9' | awk '{ print length($0), substr($0, 2), toupper($0), index($0, \"\\251\") }' | od -An -c",
  "echo 'x\u00e9y' | awk '/x.y/ { print \"one\" } /x..y/ { print \"two\" } { n = split($0, a, \"\"); print n; printf \"%c|%5s|\\n\", 233, \"\u00e9\" }' | od -An -c",
  "awk -v v='\u00e9' 'BEGIN { print length(v); print v > \"o.txt\"; close(\"o.txt\"); getline l < \"o.txt\"; print length(l); \"echo \u00e9\" | getline c; print length(c), c; system(\"echo \" v) }'",
  "export LC_ALL=C.UTF-8; echo '\u00e9' | awk '{ print length($0), toupper($0) }'; echo 'a b' | awk '{ n = split($0, a, \"\"); print n, a[2] \"|\" a[3] }'; echo abc | awk -F '' '{ print NF, $2 }'",
]

describe('awk agrees with mawk', () => {
  agreesWithRealTools(['awk', 'sort', 'tail'], CASES, FILES, 180_000)
})
