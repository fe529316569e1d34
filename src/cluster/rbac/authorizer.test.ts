// RBAC decisions checked against the rules of the real authorizer (rbac.go RuleAllows,
// evaluation_helpers.go, rule.go VisitRulesFor): cluster bindings first, then the namespace's
// role bindings; a ServiceAccount subject without namespace takes the binding's; resource
// names restrict; "*/sub" matches any resource's subresource; non-resource URLs match by prefix*.
import { describe, expect, it } from 'vitest'
import type { ClusterRole, RoleBinding } from '../api/rbac'
import { authorizeRBAC, type RbacSource } from './authorizer'
import { BOOTSTRAP_CLUSTER_ROLES, BOOTSTRAP_CLUSTER_ROLE_BINDINGS, clusterRoleBindingObject, clusterRoleObject } from './bootstrap'
import type { Attributes } from './rules'

const meta = (name: string, namespace?: string) => ({ name, namespace, uid: name, resourceVersion: '1', creationTimestamp: '2026-01-01T00:00:00Z' })
// fixtures as loose as stored objects may be (roleRef without apiGroup): typed as any RBAC object
const obj = (o: Record<string, unknown>) => o as unknown as RoleBinding & ClusterRole

const role = (ns: string, name: string, rules: unknown[]) => obj({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: meta(name, ns), rules })
const rb = (ns: string, name: string, ref: { kind: string; name: string }, subjects: unknown[]) =>
  obj({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: meta(name, ns), roleRef: { apiGroup: 'rbac.authorization.k8s.io', ...ref }, subjects })

const clusterRoles = BOOTSTRAP_CLUSTER_ROLES.map((r) => obj({ ...clusterRoleObject(r), metadata: meta(r.name) }))
clusterRoles.push(obj({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: meta('secret-reader'), rules: [{ apiGroups: [''], resources: ['secrets'], resourceNames: ['db-pass'], verbs: ['get'] }] }))
clusterRoles.push(obj({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: meta('status-reader'), rules: [{ apiGroups: ['*'], resources: ['*/status'], verbs: ['get'] }] }))
const clusterBindings = BOOTSTRAP_CLUSTER_ROLE_BINDINGS.map((b) => obj({ ...clusterRoleBindingObject(b), metadata: meta(b.name) }))
clusterBindings.push(obj({ kind: 'ClusterRoleBinding', metadata: meta('ops-view'), roleRef: { kind: 'ClusterRole', name: 'view' }, subjects: [{ kind: 'Group', name: 'ops' }] }))
clusterBindings.push(obj({ kind: 'ClusterRoleBinding', metadata: meta('status'), roleRef: { kind: 'ClusterRole', name: 'status-reader' }, subjects: [{ kind: 'User', name: 'carol' }] }))

