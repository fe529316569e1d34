import { describe, expect, it, vi } from 'vitest'

// Stand-ins for the signer, TokenRequest and kubelet: see testing/stubComponents.ts.
vi.mock('./components', () => import('./testing/stubComponents'))

import { createCluster, restoreCluster, type Cluster } from './cluster'
import { Random } from './random'
import type { ApiRequest } from './apiserver/types'

const START = Date.parse('2026-11-29T15:30:00Z')
const ADMIN = { commonName: 'admin', organizations: ['system:masters'], signedByClusterCA: true }
const newCluster = (seed = 'seed-1') => createCluster({ startMs: START, random: Random.fromSeed(seed), deterministic: true })
const as = (method: ApiRequest['method'], path: string, body?: unknown, extra: Partial<ApiRequest> = {}): ApiRequest =>
  ({ method, path, headers: {}, body, clientCert: ADMIN, ...extra })
const run = (name: string) => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, labels: { run: name } },
  spec: { containers: [{ name, image: 'registry.k8s.io/e2e-test-images/agnhost:2.45', command: ['sleep', '100000'], resources: {} }], dnsPolicy: 'ClusterFirst', restartPolicy: 'Always' },
  status: {},
})

describe('boot', () => {
  it('has the system namespaces, each with its default SA and kube-root-ca.crt, installed an hour ago', async () => {
    const c = await newCluster()
    const ns = await c.handle(as('GET', '/api/v1/namespaces'))
    const items = (ns.body as any).items
    expect(items.map((n: any) => n.metadata.name)).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system'])
    expect(items[0].metadata.creationTimestamp).toBe('2026-11-29T14:30:00Z')
    for (const n of items) {
      expect((await c.handle(as('GET', `/api/v1/namespaces/${n.metadata.name}/serviceaccounts/default`))).status).toBe(200)
      expect((await c.handle(as('GET', `/api/v1/namespaces/${n.metadata.name}/configmaps/kube-root-ca.crt`))).status).toBe(200)
    }
    expect(c.now()).toBe(START)
  })

  it('registers worker-0 and worker-1 with their addresses and pod ranges', async () => {
    const c = await newCluster()
    const node = (await c.handle(as('GET', '/api/v1/nodes/worker-1'))).body as any
    expect(node.spec).toEqual({ podCIDR: '10.200.1.0/24', podCIDRs: ['10.200.1.0/24'] })
    expect(node.status.addresses[0]).toEqual({ type: 'InternalIP', address: '10.0.1.21' })
    expect(node.status.nodeInfo.kubeletVersion).toBe('v1.35.0')
    expect(node.spec.providerID).toBeUndefined()
    expect(node.metadata.creationTimestamp).toBe('2026-11-29T14:30:00Z')
  })
})

describe('namespace creation', () => {
  it('gives a new namespace its default SA and kube-root-ca.crt at once', async () => {
    const c = await newCluster()
    const res = await c.handle(as('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'sa-demo' } }))
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ metadata: { labels: { 'kubernetes.io/metadata.name': 'sa-demo' } }, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } })
    const sa = (await c.handle(as('GET', '/api/v1/namespaces/sa-demo/serviceaccounts/default'))).body as any
    expect(sa.metadata.creationTimestamp).toBe('2026-11-29T15:30:00Z')
    const cm = (await c.handle(as('GET', '/api/v1/namespaces/sa-demo/configmaps/kube-root-ca.crt'))).body as any
    expect(cm.data['ca.crt']).toContain('BEGIN CERTIFICATE')
  })
})

