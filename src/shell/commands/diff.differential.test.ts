// Differential test: diff against GNU diffutils, in one bash process: the normal output, -u and
// -U N (their two header lines name the files' times, which differ: they are cut), -q, -s, `-`,
// a last line without a newline, and the errors.
import { describe, expect, test } from 'vitest'
import { newShell } from '../testSupport'
import { agreesWithRealTools } from './diffSupport'

const FILES: Record<string, string> = {
  x: 'a\nb\nc\n', y: 'a\nB\nc\n', z: 'a\nc\n', w: 'a\nb\nc\nd\n', n: 'a\nb\nc', e: '',
  s1: Array.from({ length: 20 }, (_, i) => `${i + 1}\n`).join(''),
  s2: Array.from({ length: 20 }, (_, i) => `${i === 4 ? 'five' : i === 14 ? 'fifteen' : i + 1}\n`).join(''),
}
const CASES = [
  'diff x y; echo $?', 'diff x z; echo $?', 'diff z x; echo $?', 'diff x w; echo $?', 'diff w x; echo $?', 'diff x x; echo $?',
  'diff x n; echo $?', 'diff n x; echo $?', 'diff e x; echo $?', 'diff x e; echo $?', 'diff s1 s2; echo $?',
  'diff -q x y; echo $?', 'diff -q x x; echo $?', 'diff -s x x; echo $?', 'diff -s x y; echo $?', 'echo a | diff - z; echo $?',
  'diff -u x y | tail -n +3', 'diff -u x w | tail -n +3', 'diff -u s1 s2 | tail -n +3', 'diff -U1 s1 s2 | tail -n +3', 'diff -U 0 x y | tail -n +3',
  'diff -u x n | tail -n +3', 'diff -u e x | tail -n +3', 'diff -u x y | head -2 | cut -c1-5',
  'diff x nope; echo $?', 'diff x; echo $?', 'diff; echo $?', 'diff x y z; echo $?', 'diff -U x x y; echo $?',
  'diff <(printf "{\\n  \\"a\\": 1\\n}\\n") <(printf "{\\n  \\"a\\": 2\\n}\\n")',
]

describe('diff agrees with GNU diffutils', () => {
  agreesWithRealTools(['diff', 'tail', 'head', 'cut'], CASES, FILES)
})

describe('diff in the lab', () => {
  test('an option it does not have, and directories: it says so', async () => {
    const sh = newShell({ '/root/x': 'a\n', '/root/d/f': 'b\n' })
    expect(await sh.run('diff -w x x')).toEqual({ stdout: '', stderr: "diff: option '-w' is not simulated in the lab; it has -u, -U NUM, -q and -s\n", exitCode: 2 })
    expect((await sh.run('diff d x')).stderr).toBe('diff: comparing directories is not simulated in the lab; compare two files\n')
  })

  test('past 2,000 edits the middle of the files is one change: a true edit script, in bounded time', async () => {
    const lines = (p: string) => Array.from({ length: 3000 }, (_, i) => `${p}${i}\n`).join('')
    const sh = newShell({ '/root/a': `same\n${lines('a')}end\n`, '/root/b': `same\n${lines('b')}end\n` })
    const r = await sh.run('diff a b | head -1; diff a b | grep -c "^[<>]"')
    expect(r.stdout).toBe('2,3001c2,3001\n6000\n')
  })
})
