// The hostile commands of issue 8 end quickly with their message and the next command works;
// where a real tool can answer (GNU grep, bash with a file-size ulimit) the lab answers as it does.

import { spawnSync } from 'node:child_process'
import { describe, expect, test } from 'vitest'
import type { CommandContext, CommandSpec } from './types'
import { Shell } from './shell'
import { MemoryFs } from './fs'
import { createWorkstation } from './workstation'
import { fakeLab, newShell } from './testSupport'
import type { ShellLimits } from './limits'

/** Run a line in the real bash (in a scratch directory); stdout, stderr and status. */
function real(line: string): { stdout: string; stderr: string; status: number } {
  const r = spawnSync('bash', ['-c', `cd "$(mktemp -d)" && ${line}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
  if (r.error) throw r.error
  return { stdout: r.stdout, stderr: r.stderr, status: r.status ?? -1 }
}

function shellWith(limits: Partial<ShellLimits>, commands: CommandSpec[] = [], pause?: () => Promise<void>): Shell {
  const { env } = createWorkstation()
  const fs = new MemoryFs({}, '/root', '/root', limits)
  return new Shell({ fs, env, lab: fakeLab(), limits, commands, pause })
}

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t = performance.now()
  const value = await fn()
  return { value, ms: performance.now() - t }
}

describe('grep cannot backtrack exponentially', () => {
  const hostile = 'echo aaaaaaaaaaaaaaaaaaaaaaaaaaaa! | grep "\\(a*\\)*$"'

  test('the pattern of issue 8 answers at once, as GNU grep does', async () => {
    const sh = newShell()
    const { value, ms } = await timed(() => sh.run(hostile))
    const want = real(hostile)
    expect(want.stdout).toBe('aaaaaaaaaaaaaaaaaaaaaaaaaaaa!\n')
    expect(value).toEqual({ stdout: want.stdout, stderr: '', exitCode: want.status })
    expect(ms).toBeLessThan(2000)
    expect((await sh.run('echo next')).stdout).toBe('next\n')
  })

  test.each([
    "echo aaaaaaaaaaaaaaaaaaaaaaaaaaaa! | grep -o '\\(a*\\)*$'; echo $?",
    "echo 'abab xyxy abcabc' | grep -o '\\(ab*\\)\\1'",
    "echo abcd | grep -oE 'a|ab|abc'",
    "echo 'foo foox xfoo foo-' | grep -ow foo",
    "echo 'the cat' | grep -o '\\<c..'",
    "echo 'the cat' | grep -o 'e\\>'",
    "echo AbAB | grep -io '\\(ab\\)\\1'",
    "echo 'x1 y22 z333' | grep -oE '[0-9]{2,}'",
    "printf 'ab\\nAB\\nba\\n' | grep -ic '^a'",
  ])('%s: as GNU grep', async (line) => {
    const got = await newShell().run(line)
    const want = real(line)
    expect({ stdout: got.stdout, status: got.exitCode }).toEqual({ stdout: want.stdout, status: want.status })
  })

  test('back-references run under a step budget and stop with a message', async () => {
    const sh = newShell()
    const { value, ms } = await timed(() => sh.run("echo aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa! | grep '\\(a*\\)*\\1$'"))
    expect(value.stderr).toMatch(/^grep: stopped: the back-references in this pattern need more steps than the lab allows/)
    expect(value.exitCode).toBe(2)
    expect(ms).toBeLessThan(5000)
    expect((await sh.run('echo next')).stdout).toBe('next\n')
  })
})

describe('file sizes', () => {
  test('the doubling file of issue 8 stops at 1 MiB with EFBIG', async () => {
    const sh = newShell({ '/root/a': 'x'.repeat(999) + '\n' })
    for (let i = 0; i < 2; i++) expect((await sh.run('cat a a a a > b; cat b b b b > a')).exitCode).toBe(0)
    const r = await sh.run('cat a a a a > b; cat b b b b > a')
    expect(r.stderr).toBe(
      'cat: write error: File too large\n' +
        'lab: a file holds at most 1 MiB and all files together at most 8 MiB: remove files you no longer need with rm\n',
    )
    expect(r.exitCode).toBe(1)
    expect(sh.fs.readFile('/root/a')!.length).toBe(1024 * 1024)
    expect((await sh.run('rm a b; echo ok')).stdout).toBe('ok\n')
  })

  test('a builtin writing past the limit says what bash says', async () => {
    const line = "printf '%2000s' x > e; echo $?"
    const want = real(`ulimit -f 1; trap '' XFSZ; ${line}`)
    // bash -c names the line; the interactive shell the lab imitates does not.
    want.stderr = want.stderr.replace(/^bash: line 1: /, 'bash: ')
    const sh = shellWith({ maxFile: 1024 })
    const got = await sh.run(line)
    expect(want.stderr).toBe('bash: printf: write error: File too large\n')
    expect(got.stdout).toBe(want.stdout)
    expect(got.stderr.split('\n')[0] + '\n').toBe(want.stderr)
    expect(sh.fs.readFile('/root/e')!.length).toBe(1024)
  })

  test('the home folder full: No space left on device', async () => {
    const sh = shellWith({ maxFile: 100, maxFsTotal: 250 })
    await sh.run("printf '%100s' > a; printf '%100s' > b")
    const r = await sh.run("printf '%60s' x >> c; cat a b > d; echo $?")
    expect(r.stderr).toMatch(/^bash: printf: write error: No space left on device\nlab: a file holds at most 100 characters/)
    expect(sh.fs.readFile('/root/c')!.length).toBe(50)
    expect(r.stderr).toContain('cat: write error: No space left on device\n')
    expect(r.stdout).toBe('1\n')
    expect((await sh.run('rm a; echo hi > a; cat a')).stdout).toBe('hi\n')
  })
})

test('a saved folder over the limits restores whole; only new writes are refused', () => {
  const fs = new MemoryFs({ '/root/big': 'x'.repeat(100) }, '/root', '/root', { maxFile: 10, maxFsTotal: 50 })
  expect(fs.readFile('/root/big')!.length).toBe(100)
  expect(() => fs.writeFile('/root/small', 'abc')).toThrow('No space left on device')
  fs.remove('/root/big')
  fs.writeFile('/root/small', 'abc')
  expect(() => fs.writeFile('/root/small', 'x'.repeat(20), true)).toThrow('File too large')
  expect(fs.readFile('/root/small')).toBe('abc' + 'x'.repeat(7))
})

describe('output and expansion sizes', () => {
  test('yes on the terminal is cut at 1 MiB with a notice, and the line goes on', async () => {
    const sh = newShell()
    const { value, ms } = await timed(() => sh.run('yes; echo after $?'))
    expect(value.stdout.length).toBe(1024 * 1024 + 'after 141\n'.length)
    expect(value.stdout.endsWith('y\ny\nafter 141\n')).toBe(true)
    expect(value.stderr).toBe("lab: output of yes cut after 1 MiB, the lab's limit for one command: narrow it with head, tail or grep\n")
    expect(ms).toBeLessThan(5000)
  })

  test('yes | head prints its lines and nothing else: head ended first, so yes stops as by SIGPIPE', async () => {
    const r = await newShell().run('yes | head -n 3')
    const b = real('yes | head -n 3')
    expect({ stdout: r.stdout, stderr: r.stderr, status: r.exitCode }).toEqual(b)
    expect(b).toEqual({ stdout: 'y\ny\ny\n', stderr: '', status: 0 })
  })

  test('a writer whose output is read to the end (bash would run forever) is stopped with the notice', async () => {
    const r = await newShell().run('yes | wc -l')
    expect(r.stdout).toBe('524288\n')
    expect(r.stderr).toBe("lab: yes stopped after writing 1 MiB into a pipe, the lab's limit for one command\n")
    expect(r.exitCode).toBe(0)
  })

  test('a reader killed by SIGPIPE stops reading too: yes | cat | head is quiet, yes | cat | wc is not', async () => {
    expect((await newShell().run('yes | cat | head -n 1')).stderr).toBe('')
    expect((await newShell().run('yes | cat | wc -c')).stderr).toBe("lab: yes stopped after writing 1 MiB into a pipe, the lab's limit for one command\n")
  })

  test('one command line writes at most maxLineOutput to the terminal', async () => {
    const sh = shellWith({ maxOutput: 100, maxLineOutput: 250 })
    const r = await sh.run('yes; yes; yes; echo never')
    const notice = "lab: output cut after 250 characters, the lab's limit for one command line\n"
    expect(r.stderr.endsWith(notice)).toBe(true)
    // Standard error counts too: everything before the line's notice is 250 characters.
    expect(r.stdout.length + r.stderr.length - notice.length).toBeLessThanOrEqual(251)
    expect(r.stdout.length + r.stderr.length - notice.length).toBeGreaterThanOrEqual(250)
    expect(r.stdout).not.toContain('never')
    expect(r.exitCode).toBe(141)
    expect((await sh.run('echo ok')).stdout).toBe('ok\n')
  })

  test('a word or variable longer than 1 MiB is refused', async () => {
    const sh = shellWith({ maxValue: 1000 })
    await sh.run("A=$(printf '%600s' x)")
    const r = await sh.run('B=$A$A; echo $?; echo ${#B}')
    expect(r.stderr).toBe("bash: expansion too long: more than 1000 characters, the lab's limit for one word or variable\n")
    expect(r.stdout).toBe('1\n0\n')
  })
})

describe('the step budget', () => {
  test('a command line past its steps stops with a message and status 152', async () => {
    const sh = newShell()
    const line = Array.from({ length: 60_000 }, () => 'true').join('; ') + '; echo never'
    const { value, ms } = await timed(() => sh.run(line))
    expect(value.stderr).toBe(
      "bash: stopped after 100000 steps, the lab's limit for one command line: look for a loop that never ends or a function that calls itself\n",
    )
    expect(value.stdout).toBe('')
    expect(value.exitCode).toBe(152)
    expect(ms).toBeLessThan(10_000)
    expect((await sh.run('echo $?; echo next')).stdout).toBe('152\nnext\n')
  })

  test('an endless loop writing into a pipe that is read to its end still stops the line; one that writes nothing too', async () => {
    const sh = newShell()
    const steps = "bash: stopped after 100000 steps, the lab's limit for one command line: look for a loop that never ends or a function that calls itself\n"
    // (bash would run these forever: the reader reads on, or the writer never writes to meet SIGPIPE)
    const drained = await sh.run('while :; do echo x; done | wc -l >/dev/null; echo never')
    expect(drained).toMatchObject({ stderr: steps, exitCode: 152 })
    expect(drained.stdout).toBe('')
    expect(await sh.run('while :; do :; done | true; echo never')).toMatchObject({ stdout: '', stderr: steps, exitCode: 152 })
    // a loop of them ends: the line gets its steps back only a few times
    const looped = await sh.run('for i in 1 2 3 4 5 6 7 8; do while :; do echo x; done | head -1; done; echo never')
    expect(looped).toMatchObject({ stdout: 'x\nx\nx\nx\n', stderr: steps, exitCode: 152 })
  })

  test('deeply nested subshells end with a message, not a crash', async () => {
    const sh = shellWith({ maxSteps: 100 })
    const r = await sh.run('( '.repeat(2000) + 'echo hi' + ' )'.repeat(2000))
    expect(r.stderr).toBe('bash: expression nesting level exceeded\n')
    const s = await sh.run('( '.repeat(300) + 'echo hi' + ' )'.repeat(300) + '; echo never')
    expect(s.stderr).toMatch(/^bash: stopped after 100 steps/)
    expect(s.exitCode).toBe(152)
    expect((await sh.run('echo next')).stdout).toBe('next\n')
  })
})

describe("a program's own loop", () => {
  test('sed that branches back for ever stops with its message; one that prints for ever is stopped by its output budget', async () => {
    const sh = newShell()
    const loop = await sh.run("sed ':a;ba' <<< x; echo rc=$?")
    expect(loop.stderr).toBe("sed: stopped: the script ran more than 20000000 steps (the lab's limit)\n")
    expect(loop.stdout).toBe('rc=4\n')
    const printing = await sh.run("sed 's/one/&\\n&/;P;D' <<< one | head -3; echo rc=$?")
    expect(printing.stdout).toBe('one\none\none\nrc=0\n')
    expect((await sh.run('echo next')).stdout).toBe('next\n')
  }, 30_000)
})

describe('Ctrl+C', () => {
  /** A command that says it started, then waits for the test to let it go on. */
  function gated(name: string, body: (ctx: CommandContext) => number) {
    let release!: () => void
    let started!: () => void
    const gate = new Promise<void>((r) => (release = r))
    const running = new Promise<void>((r) => (started = r))
    const spec: CommandSpec = {
      name,
      summary: 'waits for the test',
      usage: name,
      async run(ctx) {
        started()
        await gate
        return body(ctx)
      },
    }
    return { spec, release, running }
  }

  const bodies: Record<string, (ctx: CommandContext) => number> = {
    waiter(ctx) {
      ctx.signal!.throwIfAborted()
      return 0
    },
    swallower(ctx) {
      try {
        ctx.stdout('x')
      } catch {
        // A command that catches everything is stopped all the same.
      }
      return 0
    },
  }

  test.each(['waiter', 'swallower'])('interrupt() stops %s: ^C, status 130, the rest of the line skipped', async (name) => {
    const g = gated(name, bodies[name])
    const sh = shellWith({}, [g.spec])
    const result = sh.run(`${name}; echo never`)
    await g.running
    sh.interrupt()
    g.release()
    const r = await result
    expect(r).toEqual({ stdout: '', stderr: '^C\n', exitCode: 130 })
    expect((await sh.run('echo $?')).stdout).toBe('130\n')
  })

  test('the executor checks between steps: a long line stops when the host lets Ctrl+C in', async () => {
    let pauses = 0
    const sh: Shell = shellWith({}, [], async () => {
      if (++pauses === 3) sh.interrupt()
    })
    const r = await sh.run(Array.from({ length: 40_000 }, () => 'true').join('; ') + '; echo never')
    expect(r).toEqual({ stdout: '', stderr: '^C\n', exitCode: 130 })
    expect(pauses).toBe(3)
  })

  test('an interrupt with nothing running does not stop the next line', async () => {
    const sh = newShell()
    sh.interrupt()
    expect(await sh.run('echo hi')).toEqual({ stdout: 'hi\n', stderr: '', exitCode: 0 })
  })
})

describe('a long list of words', () => {
  // 165,000 words from $(seq ...) made `for` build its `set -x` line on every pass (minutes, quadratic),
  // and spreading them into one call overflowed the stack ("internal error"); an array takes them all
  test('a for loop over them stops at the step budget, and an array holds them', async () => {
    const sh = newShell()
    const loop = await sh.run('for x in $(seq 200000); do :; done; echo done')
    expect(loop.stdout).toBe('')
    expect(loop.stderr).toMatch(/^lab: seq stopped after writing 1 MiB into a pipe[^\n]*\nbash: stopped after 100000 steps/)
    const arr = await sh.run('a=($(seq 200000)); echo ${#a[@]} ${a[-1]}')
    // (the pipe stops at 1 MiB, in the middle of 165669)
    expect(arr.stdout).toBe('165669 16566\n')
  }, 60_000)
})