describe('pod after admission', () => {
  it('has the v1.35 defaults, the token volume and the server key order', async () => {
    const c = await newCluster()
    await c.handle(as('POST', '/api/v1/namespaces', { metadata: { name: 'sa-demo' } }))
    const res = await c.handle(as('POST', '/api/v1/namespaces/sa-demo/pods', run('app')))
    expect(res.status).toBe(201)
    const pod = (await c.handle(as('GET', '/api/v1/namespaces/sa-demo/pods/app'))).body as any
    const vol = pod.spec.volumes[0].name
    expect(vol).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/)
    expect(JSON.stringify(pod.spec)).toBe(JSON.stringify({
      volumes: [{ name: vol, projected: { sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
        { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
      ], defaultMode: 420 } }],
      containers: [{
        name: 'app', image: 'registry.k8s.io/e2e-test-images/agnhost:2.45', command: ['sleep', '100000'], resources: {},
        volumeMounts: [{ name: vol, readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' }],
        terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File', imagePullPolicy: 'IfNotPresent',
      }],
      restartPolicy: 'Always', terminationGracePeriodSeconds: 30, dnsPolicy: 'ClusterFirst',
      serviceAccountName: 'default', serviceAccount: 'default', nodeName: 'worker-0', securityContext: {},
      schedulerName: 'default-scheduler',
      tolerations: [
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ],
      priority: 0, enableServiceLinks: true, preemptionPolicy: 'PreemptLowerPriority',
    }))
    expect(Object.keys(pod)).toEqual(['kind', 'apiVersion', 'metadata', 'spec', 'status'])
    expect(Object.keys(pod.metadata)).toEqual(['name', 'namespace', 'uid', 'resourceVersion', 'generation', 'creationTimestamp', 'labels'])
    expect(pod.metadata.generation).toBe(1)
    expect(pod.status).toMatchObject({ phase: 'Pending', qosClass: 'BestEffort' })
  })

  it('defaults imagePullPolicy from the tag', async () => {
    const c = await newCluster()
    const images: Record<string, string> = { nginx: 'Always', 'nginx:latest': 'Always', 'nginx:1.27': 'IfNotPresent', 'nginx@sha256:abc': 'IfNotPresent', 'localhost:5000/x': 'Always' }
    let i = 0
    for (const [image, policy] of Object.entries(images)) {
      const name = `p${i++}`
      const res = await c.handle(as('POST', '/api/v1/namespaces/default/pods', { metadata: { name }, spec: { containers: [{ name: 'c', image }] } }))
      expect((res.body as any).spec.containers[0].imagePullPolicy).toBe(policy)
    }
  })
})

describe('exec', () => {
  it('hands the command to the kubelet of the pod\'s node', async () => {
    const c = await newCluster()
    await c.handle(as('POST', '/api/v1/namespaces/default/pods', run('app')))
    const res = await c.handle(as('POST', '/api/v1/namespaces/default/pods/app/exec?command=cat&command=%2Fetc%2Fhostname&stdout=true'))
    expect(res.body).toEqual({ kind: 'ExecResult', stdout: 'app:cat /etc/hostname\n', stderr: '', exitCode: 0 })
    const bad = await c.handle(as('POST', '/api/v1/namespaces/default/pods/app/exec?command=ls&container=nope'))
    expect((bad.body as any).message).toBe('container nope is not valid for pod app')
  })
})

describe('scheduler', () => {
  it('binds the first pod to worker-0, then balances by pod count', async () => {
    const c = await newCluster()
    await c.handle(as('POST', '/api/v1/namespaces', { metadata: { name: 'sa-demo' } }))
    const nodes: string[] = []
    for (const name of ['a', 'b', 'c']) {
      expect((await c.handle(as('POST', '/api/v1/namespaces/sa-demo/pods', run(name)))).status).toBe(201)
      nodes.push(((await c.handle(as('GET', `/api/v1/namespaces/sa-demo/pods/${name}`))).body as any).spec.nodeName)
    }
    expect(nodes).toEqual(['worker-0', 'worker-1', 'worker-0'])
  })

  it('records the Scheduled event in the events.k8s.io/v1 shape', async () => {
    const c = await newCluster()
    await c.handle(as('POST', '/api/v1/namespaces', { metadata: { name: 'sa-demo' } }))
    await c.handle(as('POST', '/api/v1/namespaces/sa-demo/pods', run('app')))
    const pod = (await c.handle(as('GET', '/api/v1/namespaces/sa-demo/pods/app'))).body as any
    expect(pod.status.conditions).toEqual([{ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: '2026-11-29T15:30:00Z' }])
    const events = ((await c.handle(as('GET', '/api/v1/namespaces/sa-demo/events'))).body as any).items
    const ev = events.find((e: any) => e.reason === 'Scheduled')
    expect(ev).toMatchObject({
      involvedObject: { kind: 'Pod', namespace: 'sa-demo', name: 'app', uid: pod.metadata.uid, apiVersion: 'v1' },
      message: 'Successfully assigned sa-demo/app to worker-0', source: {}, firstTimestamp: null, lastTimestamp: null,
      type: 'Normal', action: 'Binding', reportingComponent: 'default-scheduler', reportingInstance: 'default-scheduler-control-plane',
    })
    expect(ev.count).toBeUndefined()
    expect(ev.eventTime).toMatch(/^2026-11-29T15:30:00\.\d{6}Z$/)
    const [name, hex] = ev.metadata.name.split('.')
    expect(name).toBe('app')
    expect(BigInt(`0x${hex}`) / 1_000_000n).toBe(BigInt(START))
  })
})

describe('determinism', () => {
  const script = async (c: Cluster) => {
    await c.handle(as('POST', '/api/v1/namespaces', { metadata: { name: 'sa-demo' } }))
    await c.handle(as('POST', '/api/v1/namespaces/sa-demo/pods', run('app')))
    await c.advanceTo(START + 60_000)
    await c.handle(as('DELETE', '/api/v1/namespaces/sa-demo/pods/app'))
    await c.advanceTo(START + 120_000)
  }

  it('gives identical snapshots for the same seed and requests', async () => {
    const a = await newCluster('s'), b = await newCluster('s')
    await script(a)
    await script(b)
    expect(JSON.stringify(a.snapshot())).toBe(JSON.stringify(b.snapshot()))
    const other = await newCluster('t')
    await script(other)
    expect(JSON.stringify(other.snapshot())).not.toBe(JSON.stringify(a.snapshot()))
  })

  it('continues identically after a snapshot is restored', async () => {
    const a = await newCluster('s')
    await a.handle(as('POST', '/api/v1/namespaces', { metadata: { name: 'sa-demo' } }))
    const b = await restoreCluster(JSON.parse(JSON.stringify(a.snapshot())))
    for (const c of [a, b]) await c.handle(as('POST', '/api/v1/namespaces/sa-demo/pods', run('app')))
    expect(JSON.stringify(b.snapshot())).toBe(JSON.stringify(a.snapshot()))
  })
})
