// bash and sh (dash) as programs of the workstation, against the machine's real bash 5.2 starting
// the real bash and dash: what the new shell inherits (exported variables only), its $0, arguments
// and options, a script file's messages (file and line), and the errors of its own options.

import { beforeAll, describe, expect, test } from 'vitest'
import type { Outcome } from '../testing/realTools'
import { requireTools } from '../testing/realTools'
import { normaliseBashStderr, realBashLines } from '../testing/bashOracle'
import { newShell } from '../testSupport'

const FILES: Record<string, string> = {
  's.sh': 'echo one\nnosuch\necho "$0|$1|$#"\ncd /\nexit 4\n',
  'vars.sh': 'echo "[$X][$Y]"\nread a b\necho "got $a"\n',
  'bad.sh': 'echo before\nfi\necho after\n',
  'multi.sh': 'echo 1\nif true; then\n  echo 2\nfi\nset -n\necho 3\n',
  // errors inside compound commands and functions name their own line; so does $LINENO
  'lines.sh': 'echo one\nfor i in 1 2; do\n  nosuch$i\ndone\nif true; then\n  echo $LINENO\n  bad\nfi\nf() {\n  echo in f $LINENO\n  missing\n}\n\nf\necho $LINENO; eval "echo \\$LINENO"\n',
}

