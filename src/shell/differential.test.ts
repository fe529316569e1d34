// Differential tests: each line runs in the lab shell and in the machine's real bash (with GNU
// coreutils and python3) in a temporary directory holding the same files; stdout, stderr and the
// exit status must agree. Run with LC_ALL=C, so GNU tools quote with ASCII '...'.
//
// All lines run in ONE real bash process, each in a subshell (`( eval LINE )`) of its own, in a
// directory of its own; `python3 -m json.tool` is served by one long-lived real python3 (see
// testing/realTools.ts). One normalisation only: bash prefixes its messages with
// `bash: eval: line N: ` (syntax errors; `bash: -c: line N: ` under bash -c) or `bash: line N: `
// (runtime errors), and echoes the offending line of a syntax error as "bash: eval: line N: `...'";
// an interactive bash, which the lab imitates, prints just `bash: `. We strip those prefixes and
// drop the echoed source line from real bash's stderr.

import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { CLUSTER_CA_PEM } from '../cluster/pki/fixed'
import { bytesOf } from '../common/bytes'
import { asBytes } from './commands/diffSupport'
import { type Outcome, pythonServer, requireTools, runBatch } from './testing/realTools'
import { newShell } from './testSupport'
import { adminKubeconfig } from './workstation'

const b64url = (s: string) => Buffer.from(s).toString('base64url')
const CLAIMS = {
  aud: ['https://10.0.1.10:6443'],
  exp: 1811114851,
  iat: 1779578851,
  iss: 'https://10.0.1.10:6443',
  jti: '9f0c2b1e-4d3a-4c5b-8e7f-0a1b2c3d4e5f',
  'kubernetes.io': {
    namespace: 'sa-demo',
    node: { name: 'worker-0', uid: 'b5766c61-2f3e-4a1b-9c8d-7e6f5a4b3c2d' },
    pod: { name: 'app', uid: 'a6ab2be4-1c2d-4e3f-8a9b-0c1d2e3f4a5b' },
    serviceaccount: { name: 'default', uid: '7da7eed9-5e6f-4a7b-8c9d-0e1f2a3b4c5d' },
    warnafter: 1779582458,
  },
  nbf: 1779578851,
  sub: 'system:serviceaccount:sa-demo:default',
}
const JWT = `${b64url('{"alg":"RS256","kid":"3e6sFNp0NQaJ0LqOdB2GugZ8Pb2M"}')}.${b64url(JSON.stringify(CLAIMS))}.${b64url('signature-bytes-0123456789')}`

const FILES: Record<string, string> = {
  'ca.pem': CLUSTER_CA_PEM,
  '.kube/config': adminKubeconfig(),
  'words.txt': 'banana\nApple\ncherry\napple\nbanana\n\ndate 10\nelder 9\nfig 100\n',
  'nums.txt': '10\n9\n-3\n2.5\n100\nx\n',
  'csv.txt': 'name,age,city\nalice,30,paris\nbob,25,berlin\ncarol,,rome\nno-delimiter-here\n',
  'data.json': '{"z": 1, "a": [1.5, 2e3, 1e-7, -0.0, 12345678901234567890], "s": "caf\\u00e9 \\ud83d\\ude00 \\"q\\"\\n", "e": {}, "l": [], "t": true, "n": null, "z": 2}',
  'bad.json': '{"a": 1,\n "b": [1, 2,]\n}\n',
  'token.jwt': JWT + '\n',
  'noeol.txt': 'first\nsecond\nthird',
}

