// RBAC through the API: roles and bindings created over REST take effect at once; their
// validation errors, the 403 suffix of a dangling binding, impersonation, and legacy token Secrets.
import { describe, expect, it } from 'vitest'
import { formatAudit } from '../audit/format'
import { asAdmin, decodePart, labWithPod, mintToken, withToken } from './testing'

const RBAC = '/apis/rbac.authorization.k8s.io/v1'
const role = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'pod-reader' }, rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list', 'watch'] }] }
const binding = (roleName: string) => ({
  apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: 'read-pods' },
  roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: roleName },
  subjects: [{ kind: 'ServiceAccount', name: 'default', namespace: 'sa-demo' }],
})

describe('RBAC over REST', () => {
  it('serves discovery for the events, authentication, authorization, rbac, coordination and discovery groups (priority order)', async () => {
    const c = await labWithPod()
    const groups = ((await asAdmin(c, 'GET', '/apis')).body as any).groups.map((g: any) => g.name)
    // a real v1.35 /apis: ..., apps, events.k8s.io, authentication.k8s.io, authorization.k8s.io, ... rbac (17000), ...,
    // coordination (16500), ..., discovery (16200) (kube-aggregator's default priorities)
    expect(groups).toEqual(['events.k8s.io', 'authentication.k8s.io', 'authorization.k8s.io', 'rbac.authorization.k8s.io', 'coordination.k8s.io', 'discovery.k8s.io'])
    const list = (await asAdmin(c, 'GET', RBAC)).body as any
    expect(list).toMatchObject({ kind: 'APIResourceList', apiVersion: 'v1', groupVersion: 'rbac.authorization.k8s.io/v1' })
    expect(list.resources.map((r: any) => r.name)).toEqual(['clusterrolebindings', 'clusterroles', 'rolebindings', 'roles'])
  })

  it('bootstraps the default ClusterRoles and ClusterRoleBindings', async () => {
    const c = await labWithPod()
    const names = ((await asAdmin(c, 'GET', `${RBAC}/clusterrolebindings`)).body as any).items.map((i: any) => i.metadata.name)
    expect(names).toContain('system:public-info-viewer')
    const admin = (await asAdmin(c, 'GET', `${RBAC}/clusterroles/cluster-admin`)).body as any
    expect(Object.keys(admin)).toEqual(['kind', 'apiVersion', 'metadata', 'rules'])
    expect(admin.kind).toBe('ClusterRole')
  })

  it('a Role and RoleBinding let the default SA list pods', async () => {
    const c = await labWithPod()
    const t = await mintToken(c)
    expect((await asAdmin(c, 'POST', `${RBAC}/namespaces/sa-demo/roles`, role)).status).toBe(201)
    const rb = await asAdmin(c, 'POST', `${RBAC}/namespaces/sa-demo/rolebindings`, binding('pod-reader'))
    expect(rb.status).toBe(201)
    expect(Object.keys(rb.body as object)).toEqual(['kind', 'apiVersion', 'metadata', 'subjects', 'roleRef'])
    const res = await withToken(c, t)
    expect(res.status).toBe(200)
    expect((res.body as any).items.map((p: any) => p.metadata.name)).toEqual(['app'])
    expect(c.audit().at(-1)!.authorization).toEqual({ decision: 'allow', reason: 'RBAC: allowed by RoleBinding "read-pods/sa-demo" of Role "pod-reader" to ServiceAccount "default/sa-demo"' })
    expect((await withToken(c, t, '/api/v1/namespaces/sa-demo/pods/app', 'DELETE')).body).toMatchObject({
      message: 'pods "app" is forbidden: User "system:serviceaccount:sa-demo:default" cannot delete resource "pods" in API group "" in the namespace "sa-demo"',
      details: { name: 'app', kind: 'pods' },
    })
  })

  it('a binding to a missing Role adds the RBAC reason to the 403', async () => {
    const c = await labWithPod()
    await asAdmin(c, 'POST', `${RBAC}/namespaces/sa-demo/rolebindings`, binding('nope'))
    const res = await withToken(c, await mintToken(c))
    expect((res.body as any).message).toBe('pods is forbidden: User "system:serviceaccount:sa-demo:default" cannot list resource "pods" in API group "" in the namespace "sa-demo": RBAC: role.rbac.authorization.k8s.io "nope" not found')
  })

  it('refuses bindings without a roleRef and rules without verbs, as the real validation says', async () => {
    const c = await labWithPod()
    const bad = await asAdmin(c, 'POST', `${RBAC}/namespaces/sa-demo/rolebindings`, { metadata: { name: 'x' }, subjects: [{ kind: 'User', name: 'jane' }] })
    expect(bad.status).toBe(422)
    expect((bad.body as any).message).toBe('RoleBinding.rbac.authorization.k8s.io "x" is invalid: [roleRef.kind: Unsupported value: "": supported values: "Role", "ClusterRole", roleRef.name: Required value]')
    const r = await asAdmin(c, 'POST', `${RBAC}/namespaces/sa-demo/roles`, { metadata: { name: 'r' }, rules: [{ apiGroups: [''], resources: ['pods'] }, { nonResourceURLs: ['/x'], verbs: ['get'] }] })
    expect((r.body as any).message).toBe('Role.rbac.authorization.k8s.io "r" is invalid: [rules[0].verbs: Required value: verbs must contain at least one value, rules[1].nonResourceURLs: Invalid value: []string{"/x"}: namespaced rules cannot apply to non-resource URLs]')
    await asAdmin(c, 'POST', `${RBAC}/namespaces/sa-demo/rolebindings`, binding('pod-reader'))
    const changed = { ...binding('other'), metadata: { name: 'read-pods' } }
    expect((await asAdmin(c, 'PUT', `${RBAC}/namespaces/sa-demo/rolebindings/read-pods`, changed)).body).toMatchObject({
      message: 'RoleBinding.rbac.authorization.k8s.io "read-pods" is invalid: roleRef: Invalid value: rbac.RoleRef{APIGroup:"rbac.authorization.k8s.io", Kind:"Role", Name:"other"}: cannot change roleRef',
    })
    expect((await asAdmin(c, 'GET', `${RBAC}/namespaces/sa-demo/roles/nope`)).body).toMatchObject({ message: 'roles.rbac.authorization.k8s.io "nope" not found' })
    expect((await asAdmin(c, 'DELETE', `${RBAC}/namespaces/sa-demo/rolebindings/read-pods`)).status).toBe(200)
    // ValidatePolicyRule has no rule about resourceNames with several resources: a name may match in either
    const names = await asAdmin(c, 'POST', `${RBAC}/namespaces/sa-demo/roles`, { metadata: { name: 'named' }, rules: [{ apiGroups: [''], resources: ['pods', 'secrets'], resourceNames: ['a'], verbs: ['get'] }] })
    expect(names.status).toBe(201)
  })

  it('refuses a serviceaccount token creation with the subresource in the message', async () => {
    const c = await labWithPod()
    const res = await withToken(c, await mintToken(c), '/api/v1/namespaces/sa-demo/serviceaccounts/default/token', 'POST', { spec: {} })
    expect((res.body as any).message).toBe('serviceaccounts "default" is forbidden: User "system:serviceaccount:sa-demo:default" cannot create resource "serviceaccounts/token" in API group "" in the namespace "sa-demo"')
  })
})

