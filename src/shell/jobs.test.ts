// Background jobs in the interactive workstation shell. The expected job lines are those of
// GNU bash 5.2.15 run as `bash -i` under a pty (python3's pty.fork, PS1='$ '), captured on this
// machine; jobs.c prints them as `[%d]%c  %-24s%s` (two spaces, the state padded to 24) with
// ` &` after a running job's command. Pids are the lab's own. The lab clock moves only when the
// shell waits (sleep, wait, fg), as jobs.ts describes.

import { describe, expect, test } from 'vitest'
import { Shell } from './shell'
import { createWorkstation } from './workstation'
import { fakeLab } from './testSupport'

function lab() {
  const services = fakeLab(0)
  const { fs, env } = createWorkstation()
  const shell = new Shell({ fs, env, lab: services })
  return { shell, now: () => services.now() }
}

describe('jobs started with &', () => {
  test('[1] PID, $!, jobs, and Done at the prompt once the clock passed the job', async () => {
    const { shell, now } = lab()
    const r = await shell.run('sleep 5 &')
    expect(r).toEqual({ stdout: '', stderr: '[1] 2287\n', exitCode: 0 })
    expect(now()).toBe(0)
    expect((await shell.run('echo $!')).stdout).toBe('2287\n')
    expect((await shell.run('jobs')).stdout).toBe('[1]+  Running                 sleep 5 &\n')
    expect((await shell.run('jobs -l')).stdout).toBe('[1]+ 2287 Running                 sleep 5 &\n')
    expect((await shell.run('sleep 2')).stderr).toBe('')
    const done = await shell.run('sleep 3')
    expect(done.stderr).toBe('[1]+  Done                    sleep 5\n')
    expect(now()).toBe(5000)
    expect((await shell.run('jobs')).stdout).toBe('')
  })

  test('two jobs: + and - marks; kill %1 reports Terminated at the prompt', async () => {
    const { shell } = lab()
    await shell.run('sleep 5 &')
    expect((await shell.run('sleep 6 &')).stderr).toBe('[2] 2288\n')
    expect((await shell.run('jobs')).stdout).toBe('[1]-  Running                 sleep 5 &\n[2]+  Running                 sleep 6 &\n')
    expect((await shell.run('kill %1')).stderr).toBe('[1]-  Terminated              sleep 5\n')
    expect((await shell.run('jobs')).stdout).toBe('[2]+  Running                 sleep 6 &\n')
  })

  test('wait moves the lab clock to the job end and reports it; wait with no job', async () => {
    const { shell, now } = lab()
    await shell.run('sleep 5 & sleep 7 &')
    const r = await shell.run('wait')
    expect(now()).toBe(7000)
    expect(r.stderr).toBe('[1]-  Done                    sleep 5\n[2]+  Done                    sleep 7\n')
    expect(await shell.run('(exit 3) &')).toMatchObject({ stderr: '[1] 2289\n' })
    expect(await shell.run('wait %1; echo $?')).toEqual({ stdout: '3\n', stderr: '[1]+  Exit 3                  ( exit 3 )\n', exitCode: 0 })
    expect(await shell.run('wait %3')).toEqual({ stdout: '', stderr: 'bash: wait: %3: no such job\n', exitCode: 127 })
  })

  test('a job that takes no lab time: its output at once, Done at the prompt after the next line', async () => {
    const { shell } = lab()
    expect(await shell.run('echo hi &')).toEqual({ stdout: 'hi\n', stderr: '[1] 2287\n', exitCode: 0 })
    expect((await shell.run('true')).stderr).toBe('[1]+  Done                    echo hi\n')
  })

  test('output a job writes after its sleep waits for the lab clock', async () => {
    const { shell, now } = lab()
    expect((await shell.run('(echo a; sleep 3; echo b) &')).stdout).toBe('a\n')
    expect((await shell.run('echo c')).stdout).toBe('c\n')
    const r = await shell.run('sleep 4')
    expect(r).toEqual({ stdout: 'b\n', stderr: '[1]+  Done                    ( echo a; sleep 3; echo b )\n', exitCode: 0 })
    expect(now()).toBe(4000)
  })

  test('fg waits for the job printing its command; bg says it runs already; no job', async () => {
    const { shell, now } = lab()
    expect(await shell.run('fg')).toEqual({ stdout: '', stderr: 'bash: fg: current: no such job\n', exitCode: 1 })
    expect(await shell.run('bg')).toEqual({ stdout: '', stderr: 'bash: bg: current: no such job\n', exitCode: 1 })
    await shell.run('sleep 9 &')
    expect(await shell.run('bg %1; echo $?')).toEqual({ stdout: '0\n', stderr: 'bash: bg: job 1 already in background\n', exitCode: 0 })
    expect(await shell.run('fg %sl')).toEqual({ stdout: 'sleep 9\n', stderr: '', exitCode: 0 })
    expect(now()).toBe(9000)
  })

  test('kill -9 and -INT show Killed and Interrupt; kill of an ended job', async () => {
    const { shell } = lab()
    await shell.run('sleep 1 &')
    expect((await shell.run('kill -9 %1')).stderr).toBe('[1]+  Killed                  sleep 1\n')
    await shell.run('sleep 1 &')
    expect((await shell.run('kill -INT $!')).stderr).toBe('[1]+  Interrupt               sleep 1\n')
    const r = await shell.run('sleep 1 & sleep 2; kill %1; echo $?')
    expect(r).toEqual({ stdout: '1\n', stderr: '[1] 2289\nbash: kill: (2289) - No such process\n[1]+  Done                    sleep 1\n', exitCode: 0 })
  })

  test('command text as bash prints it: redirections, pipelines, groups', async () => {
    const { shell } = lab()
    await shell.run('sleep 3 >/dev/null 2>&1 &')
    await shell.run('A=1 sleep 2 | cat &')
    await shell.run('{ sleep 1; } 2>/dev/null &')
    expect((await shell.run('jobs')).stdout).toBe(
      '[1]   Running                 sleep 3 > /dev/null 2>&1 &\n[2]-  Running                 A=1 sleep 2 | cat &\n[3]+  Running                 { sleep 1; } 2> /dev/null &\n',
    )
  })

  test('a job started in a subshell or a substitution stays there and moves no clock', async () => {
    const { shell, now } = lab()
    expect(await shell.run('x=$(sleep 100 &); (sleep 50 &); jobs; echo ok')).toEqual({ stdout: 'ok\n', stderr: '', exitCode: 0 })
    expect(now()).toBe(0)
  })
})
