// Test support: a lab as many tests start from, the article's first lines run (namespace sa-demo,
// the pod app from the agnhost image, Ready). Each line must succeed.

import { createLab } from './lab'
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
