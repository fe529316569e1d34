// `[[ ]]` where the differential test's non-interactive bash cannot show it (language.differential
// covers the expressions): an interactive bash's syntax errors of the conditional, the `set -x`
// lines, and the containers' shells. Each expected text was printed by the real program on this
// machine: bash 5.2 (`bash --norc -i` reading the lines, and `bash -c 'set -x; ...'`), and the
// busybox ash and dash the containers imitate (containerShell.test.ts has their set-up).

import { describe, expect, test } from 'vitest'
import { newShell } from './testSupport'
import { labWithApp } from '../app/testing'

describe('[[ ]] in an interactive bash', () => {
  test.each([
    ['[[ -f ]]', "bash: unexpected argument `]]' to conditional unary operator\n"],
    ['[[ a b ]]', 'bash: conditional binary operator expected\n'],
    ['[[ -q a ]]', 'bash: conditional binary operator expected\n'],
    ['[[ a == ]]', "bash: unexpected argument `]]' to conditional binary operator\n"],
    ['[[ ( ]]', "bash: expected `)'\n"],
    ['[[ a == b c ]]', 'bash: syntax error in conditional expression\n'],
    ['[[ a ) ]]', "bash: syntax error in conditional expression: unexpected token `)'\n"],
    // no message at all for these
    ['[[ ]]', ''],
    ['[[ ! ]]', ''],
    ['[[ a && ]]', ''],
  ])('%s: bash\'s message, and $? as it was', async (line, stderr) => {
    const sh = newShell()
    await sh.run('false')
    expect(await sh.run(line)).toEqual({ stdout: '', stderr, exitCode: 1 })
    expect((await sh.run('echo $?')).stdout).toBe('1\n')
  })

  test('a token after ]] is a syntax error that sets $? to 2', async () => {
    const sh = newShell()
    expect(await sh.run('[[ a ]] ]]')).toEqual({ stdout: '', stderr: "bash: syntax error near unexpected token `]]'\n", exitCode: 2 })
  })

  test('set -x shows each test as it runs, a pattern\'s quoted characters escaped', async () => {
    const sh = newShell()
    const r = await sh.run('set -x; x="a b"; [[ $x == "a b" ]]; [[ $x =~ "a" ]]; [[ -f nope && $HOME ]]; [[ x && $HOME ]]')
    expect(r.stderr).toBe("+ x='a b'\n+ [[ a b == \\a\\ \\b ]]\n+ [[ a b =~ a ]]\n+ [[ -f nope ]]\n+ [[ -n x ]]\n+ [[ -n /root ]]\n")
  })
})

describe('[[ ]] in the containers', () => {
  test('busybox ash has it; dash looks for a program named [[', async () => {
    const lab = await labWithApp('1', ['kubectl -n sa-demo run deb --image=debian:12 --command -- sleep 100000', 'kubectl -n sa-demo wait --for=condition=Ready pod/deb'])
    const ash = await lab.run(`kubectl -n sa-demo exec app -- sh -c '[[ abc == a* ]]; echo $?; [[ -f /etc/hostname && -d /tmp ]] && echo y'`)
    expect(ash).toMatchObject({ stdout: '0\ny\n', stderr: '' })
    const dash = await lab.run(`kubectl -n sa-demo exec deb -- sh -c '[[ -f /etc/hostname ]]; echo $?'`)
    expect(dash).toMatchObject({ stdout: '127\n', stderr: 'sh: 1: [[: not found\n' })
  })
})
