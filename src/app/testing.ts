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
