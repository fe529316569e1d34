// nproc in a pod: the node's processors (2), as coreutils 9.1's and busybox 1.36.1's nproc count
// them. The lines whose answer does not depend on how many processors a machine has (the
// OMP_ variables, a large --ignore, the errors) are run against this machine's coreutils and
// busybox too; the count itself is the node's, so those lines are checked against the sources.
import { beforeAll, describe, expect, it } from 'vitest'
import type { Lab } from './lab'
import { labWithApp, realBusybox, shIn } from './testing'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runBatch } from '../shell/testing/realTools'

let lab: Lab
const SAME_EVERYWHERE_GNU = [
  'nproc --ignore=99', 'OMP_NUM_THREADS=5 nproc', 'OMP_NUM_THREADS=3,2 nproc', 'OMP_NUM_THREADS=5 OMP_THREAD_LIMIT=3 nproc', 'OMP_NUM_THREADS=5 nproc --ignore=1',
  'nproc --ignore=x; echo "rc=$?"', 'nproc x; echo "rc=$?"', 'nproc --bogus; echo "rc=$?"', 'nproc --version | head -1',
]
const SAME_EVERYWHERE_BUSYBOX = ['nproc --ignore=99', 'nproc --ignore=x; echo "rc=$?"', 'nproc --bogus; echo "rc=$?"', 'OMP_NUM_THREADS=5 nproc --ignore=99', 'nproc --ign 99']

beforeAll(async () => {
  lab = await labWithApp('1', ['kubectl -n sa-demo run deb --image=debian:12 --command -- sleep 100000', 'kubectl -n sa-demo wait --for=condition=Ready pod/deb'])
}, 60_000)

describe('nproc in a pod', () => {
  it("counts the node's two processors, less --ignore, at least 1", async () => {
    expect(await shIn(lab, 'deb', 'nproc; nproc --all; nproc --ignore=1; OMP_NUM_THREADS=x nproc; OMP_NUM_THREADS=5 nproc --all')).toEqual({ stdout: '2\n2\n1\n2\n2\n', stderr: '', exitCode: 0 })
    expect(await shIn(lab, 'app', 'nproc; nproc --all; nproc --ignore=1; nproc x; OMP_NUM_THREADS=1 nproc')).toEqual({ stdout: '2\n2\n1\n2\n2\n', stderr: '', exitCode: 0 })
  })

  it("agrees with coreutils' nproc where the machine's count does not matter", async () => {
    const real = await runBatch(SAME_EVERYWHERE_GNU.map((l) => ({ shell: `export LC_ALL=C; ${l}` })))
    for (const [i, line] of SAME_EVERYWHERE_GNU.entries()) expect.soft({ line, ...(await shIn(lab, 'deb', line)) }).toEqual({ line, ...real[i] })
  })

  it("agrees with busybox's nproc where the machine's count does not matter", async () => {
    const base = mkdtempSync(join(tmpdir(), 'bbnproc-'))
    try {
      const { outcomes: real } = await realBusybox(base, ['sh', 'nproc', 'echo'], SAME_EVERYWHERE_BUSYBOX)
      const musl = (s: string) => s.replace(/^nproc: unrecognized option '--(.+)'$/m, 'nproc: unrecognized option: $1')
      for (const [i, line] of SAME_EVERYWHERE_BUSYBOX.entries()) expect.soft({ line, ...(await shIn(lab, 'app', line)) }).toEqual({ line, ...real[i], stdout: musl(real[i].stdout), stderr: musl(real[i].stderr) })
    } finally {
      rmSync(base, { recursive: true, force: true })
    }
  })
})