describe('impersonation', () => {
  it('lets system:masters act as the SA; the audit record keeps both users', async () => {
    const c = await labWithPod()
    const res = await asAdmin(c, 'GET', '/api/v1/namespaces/sa-demo/pods', undefined, { 'impersonate-user': 'system:serviceaccount:sa-demo:default' })
    expect((res.body as any).message).toBe('pods is forbidden: User "system:serviceaccount:sa-demo:default" cannot list resource "pods" in API group "" in the namespace "sa-demo"')
    const e = c.audit().at(-1)!
    expect(e.user?.username).toBe('admin')
    expect(e.impersonatedUser).toEqual({ username: 'system:serviceaccount:sa-demo:default', groups: ['system:serviceaccounts', 'system:serviceaccounts:sa-demo', 'system:authenticated'] })
    const who = await asAdmin(c, 'POST', '/apis/authentication.k8s.io/v1/selfsubjectreviews', {}, { 'impersonate-user': 'jane', 'impersonate-group': 'dev, ops' })
    expect((who.body as any).status.userInfo).toEqual({ username: 'jane', groups: ['dev', 'ops', 'system:authenticated'] })
  })

  it('refuses users without the impersonate verb, and groups without a user', async () => {
    const c = await labWithPod()
    const jane = { commonName: 'jane', organizations: ['dev'], signedByClusterCA: true }
    const res = await c.handle({ method: 'GET', path: '/api/v1/namespaces/sa-demo/pods', headers: { 'impersonate-user': 'bob' }, clientCert: jane })
    expect((res.body as any).message).toBe('users "bob" is forbidden: User "jane" cannot impersonate resource "users" in API group "" at the cluster scope')
    const g = await asAdmin(c, 'GET', '/api/v1/namespaces/sa-demo/pods', undefined, { 'impersonate-group': 'devs' })
    expect(g.status).toBe(400)
    expect((g.body as any).message).toBe('requested [{Group  devs    }] without impersonating a user')
  })
})

