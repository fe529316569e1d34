import { describe, expect, it } from 'vitest'
import { VirtualClock } from '../clock/clock'
import { DEFAULT_CLUSTER_CONFIG, type ClusterContext } from '../context'
import { reconcileControllerRBAC } from '../boot'
import { controllerClients } from '../client/inProcess'
import { GIT_COMMIT } from './handlers/discovery'
import { startControllers } from '../controllers/manager'
import type { Fact } from '../events/facts'
import { Random } from '../random'
import { ObjectStore } from '../store/store'
import { WorkRunner } from '../work'
import type { AdmissionPlugin } from './admission/interfaces'
import { defaultAdmissionPlugins } from './admission/plugins'
import { APIServer } from './server'
import type { ApiRequest, ApiResponse } from './types'

const START = Date.parse('2026-11-29T15:30:00Z')
const ADMIN = { commonName: 'admin', organizations: ['system:masters'], signedByClusterCA: true }

function setup(extraPlugins: AdmissionPlugin[] = []) {
  const clock = new VirtualClock(START)
  const runner = new WorkRunner(clock)
  const facts: Fact[] = []
  const ctx: ClusterContext = {
    store: new ObjectStore(), clock, random: Random.fromSeed('t'), config: DEFAULT_CLUSTER_CONFIG,
    record: (f) => { facts.push(f) }, onWork: (t, h) => runner.on(t, h),
  }
  // the controllers write through this server, with their own identities and default roles
  reconcileControllerRBAC(ctx, START)
  startControllers(ctx, controllerClients((req) => server.handle(req), 'v1.35.0', GIT_COMMIT))
  const server = new APIServer({
    ctx, exec: async () => undefined, tokenRequest: async () => ({ ok: true, object: {}, claims: {} as never }),
    admissionPlugins: [...extraPlugins, ...defaultAdmissionPlugins()],
  })
  const call = async (method: ApiRequest['method'], path: string, body?: unknown, extra: Partial<ApiRequest> = {}): Promise<ApiResponse> => {
    const res = await server.handle({ method, path, headers: {}, body, clientCert: ADMIN, ...extra })
    await runner.runDue(clock.now())
    return res
  }
  return { ctx, server, call, facts }
}

const pod = (name: string, extra: Record<string, unknown> = {}) =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'app', image: 'nginx' }], ...extra } })

describe('request path order', () => {
  it('refuses an unauthenticated create with 403 before admission runs', async () => {
    let admissionRan = false
    const spy: AdmissionPlugin = { name: 'Spy', admit: () => { admissionRan = true; return undefined } }
    const { call } = setup([spy])
    const res = await call('POST', '/api/v1/namespaces/nope/pods', pod('app'), { clientCert: undefined })
    expect(res.status).toBe(403)
    expect(res.body).toEqual({
      kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure',
      message: 'pods is forbidden: User "system:anonymous" cannot create resource "pods" in API group "" in the namespace "nope"',
      reason: 'Forbidden', details: { kind: 'pods' }, code: 403,
    })
    expect(admissionRan).toBe(false)
    // the same request from the admin reaches admission, which finds no namespace
    const admin = await call('POST', '/api/v1/namespaces/nope/pods', pod('app'))
    expect(admissionRan).toBe(true)
    expect((admin.body as any).message).toBe('namespaces "nope" not found')
  })

  it('answers an unknown bearer token with 401 (no authenticator accepts it yet)', async () => {
    const { call, facts } = setup()
    const res = await call('GET', '/api/v1/namespaces/default/pods', undefined, { clientCert: undefined, headers: { authorization: 'Bearer abc.def.ghi' } })
    expect(res.status).toBe(401)
    expect(res.body).toEqual({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'Unauthorized', reason: 'Unauthorized', code: 401 })
    expect(facts.at(-1)).toMatchObject({ type: 'request', method: 'GET', code: 401, reason: 'invalid bearer token' })
  })

  it('forbids non-resource paths and cluster-scoped resources with the RBAC-style messages', async () => {
    const { call } = setup()
    const anon = { clientCert: undefined }
    expect((await call('GET', '/', undefined, anon)).body).toMatchObject({ message: 'forbidden: User "system:anonymous" cannot get path "/"', details: {} })
    const user = { clientCert: { commonName: 'jane', organizations: ['dev'], signedByClusterCA: true } }
    expect((await call('GET', '/api/v1/nodes', undefined, user)).body).toMatchObject({
      message: 'nodes is forbidden: User "jane" cannot list resource "nodes" in API group "" at the cluster scope',
    })
    expect((await call('GET', '/api/v1/namespaces/default/pods/app', undefined, user)).body).toMatchObject({
      message: 'pods "app" is forbidden: User "jane" cannot get resource "pods" in API group "" in the namespace "default"',
      details: { name: 'app', kind: 'pods' },
    })
  })

  it('records a request fact for every request', async () => {
    const { call, facts } = setup()
    await call('GET', '/version')
    expect(facts.at(-1)).toEqual({ at: START, type: 'request', method: 'GET', path: '/version', code: 200, user: 'admin' })
  })
})

