import { it } from 'vitest'
import { createCluster } from '/work/main/src/cluster/cluster'
import { Random } from '/work/main/src/cluster/random'
const START = Date.parse('2026-11-29T15:30:00Z')
const ADMIN = { commonName: 'admin', organizations: ['system:masters'], signedByClusterCA: true }
const as = (method: any, path: string, body?: unknown) => ({ method, path, headers: {}, body, clientCert: ADMIN })
it('peek', async () => {
  const c = await createCluster({ startMs: START, random: Random.fromSeed('int'), deterministic: true })
  await c.handle(as('POST', '/api/v1/namespaces', { metadata: { name: 'sa-demo' } }))
  for (let i = 0; i < 50; i++) await c.handle(as('POST', '/api/v1/namespaces/sa-demo/pods', { metadata: { name: 'app' + i }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } }))
  await c.advanceTo(START + 60_000)
  console.log(JSON.stringify((await c.handle(as('GET', '/api/v1/namespaces/sa-demo/pods/app0'))).body, null, 1).slice(0, 2500))
  const ev = (await c.handle(as('GET', '/api/v1/namespaces/sa-demo/events'))).body as any
  console.log(JSON.stringify(ev.items.slice(0, 2), null, 1))
  const t = performance.now()
  const r = await c.advanceTo(START + 365 * 86400_000)
  console.log('year', performance.now() - t, JSON.stringify(r.ran))
})
