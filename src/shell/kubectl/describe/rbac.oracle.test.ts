// kubectl describe of RBAC objects, compared with the real kubectl describing the same objects
// served by a loopback fake API server. Fails, naming kubectl, where none is installed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { realBatch, startOracleServer, type OracleServer, type Real } from '../testing/oracle'
import { describeRole, describeRoleBinding } from './rbac'

const meta = (name: string, namespace?: string, extra: Record<string, unknown> = {}) =>
  ({ name, ...(namespace ? { namespace } : {}), uid: `uid-${name}`, resourceVersion: '1', creationTimestamp: '2026-05-23T23:27:30Z', ...extra })
const role = {
  apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: meta('mixed', 'sa-demo', { labels: { team: 'a', app: 'x' } }),
  rules: [
    { apiGroups: [''], resources: ['pods', 'pods/log'], verbs: ['get', 'list', 'watch'] },
    { apiGroups: [''], resources: ['secrets'], resourceNames: ['db-pass', 'api-key'], verbs: ['get'] },
    { apiGroups: ['rbac.authorization.k8s.io'], resources: ['roles', 'rolebindings'], verbs: ['create', 'delete'] },
    { apiGroups: [''], resources: ['pods'], verbs: ['delete'] },
  ],
}
const clusterRole = {
  apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: meta('urls', undefined, { annotations: { 'rbac.authorization.kubernetes.io/autoupdate': 'true' } }),
  rules: [{ nonResourceURLs: ['/version', '/api', '/api/*', '/healthz'], verbs: ['get'] }, { apiGroups: ['*'], resources: ['*'], verbs: ['list'] }],
}
const binding = {
  apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: meta('rb', 'sa-demo'),
  roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'mixed' },
  subjects: [
    { apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'alice' },
    { apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'devs' },
    { kind: 'ServiceAccount', name: 'default', namespace: 'sa-demo' },
  ],
}
const clusterBinding = {
  apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: meta('crb'),
  roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'urls' },
  subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'system:authenticated' }],
}

const RBAC = '/apis/rbac.authorization.k8s.io/v1'
const OBJECTS = {
  [`${RBAC}/namespaces/sa-demo/roles/mixed`]: role,
  [`${RBAC}/clusterroles/urls`]: clusterRole,
  [`${RBAC}/namespaces/sa-demo/rolebindings/rb`]: binding,
  [`${RBAC}/clusterrolebindings/crb`]: clusterBinding,
}

const CASES: [string, string[], () => string][] = [
  ['role mixed', ['-n', 'sa-demo', 'describe', 'role', 'mixed'], () => describeRole(role)],
  ['clusterrole urls', ['describe', 'clusterrole', 'urls'], () => describeRole(clusterRole)],
  ['rolebinding rb', ['-n', 'sa-demo', 'describe', 'rolebinding', 'rb'], () => describeRoleBinding(binding)],
  ['clusterrolebinding crb', ['describe', 'clusterrolebinding', 'crb'], () => describeRoleBinding(clusterBinding)],
]

describe('kubectl describe of RBAC objects, against the real kubectl', () => {
  let server: OracleServer
  let real: Real[] = []
  beforeAll(async () => {
    server = await startOracleServer('ok', OBJECTS)
    real = await realBatch(server.url, CASES.map(([, args]) => args))
  }, 120_000)
  afterAll(() => server?.close())

  it.each(CASES.map(([name, , ours], i) => [name, i, ours] as const))('%s', (_name, i, ours) => {
    const r = real[i]
    expect(r.stderr).toBe('')
    expect(ours()).toBe(r.stdout)
  })
})
