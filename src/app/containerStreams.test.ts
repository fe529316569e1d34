// A process's two streams in the order it wrote them, through the whole lab: kubectl exec delivers
// stdout and stderr as the container's shell writes them (with -it both go to the terminal), and a
// container's log holds what its main process wrote on both, in order. Checked against the real
// busybox sh, both streams into one pipe.
import { beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Lab } from './lab'
import { labWithApp } from './testing'
import { q, requireTools, runBatch } from '../shell/testing/realTools'

let lab: Lab
const run = (line: string) => lab.run(line)

beforeAll(async () => {
  lab = await labWithApp()
}, 60_000)

describe("a process's two streams, in the order it wrote them", () => {
  const LINE = `echo one; cat /nope; echo two; x; echo three >&2; echo four`

  it('kubectl exec delivers stdout and stderr as busybox sh writes them, and -it puts both on the terminal', async () => {
    requireTools('/usr/bin/busybox')
    // what a terminal shows: both streams of `busybox sh -c` into one pipe, in order (busybox's cat on PATH)
    const bin = mkdtempSync(join(tmpdir(), 'order-'))
    for (const a of ['sh', 'cat', 'echo']) symlinkSync('/usr/bin/busybox', join(bin, a))
    const [real] = await runBatch([{ argv: ['/usr/bin/busybox', 'sh', '-c', `{ ${LINE}; } 2>&1`], env: { PATH: bin } }])
    rmSync(bin, { recursive: true, force: true })
    const chunks: string[] = []
    const r = await lab.run(`kubectl -n sa-demo exec app -- sh -c ${q(LINE)}`, (c) => chunks.push(`${c.stream}:${c.text}`))
    expect(chunks.filter((c) => !c.includes('command terminated'))).toEqual([
      'stdout:one\n', "stderr:cat: can't open '/nope': No such file or directory\n", 'stdout:two\n', 'stderr:sh: x: not found\nthree\n', 'stdout:four\n',
    ])
    expect(chunks.map((c) => c.slice(c.indexOf(':') + 1)).join('')).toBe(real.stdout)
    expect(r.exitCode).toBe(0)
    // with a terminal, the terminal is both streams
    const t = await lab.run(`kubectl -n sa-demo exec -it app -- sh -c ${q(LINE)}`)
    expect({ ...t, stdout: t.stdout.replaceAll('\r\n', '\n') }).toEqual({ stdout: real.stdout, stderr: '', exitCode: 0 })
  })

  it("a container's log holds what its main process wrote on both streams, in order", async () => {
    await run(`kubectl -n sa-demo run order --image=busybox:1.36 --restart=Never -- sh -c ${q('echo one; cat /nope; echo two')}`)
    await run('lab advance 10s')
    expect((await run('kubectl -n sa-demo logs order')).stdout).toBe("one\ncat: can't open '/nope': No such file or directory\ntwo\n")
  })
})
