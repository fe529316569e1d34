// The rbac.authorization.k8s.io/v1 objects the lab stores: Roles, ClusterRoles and their bindings.
// Imitates: k8s.io/api/rbac/v1/types.go

import type { KObject, LabelSelector } from './meta'

export interface PolicyRule {
  verbs: string[]
  apiGroups?: string[]
  resources?: string[]
  resourceNames?: string[]
  nonResourceURLs?: string[]
}

/** Who a binding grants to: `User`, `Group` (apiGroup rbac.authorization.k8s.io) or `ServiceAccount`. */
export interface Subject { kind: string; apiGroup?: string; name: string; namespace?: string }

/** The role a binding grants: `Role` (same namespace) or `ClusterRole`. */
export interface RoleRef { apiGroup: string; kind: string; name: string }

export interface AggregationRule { clusterRoleSelectors?: LabelSelector[] }

export interface Role extends KObject { rules?: PolicyRule[] }
export interface ClusterRole extends KObject { rules?: PolicyRule[]; aggregationRule?: AggregationRule }
export interface RoleBinding extends KObject { subjects?: Subject[]; roleRef: RoleRef }
export interface ClusterRoleBinding extends KObject { subjects?: Subject[]; roleRef: RoleRef }
