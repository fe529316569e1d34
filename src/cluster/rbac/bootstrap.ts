// The default ClusterRoles and ClusterRoleBindings of a v1.35 API server that matter to the lab.
// admin, edit and view are aggregated in a real cluster; their rules here are the aggregate
// (view ⊂ edit ⊂ admin) for the core resources and the groups the lab has.
// Imitates: plugin/pkg/auth/authorizer/rbac/bootstrappolicy/policy.go (ClusterRoles, ClusterRoleBindings).

import type { NewObject } from '../api/meta'
import type { ClusterRole, ClusterRoleBinding } from '../api/rbac'
import type { PolicyRule } from './rules'

const READ = ['get', 'list', 'watch']
const WRITE = ['create', 'delete', 'deletecollection', 'patch', 'update']

const VIEW: PolicyRule[] = [
  { apiGroups: [''], resources: ['configmaps', 'endpoints', 'persistentvolumeclaims', 'persistentvolumeclaims/status', 'pods', 'replicationcontrollers', 'replicationcontrollers/scale', 'serviceaccounts', 'services', 'services/status'], verbs: READ },
  { apiGroups: [''], resources: ['bindings', 'events', 'limitranges', 'namespaces/status', 'pods/log', 'pods/status', 'replicationcontrollers/status', 'resourcequotas', 'resourcequotas/status'], verbs: READ },
  { apiGroups: [''], resources: ['namespaces'], verbs: READ },
  { apiGroups: ['apps'], resources: ['controllerrevisions', 'daemonsets', 'deployments', 'replicasets', 'statefulsets'], verbs: READ },
  { apiGroups: ['batch'], resources: ['cronjobs', 'jobs'], verbs: READ },
]

const EDIT: PolicyRule[] = [
  { apiGroups: [''], resources: ['pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy', 'secrets', 'services/proxy'], verbs: READ },
  { apiGroups: [''], resources: ['serviceaccounts'], verbs: ['impersonate'] },
  { apiGroups: [''], resources: ['pods', 'pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy'], verbs: WRITE },
  { apiGroups: [''], resources: ['pods/eviction'], verbs: ['create'] },
  { apiGroups: [''], resources: ['configmaps', 'events', 'persistentvolumeclaims', 'replicationcontrollers', 'replicationcontrollers/scale', 'secrets', 'serviceaccounts', 'services', 'services/proxy'], verbs: WRITE },
  { apiGroups: [''], resources: ['serviceaccounts/token'], verbs: ['create'] },
  { apiGroups: ['apps'], resources: ['daemonsets', 'deployments', 'replicasets', 'statefulsets'], verbs: WRITE },
  { apiGroups: ['batch'], resources: ['cronjobs', 'jobs'], verbs: WRITE },
]

const ADMIN: PolicyRule[] = [
  { apiGroups: ['authorization.k8s.io'], resources: ['localsubjectaccessreviews'], verbs: ['create'] },
  { apiGroups: ['rbac.authorization.k8s.io'], resources: ['rolebindings', 'roles'], verbs: [...WRITE.slice(0, 3), 'get', 'list', 'patch', 'update', 'watch'] },
]

export interface BootstrapRole { name: string; rules: PolicyRule[]; aggregateTo?: string }
export interface BootstrapBinding { name: string; role: string; groups: string[] }

export const BOOTSTRAP_CLUSTER_ROLES: BootstrapRole[] = [
  { name: 'admin', rules: [...VIEW, ...EDIT, ...ADMIN], aggregateTo: 'admin' },
  { name: 'cluster-admin', rules: [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }, { nonResourceURLs: ['*'], verbs: ['*'] }] },
  { name: 'edit', rules: [...VIEW, ...EDIT], aggregateTo: 'edit' },
  {
    name: 'system:basic-user',
    rules: [
      { apiGroups: ['authentication.k8s.io'], resources: ['selfsubjectreviews'], verbs: ['create'] },
      { apiGroups: ['authorization.k8s.io'], resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'], verbs: ['create'] },
    ],
  },
  {
    name: 'system:discovery',
    rules: [{ nonResourceURLs: ['/api', '/api/*', '/apis', '/apis/*', '/healthz', '/livez', '/openapi', '/openapi/*', '/readyz', '/version', '/version/'], verbs: ['get'] }],
  },
  {
    name: 'system:public-info-viewer',
    rules: [{ nonResourceURLs: ['/healthz', '/livez', '/readyz', '/version', '/version/'], verbs: ['get'] }],
  },
  {
    name: 'system:service-account-issuer-discovery',
    rules: [{ nonResourceURLs: ['/.well-known/openid-configuration', '/.well-known/openid-configuration/', '/openid/v1/jwks', '/openid/v1/jwks/'], verbs: ['get'] }],
  },
  { name: 'view', rules: VIEW, aggregateTo: 'view' },
]

export const BOOTSTRAP_CLUSTER_ROLE_BINDINGS: BootstrapBinding[] = [
  { name: 'cluster-admin', role: 'cluster-admin', groups: ['system:masters'] },
  { name: 'system:basic-user', role: 'system:basic-user', groups: ['system:authenticated'] },
  { name: 'system:discovery', role: 'system:discovery', groups: ['system:authenticated'] },
  { name: 'system:public-info-viewer', role: 'system:public-info-viewer', groups: ['system:authenticated', 'system:unauthenticated'] },
  { name: 'system:service-account-issuer-discovery', role: 'system:service-account-issuer-discovery', groups: ['system:serviceaccounts'] },
]

/** The ClusterRole object as the API server stores it. */
export function clusterRoleObject(r: BootstrapRole): NewObject<ClusterRole> {
  const labels: Record<string, string> = { 'kubernetes.io/bootstrapping': 'rbac-defaults' }
  // view is aggregated into edit, and edit into admin
  const into = { view: 'edit', edit: 'admin' }[r.aggregateTo ?? '']
  if (into) labels[`rbac.authorization.k8s.io/aggregate-to-${into}`] = 'true'
  const obj: NewObject<ClusterRole> = {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: { name: r.name, labels, annotations: { 'rbac.authorization.kubernetes.io/autoupdate': 'true' } },
  }
  if (r.aggregateTo) {
    obj.aggregationRule = { clusterRoleSelectors: [{ matchLabels: { [`rbac.authorization.k8s.io/aggregate-to-${r.aggregateTo}`]: 'true' } }] }
  }
  obj.rules = r.rules
  return obj
}

export function clusterRoleBindingObject(b: BootstrapBinding): NewObject<ClusterRoleBinding> {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name: b.name, labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults' }, annotations: { 'rbac.authorization.kubernetes.io/autoupdate': 'true' } },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: b.role },
    subjects: b.groups.map((g) => ({ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: g })),
  }
}
