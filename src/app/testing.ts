// Test support: a lab as many tests start from, the article's first lines run (namespace sa-demo,
// the pod app from the agnhost image, Ready). Each line must succeed.

import { mkdirSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { createLab } from './lab'
import { requireTools, runBatch, type Outcome } from '../shell/testing/realTools'
import type { Lab } from './labTypes'

export const RUN_APP = 'kubectl -n sa-demo run app --image=registry.k8s.io/e2e-test-images/agnhost:2.45 --command -- sleep 100000'
export const POD_UP = ['kubectl create namespace sa-demo', RUN_APP, 'kubectl -n sa-demo wait --for=condition=Ready pod/app'] as const

/** A seeded lab with the pod app running, and `more` lines run after. */
export async function labWithApp(seed = '1', more: readonly string[] = []): Promise<Lab> {
  const lab = await createLab({ seed })
  for (const line of [...POD_UP, ...more]) {
    const r = await lab.run(line)
    if (r.exitCode !== 0) throw new Error(`${line}: exit ${r.exitCode}: ${r.stderr}`)
  }
  return lab
}

/**
 * `sh -c SCRIPT` in a pod of sa-demo, as the process in the container ended: its output, and its
 * status from kubectl's `command terminated with exit code N` (that line taken off stderr).
 */
export async function shIn(lab: Lab, pod: string, script: string): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  const r = await lab.run(`kubectl -n sa-demo exec ${pod} -- sh -c '${script.replaceAll("'", `'\\''`)}'`)
  const m = /command terminated with exit code (\d+)\n$/.exec(r.stderr)
  return { stdout: r.stdout, stderr: m ? r.stderr.slice(0, m.index) : r.stderr, exitCode: m ? Number(m[1]) : r.exitCode }
}

/**
 * Each of `lines` through the real busybox's `sh -c`, each in a folder of its own under `base`
 * (`w0`, `w1`, ...), with only `applets` on PATH (links to busybox, in `base/bin`, as an image has
 * them): the real side of a busybox differential test. Fails, naming busybox, when it is missing.
 */
export async function realBusybox(base: string, applets: readonly string[], lines: readonly string[]): Promise<{ outcomes: Outcome[]; bin: string }> {
  requireTools('/usr/bin/busybox')
  const bin = join(base, 'bin')
  mkdirSync(bin)
  for (const a of applets) symlinkSync('/usr/bin/busybox', join(bin, a))
  const calls = lines.map((l, i) => {
    mkdirSync(join(base, `w${i}`))
    return { argv: ['/usr/bin/busybox', 'sh', '-c', l], cwd: join(base, `w${i}`), env: { HOME: '/root', PATH: bin, TZ: 'UTC' } }
  })
  return { outcomes: await runBatch(calls), bin }
}
