// RBAC in the API server's authorizer chain, reading Roles and bindings from the store.
// Imitates: plugin/pkg/auth/authorizer/rbac/rbac.go (RBACAuthorizer.Authorize) as wired by
// pkg/kubeapiserver/authorizer/config.go (modes Node,RBAC; the Node authorizer is nodeAuthorizer.ts).

import { authorizeRBAC } from '../../rbac/authorizer'
import { storeRbacSource } from '../../rbac/store'
import type { ObjectStore } from '../../store/store'
import type { Authorizer } from './authorizer'

export function rbacAuthorizer(store: ObjectStore): Authorizer {
  const src = storeRbacSource(store)
  return { name: 'RBAC', authorize: (a) => authorizeRBAC(src, a) }
}