const CASES: string[] = [
  "bash -c 'echo $0 $1 $#' a b c",
  "bash -c 'echo \"$0|$*\"'",
  "X=1; export Y=2; f() { echo f; }; bash -c 'echo \"[$X][$Y]\"; f; echo $?'",
  "bash -c 'cd /; pwd'; pwd | grep -c /",
  "bash -c 'exit 3'; echo $?",
  "bash -c 'nosuch'; echo $?",
  'bash s.sh x y; echo $?; pwd | grep -c /',
  'X=1; export Y=2; printf "p q\\n" | bash vars.sh',
  'bash bad.sh; echo $?',
  // -n reads the script and runs nothing (a syntax check); -v shows each input as read; set -n inside a script stops it running
  'bash -n bad.sh; echo $?; bash -n multi.sh; echo $?; bash multi.sh; echo $?',
  "bash -v multi.sh; bash -vc 'echo a; echo b'; bash -nc 'echo never'; echo $?",
  'bash nofile; echo $?',
  'mkdir -p d; bash d; echo $?',
  'bash -c; echo $?',
  'bash -q; echo $?',
  'bash --foo; echo $?; bash -1; echo $?; bash --norc -c "echo norc"',
  "bash -e -c 'false; echo no'; echo $?",
  "bash -x -c 'echo hi'",
  "bash -o pipefail -c 'false | true'; echo $?",
  "bash -eu -c 'echo $nope; echo no'; echo $?",
  "echo 'echo from-stdin $0 $#' | bash",
  "echo 'echo from-s $0 $1' | bash -s a b",
  "echo data | bash -c 'read v; echo got $v'",
  "bash -c 'bash -c \"echo nested \\$0\" inner'",
  'bash --version',
  'bash lines.sh; bash -c \'echo $LINENO\necho $LINENO\'',
  'bash -c "exec echo in-child; echo not"; echo $?; bash -c "exec nosuch; echo after"; echo $?; bash -c "exec -z; echo $?"; bash -c "exec; echo empty $?"; times | wc -l; type caller exec; which exec; echo $?',
  'bash -c "alias q=echo; q hi"; bash -c "shopt -s expand_aliases; alias q=echo\nq hi"; bash -c "shopt expand_aliases login_shell"',
  // sh is dash
  "sh -c 'echo \"$0|$1|$#|$-\"; nosuch; cd /nope; echo $?' nm a b",
  "sh -c 'declare x; [[ a ]]; type cd; echo ${x:?}'; echo $?",
  'X=1; export Y=2; printf "p q\\n" | sh vars.sh',
  'sh s.sh x y; echo $?',
  'sh lines.sh; sh -c \'echo a\nnosuch\nfor i in 1; do\n nosuch2\ndone\'; printf "\\n\\nnosuch3\\n" | sh',
  'sh nofile; echo $?',
  'mkdir -p d; sh d; echo $?',
  'sh -c; echo $?',
  'sh -q; echo $?',
  "sh -e -c 'false; echo no'; echo $?",
  "sh -x -c 'echo hi'",
  "echo 'echo in $0 $#' | sh -s a b",
  // $[expr] is bash's alone: dash leaves it as written
  "sh -c 'echo $[1+2] \"$[3]\"'; bash -c 'echo $[1+2]'",
  // dash has POSIX's parameter operators alone: bash's others are a bad substitution, which ends it
  "for e in '${x/a/b}' '${x^^}' '${x,,}' '${x:0:1}' '${x@Q}' '${x~}' '${x#a}' '${x:-d}' '${#x}'; do sh -c \"x=aB; echo $e; echo after\"; echo \"rc $?\"; done",
  // dash has no ERR trap: it never runs
  "sh -c \"trap 'echo x' ERR 2>/dev/null; false; echo \\$?\"; bash -c \"trap 'echo y' ERR; false; echo \\$?\"",
  "sh -c 'getopts ab: o -d; echo \"$? $o [$OPTARG]\"; getopts ab: o -b; echo \"$? $o [$OPTARG]\"; OPTIND=1; getopts ab: o -b; echo \"$? $o\"; getopts :ab: o -b; echo \"$o $OPTARG\"; getopts; echo $?'",
  "sh -c 'help; echo $?; history; echo $?; source x; let x=1; cd / && echo cd; type help; echo $_'",
  // printf's numbers that do not read whole: bash and dash use what reads (dash names the two cases), an empty one is 0
  "printf '[%d]' '' 12 ' 7' 0x1g; echo \" $?\"; printf '[%d]' 1.5 abc 08 0x 019 -07z 0z 0X1g; echo \" $?\"; printf '[%f]' '' 1.5x abc; echo \" $?\"",
  "sh -c \"printf '[%d]' '' 12 0x1g; echo ' '\\$?; printf '[%d]' 1.5 abc; echo ' '\\$?; printf '[%f]' '' 1.5x abc; echo ' '\\$?\"",
  // %% takes no flag, width or precision; the ' flag (grouping) groups nothing in the C locale
  "printf '%-5%|%%|\\n'; echo $?; printf \"%'5d|%'.2f|%%\\n\" 1234567 3.14159",
  // whole 64-bit numbers: exact past 2^53, clamped out of range (bash warns and goes on, dash fails), %u and %x of -1
  "printf '%d|%d|%u|%x\\n' 99999999999999999999 -99999999999999999999 -1 99999999999999999999; echo $?; printf '%d|%d|%x|%o\\n' 9007199254740993 -9223372036854775808 -9223372036854775809 -1; printf '%d|%x\\n' 0x7fffffffffffffffff 0777777777777777777777777; printf '%.3d|%#X|%u\\n' 99999999999999999999 255 ' 42 '; echo $?",
  "sh -c \"printf '%d|%u|%x\\n' 99999999999999999999 -1 -9223372036854775809; echo \\$?; printf '%d\\n' 9007199254740993\"",
  // what the started shell is given: the command's own exported variables, a pid of its own, one more level
  "A=1 bash -c 'echo [$A]'; f() { local B=2; export B; sh -c 'echo [$B]'; }; f; (export C=3; bash -c 'echo [$C]')",
  "[ \"$(bash -c 'echo $$')\" != \"$$\" ] && echo own-pid; [ \"$(sh -c 'echo $PPID')\" = \"$BASHPID\" ] && echo parent; bash -c 'echo $_ $BASH'; bash -c 'echo $SHLVL' > b; sh -c 'echo $SHLVL' > s; echo $(( $(cat b) - SHLVL )) $(( $(cat s) - SHLVL ))",
]

let real: Outcome[] = []
beforeAll(async () => {
  requireTools('bash')
  real = await realBashLines(CASES, FILES)
}, 60_000)

describe('bash and sh started from the workstation agree with bash 5.2 and dash', () => {
  test.each(CASES.map((line, i) => [line, i] as const))('%s', async (line, i) => {
    const files: Record<string, string> = {}
    for (const [name, text] of Object.entries(FILES)) files[`/root/${name}`] = text
    const sh = newShell(files)
    // (worded as the oracle words the real one's: the `line N:` of a bash started with -c is
    // bashMessages.differential.test.ts's to check, word for word)
    const r = await sh.run(line)
    expect({ ...r, stderr: normaliseBashStderr(r.stderr) }).toEqual(real[i])
  })
})