describe('legacy token Secrets', () => {
  it('are filled by the tokens controller, work, and stop working when deleted; go with their SA', async () => {
    const c = await labWithPod()
    await asAdmin(c, 'POST', '/api/v1/namespaces/sa-demo/serviceaccounts', { metadata: { name: 'build-robot' } })
    const sa = (await asAdmin(c, 'GET', '/api/v1/namespaces/sa-demo/serviceaccounts/build-robot')).body as any
    await asAdmin(c, 'POST', '/api/v1/namespaces/sa-demo/secrets', {
      apiVersion: 'v1', kind: 'Secret', type: 'kubernetes.io/service-account-token',
      metadata: { name: 'build-robot-token', annotations: { 'kubernetes.io/service-account.name': 'build-robot' } },
    })
    const s = (await asAdmin(c, 'GET', '/api/v1/namespaces/sa-demo/secrets/build-robot-token')).body as any
    expect(Object.keys(s.data).sort()).toEqual(['ca.crt', 'namespace', 'token'])
    expect(Buffer.from(s.data.namespace, 'base64').toString()).toBe('sa-demo')
    expect(Buffer.from(s.data['ca.crt'], 'base64').toString()).toMatch(/^-----BEGIN CERTIFICATE-----/)
    expect(s.metadata.annotations).toEqual({ 'kubernetes.io/service-account.name': 'build-robot', 'kubernetes.io/service-account.uid': sa.metadata.uid })
    const token = Buffer.from(s.data.token, 'base64').toString()
    expect(decodePart(token, 0)).toMatchObject({ alg: 'RS256' })
    expect(JSON.stringify(decodePart(token, 1))).toBe(JSON.stringify({
      iss: 'kubernetes/serviceaccount', 'kubernetes.io/serviceaccount/namespace': 'sa-demo',
      'kubernetes.io/serviceaccount/secret.name': 'build-robot-token', 'kubernetes.io/serviceaccount/service-account.name': 'build-robot',
      'kubernetes.io/serviceaccount/service-account.uid': sa.metadata.uid, sub: 'system:serviceaccount:sa-demo:build-robot',
    }))
    const ok = await withToken(c, token, '/apis/authentication.k8s.io/v1/selfsubjectreviews', 'POST', {})
    expect((ok.body as any).status.userInfo).toEqual({ username: 'system:serviceaccount:sa-demo:build-robot', uid: sa.metadata.uid, groups: ['system:serviceaccounts', 'system:serviceaccounts:sa-demo', 'system:authenticated'] })
    expect(c.audit().at(-1)!.annotations).toMatchObject({ 'authentication.k8s.io/legacy-token': 'system:serviceaccount:sa-demo:build-robot' })

    await asAdmin(c, 'DELETE', '/api/v1/namespaces/sa-demo/secrets/build-robot-token')
    expect((await withToken(c, token, '/version')).status).toBe(401)
    expect(c.audit().at(-1)!.authentication.reason).toBe('[invalid bearer token, Token has been invalidated]')

    await asAdmin(c, 'POST', '/api/v1/namespaces/sa-demo/secrets', {
      type: 'kubernetes.io/service-account-token', metadata: { name: 'again', annotations: { 'kubernetes.io/service-account.name': 'build-robot' } },
    })
    await asAdmin(c, 'DELETE', '/api/v1/namespaces/sa-demo/serviceaccounts/build-robot')
    expect((await asAdmin(c, 'GET', '/api/v1/namespaces/sa-demo/secrets/again')).status).toBe(404)
    await asAdmin(c, 'POST', '/api/v1/namespaces/sa-demo/secrets', {
      type: 'kubernetes.io/service-account-token', metadata: { name: 'orphan', annotations: { 'kubernetes.io/service-account.name': 'nobody' } },
    })
    expect((await asAdmin(c, 'GET', '/api/v1/namespaces/sa-demo/secrets/orphan')).status).toBe(404)
  })

  it('generic Secrets need nothing special, but their keys are validated', async () => {
    const c = await labWithPod()
    const ok = await asAdmin(c, 'POST', '/api/v1/namespaces/sa-demo/secrets', { metadata: { name: 'db' }, stringData: { 'pass.word_1': 'x' } })
    expect((ok.body as any).type).toBe('Opaque')
    const bad = await asAdmin(c, 'POST', '/api/v1/namespaces/sa-demo/secrets', { metadata: { name: 'db2' }, data: { 'a b': 'eA==' } })
    expect((bad.body as any).message).toBe('Secret "db2" is invalid: data[a b]: Invalid value: "a b": a valid config key must consist of alphanumeric characters, \'-\', \'_\' or \'.\' (e.g. \'key.name\',  or \'KEY_NAME\',  or \'key-name\', regex used for validation is \'[-._a-zA-Z0-9]+\')')
  })
})

describe('formatAudit', () => {
  it('prints time, code, user, verb and path, and the reason', async () => {
    const c = await labWithPod()
    await withToken(c, 'garbage')
    await c.handle({ method: 'GET', path: '/', headers: {} })
    const out = formatAudit(c.audit(), 2)
    const lines = out.trimEnd().split('\n')
    expect(lines).toHaveLength(3)
    expect(lines[0]).toMatch(/^TIME \(UTC\)\s+CODE\s+USER\s+REQUEST\s+REASON$/)
    expect(lines[1]).toMatch(/^2026-11-29 15:31:00\s+401\s+\(unauthenticated\)\s+list \/api\/v1\/namespaces\/sa-demo\/pods\s+invalid bearer token$/)
    expect(lines[2]).toMatch(/403\s+system:anonymous\s+get \/\s+no RBAC rule allows it$/)
  })
})
