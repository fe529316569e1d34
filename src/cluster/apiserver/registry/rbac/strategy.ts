// Registry strategies of rbac.authorization.k8s.io/v1: Roles, ClusterRoles, RoleBindings,
// ClusterRoleBindings (defaults of roleRef.apiGroup and subject apiGroups, then validation).
// Imitates: pkg/registry/rbac/{role,clusterrole,rolebinding,clusterrolebinding}/strategy.go and pkg/apis/rbac/v1/defaults.go

import type { KObject } from '../../../api/meta'
import type { RESTStrategy } from '../strategy'
import { pathSegmentName, RBAC_GROUP, validateBinding, validateBindingUpdate, validateRole, type RoleRef } from './validation'

const GV = `${RBAC_GROUP}/v1`

/** SetDefaults_RoleBinding / SetDefaults_ClusterRoleBinding / SetDefaults_Subject. */
function defaultBinding(obj: KObject): void {
  if (typeof obj.roleRef === 'object' && obj.roleRef !== null) {
    const ref = obj.roleRef as RoleRef
    if (!ref.apiGroup) ref.apiGroup = RBAC_GROUP
  } else {
    obj.roleRef = { apiGroup: RBAC_GROUP, kind: '', name: '' }
  }
  for (const s of (obj.subjects as { kind?: string; apiGroup?: string }[] | undefined) ?? []) {
    if (s && !s.apiGroup && (s.kind === 'User' || s.kind === 'Group')) s.apiGroup = RBAC_GROUP
  }
}

const role = (kind: string, resource: string, namespaced: boolean): RESTStrategy => ({
  resource: { group: RBAC_GROUP, resource }, kind, groupVersion: GV, listKind: `${kind}List`,
  namespaced, nameFn: pathSegmentName, returnDeletedObject: false,
  validate: (obj) => validateRole(obj, namespaced),
  validateUpdate: (obj) => validateRole(obj, namespaced),
})

const binding = (kind: string, resource: string, namespaced: boolean): RESTStrategy => ({
  resource: { group: RBAC_GROUP, resource }, kind, groupVersion: GV, listKind: `${kind}List`,
  namespaced, nameFn: pathSegmentName, returnDeletedObject: false,
  defaults: defaultBinding,
  validate: (obj) => validateBinding(obj, namespaced),
  validateUpdate: (obj, old) => validateBindingUpdate(obj, old, namespaced),
})

export const roleStrategy = role('Role', 'roles', true)
export const clusterRoleStrategy = role('ClusterRole', 'clusterroles', false)
export const roleBindingStrategy = binding('RoleBinding', 'rolebindings', true)
export const clusterRoleBindingStrategy = binding('ClusterRoleBinding', 'clusterrolebindings', false)
export const RBAC_STRATEGIES = [clusterRoleBindingStrategy, clusterRoleStrategy, roleBindingStrategy, roleStrategy]
