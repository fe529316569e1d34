import { describe, expect, it, vi } from 'vitest'

// Stand-ins for the signer, TokenRequest and kubelet: see testing/stubComponents.ts.
vi.mock('../../components', () => import('../../testing/stubComponents'))

import { createCluster, type Cluster } from '../../cluster'
import { Random } from '../../random'
import type { ApiRequest } from '../../apiserver/types'

const START = Date.parse('2026-11-29T15:30:00Z')
const ADMIN = { commonName: 'admin', organizations: ['system:masters'], signedByClusterCA: true }
const as = (method: ApiRequest['method'], path: string, body?: unknown): ApiRequest => ({ method, path, headers: {}, body, clientCert: ADMIN })
const pod = (name: string) => ({ metadata: { name }, spec: { containers: [{ name, image: 'nginx:1.27' }] } })

async function withDemo(): Promise<Cluster> {
  const c = await createCluster({ startMs: START, random: Random.fromSeed('ns'), deterministic: true })
  await c.handle(as('POST', '/api/v1/namespaces', { metadata: { name: 'sa-demo' } }))
  await c.handle(as('POST', '/api/v1/namespaces/sa-demo/pods', pod('app')))
  await c.handle(as('POST', '/api/v1/namespaces/sa-demo/configmaps', { metadata: { name: 'cfg' }, data: { a: 'b' } }))
  return c
}

