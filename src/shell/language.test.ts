// The shell language beyond what the differential tests can compare: continuation prompts for
// open compound commands, and loops stopped by the step budget.

import { describe, expect, test } from 'vitest'
import { newShell } from './testSupport'
import { Shell } from './shell'
import { createWorkstation } from './workstation'
import { fakeLab } from './testSupport'

describe('continuation (PS2)', () => {
  test.each(['if true; then', 'if true; then echo a', 'for x in a b; do', 'while true', '{ echo a', 'case x in', 'f() {', 'for ((i=0;i<3;i++)); do echo'])(
    '%s asks for more input',
    (text) => {
      expect(newShell().needsMoreInput(text)).toBe(true)
    },
  )
  test.each(['if true; then echo a; fi', 'for x in a; do echo $x; done', '{ echo a; }', 'case x in x) echo;; esac', 'echo fi'])('%s is complete', (text) => {
    expect(newShell().needsMoreInput(text)).toBe(false)
  })
  test('a multi-line if runs as one input', async () => {
    const r = await newShell().run('if true\nthen\n  echo yes\nfi')
    expect(r).toEqual({ stdout: 'yes\n', stderr: '', exitCode: 0 })
  })
})

test('endless recursion stops at the nesting limit, not in a crash', async () => {
  const r = await newShell().run('f() { f; }; f; echo after')
  expect(r.stderr).toBe('bash: f: maximum function nesting level exceeded (1000)\n')
  expect(r.exitCode).toBe(1)
})

describe('loops under the step budget', () => {
  const small = () => {
    const { fs, env } = createWorkstation()
    return new Shell({ fs, env, lab: fakeLab(), limits: { maxSteps: 500 } })
  }
  test.each(['while true; do :; done', 'until false; do :; done', 'for ((;;)); do :; done', 'f() { f; }; f', 'while :; do echo x; done > /dev/null'])(
    '%s stops with the budget message and status 152',
    async (line) => {
      const sh = small()
      const r = await sh.run(line)
      expect(r.exitCode).toBe(152)
      expect(r.stderr).toContain("bash: stopped after 500 steps, the lab's limit for one command line")
      expect((await sh.run('echo still here')).stdout).toBe('still here\n')
    },
  )
})

// bash runs `>(LIST)` beside the command, so when its output comes is a race there; the lab runs it
// as the command ends, before the next one. The files stand only while their command runs.
describe('process substitution', () => {
  test('>(LIST) reads what the command wrote, as the command ends', async () => {
    const sh = newShell()
    expect(await sh.run('echo data > >(tr a-z A-Z); echo after')).toEqual({ stdout: 'DATA\nafter\n', stderr: '', exitCode: 0 })
    expect((await sh.run('printf "a\\nb\\n" | tee >(wc -l) >/dev/null')).stdout).toBe('2\n')
  })

  test('the files go when their command has ended, and the lab keeps none of them', async () => {
    const sh = newShell()
    expect((await sh.run('cat <(echo x) /dev/fd/63; echo <(true)')).stdout).toBe('x\nx\n/dev/fd/63\n')
    expect(await sh.run('ls /dev/fd')).toMatchObject({ stderr: "ls: cannot access '/dev/fd': No such file or directory\n", exitCode: 2 })
    expect(Object.keys(sh.fs.snapshot()).filter((p) => p.startsWith('/dev'))).toEqual([])
  })
})

describe("bash's attributes the lab does not keep", () => {
  test.each([
    ['f() { local -n r=x; }; f', 'bash: local: -n: name references are not simulated in the lab\n'],
    ['typeset -u v=x', 'bash: typeset: -u: the uppercase attribute is not simulated in the lab; ${NAME^^} gives the value in uppercase\n'],
  ])('%s says so, and what works', async (line, stderr) => {
    expect(await newShell().run(line)).toEqual({ stdout: '', stderr, exitCode: 2 })
  })
})

// (the differential tests compare @P with no real machine: its user, host and directory differ)
describe('${NAME@P}: the value expanded as a prompt', () => {
  test("the terminal's own prompt, and its other escapes", async () => {
    const sh = newShell()
    expect((await sh.run(`PS='\\u@\\h:\\w\\$ '; echo "\${PS@P}"; P='\\s \\v \\V \\W \\[x\\] \\q'; echo "\${P@P}"`)).stdout).toBe('root@workstation:~# \nbash 5.2 5.2.15 ~ x \\q\n')
  })
})

describe("bash's builtins the lab does not run", () => {
  test.each(['ulimit -n', 'caller', 'compgen -c', 'disown'])('%s says so (it was "command not found")', async (line) => {
    const name = line.split(' ')[0]
    expect(await newShell().run(line)).toEqual({ stdout: '', stderr: `bash: ${name}: this builtin is not simulated in the lab; 'help' lists the ones it has\n`, exitCode: 1 })
  })
  test("exec with only a redirection would change the shell's own output: it says so", async () => {
    expect(await newShell().run('exec >log; echo still')).toEqual({ stdout: 'still\n', stderr: "bash: exec: redirecting the shell's own input or output is not simulated in the lab; redirect each command instead\n", exitCode: 0 })
  })
})
