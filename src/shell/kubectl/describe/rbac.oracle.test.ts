// kubectl describe of RBAC objects, compared with the real kubectl describing the same objects
// served by a loopback fake API server. Skips, saying so, where no kubectl is installed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BINARY, real, startOracleServer, type OracleServer } from '../testing/oracle'
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

describe.skipIf(!BINARY)('kubectl describe of RBAC objects, against the real kubectl', () => {
  let server: OracleServer
  beforeAll(async () => { server = await startOracleServer('ok', OBJECTS) })
  afterAll(() => server?.close())

  it.each([
    ['role mixed', ['-n', 'sa-demo', 'describe', 'role', 'mixed'], () => describeRole(role)],
    ['clusterrole urls', ['describe', 'clusterrole', 'urls'], () => describeRole(clusterRole)],
    ['rolebinding rb', ['-n', 'sa-demo', 'describe', 'rolebinding', 'rb'], () => describeRoleBinding(binding)],
    ['clusterrolebinding crb', ['describe', 'clusterrolebinding', 'crb'], () => describeRoleBinding(clusterBinding)],
  ])('%s', async (_name, args, ours) => {
    const r = await real(server.url, args as string[])
    expect(r.stderr).toBe('')
    expect(ours()).toBe(r.stdout)
  })
})

describe.skipIf(BINARY)('kubectl describe of RBAC objects', () => {
  it.skip('needs a kubectl binary as the oracle (none installed)', () => {})
})