const CASES: string[] = [
  // echo and printf
  'echo hello   world',
  'echo -n abc; echo',
  'echo -e "a\\tb\\nc"',
  'echo -E "a\\tb"',
  "echo -e 'x\\0101y\\c ignored'",
  'echo -x -n',
  'printf "%s-%s\\n" a b c',
  'printf "%5s|%-5s|%05d|%x|%o|%c\\n" ab cd 42 255 8 hello',
  'printf "%d\\n" abc',
  'printf "%b" "a\\tb\\n"',
  'printf "%.3s|%3d|%e|%.2f\\n" abcdef 7 31415.9 2.345',
  'printf',
  // quoting and variables
  'echo "a  b" \'c  $HOME\' d\\ \\ e',
  'A=1; B="x y"; echo $A $B "$B"; echo ${A}0 ${C:-dflt} ${#B}',
  'X="  spaced   out  "; echo [$X]; echo ["$X"]',
  "echo 'it'\\''s' \"say \\\"hi\\\"\" \\$HOME",
  'A=outer; A=inner true; echo $A',
  'A=1 B=2; echo "$A$B"; unset A; echo "[$A]"',
  'echo $((3 + 4 * 2)) $((10 / 3)) $((7 % 3))',
  'echo a#b # a comment',
  'echo one \\\n two',
  'echo ~ | grep -c /',
  // command substitution
  'echo "$(printf "a\\n\\n\\n")" end',
  'echo $(echo   split   me)',
  'X=$(echo out; echo err >&2); echo "[$X]"',
  'echo $(echo $(echo nested))',
  'echo `echo back`tick',
  'X=$(false); echo $?',
  // pipes, lists and status
  'true && echo yes || echo no',
  'false && echo yes || echo no',
  'false; echo $?; true; echo $?',
  'false | true; echo $?',
  'true | false; echo $?',
  '! false; echo $?',
  'echo a; nosuchcmd; echo $?',
  'nosuchcmd arg 2>/dev/null; echo $?',
  'cat words.txt | grep an | sort | head -n 1',
  // redirections and here-documents
  'echo hi > out.txt; echo more >> out.txt; cat out.txt',
  'cat nope 2> err.txt; cat err.txt',
  'cat nope 2>&1 | tr a-z A-Z',
  'cat nope > out.txt 2>&1; cat out.txt',
  'echo to-stderr >&2',
  'cat < words.txt | wc -l',
  'cat < nope',
  'echo x > missing/dir/file',
  'A=world; cat <<EOF\nhello $A\n$(echo sub)\nEOF',
  "cat <<'EOF'\nno $expansion here\nEOF",
  'cat <<-EOF\n\tindented\n\tEOF',
  'tr a-z A-Z <<< "here string"',
  // syntax errors and unknown commands
  'echo a && && echo b',
  '| cat',
  'echo >',
  'echo a ;; echo b',
  'nosuchcommand',
  'echo \'unterminated',
  // cat, ls
  'cat -n noeol.txt',
  'cat words.txt - < noeol.txt | tail -n 2',
  'cat nope words.txt | head -1',
  'ls | cat',
  'ls -a | cat',
  'ls nope',
  'ls -1 .kube',
  // cut
  'cut -d, -f2 csv.txt',
  'cut -d, -f1,3 csv.txt',
  'cut -d, -f2- -s csv.txt',
  'cut -c1-3 csv.txt',
  'cut -d, --complement -f2 csv.txt',
  'cut -f1 -x csv.txt',
  'cut -d, -f0 csv.txt',
  'cut',
  // base64 and the JWT
  'echo hello | base64',
  'printf "%s" "any carnal pleas" | base64',
  'head -c 100 words.txt | base64 -w 20',
  'echo aGVsbG8K | base64 -d',
  'echo aGVsbG8 | base64 -d; echo " rc=$?"',
  'echo YQ==YQ== | base64 -d',
  'echo "aGVs*bG8K" | base64 -d',
  'echo "aGVs*bG8K" | base64 -di',
  'cut -d. -f2 token.jwt | base64 -d',
  'cut -d. -f2 token.jwt | base64 -d | python3 -m json.tool',
  'cut -d. -f1 token.jwt | base64 -d | python3 -m json.tool',
  'TOK=$(cat token.jwt); echo "$TOK" | cut -d. -f2 | base64 --decode 2>/dev/null | python3 -m json.tool | grep -E \'"(sub|exp)"\'',
  'base64 -z',
  // tr
  'echo Hello World | tr a-z A-Z',
  'echo Hello World | tr "[:lower:]" "[:upper:]"',
  'echo "a  b   c" | tr -s " "',
  'echo hello | tr -d l',
  'echo hello | tr -cd "a-h\\n"',
  'echo abc | tr ab',
  // grep
  'grep an words.txt',
  'grep -i APPLE words.txt',
  'grep -v an words.txt',
  'grep -c an words.txt',
  'grep -n -w banana words.txt',
  'grep -o "[0-9][0-9]*" words.txt',
  'grep -E "^(fig|date) [0-9]+$" words.txt',
  'grep "an\\|ch" words.txt',
  'grep -F "." words.txt; echo $?',
  'grep -q cherry words.txt && echo found',
  'grep zzz words.txt; echo $?',
  'grep an nope words.txt; echo $?',
  'grep -E "(" words.txt',
  'grep -x apple words.txt',
  'grep -A 1 an words.txt',
  'grep -B 2 cherry words.txt',
  'grep -C 1 -n apple words.txt',
  'grep -A1 -B1 -i ELDER words.txt csv.txt',
  'grep -C 1 -v a words.txt',
  'seq 1 20 | grep -C 2 -E "^(5|6|15)$"',
  'grep -A x an words.txt; echo $?',
  'grep -c -A 3 an words.txt; grep -o -B 1 "[0-9]+" -E words.txt',
  // grep -P: Perl patterns (leftmost-first, lookbehind, \\K, \\d, (?i), \\Q..\\E) and PCRE2's error words; one matcher, one -P pattern
  "echo '{\"sub\":\"system:serviceaccount:default:x\",\"n\":12}' > j.txt; grep -oP '(?<=\"sub\":\")[^\"]+' j.txt; grep -oP '\"n\":\\K\\d+' j.txt; grep -P '(' j.txt; echo $?; grep -cP '\\d{2}' j.txt; grep -oP 'a.*?:' j.txt; grep -oP 'a.*:' j.txt",
  "echo '{\"sub\":\"system:serviceaccount:default:x\",\"n\":12}' > j.txt; grep -P -E x j.txt; echo $?; grep -E -F x j.txt; echo $?; grep -E -E x j.txt >/dev/null; echo $?; grep -P '\\Qa.b\\E' <<< 'a.b axb'; grep -oP '(?i)SUB' j.txt; grep -oP '\\bsys\\w+' j.txt; grep -P 'a\\K' <<< a; grep -oP '(?<name>se)rv' j.txt",
  "echo '{\"sub\":\"system:serviceaccount:default:x\",\"n\":12}' > j.txt; grep -P -e a -e b <<< 'b'; echo $?; grep -P \"$(printf 'x\\ny')\" <<< y; echo $?; grep -wP 'sys' j.txt; echo $?; grep -xP '\\{.*\\}' j.txt | head -c 10; echo; grep -oP '' j.txt; echo $?; grep -P '[a' j.txt; grep -P 'a)' j.txt; grep -P '\\' j.txt; grep -P '\\p{Lu}' j.txt; echo $?",
  "echo '{\"sub\":\"system:serviceaccount:default:x\",\"n\":12}' > j.txt; grep -oiP 'SYS\\w+' j.txt; grep -oP '(\\w+):\\K\\w+' j.txt; grep -onP 'de\\w+' j.txt; grep -vP '\\d' j.txt; echo $?; echo 'TOKEN=abc.def.ghi' | grep -oP 'TOKEN=\\K[^.]+'",
  // head, tail, wc, sort
  'head -n 3 words.txt',
  'head -2 words.txt',
  'head -n -7 words.txt',
  'head -c 5 words.txt; echo',
  'tail -n 2 words.txt',
  'tail -n +8 words.txt',
  'tail -c 4 noeol.txt; echo',
  'head -n 1 words.txt noeol.txt',
  'head -n x words.txt',
  'wc words.txt',
  'wc -l words.txt noeol.txt',
  'cat words.txt | wc',
  'wc -w < words.txt',
  'sort words.txt',
  'sort -r words.txt',
  'sort -u words.txt',
  'sort -n nums.txt',
  'sort -rn nums.txt',
  'sort -t, -k2 -n csv.txt',
  'sort -f words.txt',
  // test
  'test -f words.txt && echo file; [ -d .kube ] && echo dir; [ -e nope ] || echo none',
  '[ abc = abc ]; echo $?; [ 2 -lt 10 ]; echo $?; [ -z "" ]; echo $?',
  '[ a -eq 1 ]; echo $?',
  '[ 1 = 1',
  '[ ! -n "" -a 1 -gt 0 ]; echo $?',
  // python3 -m json.tool
  'python3 -m json.tool data.json',
  'python3 -m json.tool bad.json',
  'echo "" | python3 -m json.tool',
  'echo \'{"a": 1} x\' | python3 -m json.tool',
  'echo \'"unterminated\' | python3 -m json.tool',
  'printf \'"abc\' | python3 -m json.tool',
  'echo \'{"b": [1, {"c": "x"}], "a": 2}\' | python3 -m json.tool --sort-keys',
  'echo \'[1,2]\' | python3 -m json.tool --compact',
  'python3 -m json.tool nope',
  // env / export
  'export NEWVAR=abc; env | grep NEWVAR',
  'LOCALONLY=1; env | grep -c LOCALONLY',
  'export 1bad=x; echo $?',
  // more edge cases
  'echo "$(echo "inner \\"q\\"")"',
  'A=; echo "${A:-x}" "${A-y}" "${U-z}"',
  'echo ${A B}',
  'echo $(( 1 / 0 ))',
  'echo x >> out.txt; echo y > out.txt; cat out.txt',
  'echo one; echo two > /dev/null; echo three',
  'cat <<EOF | wc -l\na\nb\nEOF',
  'cd nope',
  'mkdir a; mkdir a',
  'rm nope',
  'touch a/b',
  'head -c 3 nope',
  'grep -o -i "AN" words.txt',
  // the C locale: `.` is one byte of a character beyond ASCII; a UTF-8 locale, one character
  "printf '\u00e9\\nab\\nx\u00e9y\\n' > u.txt; grep -c '^.$' u.txt; grep -c '^..$' u.txt; grep -o 'x.' u.txt | od -An -c; grep -n 'x..y' u.txt",
  "printf '\u00e9\\nx\u00e9y\\n' > u.txt; export LC_ALL=C.UTF-8; grep -c '^.$' u.txt; grep -o 'x.' u.txt",
  'grep -e an -e ch words.txt',
  'grep -c "" noeol.txt',
  'cut -d, -f 3-1 csv.txt',
  'tail -n 1 noeol.txt',
  'wc -c noeol.txt',
  'sort -k2 words.txt',
  'tr -d "[:digit:]" < words.txt',
  'echo "a-b_c" | base64 | base64 -d',
  'printf "eyJhIjoiYiJ9" | base64 -d',
  'echo "eyJh-IjoiYiJ9" | base64 -d',
  'python3 -m json.tool --indent 2 data.json',
  'python3 -m json.tool --no-ensure-ascii data.json',
  'echo \'[1e400, 1E16, 1e15, 0.00001, 123.456e-2, 1.0, -5e-324, 3.141592653589793]\' | python3 -m json.tool',
  'echo \'"\\ud800"\' | python3 -m json.tool',
  'echo \'"\\uZZZZ"\' | python3 -m json.tool',
  'echo \'[1 2]\' | python3 -m json.tool',
  'echo \'{"a" 1}\' | python3 -m json.tool',
  'echo \'{"a":1,}\' | python3 -m json.tool',
  'echo \'[NaN, Infinity, -Infinity, 0, -0, 01]\' | python3 -m json.tool',
  // bytes, not text (more in commands/bytes.differential.test.ts): a variable cannot hold NUL
  "x=$(printf 'a\\0b\\0c'); echo \"$x\"",
  "x=$(printf '\\xff\\x00\\xfe'); printf %s \"$x\" | od -An -tx1",
  "x=$(printf '\\0'); echo ${#x}",
  "x=$(printf '\\xff\\n\\n'); printf %s \"$x\" | wc -c",
  "printf '\\xff\\xfe\\n' | python3 -m json.tool",
]

