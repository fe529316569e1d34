// The RBAC authorizer's view of the store: Roles, ClusterRoles and their bindings.
// Imitates: plugin/pkg/auth/authorizer/rbac/rbac.go (RoleGetter, RoleBindingLister, ... over informers)

import { RBAC_GROUP } from '../api/groups'
import type { ObjectStore } from '../store/store'
import type { RbacSource } from './authorizer'

export { RBAC_GROUP }
export const ROLES = `roles.${RBAC_GROUP}` as const
export const CLUSTER_ROLES = `clusterroles.${RBAC_GROUP}` as const
export const ROLE_BINDINGS = `rolebindings.${RBAC_GROUP}` as const
export const CLUSTER_ROLE_BINDINGS = `clusterrolebindings.${RBAC_GROUP}` as const

export function storeRbacSource(store: ObjectStore): RbacSource {
  return {
    getRole: (ns, name) => store.get(ROLES, ns, name),
    getClusterRole: (name) => store.get(CLUSTER_ROLES, undefined, name),
    listRoleBindings: (ns) => store.list(ROLE_BINDINGS, ns),
    listClusterRoleBindings: () => store.list(CLUSTER_ROLE_BINDINGS),
  }
}
