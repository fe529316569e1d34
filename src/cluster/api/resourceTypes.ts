// The object type of each resource the lab stores, by store key (the plural resource, with
// `.<group>` for the groups beyond core), so that reading `roles.rbac.authorization.k8s.io` gives a Role.
// Imitates: the typed storage of each registry in pkg/registry/*/storage (one Go type per resource)

import type { ConfigMap, Namespace, Node, Pod, Secret, ServiceAccount } from './core'
import type { Event } from './event'
import type { KObject } from './meta'
import type { ClusterRole, ClusterRoleBinding, Role, RoleBinding } from './rbac'
import type { EndpointSlice, Endpoints, Service } from './service'
import type { Lease } from './coordination'

export interface ResourceTypes {
  pods: Pod
  serviceaccounts: ServiceAccount
  namespaces: Namespace
  configmaps: ConfigMap
  secrets: Secret
  nodes: Node
  events: Event
  services: Service
  endpoints: Endpoints
  'endpointslices.discovery.k8s.io': EndpointSlice
  'roles.rbac.authorization.k8s.io': Role
  'clusterroles.rbac.authorization.k8s.io': ClusterRole
  'rolebindings.rbac.authorization.k8s.io': RoleBinding
  'clusterrolebindings.rbac.authorization.k8s.io': ClusterRoleBinding
  'leases.coordination.k8s.io': Lease
}

/** A store key the lab types (every resource it stores). */
export type TypedResource = keyof ResourceTypes

/** What a resource's objects are: the type above, or KObject for a key only known at run time. */
export type ObjectOf<R extends string> = R extends TypedResource ? ResourceTypes[R] : KObject

/** Every typed store key, at run time (the compiler keeps it equal to ResourceTypes' keys). */
export const TYPED_RESOURCES: Record<TypedResource, true> = {
  pods: true, serviceaccounts: true, namespaces: true, configmaps: true, secrets: true, nodes: true,
  events: true, services: true, endpoints: true, 'endpointslices.discovery.k8s.io': true,
  'roles.rbac.authorization.k8s.io': true, 'clusterroles.rbac.authorization.k8s.io': true,
  'rolebindings.rbac.authorization.k8s.io': true, 'clusterrolebindings.rbac.authorization.k8s.io': true,
  'leases.coordination.k8s.io': true,
}