describe('discovery and routing', () => {
  it('serves /version, /api and /api/v1', async () => {
    const { call } = setup()
    expect(JSON.parse((await call('GET', '/version')).body as string)).toMatchObject({ major: '1', minor: '35', gitVersion: 'v1.35.0', platform: 'linux/amd64' })
    expect((await call('GET', '/api')).body).toEqual({ kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '10.0.1.10:6443' }] })
    const v1 = (await call('GET', '/api/v1')).body as any
    expect(v1.resources.map((r: any) => r.name)).toContain('serviceaccounts/token')
  })

  it('answers unknown paths with the server\'s 404 body', async () => {
    const { call } = setup()
    // (constructor and toString: names every JavaScript object has; one crashed the routing)
    for (const p of ['/foo', '/api/v1/widgets', '/api/v1/pods/app', '/api/v1/constructor', '/apis/rbac.authorization.k8s.io/v1/toString']) {
      const res = await call('GET', p)
      expect(res.status).toBe(404)
      expect(res.body).toEqual({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'the server could not find the requested resource', reason: 'NotFound', details: {}, code: 404 })
    }
  })
})

describe('resources', () => {
  it('lists with a list kind and resourceVersion, items without kind', async () => {
    const { call } = setup()
    await call('POST', '/api/v1/namespaces', { metadata: { name: 'sa-demo' } })
    const res = await call('GET', '/api/v1/namespaces/sa-demo/serviceaccounts')
    const body = res.body as any
    expect(body.kind).toBe('ServiceAccountList')
    expect(body.metadata.resourceVersion).toMatch(/^\d+$/)
    expect(body.items.map((i: any) => i.metadata.name)).toEqual(['default'])
    expect(body.items[0].kind).toBeUndefined()
  })

  it('lists by a metadata.name field selector in every namespace, or in one (store.go ListPredicate)', async () => {
    // (kubectl get sa -A --field-selector metadata.name=default: the selector's name is no item path)
    const { call } = setup()
    for (const ns of ['sa-demo', 'other']) await call('POST', '/api/v1/namespaces', { metadata: { name: ns } })
    const names = (b: unknown) => (b as any).items.map((i: any) => `${i.metadata.namespace}/${i.metadata.name}`)
    const all = await call('GET', '/api/v1/serviceaccounts?fieldSelector=metadata.name%3Ddefault')
    expect(all.status).toBe(200)
    expect((all.body as any).kind).toBe('ServiceAccountList')
    expect(names(all.body).sort()).toEqual(['other/default', 'sa-demo/default'])
    expect(names((await call('GET', '/api/v1/namespaces/sa-demo/serviceaccounts?fieldSelector=metadata.name%3D%3Ddefault')).body)).toEqual(['sa-demo/default'])
    expect(names((await call('GET', '/api/v1/serviceaccounts?fieldSelector=metadata.name%3Dnope')).body)).toEqual([])
    // an item path at cluster scope is still no path; a review still takes only create
    expect((await call('GET', '/api/v1/serviceaccounts/default')).status).toBe(404)
    expect((await call('GET', '/apis/authentication.k8s.io/v1/tokenreviews?fieldSelector=metadata.name%3Dx')).status).toBe(405)
  })

  it('reports NotFound, AlreadyExists and Invalid with the real messages', async () => {
    const { call } = setup()
    expect((await call('GET', '/api/v1/namespaces/default/pods/x')).body).toMatchObject({ message: 'pods "x" not found', reason: 'NotFound', code: 404 })
    await call('POST', '/api/v1/namespaces', { metadata: { name: 'sa-demo' } })
    const again = await call('POST', '/api/v1/namespaces', { metadata: { name: 'sa-demo' } })
    expect(again.body).toMatchObject({ message: 'namespaces "sa-demo" already exists', reason: 'AlreadyExists', code: 409 })
    const bad = await call('POST', '/api/v1/namespaces', { metadata: { name: 'Bad_Name' } })
    expect(bad.status).toBe(422)
    expect((bad.body as any).message).toBe('Namespace "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or \'-\', and must start and end with an alphanumeric character (e.g. \'my-name\',  or \'123-abc\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?\')')
    expect((bad.body as any).details.causes[0]).toMatchObject({ type: 'FieldValueInvalid', field: 'metadata.name' })
    const badPod = await call('POST', '/api/v1/namespaces/sa-demo/pods', pod('Bad_Pod'))
    expect((badPod.body as any).message).toBe('Pod "Bad_Pod" is invalid: metadata.name: Invalid value: "Bad_Pod": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', and must start and end with an alphanumeric character (e.g. \'example.com\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\')')
  })

  it('refuses an update with a stale resourceVersion (Conflict)', async () => {
    const { call } = setup()
    await call('POST', '/api/v1/namespaces', { metadata: { name: 'sa-demo' } })
    await call('POST', '/api/v1/namespaces/sa-demo/pods', pod('app'))
    const cur = (await call('GET', '/api/v1/namespaces/sa-demo/pods/app')).body as any
    const first = await call('PUT', '/api/v1/namespaces/sa-demo/pods/app', { ...cur, metadata: { ...cur.metadata, labels: { a: '1' } } })
    expect(first.status).toBe(200)
    const stale = await call('PUT', '/api/v1/namespaces/sa-demo/pods/app', { ...cur, metadata: { ...cur.metadata, labels: { a: '2' } } })
    expect(stale.status).toBe(409)
    expect(stale.body).toMatchObject({
      reason: 'Conflict', details: { name: 'app', kind: 'pods' },
      message: 'Operation cannot be fulfilled on pods "app": the object has been modified; please apply your changes to the latest version and try again',
    })
  })

  it('merges a PATCH into the object', async () => {
    const { call } = setup()
    const res = await call('PATCH', '/api/v1/namespaces/default', { metadata: { labels: { team: 'a' } } }, { headers: { 'content-type': 'application/merge-patch+json' } })
    expect(res.status).toBe(404) // default does not exist in this bare setup
    await call('POST', '/api/v1/namespaces', { metadata: { name: 'sa-demo' } })
    const ok = await call('PATCH', '/api/v1/namespaces/sa-demo', { metadata: { labels: { team: 'a' } } }, { headers: { 'content-type': 'application/merge-patch+json' } })
    expect((ok.body as any).metadata.labels).toEqual({ 'kubernetes.io/metadata.name': 'sa-demo', team: 'a' })
  })

  it('refuses to delete the immortal namespaces', async () => {
    const { call } = setup()
    for (const name of ['default', 'kube-system', 'kube-public']) {
      await call('POST', '/api/v1/namespaces', { metadata: { name } })
      const res = await call('DELETE', `/api/v1/namespaces/${name}`)
      expect(res.status).toBe(403)
      expect((res.body as any).message).toBe(`namespaces "${name}" is forbidden: this namespace may not be deleted`)
    }
  })

  it('deletes an unscheduled pod at once and answers with the pod', async () => {
    const { call } = setup()
    await call('POST', '/api/v1/namespaces', { metadata: { name: 'sa-demo' } })
    await call('POST', '/api/v1/namespaces/sa-demo/pods', pod('app'))
    const res = await call('DELETE', '/api/v1/namespaces/sa-demo/pods/app')
    expect(res.status).toBe(200)
    expect((res.body as any).metadata).toMatchObject({ deletionTimestamp: '2026-11-29T15:30:00Z', deletionGracePeriodSeconds: 0 })
    expect((await call('GET', '/api/v1/namespaces/sa-demo/pods/app')).status).toBe(404)
  })

  it('gracefully deletes a scheduled pod: deletionTimestamp = now + grace, generation bumped', async () => {
    const { call } = setup()
    await call('POST', '/api/v1/namespaces', { metadata: { name: 'sa-demo' } })
    await call('POST', '/api/v1/namespaces/sa-demo/pods', pod('app', { nodeName: 'worker-0' }))
    const res = await call('DELETE', '/api/v1/namespaces/sa-demo/pods/app?gracePeriodSeconds=10')
    expect((res.body as any).metadata).toMatchObject({ deletionTimestamp: '2026-11-29T15:30:10Z', deletionGracePeriodSeconds: 10, generation: 2 })
    const shorter = await call('DELETE', '/api/v1/namespaces/sa-demo/pods/app', { gracePeriodSeconds: 5 })
    expect((shorter.body as any).metadata).toMatchObject({ deletionTimestamp: '2026-11-29T15:30:05Z', deletionGracePeriodSeconds: 5 })
    const def = await call('DELETE', '/api/v1/namespaces/sa-demo/pods/app')
    expect((def.body as any).metadata.deletionGracePeriodSeconds).toBe(5)
  })
})
