// The first default ClusterRoles and ClusterRoleBindings of a v1.35 API server (defaultRoles.ts has the
// rest). admin, edit and view carry their aggregationRule; their rules are what the aggregation
// controller makes of the aggregate-to-* roles (view ⊂ edit ⊂ admin).
// Imitates: plugin/pkg/auth/authorizer/rbac/bootstrappolicy/policy.go (ClusterRoles, ClusterRoleBindings).

import type { NewObject } from '../api/meta'
import type { ClusterRole, ClusterRoleBinding } from '../api/rbac'
import { aggregatedRules } from './aggregation'
import { AGGREGATE_TO_ADMIN, AGGREGATE_TO_EDIT, AGGREGATE_TO_VIEW } from './defaultRoles'
import type { PolicyRule } from './rules'

/** admin, edit and view as the clusterrole-aggregation controller fills them from the aggregate-to-* roles (aggregation.ts). */
const VIEW: PolicyRule[] = aggregatedRules('view', { clusterRoleSelectors: [{ matchLabels: { 'rbac.authorization.k8s.io/aggregate-to-view': 'true' } }] }, [
  { name: 'system:aggregate-to-view', labels: { 'rbac.authorization.k8s.io/aggregate-to-view': 'true' }, rules: AGGREGATE_TO_VIEW },
])
const EDIT: PolicyRule[] = aggregatedRules('edit', { clusterRoleSelectors: [{ matchLabels: { 'rbac.authorization.k8s.io/aggregate-to-edit': 'true' } }] }, [
  { name: 'system:aggregate-to-edit', labels: { 'rbac.authorization.k8s.io/aggregate-to-edit': 'true' }, rules: AGGREGATE_TO_EDIT },
  { name: 'view', labels: { 'rbac.authorization.k8s.io/aggregate-to-edit': 'true' }, rules: VIEW },
])
const ADMIN: PolicyRule[] = aggregatedRules('admin', { clusterRoleSelectors: [{ matchLabels: { 'rbac.authorization.k8s.io/aggregate-to-admin': 'true' } }] }, [
  { name: 'edit', labels: { 'rbac.authorization.k8s.io/aggregate-to-admin': 'true' }, rules: EDIT },
  { name: 'system:aggregate-to-admin', labels: { 'rbac.authorization.k8s.io/aggregate-to-admin': 'true' }, rules: AGGREGATE_TO_ADMIN },
])

export interface BootstrapRole { name: string; rules: PolicyRule[]; aggregateTo?: string }
export interface BootstrapBinding { name: string; role: string; groups: string[] }

export const BOOTSTRAP_CLUSTER_ROLES: BootstrapRole[] = [
  { name: 'admin', rules: ADMIN, aggregateTo: 'admin' },
  { name: 'cluster-admin', rules: [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }, { nonResourceURLs: ['*'], verbs: ['*'] }] },
  { name: 'edit', rules: EDIT, aggregateTo: 'edit' },
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
