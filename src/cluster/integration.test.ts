import { describe, expect, it } from 'vitest'
import { createCluster, restoreCluster } from './cluster'
import { Random } from './random'
import type { ApiRequest } from './apiserver/types'

// The core wired to the real signer, TokenRequest and kubelet.
const START = Date.parse('2026-11-29T15:30:00Z')
const ADMIN = { commonName: 'admin', organizations: ['system:masters'], signedByClusterCA: true }
const as = (method: ApiRequest['method'], path: string, body?: unknown): ApiRequest => ({ method, path, headers: {}, body, clientCert: ADMIN })
const run = { metadata: { name: 'app', labels: { run: 'app' } }, spec: { containers: [{ name: 'app', image: 'registry.k8s.io/e2e-test-images/agnhost:2.45', command: ['sleep', '100000'], resources: {} }] } }

describe('cluster with the real kubelet and signer', () => {
  it('runs a pod, issues a token, deletes the pod and the namespace', async () => {
    const c = await createCluster({ startMs: START, random: Random.fromSeed('int'), deterministic: true })
    await c.handle(as('POST', '/api/v1/namespaces', { metadata: { name: 'sa-demo' } }))
    expect((await c.handle(as('POST', '/api/v1/namespaces/sa-demo/pods', run))).status).toBe(201)
    await c.advanceTo(START + 60_000)
    const pod = (await c.handle(as('GET', '/api/v1/namespaces/sa-demo/pods/app'))).body as any
    expect(pod.status.phase).toBe('Running')
    const tr = await c.handle(as('POST', '/api/v1/namespaces/sa-demo/serviceaccounts/default/token', { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', spec: {} }))
    expect(tr.status).toBe(201)
    expect((tr.body as any).status.token.split('.')).toHaveLength(3)
    const restored = await restoreCluster(JSON.parse(JSON.stringify(c.snapshot())))
    for (const x of [c, restored]) {
      await x.handle(as('DELETE', '/api/v1/namespaces/sa-demo'))
      await x.advanceTo(START + 180_000)
      expect((await x.handle(as('GET', '/api/v1/namespaces/sa-demo'))).status).toBe(404)
    }
    expect(JSON.stringify(restored.snapshot())).toBe(JSON.stringify(c.snapshot()))
  })
})
