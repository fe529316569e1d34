// The kubelets' node leases: made when the nodes register, owned by them, renewed every 10 s (seen
// on demand), made again after a delete at the next renewal; the control plane's leases in
// kube-system; and what a node may do with leases (Node authorizer authorizeLease, NodeRestriction
// admitLease: texts from kubernetes-next.md §1).
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { APISERVER_ID } from './leases'
import { ADMIN, KUBECTL_UA, labWithPod } from './apiserver/testing'
import { restoreCluster, type Cluster } from './cluster'
import type { ApiRequest } from './apiserver/types'

const LEASES = '/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases'
type Lease = { metadata: { name: string; uid: string; creationTimestamp: string; ownerReferences?: unknown[] }; spec: { holderIdentity: string; leaseDurationSeconds: number; renewTime: string } }

const call = (c: Cluster, method: ApiRequest['method'], path: string, body?: unknown, as: 'admin' | string = 'admin') =>
  c.handle({
    method, path, body,
    headers: { 'user-agent': KUBECTL_UA, ...(as === 'admin' ? {} : { 'impersonate-user': `system:node:${as}`, 'impersonate-group': 'system:nodes' }) },
    clientCert: ADMIN,
  })
const lease = async (c: Cluster, name: string) => (await call(c, 'GET', `${LEASES}/${name}`)).body as Lease

