// The API groups beyond core the lab serves, and their resources, as discovery lists them
// (groups in the real server's priority order).
// Imitates: pkg/controlplane/apiserver (group priorities: events.k8s.io, 17750, before
// authentication.k8s.io, 17700) and the group REST storage providers:
// pkg/registry/{events,authentication,authorization,rbac}/rest/storage_*.go

import { EVENTS_GROUP } from './eventsV1'
import { coreResource, type ResourceInfo } from './resources'

export interface GroupInfo { name: string; version: string; resources: ResourceInfo[] }

const CRUD = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch']
const CREATE = ['create']

const r = (group: string, name: string, singularName: string, kind: string, namespaced: boolean, verbs: string[], storageVersionHash?: string): ResourceInfo =>
  ({ name, singularName, namespaced, group, version: 'v1', kind, verbs, ...(storageVersionHash ? { storageVersionHash } : {}) })

export const AUTHENTICATION_GROUP = 'authentication.k8s.io'
export const AUTHORIZATION_GROUP = 'authorization.k8s.io'
export const RBAC_GROUP = 'rbac.authorization.k8s.io'
export const DISCOVERY_GROUP = 'discovery.k8s.io'
export const COORDINATION_GROUP = 'coordination.k8s.io'

/**
 * events.k8s.io/v1 events: the core events' storage (pkg/registry/core/event/storage: ShortNames
 * `ev`), so the same verbs, short name and storageVersionHash (the hash of the storage version,
 * core v1 Event) as `/api/v1` lists. As a real v1.35 server lists it:
 * {"name":"events","singularName":"event","namespaced":true,"kind":"Event","verbs":["create","delete",
 * "deletecollection","get","list","patch","update","watch"],"shortNames":["ev"],"storageVersionHash":"r2yiGXH7wu8="}
 */
const EVENTS_V1_RESOURCE: ResourceInfo = { ...coreResource('events')!, group: EVENTS_GROUP }

export const API_GROUPS: GroupInfo[] = [
  { name: EVENTS_GROUP, version: 'v1', resources: [EVENTS_V1_RESOURCE] },
  {
    name: AUTHENTICATION_GROUP, version: 'v1', resources: [
      r(AUTHENTICATION_GROUP, 'selfsubjectreviews', 'selfsubjectreview', 'SelfSubjectReview', false, CREATE),
      r(AUTHENTICATION_GROUP, 'tokenreviews', 'tokenreview', 'TokenReview', false, CREATE),
    ],
  },
  {
    name: AUTHORIZATION_GROUP, version: 'v1', resources: [
      r(AUTHORIZATION_GROUP, 'localsubjectaccessreviews', 'localsubjectaccessreview', 'LocalSubjectAccessReview', true, CREATE),
      r(AUTHORIZATION_GROUP, 'selfsubjectaccessreviews', 'selfsubjectaccessreview', 'SelfSubjectAccessReview', false, CREATE),
      r(AUTHORIZATION_GROUP, 'selfsubjectrulesreviews', 'selfsubjectrulesreview', 'SelfSubjectRulesReview', false, CREATE),
      r(AUTHORIZATION_GROUP, 'subjectaccessreviews', 'subjectaccessreview', 'SubjectAccessReview', false, CREATE),
    ],
  },
  {
    name: RBAC_GROUP, version: 'v1', resources: [
      r(RBAC_GROUP, 'clusterrolebindings', 'clusterrolebinding', 'ClusterRoleBinding', false, CRUD, '48tpQ8gZHFc='),
      r(RBAC_GROUP, 'clusterroles', 'clusterrole', 'ClusterRole', false, CRUD, 'bYE5ZWDrJ44='),
      r(RBAC_GROUP, 'rolebindings', 'rolebinding', 'RoleBinding', true, CRUD, 'eGsCzGH6b1g='),
      r(RBAC_GROUP, 'roles', 'role', 'Role', true, CRUD, '7FuwZcIIItM='),
    ],
  },
  // coordination.k8s.io (16500) between rbac (17000) and discovery (16200)
  {
    name: COORDINATION_GROUP, version: 'v1', resources: [
      r(COORDINATION_GROUP, 'leases', 'lease', 'Lease', true, CRUD, 'gqkMMb/YqFM='),
    ],
  },
  {
    name: DISCOVERY_GROUP, version: 'v1', resources: [
      r(DISCOVERY_GROUP, 'endpointslices', 'endpointslice', 'EndpointSlice', true, CRUD, 'Nx3SIv6I0mE='),
    ],
  },
]

export function apiGroup(name: string): GroupInfo | undefined {
  return API_GROUPS.find((g) => g.name === name)
}
