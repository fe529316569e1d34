// /dev/zero and /dev/urandom (devices.ts): what takes a few bytes agrees with the real devices
// (bash and coreutils, one batch); what copies a device whole stops at the output limit with its
// message; /dev/urandom moves on with every read and is the same for the same commands. ls -l
// and test show the character devices as GNU ls and bash's test do (dates aside: the real ones
// carry the machine's boot time, the lab's its clock).
import { describe, expect, it } from 'vitest'
import { requireTools, runBatch } from './testing/realTools'
import { newShell } from './testSupport'

const SAME_AS_REAL = [
  'head -c 16 /dev/zero | od -An -tx1',
  'head -c 5 /dev/zero | wc -c',
  'head -c 100 /dev/urandom | wc -c',
  'test -e /dev/zero && test -e /dev/urandom && echo both',
  'cat /dev/zero | head -c 3 | od -An -c',
  'tr -dc a-z < /dev/urandom | head -c 8 | wc -c',
  'x=$(head -c 4 /dev/zero | tr "\\0" z); echo "$x"',
]

describe('/dev/zero and /dev/urandom', () => {
  it('agree with the real devices where a few bytes are taken', async () => {
    requireTools('bash', 'od', 'wc', 'tr', 'head')
    const real = await runBatch(SAME_AS_REAL.map((line) => ({ shell: line })))
    const sh = newShell()
    for (const [i, line] of SAME_AS_REAL.entries()) {
      const r = await sh.run(line)
      expect({ line, ...r }).toEqual({ line, ...real[i] })
    }
  })

  it('a device copied whole stops at the output limit with its message', async () => {
    const r = await newShell().run('cat /dev/zero | wc -c')
    expect(r.stdout).toBe(`${1024 * 1024}\n`)
    expect(r.stderr).toBe("lab: cat stopped after writing 1 MiB into a pipe, the lab's limit for one command\n")
  })

  it('/dev/urandom gives other bytes at every read, the same ones for the same commands', async () => {
    const line = 'head -c 12 /dev/urandom | base64; head -c 12 /dev/urandom | base64'
    const a = await newShell().run(line)
    const b = await newShell().run(line)
    const [first, second] = a.stdout.trim().split('\n')
    expect(first).toMatch(/^[A-Za-z0-9+/]{16}$/)
    expect(second).not.toBe(first)
    expect(b.stdout).toBe(a.stdout)
  })
})

const AS_DEVICES = [
  'ls -l /dev/null /dev/zero /dev/random /dev/urandom',
  'echo hi > f; ls -l /dev/zero f',
  'head -c 123456 /dev/zero > g; ls -l g /dev/null',
  'ls -d /dev/zero /dev/null /dev/urandom | cat',
  'test -c /dev/zero; echo $?; test -f /dev/zero; echo $?; test -e /dev/random; echo $?',
  'test -s /dev/null; echo $?; test -s /dev/zero; echo $?; echo x > h; test -c h; echo $?',
  'echo x > /dev/null; echo $?; cat /dev/null | wc -c',
  'echo x > /dev/zero; head -c 2 /dev/zero | od -An -tx1',
]

describe('the character devices as ls -l and test see them', () => {
  it('agree with GNU ls and bash on this machine', async () => {
    requireTools('bash', 'ls', 'od', 'wc', 'head')
    const real = await runBatch(AS_DEVICES.map((line) => ({ shell: line })))
    const sh = newShell()
    const date = (s: string) => s.replace(/ [A-Z][a-z]{2} [ \d]\d (?:\d\d:\d\d| \d{4}) /g, ' DATE ')
    for (const [i, line] of AS_DEVICES.entries()) {
      const r = await sh.run(line)
      expect({ line, ...r, stdout: date(r.stdout) }).toEqual({ line, ...real[i], stdout: date(real[i].stdout) })
    }
    expect((await sh.run('ls -l /dev/zero')).stdout).toMatch(/^crw-rw-rw- 1 root root 1, 5 [A-Z]/)
  })
})