describe('the node leases', () => {
  it('exist for each node, held by it, owned by its Node, 40 s long', async () => {
    const c = await labWithPod()
    const node = (await call(c, 'GET', '/api/v1/nodes/worker-0')).body as { metadata: { uid: string; creationTimestamp: string } }
    const l = await lease(c, 'worker-0')
    expect(l.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Node', name: 'worker-0', uid: node.metadata.uid }])
    expect(l.spec.holderIdentity).toBe('worker-0')
    expect(l.spec.leaseDurationSeconds).toBe(40)
    expect(l.metadata.creationTimestamp).toBe(node.metadata.creationTimestamp)
    const list = (await call(c, 'GET', LEASES)).body as { kind: string; items: Lease[] }
    expect(list.kind).toBe('LeaseList')
    expect(list.items.map((i) => i.metadata.name)).toEqual(['worker-0', 'worker-1'])
  })

  it('are renewed every 10 s, in microseconds, within the last 10 s when read', async () => {
    const c = await labWithPod()
    const first = await lease(c, 'worker-0')
    expect(first.spec.renewTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/)
    const at = (l: Lease) => Date.parse(l.spec.renewTime)
    expect(c.now() - at(first)).toBeGreaterThanOrEqual(0)
    expect(c.now() - at(first)).toBeLessThan(10_000)
    await c.advanceTo(c.now() + 30_000)
    const later = await lease(c, 'worker-0')
    expect(at(later) - at(first)).toBe(30_000)
    expect(later.spec.renewTime.slice(-8)).toBe(first.spec.renewTime.slice(-8))
    // a year later: one renewal to read, not three million
    await c.advanceTo(c.now() + 365 * 86_400_000)
    expect(c.now() - at(await lease(c, 'worker-0'))).toBeLessThan(10_000)
  })

  it('come back after a delete at the kubelet\'s next renewal, with a new uid', async () => {
    const c = await labWithPod()
    const before = await lease(c, 'worker-1')
    expect((await call(c, 'DELETE', `${LEASES}/worker-1`)).status).toBe(200)
    expect((await call(c, 'GET', `${LEASES}/worker-1`)).status).toBe(404)
    await c.advanceTo(c.now() + 10_000)
    const after = await lease(c, 'worker-1')
    expect(after.metadata.uid).not.toBe(before.metadata.uid)
    expect(after.spec.holderIdentity).toBe('worker-1')
  })

  it('get their holder and duration back at the next renewal after an edit', async () => {
    const c = await labWithPod()
    const l = await lease(c, 'worker-0')
    expect((await call(c, 'PUT', `${LEASES}/worker-0`, { ...l, spec: { ...l.spec, holderIdentity: 'me', leaseDurationSeconds: 5 } })).status).toBe(200)
    await c.advanceTo(c.now() + 10_000)
    expect((await lease(c, 'worker-0')).spec).toMatchObject({ holderIdentity: 'worker-0', leaseDurationSeconds: 40 })
  })
})

describe('the control plane\'s leases', () => {
  const SYSTEM = '/apis/coordination.k8s.io/v1/namespaces/kube-system/leases'
  type Leader = Lease & { spec: { acquireTime: string; leaseTransitions: number } }

  it('name the API server by the hash of its host and component (config.go APIServerID)', () => {
    const field = (s: string) => Buffer.concat([Buffer.from([s.length >> 8, s.length & 255]), Buffer.from(s)])
    const hash = createHash('sha256').update(Buffer.concat([field('control-plane'), field('kube-apiserver')])).digest().subarray(0, 16)
    // RFC 4648 base32, no padding, lower case
    let bits = ''
    for (const b of hash) bits += b.toString(2).padStart(8, '0')
    const base32 = (bits.match(/.{1,5}/g) ?? []).map((g) => 'abcdefghijklmnopqrstuvwxyz234567'[parseInt(g.padEnd(5, '0'), 2)]).join('')
    expect(APISERVER_ID).toBe(`apiserver-${base32}`)
  })

  it('are the controller manager\'s and the scheduler\'s (15 s, renewed every 2 s) and the API server\'s identity (3600 s, labelled)', async () => {
    const c = await labWithPod()
    const list = (await call(c, 'GET', SYSTEM)).body as { items: Leader[] }
    expect(list.items.map((i) => i.metadata.name)).toEqual([APISERVER_ID, 'kube-controller-manager', 'kube-scheduler'])
    const [id, kcm] = list.items
    expect(id.spec.holderIdentity).toMatch(new RegExp(`^${APISERVER_ID}_[0-9a-f-]{36}$`))
    expect(id.spec.leaseDurationSeconds).toBe(3600)
    expect((id.metadata as { labels?: object }).labels).toEqual({ 'apiserver.kubernetes.io/identity': 'kube-apiserver', 'kubernetes.io/hostname': 'control-plane' })
    expect(kcm.spec).toMatchObject({ leaseDurationSeconds: 15, leaseTransitions: 0 })
    expect(kcm.spec.holderIdentity).toMatch(/^control-plane_[0-9a-f-]{36}$/)
    expect(c.now() - Date.parse(kcm.spec.renewTime)).toBeLessThan(2_000)
    await c.advanceTo(c.now() + 7_000)
    const later = (await call(c, 'GET', `${SYSTEM}/kube-controller-manager`)).body as Leader
    expect(later.spec.acquireTime).toBe(kcm.spec.acquireTime)
    expect(later.spec.holderIdentity).toBe(kcm.spec.holderIdentity)
    expect(Date.parse(later.spec.renewTime) - Date.parse(kcm.spec.renewTime)).toBeGreaterThanOrEqual(6_000)
  })
})

describe('the node status reports', () => {
  it('set the conditions\' lastHeartbeatTime every 5 minutes from the node\'s Ready transition', async () => {
    const c = await labWithPod()
    type Node = { status: { conditions: { type: string; lastHeartbeatTime: string; lastTransitionTime: string }[] } }
    const node = async () => (await call(c, 'GET', '/api/v1/nodes/worker-0')).body as Node
    const first = await node()
    const ready = Date.parse(first.status.conditions.find((x) => x.type === 'Ready')!.lastTransitionTime)
    const beats = new Set(first.status.conditions.map((x) => x.lastHeartbeatTime))
    expect(beats.size).toBe(1)
    const beat = Date.parse([...beats][0])
    expect((beat - ready) % 300_000).toBe(0)
    expect(c.now() - beat).toBeLessThan(300_000)
    await c.advanceTo(beat + 300_000 - 1)
    expect((await node()).status.conditions[0].lastHeartbeatTime).toBe([...beats][0])
    await c.advanceTo(beat + 300_000)
    expect(Date.parse((await node()).status.conditions[0].lastHeartbeatTime)).toBe(beat + 300_000)
  })
})

describe('a restored lab whose node holds odd shapes', () => {
  it('still serves its node and leases', async () => {
    const c = await labWithPod()
    const state = c.snapshot()
    const nodes = (state.store.objects as Record<string, Record<string, { status?: unknown; spec?: unknown }>>).nodes
    nodes[Object.keys(nodes)[0]].status = { conditions: { Ready: 'yes' } }
    const leases = state.store.objects['leases.coordination.k8s.io'] as Record<string, { spec?: unknown }>
    for (const k of Object.keys(leases)) leases[k].spec = { renewTime: 5, acquireTime: { x: 1 }, holderIdentity: [] }
    const r = await restoreCluster(JSON.parse(JSON.stringify(state)))
    expect((await call(r, 'GET', '/api/v1/nodes')).status).toBe(200)
    const list = (await call(r, 'GET', '/apis/coordination.k8s.io/v1/leases')).body as { items: Lease[] }
    expect(list.items.find((l) => l.metadata.name === 'worker-0')?.spec.holderIdentity).toBe('worker-0')
  })
})

describe('a deleted kube-node-lease', () => {
  it('is made again by the API server on the minute, and the kubelets\' leases come back into it', async () => {
    const c = await labWithPod()
    expect((await call(c, 'DELETE', '/api/v1/namespaces/kube-node-lease')).status).toBe(200)
    expect((await call(c, 'GET', '/api/v1/namespaces/kube-node-lease')).status).toBe(404)
    const minute = (Math.floor(c.now() / 60_000) + 1) * 60_000
    await c.advanceTo(minute - 1)
    expect((await call(c, 'GET', '/api/v1/namespaces/kube-node-lease')).status).toBe(404)
    await c.advanceTo(minute)
    expect((await call(c, 'GET', '/api/v1/namespaces/kube-node-lease')).status).toBe(200)
    await c.advanceTo(minute + 10_000)
    const list = (await call(c, 'GET', LEASES)).body as { items: Lease[] }
    expect(list.items.map((i) => i.metadata.name)).toEqual(['worker-0', 'worker-1'])
    for (const l of list.items) expect(Date.parse(l.metadata.creationTimestamp)).toBeGreaterThanOrEqual(minute - 1000)
  })
})

describe('a node and the leases', () => {
  const message = async (c: Cluster, method: ApiRequest['method'], path: string, body?: unknown) => {
    const r = await call(c, method, path, body, 'worker-0')
    return [r.status, (r.body as { message?: string }).message]
  }
  it('may get and renew its own lease', async () => {
    const c = await labWithPod()
    expect((await call(c, 'GET', `${LEASES}/worker-0`, undefined, 'worker-0')).status).toBe(200)
    const l = await lease(c, 'worker-0')
    expect((await call(c, 'PUT', `${LEASES}/worker-0`, l, 'worker-0')).status).toBe(200)
  })
  it('may not read another node\'s lease, list leases, or use another namespace', async () => {
    const c = await labWithPod()
    const who = 'User "system:node:worker-0" cannot'
    expect(await message(c, 'GET', `${LEASES}/worker-1`)).toEqual([403, `leases.coordination.k8s.io "worker-1" is forbidden: ${who} get resource "leases" in API group "coordination.k8s.io" in the namespace "kube-node-lease": can only access node lease with the same name as the requesting node`])
    expect(await message(c, 'GET', LEASES)).toEqual([403, `leases.coordination.k8s.io is forbidden: ${who} list resource "leases" in API group "coordination.k8s.io" in the namespace "kube-node-lease": can only get, create, update, patch, or delete a node lease`])
    expect(await message(c, 'GET', '/apis/coordination.k8s.io/v1/namespaces/default/leases/worker-0')).toEqual([403, `leases.coordination.k8s.io "worker-0" is forbidden: ${who} get resource "leases" in API group "coordination.k8s.io" in the namespace "default": can only access leases in the "kube-node-lease" system namespace`])
  })
  it('may not create a lease of another name (NodeRestriction: the authorizer cannot see a create\'s name)', async () => {
    const c = await labWithPod()
    expect((await call(c, 'DELETE', `${LEASES}/worker-1`)).status).toBe(200)
    const body = { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: 'worker-1', namespace: 'kube-node-lease' } }
    expect(await message(c, 'POST', LEASES, body)).toEqual([403, 'leases.coordination.k8s.io "worker-1" is forbidden: can only access node lease with the same name as the requesting node'])
  })
})
