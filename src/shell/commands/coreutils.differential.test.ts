// seq, uniq and sort against coreutils 9.1 and xargs against GNU findutils, all cases in one bash
// process.

import { describe } from 'vitest'
import { agreesWithRealTools } from './diffSupport'

const FILES: Record<string, string> = {
  'dups.txt': 'a\na\nb\nA\nb\nb\nc\n\n\nx 1\ny 1\n',
  'words.txt': 'banana\nApple\ncherry\napple\nbanana\n\ndate 10\nelder 9\nfig 100\n',
  'table.txt': 'app sa-demo Running 3\ndb sa-demo Pending 10\nweb default Running 1\ncache default Failed 10\n',
  'csv.txt': 'name,age,city\nalice,30,paris\nbob,25,berlin\ncarol,,rome\ndave,30,oslo\n',
}

const CASES: string[] = [
  'seq 3',
  'seq 2 4',
  'seq 1 0.5 3',
  'seq -s, 5',
  'seq -w 8 10',
  'seq 0.1 0.1 0.5',
  'seq 5 1',
  'seq 5 -2 1',
  'seq -3 -1',
  'seq x',
  'seq',
  'seq 1 0 3',
  'seq 1 2 3 4',
  'seq -f %03g 3',
  'seq -f "n=%.2f" 1 0.25 2',
  'seq -f %e 1 2',
  'seq 1e2 1e2 3e2',
  'seq 1.50 2',
  'seq -s: -w 1 3',
  'seq -w -5 5',
  'seq 10 | tail -n 2',
  'seq 1000 | wc -l',
  'seq -x',
  'uniq dups.txt',
  'uniq -c dups.txt',
  'uniq -d dups.txt',
  'uniq -u dups.txt',
  'uniq -i -c dups.txt',
  'uniq -f 1 -c dups.txt',
  'uniq -s 1 dups.txt',
  'uniq -w 1 -c dups.txt',
  'sort words.txt | uniq -c | sort -rn',
  'uniq nofile',
  'uniq -x',
  'uniq -f x dups.txt',
  'uniq dups.txt out.txt; cat out.txt',
  'printf "a\\na" | uniq -c',
  'sort -k2 table.txt',
  'sort -k3,3 -k1,1 table.txt',
  'sort -k4 -n table.txt',
  'sort -k4,4nr table.txt',
  'sort -t, -k2 -n csv.txt',
  'sort -t, -k2,2n -k1,1r csv.txt',
  'sort -t, -k3 csv.txt',
  'sort -u -k2,2 table.txt',
  'sort -r -k2,2 -k4,4n table.txt',
  'sort -n -r -u -k4 table.txt',
  'sort -k 2.2 table.txt',
  'sort -k1.2,1.3 words.txt',
  'sort -t " " -k2 table.txt',
  'sort -k0 table.txt',
  'sort -k2,1 table.txt',
  'sort -t ab table.txt',
  'sort -k2b table.txt',
  'echo a b c | xargs',
  'echo a b c | xargs -n 2 echo x',
  'printf "a\\nb\\n" | xargs -I {} echo "<{}>"',
  'echo | xargs echo hi',
  'echo | xargs -r echo hi; echo "rc=$?"',
  'echo a | xargs nosuch; echo "rc=$?"',
  'echo a | xargs false; echo "rc=$?"',
  `printf '"a b" c\\\\ d\\n' | xargs -n1 echo`,
  `echo "a'b" | xargs echo; echo "rc=$?"`,
  'cut -d, -f1 csv.txt | xargs -n 2',
  'printf "1\\n2\\n3\\n" | xargs -L 2 echo line',
  'seq 3 | xargs -I N seq N',
  // -P (the lab runs one after another; -P 1 and -P 0 with one command are in that order too) and -t
  'echo a b | xargs -P 1 -n1 echo; echo a | xargs -P 0 echo', 'echo a | xargs -P x echo; echo "rc=$?"', 'echo a | xargs -P -1 echo; echo "rc=$?"', 'echo a | xargs -P',
  'echo a b | xargs -t -n1 echo 2>&1', `echo 'a b' | xargs -t -I{} echo [{}] 2>&1`, `echo 'a$b c' | xargs -t echo x 2>&1`, 'echo a | xargs --max-procs=1 echo; echo a | xargs --verbose echo 2>&1',
  'echo a | xargs --max-procs=x echo; echo "rc=$?"',
  // wc -L: the widest line (tabs to multiples of 8, \r and \f start again, what does not print takes no room); its total is the widest
  "printf 'ab\\nabcd\\n' | wc -L; printf 'a\\tb\\n\\tx\\n' > t; wc -L t; printf 'h\u00e9llo\\r12\\nxy' > u; wc -L u; wc -lL t u; wc -L t u; wc -cL t; printf \"abc\\n\" | wc -cL; printf '\\x01\\x7f ab\\f1234567\\v' | wc -L",
  // sort -g (strtold's numbers; none first, then NaN) and -o (written after reading: the output may be an input)
  "printf 'x\\n1e3\\n5\\n0x10\\n-2.5\\nnan\\n-inf\\n\\n 7abc\\n+3\\n.5\\n' > g.txt; sort -g g.txt | cat -A | tr '\\n' ' '; echo; sort -gr g.txt | tr '\\n' ' '; echo; sort -k1g g.txt | tr '\\n' ' '; echo; sort -gn g.txt; sort -o; echo $?; sort -o a -o b g.txt; echo $?; sort -o /nonexist/x g.txt; echo $?; sort -c -o x g.txt; echo $?",
  "printf 'b\\na\\n' > f; sort -o f f; cat f; sort -o g -o g f; cat g; sort --output=h -r f; cat h; sort -o - f; sort -u -g <<< $'1\\n1.0\\n01'; printf '2 b\\n10 a\\n' | sort -k1,1g -o k; cat k",
  // -0 and -d: items end at the delimiter (empty ones too), quotes are plain; -i is -I {}
  "printf 'a\\0\\0b' | xargs -0 -n1 echo \"[\" | cat -A; printf 'a::b:' | xargs -d: -n1 echo \"[\" | cat -A; echo 'a:b' | xargs -d: | cat -A; printf 'a\\\\tb\\tc' | xargs -d '\\t' -n1 | cat -A; xargs -d ab </dev/null; echo $?",
  "xargs -d '\\x41' -n1 <<< 'xAy' | cat -A; printf 'x y\\n z\\n' | xargs -i echo \"[{}]\"; printf 'x y\\n z\\n' | xargs -iQ echo \"[Q]\"; printf 'p\\0q\\0' | xargs -0 -I{} echo \"<{}>\"; printf \"a'b\\0\" | xargs -0 echo; xargs -0 -d x </dev/null; echo $?; printf '' | xargs -0 echo hi; xargs --null --delimiter=: </dev/null; xargs -d; echo $?",
  "printf 'p q\\n' | xargs --replace echo \"({})\"; printf 'a\\nb\\n' | xargs -d '\\n' -n1 echo \"-\"; printf 'a\\nb\\n' | xargs -d '\\012' echo; printf 'a b' | xargs -r -0 echo; printf 'a b\\0c' | xargs --null -n 1",
]

describe('seq, uniq and sort agree with coreutils', () => {
  agreesWithRealTools(['seq', 'uniq', 'sort', 'tail', 'wc', 'cat', 'xargs', 'cut'], CASES, FILES, 180_000)
})
