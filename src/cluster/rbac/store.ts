// The RBAC authorizer's view of the store: Roles, ClusterRoles and their bindings, read from a
// cache that the store's watch events on the four RBAC resources drop (one cache per store). It
// holds the store's own frozen objects (ObjectStore.read), so an authorization decision copies
// nothing.
// Imitates: plugin/pkg/auth/authorizer/rbac/rbac.go (RoleGetter, RoleBindingLister, ... over informers)

import type { KObject } from '../api/meta'
import { RBAC_GROUP } from '../api/groups'
import type { ObjectStore } from '../store/store'
import type { RbacSource } from './authorizer'

export { RBAC_GROUP }
export const ROLES = `roles.${RBAC_GROUP}` as const
export const CLUSTER_ROLES = `clusterroles.${RBAC_GROUP}` as const
export const ROLE_BINDINGS = `rolebindings.${RBAC_GROUP}` as const
export const CLUSTER_ROLE_BINDINGS = `clusterrolebindings.${RBAC_GROUP}` as const

const RBAC_RESOURCES: ReadonlySet<string> = new Set([ROLES, CLUSTER_ROLES, ROLE_BINDINGS, CLUSTER_ROLE_BINDINGS])

const sources = new WeakMap<ObjectStore, RbacSource>()

export function storeRbacSource(store: ObjectStore): RbacSource {
  const known = sources.get(store)
  if (known) return known
  const cache = new Map<string, unknown>()
  store.watch((e) => { if (RBAC_RESOURCES.has(e.resource)) cache.clear() })
  const cached = <T>(key: string, read: () => T): T => {
    if (!cache.has(key)) cache.set(key, read())
    return cache.get(key) as T
  }
  const byName = <T extends KObject>(key: string, objects: () => readonly Readonly<T>[]) =>
    cached(key, () => new Map(objects().map((o) => [o.metadata.name, o])))
  const src: RbacSource = {
    getRole: (ns, name) => byName(`roles/${ns}`, () => store.read(ROLES, ns)).get(name),
    getClusterRole: (name) => byName('clusterroles', () => store.read(CLUSTER_ROLES)).get(name),
    listRoleBindings: (ns) => cached(`rolebindings/${ns}`, () => store.read(ROLE_BINDINGS, ns)),
    listClusterRoleBindings: () => cached('clusterrolebindings', () => store.read(CLUSTER_ROLE_BINDINGS)),
  }
  sources.set(store, src)
  return src
}