const dirs: string[] = []

/** Every line in the real bash: one bash process, each line in a subshell of its own in a fresh directory holding FILES. */
async function realBash(lines: readonly string[]): Promise<Outcome[]> {
  const calls = lines.map((line) => {
    const dir = mkdtempSync(join(tmpdir(), 'shell-diff-'))
    dirs.push(dir)
    for (const [name, text] of Object.entries(FILES)) {
      mkdirSync(dirname(join(dir, name)), { recursive: true })
      writeFileSync(join(dir, name), bytesOf(text))
    }
    return { shell: line, cwd: dir }
  })
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C', HOME: '/root' }
  const outcomes = await runBatch(calls, { env, ...pythonServer() })
  return outcomes.map((r) => ({
    ...r,
    stderr: r.stderr
      .split('\n')
      .filter((l) => !/^bash: (-c|eval): line [0-9]+: `.*'$/.test(l))
      .map((l) => l.replace(/^bash: ((-c|eval): )?line [0-9]+: /, 'bash: '))
      .join('\n'),
  }))
}

let real: Outcome[] = []
beforeAll(async () => {
  requireTools('bash', 'python3')
  real = await realBash(CASES)
}, 120_000)

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
}, 60_000)

describe('lab shell agrees with GNU bash + coreutils + python3', () => {
  test.each(CASES.map((line, i) => [line, i] as const))('%s', async (line, i) => {
    const files: Record<string, string> = {}
    for (const [name, text] of Object.entries(FILES)) files[`/root/${name}`] = text
    const sh = newShell(files)
    const ours = await sh.run(line)
    expect(asBytes(ours)).toEqual(real[i])
  })
})