describe('namespace lifecycle', () => {
  it('goes Terminating, refuses new content with the exact message, and waits for its pods', async () => {
    const c = await withDemo()
    const del = await c.handle(as('DELETE', '/api/v1/namespaces/sa-demo'))
    expect(del.status).toBe(200)
    expect(del.body).toMatchObject({ metadata: { deletionTimestamp: '2026-11-29T15:30:00Z' }, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Terminating' } })

    const refused = await c.handle(as('POST', '/api/v1/namespaces/sa-demo/pods', pod('late')))
    expect(refused.status).toBe(403)
    expect(refused.body).toMatchObject({
      message: 'pods "late" is forbidden: unable to create new content in namespace sa-demo because it is being terminated',
      reason: 'Forbidden',
      details: { name: 'late', kind: 'pods', causes: [{ type: 'NamespaceTerminating', message: 'namespace sa-demo is being terminated', field: 'metadata.namespace' }] },
    })

    const ns = (await c.handle(as('GET', '/api/v1/namespaces/sa-demo'))).body as any
    expect(ns.status.conditions.map((x: any) => [x.type, x.status, x.reason])).toEqual([
      ['NamespaceDeletionDiscoveryFailure', 'False', 'ResourcesDiscovered'],
      ['NamespaceDeletionGroupVersionParsingFailure', 'False', 'ParsedGroupVersions'],
      ['NamespaceDeletionContentFailure', 'False', 'ContentDeleted'],
      ['NamespaceContentRemaining', 'True', 'SomeResourcesRemain'],
      ['NamespaceFinalizersRemaining', 'False', 'ContentHasNoFinalizers'],
    ])
    expect(ns.status.conditions[3].message).toBe('Some resources are remaining: pods. has 1 resource instances')
    const p = (await c.handle(as('GET', '/api/v1/namespaces/sa-demo/pods/app'))).body as any
    expect(p.metadata).toMatchObject({ deletionTimestamp: '2026-11-29T15:30:30Z', deletionGracePeriodSeconds: 30 })
    // pods go first: the rest stays until they are gone
    expect((await c.handle(as('GET', '/api/v1/namespaces/sa-demo/serviceaccounts/default'))).status).toBe(200)
    expect((await c.handle(as('GET', '/api/v1/namespaces/sa-demo/configmaps/cfg'))).status).toBe(200)

    const again = await c.handle(as('DELETE', '/api/v1/namespaces/sa-demo'))
    expect(again.status).toBe(409)
    expect((again.body as any).message).toBe('Operation cannot be fulfilled on namespaces "sa-demo": The system is ensuring all content is removed from this namespace.  Upon completion, this namespace will automatically be purged by the system.')
  })

  it('removes the content, then the finalizer, then the namespace', async () => {
    const c = await withDemo()
    await c.handle(as('DELETE', '/api/v1/namespaces/sa-demo'))
    await c.advanceTo(START + 29_000)
    expect((await c.handle(as('GET', '/api/v1/namespaces/sa-demo'))).status).toBe(200)
    await c.advanceTo(START + 31_000)
    expect((await c.handle(as('GET', '/api/v1/namespaces/sa-demo'))).status).toBe(404)
    for (const r of ['pods', 'serviceaccounts', 'configmaps', 'secrets', 'events']) {
      expect(((await c.handle(as('GET', `/api/v1/namespaces/sa-demo/${r}`))).body as any).items).toEqual([])
    }
    const types = c.facts().map((f) => f.type)
    expect(types).toContain('namespace.terminating')
    expect(types.indexOf('namespace.deleted')).toBeGreaterThan(types.lastIndexOf('pod.deleted'))
    expect((await c.handle(as('POST', '/api/v1/namespaces/sa-demo/pods', pod('x')))).body).toMatchObject({ message: 'namespaces "sa-demo" not found' })
  })

  it('recreates a deleted default ServiceAccount with a new uid, and a deleted or edited kube-root-ca.crt', async () => {
    const c = await withDemo()
    const sa = (await c.handle(as('GET', '/api/v1/namespaces/sa-demo/serviceaccounts/default'))).body as any
    expect((await c.handle(as('DELETE', '/api/v1/namespaces/sa-demo/serviceaccounts/default'))).status).toBe(200)
    const back = (await c.handle(as('GET', '/api/v1/namespaces/sa-demo/serviceaccounts/default'))).body as any
    expect(back.metadata.uid).not.toBe(sa.metadata.uid)

    await c.handle(as('DELETE', '/api/v1/namespaces/sa-demo/configmaps/kube-root-ca.crt'))
    expect((await c.handle(as('GET', '/api/v1/namespaces/sa-demo/configmaps/kube-root-ca.crt'))).status).toBe(200)
    const patched = await c.handle({ ...as('PATCH', '/api/v1/namespaces/sa-demo/configmaps/kube-root-ca.crt', { data: { 'ca.crt': 'x' } }), headers: { 'content-type': 'application/merge-patch+json' } })
    expect((patched.body as any).data['ca.crt']).toBe('x')
    const cm = (await c.handle(as('GET', '/api/v1/namespaces/sa-demo/configmaps/kube-root-ca.crt'))).body as any
    expect(cm.data['ca.crt']).toContain('BEGIN CERTIFICATE')
    expect(cm.metadata.annotations['kubernetes.io/description']).toBe('Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.')
  })
})

describe('the namespace subresources the controller uses', () => {
  it('status replaces only the status; finalize only spec.finalizers, and an emptied deleted namespace goes', async () => {
    const c = await withDemo()
    await c.handle(as('POST', '/api/v1/namespaces', { metadata: { name: 'other' } }))
    const ns = (await c.handle(as('GET', '/api/v1/namespaces/other'))).body as any
    // status: the spec sent is ignored (namespaceStatusStrategy keeps the stored spec)
    const st = await c.handle(as('PUT', '/api/v1/namespaces/other/status', { ...ns, spec: { finalizers: [] }, status: { phase: 'Active', conditions: [] } }))
    expect(st.status).toBe(200)
    expect((st.body as any).spec.finalizers).toEqual(['kubernetes'])
    // finalize: the status sent is ignored, the finalizers are taken; not deleted, so it stays
    const fin = await c.handle(as('PUT', '/api/v1/namespaces/other/finalize', { ...(st.body as any), spec: { finalizers: [] }, status: { phase: 'Terminating' } }))
    expect(fin.status).toBe(200)
    expect((fin.body as any).spec.finalizers).toEqual([])
    expect((fin.body as any).status.phase).toBe('Active')
    expect((await c.handle(as('GET', '/api/v1/namespaces/other'))).status).toBe(200)
    // a plain update cannot change the finalizers (they change only through finalize)
    const back = await c.handle(as('PUT', '/api/v1/namespaces/other', { ...(fin.body as any), spec: { finalizers: ['kubernetes'] } }))
    expect((back.body as any).spec.finalizers).toEqual([])
    // no finalizer left: DELETE removes it at once
    expect((await c.handle(as('DELETE', '/api/v1/namespaces/other'))).status).toBe(200)
    expect((await c.handle(as('GET', '/api/v1/namespaces/other'))).status).toBe(404)
    // another name in the body than in the URL is refused
    const bad = await c.handle(as('PUT', '/api/v1/namespaces/sa-demo/finalize', { metadata: { name: 'x' }, spec: { finalizers: [] } }))
    expect(bad.status).toBe(400)
    expect((bad.body as any).message).toBe('the name of the object (x) does not match the name on the URL (sa-demo)')
  })

  it('the controller finalizes through the API; metadata.finalizers still hold the object', async () => {
    const c = await createCluster({ startMs: START, random: Random.fromSeed('ns2'), deterministic: true })
    await c.handle(as('POST', '/api/v1/namespaces', { metadata: { name: 'gone', finalizers: ['example.com/hold'] } }))
    await c.handle(as('DELETE', '/api/v1/namespaces/gone'))
    await c.advanceTo(START + 1000)
    // the controller removed its `kubernetes` finalizer; metadata.finalizers still holds the object
    const held = (await c.handle(as('GET', '/api/v1/namespaces/gone'))).body as any
    expect(held.spec.finalizers).toEqual([])
    expect(held.metadata.finalizers).toEqual(['example.com/hold'])
    const audit = c.audit().filter((e) => e.user?.username === 'system:serviceaccount:kube-system:namespace-controller')
    expect(audit.at(-1)).toMatchObject({ method: 'PUT', verb: 'update', requestURI: '/api/v1/namespaces/gone/finalize', code: 200 })
  })
})
