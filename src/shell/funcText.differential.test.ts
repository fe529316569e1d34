// Differential test: a function's definition as `declare -f`, `type` and `command -V` print it, and
// `declare -F`'s names, against the machine's real GNU bash 5.2 (one bash process, each case in a
// subshell of its own). bash prints the parsed commands back in its own layout, not the text typed.

import { beforeAll, describe, expect, test } from 'vitest'
import type { Outcome } from './testing/realTools'
import { realBashLines } from './testing/bashOracle'
import { newShell } from './testSupport'

/** Definitions, each printed back with declare -f (its name is the first word). */
const DEFS: string[] = [
  'f1() { echo hi; ls | wc -l; }',
  'f2() { if [ -n "$1" ]; then echo yes; elif [ "$2" = x ]; then echo x; else echo no; fi; }',
  'f3() { for i in 1 2 "$@"; do echo $i; done; }',
  'f4() { while true; do sleep 1; break; done; until false; do :; done; }',
  'f5() { case $1 in a|b) echo ab;; *) echo other;; esac; }',
  'f6() { ( cd /tmp && pwd ); { echo a; echo b; } > /dev/null 2>&1; }',
  'f7() { local x=1 y; x=$((x+1)); echo "${x:-none}" $(date +%s) `id -u`; }',
  'f8() { [[ -n $1 && $1 == a* ]] && echo m || echo n; (( x++ )); }',
  'f9() { for ((i=0; i<3; i++)); do echo $i; done; }',
  'f10() { cat <<EOT\nline one $HOME\nEOT\necho after; }',
  'f11() { echo bg & wait; ! true; echo a >> /tmp/x; cat < /etc/hostname; echo e 2>/dev/null; echo h <<< word; }',
  'f12() { tok=$(kubectl -n sa-demo exec app -- cat /var/run/secrets/kubernetes.io/serviceaccount/token); echo "$tok" | cut -d. -f2 | base64 -d 2>/dev/null; }',
  'f13() ( echo sub )',
  'function f14 { echo kw; }',
  'f15() { g() { echo inner; }; g; }',
  'f16() { a=1 b=2 env; export X=1; echo \'single $q\' "dq \\"x\\""; }',
  'f17() { echo one; echo two &\necho three; }',
  'f18() { if true; then :; fi; }',
  'f19() { for x; do echo $x; done; }',
  'f20() { case "$1" in\n  start) echo s ;&\n  stop) echo t ;;&\n  *) ;;\nesac; }',
  'g1() { ( a=1; echo $a ); if a; b; then :; fi; }',
  'g2() { echo x &> /tmp/f; echo y >&2; exec 3< /etc/hostname; echo z 1>&2; }',
  'g3() { ((x++)); ((  y = 2 )); [[   -n $x   ]]; [[ ! -f /x || $a != b ]]; }',
  'g4() { for ((i = 0 ; i < 3 ; i++ )); do :; done; }',
  'g5() { while read -r l; do echo "$l"; done < /etc/hostname; }',
  "g6() { cat <<'EOF2'\nraw $x\nEOF2\n}",
  'g7() { sleep 1 & }',
  'g8() { echo a | grep a | wc -l; ! echo b | cat; }',
  'g9() { { echo in; } 2>/dev/null; }',
  'g10() { echo one; } > /tmp/out',
  'g11() { arr=(1 2 3); arr[1]=x; b+=y; declare -a c=(4 5); echo ${#arr[@]}; }',
  'g12() { time sleep 0; time -p true; }',
  'g13() { cat <&3; cat 4<&0; echo hi >&-; }',
  'g14() { echo a >| /tmp/x; cat <> /tmp/y; cat 3<> /tmp/z; }',
  'decode() { cut -d. -f2 | tr "_-" "/+" | base64 -d 2>/dev/null; echo; }',
]
const name = (def: string) => def.replace(/^function /, '').split(/[ (]/)[0]

const CASES: string[] = [
  ...DEFS.map((d) => `${d}\ndeclare -f ${name(d)}; echo "rc=$?"`),
  // type and command -V go on with the definition; declare -f and -F list them all, sorted
  'b() { echo b; }; a() { echo a; }; type a; command -V b; type -a a; declare -f; declare -F; typeset -f b',
  // names that are no function: status 1, nothing said; -F with names prints the names
  'a() { :; }; x=1; declare -f nope; echo "rc=$?"; declare -f a nope; echo "rc=$?"; declare -F a nope; echo "rc=$?"; declare -f x; echo "rc=$?"; declare -F; echo "rc=$?"',
]

let real: Outcome[] = []
beforeAll(async () => {
  real = await realBashLines(CASES)
}, 60_000)

describe('function definitions printed back as GNU bash 5.2 prints them', () => {
  test.each(CASES.map((line, i) => [line, i] as const))('%s', async (line, i) => {
    expect(await newShell().run(line)).toEqual(real[i])
  })
})
