// Creates the default ClusterRoles and ClusterRoleBindings of defaultRoles.ts that are missing, at
// every API server start (the RBAC post-start hook reconciles them), also in a lab saved before they
// existed. Their uids come from a generator derived from the lab's without advancing it, so the
// uids, names and token ids a seeded lab gives out later stay what they were.
// Imitates: plugin/pkg/auth/authorizer/rbac/bootstrappolicy (EnsureRBACPolicy in pkg/registry/rbac/rest/storage_rbac.go)

import type { KObject } from '../api/meta'
import { rfc3339 } from '../../common/time'
import type { ClusterContext } from '../context'
import { Random } from '../random'
import { DEFAULT_CLUSTER_ROLE_BINDINGS, DEFAULT_CLUSTER_ROLES, type DefaultBinding, type DefaultRole } from './defaultRoles'
import { CLUSTER_ROLE_BINDINGS, CLUSTER_ROLES } from './store'

const RBAC = 'rbac.authorization.k8s.io'
const DEFAULTS_META = { labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults' }, annotations: { 'rbac.authorization.kubernetes.io/autoupdate': 'true' } }

export function defaultClusterRoleObject(r: DefaultRole): Record<string, unknown> {
  const metadata = r.kubeadm ? { name: r.name } : { name: r.name, labels: { ...DEFAULTS_META.labels, ...r.labels }, annotations: { ...DEFAULTS_META.annotations } }
  return { apiVersion: `${RBAC}/v1`, kind: 'ClusterRole', metadata, rules: r.rules }
}

export function defaultClusterRoleBindingObject(b: DefaultBinding): Record<string, unknown> {
  const metadata = b.kubeadm ? { name: b.name } : { name: b.name, labels: { ...DEFAULTS_META.labels }, annotations: { ...DEFAULTS_META.annotations } }
  const subjects = b.subjects.map((s) => (s.kind === 'ServiceAccount' ? { ...s } : { apiGroup: RBAC, ...s }))
  return { apiVersion: `${RBAC}/v1`, kind: 'ClusterRoleBinding', metadata, roleRef: { apiGroup: RBAC, kind: 'ClusterRole', name: b.role }, ...(subjects.length ? { subjects } : {}) }
}

export function reconcileDefaultRBAC(ctx: ClusterContext, createdAt: number): void {
  const random = Random.fromSeed(`default-roles/${JSON.stringify(ctx.random.state())}`)
  const put = (resource: string, o: Record<string, unknown>) => {
    const obj = o as unknown as KObject
    if (ctx.store.get(resource, undefined, obj.metadata.name)) return
    obj.metadata = { ...obj.metadata, uid: random.uuid(), resourceVersion: '', creationTimestamp: rfc3339(createdAt) }
    ctx.store.create(resource, obj)
  }
  for (const r of DEFAULT_CLUSTER_ROLES) put(CLUSTER_ROLES, defaultClusterRoleObject(r))
  for (const b of DEFAULT_CLUSTER_ROLE_BINDINGS) put(CLUSTER_ROLE_BINDINGS, defaultClusterRoleBindingObject(b))
}
