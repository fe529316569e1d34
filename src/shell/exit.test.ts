// `exit` in the workstation's shell ends nothing (it says how to start afresh); in a shell made
// with exitEnds (a container's `sh -c`, `kubectl exec -it`) it ends the shell with the status.

import { describe, expect, test } from 'vitest'
import { Shell } from './shell'
import { createWorkstation } from './workstation'
import { fakeLab, newShell } from './testSupport'

describe('exit', () => {
  test('the workstation stays, runs the EXIT trap, and explains', async () => {
    const sh = newShell()
    const r = await sh.run('trap "echo bye" EXIT; echo a; exit 3; echo never')
    expect(r.stdout).toBe('a\nbye\n')
    expect(r.stderr).toMatch(/^exit\nlab: .*lab reset/)
    expect(r.exitCode).toBe(3)
    expect((await sh.run('echo still here; echo $?')).stdout).toBe('still here\n0\n')
  })
  test('set -e at the top stops the line the same way', async () => {
    const sh = newShell()
    const r = await sh.run('set -e; false; echo never')
    expect([r.stdout, r.exitCode]).toEqual(['', 1])
  })
  test('a shell made with exitEnds ends, silently, with the status', async () => {
    const { fs, env } = createWorkstation()
    const sh = new Shell({ fs, env, lab: fakeLab(), exitEnds: true })
    const r = await sh.run('echo a; exit 4; echo b')
    expect(r).toEqual({ stdout: 'a\n', stderr: '', exitCode: 4 })
    expect(sh.exited).toBe(4)
  })
})
