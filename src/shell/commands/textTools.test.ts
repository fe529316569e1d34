// The new text tools are known to help and which like the other programs of the workstation.

import { expect, test } from 'vitest'
import { newShell } from '../testSupport'

const NEW = ['comm', 'expand', 'fold', 'nl', 'paste', 'rev', 'tac', 'tee']

test('which finds each new tool in /usr/bin', async () => {
  const sh = newShell()
  expect(await sh.run(`which ${NEW.join(' ')}`)).toEqual({ stdout: NEW.map((n) => `/usr/bin/${n}\n`).join(''), stderr: '', exitCode: 0 })
  expect(await sh.run('type tee')).toEqual({ stdout: 'tee is /usr/bin/tee\n', stderr: '', exitCode: 0 })
})

test('help lists each new tool with a one-line summary, and help NAME shows its options', async () => {
  const sh = newShell()
  const list = (await sh.run('help')).stdout
  for (const n of NEW) expect(list).toMatch(new RegExp(`^  ${n} +\\S.*$`, 'm'))
  const tee = await sh.run('help tee')
  expect(tee.stdout).toMatch(/^tee: tee \[OPTION\]\.\.\. \[FILE\]\.\.\.\n/)
  expect(tee.stdout).toContain('-a, --append')
})

test('a student who pipes a token through tee keeps both copies', async () => {
  const sh = newShell()
  expect(await sh.run('echo eyJhbGciOi | tee tok.txt | wc -c')).toEqual({ stdout: '11\n', stderr: '', exitCode: 0 })
  expect(await sh.run('echo second | tee -a tok.txt >/dev/null; cat tok.txt')).toEqual({ stdout: 'eyJhbGciOi\nsecond\n', stderr: '', exitCode: 0 })
})

test('grep -m stops reading a pipe, as a real grep does: the endless writer ends quietly (SIGPIPE)', async () => {
  const sh = newShell()
  expect(await sh.run('yes | grep -m2 y')).toEqual({ stdout: 'y\ny\n', stderr: '', exitCode: 0 })
  expect(await sh.run('yes | tee /dev/null | head -n 1')).toEqual({ stdout: 'y\n', stderr: '', exitCode: 0 })
})

test('grep -q, -l and -L stop reading a pipe at the first selected line (bash: the writer dies of SIGPIPE)', async () => {
  const sh = newShell()
  expect(await sh.run('yes | grep -q y; echo $?')).toEqual({ stdout: '0\n', stderr: '', exitCode: 0 })
  expect(await sh.run('yes | grep -l y')).toEqual({ stdout: '(standard input)\n', stderr: '', exitCode: 0 })
  expect(await sh.run('yes | grep -L y; echo $?')).toEqual({ stdout: '0\n', stderr: '', exitCode: 0 })
})

test('grep -P says plainly what its engine lacks (lookahead, \\K inside a group) and fails with 2', async () => {
  const sh = newShell()
  expect(await sh.run("echo ab | grep -P 'a(?=b)'")).toEqual({ stdout: '', stderr: 'grep: -P: lookahead, (?= and (?!, is not simulated in the lab (its engine has none); lookbehind, (?<= and (?<!, and \\K work\n', exitCode: 2 })
  expect(await sh.run("echo ab | grep -oP '(a\\Kb)'")).toEqual({ stdout: '', stderr: 'grep: -P: \\K inside a group is not simulated in the lab; put it at the top of the pattern\n', exitCode: 2 })
  expect((await sh.run("echo aa | grep -P '(a)\\1'")).stderr).toMatch(/^grep: -P: invalid escape sequence: `\\1` \(the lab runs -P patterns without back-references/)
})
