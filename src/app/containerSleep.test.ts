// busybox sleep in a pod: it takes its time on the lab clock (kubectl exec and the pod's sh), and
// its messages for bad operands are those of the machine's real `busybox sleep` (one batch).
import { beforeAll, describe, expect, it } from 'vitest'
import type { Lab } from './lab'
import { labWithApp } from './testing'
import { q, requireTools, runBatch, type Outcome } from '../shell/testing/realTools'

let lab: Lab
const run = (line: string) => lab.run(line)
const nowMs = async () => Date.parse((await run('lab now')).stdout.trim())

const BAD = [['x'], [], ['1', '2x'], ['-5'], ['0x10'], ['1e1'], ['1.5x'], ['1.5.5'], ['--help'], ['']]
let real: Outcome[] = []

beforeAll(async () => {
  requireTools('busybox')
  real = await runBatch(BAD.map((args) => ({ shell: `busybox sleep ${args.map(q).join(' ')}` })))
  lab = await labWithApp()
}, 60_000)

describe('sleep inside a container', () => {
  it('kubectl exec -- sleep 30 takes 30 s of lab time', async () => {
    const before = await nowMs()
    expect(await run('kubectl -n sa-demo exec app -- sleep 30')).toEqual({ stdout: '', stderr: '', exitCode: 0 })
    expect((await nowMs()) - before).toBe(30_000)
  })

  it("sh -c 'sleep 1m; sleep 1.5m' in the pod takes 150 s", async () => {
    const before = await nowMs()
    expect((await run(`kubectl -n sa-demo exec app -- sh -c 'sleep 1m; sleep 1.5m; echo woke'`)).stdout).toBe('woke\n')
    expect((await nowMs()) - before).toBe(150_000)
  })

  it.each(BAD.map((args, i) => [args.join(' '), args, i] as const))("busybox's messages: sleep %s", async (_, args, i) => {
    const r = await run(`kubectl -n sa-demo exec app -- sleep ${args.map(q).join(' ')}`)
    const exit = real[i].exitCode === 0 ? '' : `command terminated with exit code ${real[i].exitCode}\n`
    expect(r).toEqual({ stdout: real[i].stdout, stderr: real[i].stderr + exit, exitCode: real[i].exitCode })
  })
})