const roles = [role('sa-demo', 'pod-reader', [{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list', 'watch'] }])]
const roleBindings = [
  rb('sa-demo', 'read-pods', { kind: 'Role', name: 'pod-reader' }, [{ kind: 'ServiceAccount', name: 'app-sa' }]),
  rb('sa-demo', 'alice-edit', { kind: 'ClusterRole', name: 'edit' }, [{ kind: 'User', name: 'alice' }]),
  rb('sa-demo', 'db', { kind: 'ClusterRole', name: 'secret-reader' }, [{ kind: 'ServiceAccount', name: 'db', namespace: 'sa-demo' }]),
  rb('sa-demo', 'dangling', { kind: 'Role', name: 'missing-role' }, [{ kind: 'User', name: 'bob' }]),
]

const src: RbacSource = {
  getRole: (ns, n) => roles.find((r) => r.metadata.namespace === ns && r.metadata.name === n),
  getClusterRole: (n) => clusterRoles.find((r) => r.metadata.name === n),
  listRoleBindings: (ns) => roleBindings.filter((b) => b.metadata.namespace === ns),
  listClusterRoleBindings: () => clusterBindings,
}

const sa = (ns: string, name: string) => ({ username: `system:serviceaccount:${ns}:${name}`, groups: ['system:serviceaccounts', `system:serviceaccounts:${ns}`, 'system:authenticated'] })
const user = (name: string, ...groups: string[]) => ({ username: name, groups: [...groups, 'system:authenticated'] })
const anonymous = { username: 'system:anonymous', groups: ['system:unauthenticated'] }
const res = (u: Attributes['user'], verb: string, resource: string, namespace?: string, more: Partial<Attributes> = {}): Attributes =>
  ({ user: u, verb, resourceRequest: true, resource, namespace, apiGroup: '', ...more })
const url = (u: Attributes['user'], path: string, verb = 'get'): Attributes => ({ user: u, verb, resourceRequest: false, path })

describe('RBAC authorizer', () => {
  it.each<[string, Attributes, 'Allow' | 'NoOpinion']>([
    ['default SA cannot list pods (the article\'s 403)', res(sa('sa-demo', 'default'), 'list', 'pods', 'sa-demo'), 'NoOpinion'],
    ['admin via system:masters can do anything', res(user('admin', 'system:masters'), 'delete', 'nodes'), 'Allow'],
    ['system:masters reaches any non-resource URL', url(user('admin', 'system:masters'), '/metrics'), 'Allow'],
    ['SA bound by a RoleBinding without namespace in the subject', res(sa('sa-demo', 'app-sa'), 'list', 'pods', 'sa-demo'), 'Allow'],
    ['the same SA cannot delete pods', res(sa('sa-demo', 'app-sa'), 'delete', 'pods', 'sa-demo', { name: 'app' }), 'NoOpinion'],
    ['a RoleBinding grants nothing in another namespace', res(sa('sa-demo', 'app-sa'), 'list', 'pods', 'default'), 'NoOpinion'],
    ['an SA of the same name in another namespace gets nothing', res(sa('other', 'app-sa'), 'list', 'pods', 'sa-demo'), 'NoOpinion'],
    ['resourceNames allow the named secret', res(sa('sa-demo', 'db'), 'get', 'secrets', 'sa-demo', { name: 'db-pass' }), 'Allow'],
    ['resourceNames refuse another secret', res(sa('sa-demo', 'db'), 'get', 'secrets', 'sa-demo', { name: 'other' }), 'NoOpinion'],
    ['resourceNames refuse a list (no name)', res(sa('sa-demo', 'db'), 'list', 'secrets', 'sa-demo'), 'NoOpinion'],
    ['edit through a RoleBinding to a ClusterRole: create pods', res(user('alice'), 'create', 'pods', 'sa-demo'), 'Allow'],
    ['edit may create SA tokens', res(user('alice'), 'create', 'serviceaccounts', 'sa-demo', { subresource: 'token', name: 'default' }), 'Allow'],
    ['edit may not create roles', res(user('alice'), 'create', 'roles', 'sa-demo', { apiGroup: 'rbac.authorization.k8s.io' }), 'NoOpinion'],
    ['edit is scoped to its namespace', res(user('alice'), 'create', 'pods', 'default'), 'NoOpinion'],
    ['view bound cluster-wide to a group: list pods anywhere', res(user('dave', 'ops'), 'list', 'pods', 'kube-system'), 'Allow'],
    ['view does not read secrets', res(user('dave', 'ops'), 'get', 'secrets', 'sa-demo', { name: 'x' }), 'NoOpinion'],
    ['view cannot exec', res(user('dave', 'ops'), 'create', 'pods', 'sa-demo', { subresource: 'exec', name: 'app' }), 'NoOpinion'],
    ['*/status matches a status subresource', res(user('carol'), 'get', 'pods', 'sa-demo', { subresource: 'status', name: 'app' }), 'Allow'],
    ['*/status does not match the resource itself', res(user('carol'), 'get', 'pods', 'sa-demo', { name: 'app' }), 'NoOpinion'],
    ['any authenticated user may create selfsubjectreviews (whoami)', res(sa('sa-demo', 'default'), 'create', 'selfsubjectreviews', undefined, { apiGroup: 'authentication.k8s.io' }), 'Allow'],
    ['any authenticated user may create selfsubjectaccessreviews', res(user('eve'), 'create', 'selfsubjectaccessreviews', undefined, { apiGroup: 'authorization.k8s.io' }), 'Allow'],
    ['anonymous may not create selfsubjectreviews', res(anonymous, 'create', 'selfsubjectreviews', undefined, { apiGroup: 'authentication.k8s.io' }), 'NoOpinion'],
    ['anonymous may read /version', url(anonymous, '/version'), 'Allow'],
    ['anonymous may not read /api (discovery is for authenticated users)', url(anonymous, '/api'), 'NoOpinion'],
    ['authenticated users may read /apis/* by prefix', url(user('eve'), '/apis/rbac.authorization.k8s.io/v1'), 'Allow'],
    ['service accounts may read the JWKS', url(sa('sa-demo', 'default'), '/openid/v1/jwks'), 'Allow'],
    ['other users may not read the JWKS', url(user('eve'), '/openid/v1/jwks'), 'NoOpinion'],
    ['anonymous may not read the discovery document', url(anonymous, '/.well-known/openid-configuration'), 'NoOpinion'],
    ['a verb the rule lacks is refused', url(sa('sa-demo', 'default'), '/openid/v1/jwks', 'post'), 'NoOpinion'],
  ])('%s', (_name, attrs, expected) => {
    expect(authorizeRBAC(src, attrs).decision).toBe(expected)
  })

  it('says which binding allowed the request', () => {
    expect(authorizeRBAC(src, res(sa('sa-demo', 'app-sa'), 'list', 'pods', 'sa-demo')).reason)
      .toBe('RBAC: allowed by RoleBinding "read-pods/sa-demo" of Role "pod-reader" to ServiceAccount "app-sa/sa-demo"')
    expect(authorizeRBAC(src, url(anonymous, '/version')).reason)
      .toBe('RBAC: allowed by ClusterRoleBinding "system:public-info-viewer" of ClusterRole "system:public-info-viewer" to Group "system:unauthenticated"')
  })

  it('reports a binding to a missing role as the reason of a refusal', () => {
    expect(authorizeRBAC(src, res(user('bob'), 'get', 'pods', 'sa-demo', { name: 'x' })))
      .toEqual({ decision: 'NoOpinion', reason: 'RBAC: role.rbac.authorization.k8s.io "missing-role" not found' })
  })
})
