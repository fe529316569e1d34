// The `kubernetes` Service, its Endpoints and EndpointSlice exist from the start and are served
// at their REST paths, in the shape a kubeadm v1.35 API server keeps them.
import { describe, expect, it } from 'vitest'
import { asAdmin, labWithPod } from './apiserver/testing'

describe('the kubernetes Service', () => {
  it('is served in default with ClusterIP 10.32.0.1 (the pods\' KUBERNETES_SERVICE_HOST), port 443 -> 6443', async () => {
    const c = await labWithPod()
    const res = await asAdmin(c, 'GET', '/api/v1/namespaces/default/services/kubernetes')
    expect(res.status).toBe(200)
    const svc = res.body as Record<string, unknown>
    expect(Object.keys(svc)).toEqual(['kind', 'apiVersion', 'metadata', 'spec', 'status'])
    expect(svc.metadata).toMatchObject({ name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } })
    expect(svc.spec).toEqual({
      ports: [{ name: 'https', protocol: 'TCP', port: 443, targetPort: 6443 }],
      clusterIP: '10.32.0.1', clusterIPs: ['10.32.0.1'], type: 'ClusterIP', sessionAffinity: 'None',
      ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack', internalTrafficPolicy: 'Cluster',
    })
    const list = await asAdmin(c, 'GET', '/api/v1/services')
    expect((list.body as { kind: string; items: unknown[] }).kind).toBe('ServiceList')
  })

  it('has Endpoints (with the v1.33 deprecation warning) and an EndpointSlice pointing at 10.0.1.10:6443', async () => {
    const c = await labWithPod()
    const ep = await asAdmin(c, 'GET', '/api/v1/namespaces/default/endpoints/kubernetes')
    expect(ep.headers.warning).toBe('299 - "v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice"')
    expect((ep.body as { subsets: unknown }).subsets).toEqual([{ addresses: [{ ip: '10.0.1.10' }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }])
    const slice = await asAdmin(c, 'GET', '/apis/discovery.k8s.io/v1/namespaces/default/endpointslices/kubernetes')
    expect(slice.status).toBe(200)
    expect(slice.body).toMatchObject({
      kind: 'EndpointSlice', apiVersion: 'discovery.k8s.io/v1',
      metadata: { name: 'kubernetes', namespace: 'default', generation: 1, labels: { 'kubernetes.io/service-name': 'kubernetes' } },
      addressType: 'IPv4', endpoints: [{ addresses: ['10.0.1.10'], conditions: { ready: true } }],
      ports: [{ name: 'https', protocol: 'TCP', port: 6443 }],
    })
    const groups = (await asAdmin(c, 'GET', '/apis')).body as { groups: { name: string }[] }
    expect(groups.groups.map((g) => g.name)).toContain('discovery.k8s.io')
  })

  it('is what the pods\' environment names', async () => {
    const c = await labWithPod()
    const res = await asAdmin(c, 'POST', '/api/v1/namespaces/sa-demo/pods/app/exec?command=env&container=app&stdout=true')
    expect((res.body as { stdout: string }).stdout).toContain('KUBERNETES_SERVICE_HOST=10.32.0.1\n')
  })
})

describe('the kubernetes Service once deleted', () => {
  const SERVICE = '/api/v1/namespaces/default/services/kubernetes'
  const SLICE = '/apis/discovery.k8s.io/v1/namespaces/default/endpointslices/kubernetes'
  const ENDPOINTS = '/api/v1/namespaces/default/endpoints/kubernetes'

  it('comes back at the API server\'s next round (every 10 s), with a new uid and the same cluster IP', async () => {
    const c = await labWithPod()
    const before = (await asAdmin(c, 'GET', SERVICE)).body as { metadata: { uid: string } }
    expect((await asAdmin(c, 'DELETE', SERVICE)).status).toBe(200)
    expect((await asAdmin(c, 'GET', SERVICE)).status).toBe(404)
    const deletedAt = c.now()
    const round = (Math.floor(deletedAt / 10_000) + 1) * 10_000
    await c.advanceTo(round - 1)
    expect((await asAdmin(c, 'GET', SERVICE)).status).toBe(404)
    await c.advanceTo(round)
    const after = await asAdmin(c, 'GET', SERVICE)
    expect(after.status).toBe(200)
    const svc = after.body as { metadata: { uid: string; creationTimestamp: string }; spec: { clusterIP: string } }
    expect(svc.metadata.uid).not.toBe(before.metadata.uid)
    expect(Date.parse(svc.metadata.creationTimestamp)).toBe(round)
    expect(svc.spec.clusterIP).toBe('10.32.0.1')
  })

  it('brings back its EndpointSlice and Endpoints too, and nothing of another name', async () => {
    const c = await labWithPod()
    for (const path of [SLICE, ENDPOINTS]) expect((await asAdmin(c, 'DELETE', path)).status).toBe(200)
    expect((await asAdmin(c, 'POST', '/api/v1/namespaces/default/services', {
      apiVersion: 'v1', kind: 'Service', metadata: { name: 'other' }, spec: { ports: [{ port: 80 }] },
    })).status).toBe(201)
    expect((await asAdmin(c, 'DELETE', '/api/v1/namespaces/default/services/other')).status).toBe(200)
    await c.advanceTo(c.now() + 10_000)
    expect((await asAdmin(c, 'GET', SLICE)).status).toBe(200)
    expect((await asAdmin(c, 'GET', ENDPOINTS)).status).toBe(200)
    expect((await asAdmin(c, 'GET', '/api/v1/namespaces/default/services/other')).status).toBe(404)
  })
})

describe('kube-system', () => {
  it('holds the ServiceAccounts of a kubeadm v1.35 cluster (39 names with default)', async () => {
    const c = await labWithPod()
    const list = (await asAdmin(c, 'GET', '/api/v1/namespaces/kube-system/serviceaccounts')).body as { items: { metadata: { name: string } }[] }
    const names = list.items.map((i) => i.metadata.name).sort()
    expect(names).toHaveLength(39)
    expect(names.slice(0, 5)).toEqual(['attachdetach-controller', 'bootstrap-signer', 'certificate-controller', 'clusterrole-aggregation-controller', 'coredns'])
    expect(names).toContain('default')
    expect(names).toContain('kube-proxy')
    expect(names).not.toContain('route-controller')
    expect(names.at(-1)).toBe('volumeattributesclass-protection-controller')
  })
})
