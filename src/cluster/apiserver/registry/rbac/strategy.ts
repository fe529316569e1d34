// Registry strategies of rbac.authorization.k8s.io/v1: Roles, ClusterRoles, RoleBindings,
// ClusterRoleBindings (defaults of roleRef.apiGroup and subject apiGroups, then validation).
// Imitates: pkg/registry/rbac/{role,clusterrole,rolebinding,clusterrolebinding}/strategy.go and pkg/apis/rbac/v1/defaults.go

import type { ClusterRole, ClusterRoleBinding, Role, RoleBinding } from '../../../api/rbac'
import type { RESTStrategy } from '../strategy'
import { pathSegmentName, RBAC_GROUP, validateBinding, validateBindingUpdate, validateRole } from './validation'

const GV = `${RBAC_GROUP}/v1`

/** SetDefaults_RoleBinding / SetDefaults_ClusterRoleBinding / SetDefaults_Subject. */
function defaultBinding(obj: RoleBinding | ClusterRoleBinding): void {
  // decoding lets null through where Go has a zero value: roleRef and subjects may be null here
  if (typeof obj.roleRef === 'object' && obj.roleRef !== null) {
    const ref = obj.roleRef
    if (!ref.apiGroup) ref.apiGroup = RBAC_GROUP
  } else {
    obj.roleRef = { apiGroup: RBAC_GROUP, kind: '', name: '' }
  }
  for (const s of obj.subjects ?? []) {
    if (s && !s.apiGroup && (s.kind === 'User' || s.kind === 'Group')) s.apiGroup = RBAC_GROUP
  }
}

const role = <T extends Role | ClusterRole>(kind: string, resource: string, namespaced: boolean): RESTStrategy<T> => ({
  resource: { group: RBAC_GROUP, resource }, kind, groupVersion: GV, listKind: `${kind}List`,
  namespaced, nameFn: pathSegmentName, returnDeletedObject: false,
  validate: (obj) => validateRole(obj, namespaced),
  validateUpdate: (obj) => validateRole(obj, namespaced),
})

const binding = <T extends RoleBinding | ClusterRoleBinding>(kind: string, resource: string, namespaced: boolean): RESTStrategy<T> => ({
  resource: { group: RBAC_GROUP, resource }, kind, groupVersion: GV, listKind: `${kind}List`,
  namespaced, nameFn: pathSegmentName, returnDeletedObject: false,
  defaults: defaultBinding,
  validate: (obj) => validateBinding(obj, namespaced),
  validateUpdate: (obj, old) => validateBindingUpdate(obj, old, namespaced),
})

export const roleStrategy = role<Role>('Role', 'roles', true)
export const clusterRoleStrategy = role<ClusterRole>('ClusterRole', 'clusterroles', false)
export const roleBindingStrategy = binding<RoleBinding>('RoleBinding', 'rolebindings', true)
export const clusterRoleBindingStrategy = binding<ClusterRoleBinding>('ClusterRoleBinding', 'clusterrolebindings', false)
export const RBAC_STRATEGIES = [clusterRoleBindingStrategy, clusterRoleStrategy, roleBindingStrategy, roleStrategy]
