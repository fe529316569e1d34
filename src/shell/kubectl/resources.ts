// Imitates: k8s.io/client-go/restmapper (discovery-backed RESTMapper) for the resources the lab serves.

import { KubectlError } from './errors'

export interface ResourceInfo {
  /** Plural resource name as in REST paths (`pods`). */
  resource: string
  singular: string
  kind: string
  group: string
  version: string
  namespaced: boolean
  shortNames: string[]
  /** The categories discovery lists it under (`all`: what `kubectl get all` expands to). */
  categories?: string[]
}

const core = (resource: string, kind: string, namespaced: boolean, shortNames: string[] = []): ResourceInfo => ({
  resource,
  singular: kind.toLowerCase(),
  kind,
  group: '',
  version: 'v1',
  namespaced,
  shortNames,
})

const inGroup = (group: string) => (resource: string, kind: string, namespaced: boolean): ResourceInfo => ({
  resource,
  singular: kind.toLowerCase(),
  kind,
  group,
  version: 'v1',
  namespaced,
  shortNames: [],
})
const rbac = inGroup('rbac.authorization.k8s.io')
const authn = inGroup('authentication.k8s.io')
const authz = inGroup('authorization.k8s.io')
const coordination = inGroup('coordination.k8s.io')

/**
 * In the order `kubectl api-resources` lists them: sorted by group, then name (apiresources.go
 * sortableResource, the default --sort-by), core first. Events are served in two groups (core and
 * events.k8s.io, the same objects); a bare `events` or `ev` is the core one, as kubectl's
 * RESTMapper prefers the legacy group.
 */
export const RESOURCES: ResourceInfo[] = [
  core('configmaps', 'ConfigMap', true, ['cm']),
  core('endpoints', 'Endpoints', true, ['ep']),
  core('events', 'Event', true, ['ev']),
  core('namespaces', 'Namespace', false, ['ns']),
  core('nodes', 'Node', false, ['no']),
  { ...core('pods', 'Pod', true, ['po']), categories: ['all'] },
  core('secrets', 'Secret', true),
  core('serviceaccounts', 'ServiceAccount', true, ['sa']),
  { ...core('services', 'Service', true, ['svc']), categories: ['all'] },
  authn('selfsubjectreviews', 'SelfSubjectReview', false),
  authn('tokenreviews', 'TokenReview', false),
  authz('localsubjectaccessreviews', 'LocalSubjectAccessReview', true),
  authz('selfsubjectaccessreviews', 'SelfSubjectAccessReview', false),
  authz('selfsubjectrulesreviews', 'SelfSubjectRulesReview', false),
  authz('subjectaccessreviews', 'SubjectAccessReview', false),
  coordination('leases', 'Lease', true),
  inGroup('discovery.k8s.io')('endpointslices', 'EndpointSlice', true),
  { ...inGroup('events.k8s.io')('events', 'Event', true), shortNames: ['ev'] },
  rbac('clusterrolebindings', 'ClusterRoleBinding', false),
  rbac('clusterroles', 'ClusterRole', false),
  rbac('rolebindings', 'RoleBinding', true),
  rbac('roles', 'Role', true),
]

/**
 * restmapper's discovery category expander: the resources listed under a category, in discovery
 * order (core first), as the builder's ReplaceAliases writes them (`pods`,
 * `roles.rbac.authorization.k8s.io`). Undefined for a word that names no category. The categories
 * are this table's copy of what the lab's discovery serves (cluster/api/resources.ts), as the rest of it is.
 */
export function expandCategory(word: string): string[] | undefined {
  const found = RESOURCES.filter((r) => r.categories?.includes(word))
  return found.length ? found.map((r) => (r.group ? `${r.resource}.${r.group}` : r.resource)) : undefined
}

/** `pods`, `pod`, `po`, `Pods`, `roles.rbac.authorization.k8s.io`: the resource, or kubectl's error (builder.go mappingFor). */
export function resolveResource(typed: string): ResourceInfo {
  const dot = typed.indexOf('.')
  const name = dot < 0 ? typed : typed.slice(0, dot)
  const found = resourceFor(name, dot < 0 ? undefined : typed.slice(dot + 1))
  if (found) return found
  throw new KubectlError(`error: the server doesn't have a resource type "${name}"`)
}

/** `pod`, `role.rbac.authorization.k8s.io`: how kubectl names a kind in messages (`pod/app`, `pod "app" deleted`). */
export function kindString(r: ResourceInfo): string {
  return r.group ? `${r.kind.toLowerCase()}.${r.group}` : r.kind.toLowerCase()
}

/** `pods`, `roles.rbac.authorization.k8s.io`: the group-resource string of messages (`pods/app`). */
export function groupResource(r: ResourceInfo): string {
  return r.group ? `${r.resource}.${r.group}` : r.resource
}

/** Go's url.PathEscape of one segment as URL.String() leaves it: `system:node` stays as it is ($&+,:;=@ are allowed in a path). */
export function pathSegment(s: string): string {
  return encodeURIComponent(s).replace(/%(24|26|2B|2C|3A|3B|3D|40)/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
}

/** REST path of a collection or one object. */
export function resourcePath(r: ResourceInfo, namespace: string | undefined, name?: string): string {
  const base = r.group ? `/apis/${r.group}/${r.version}` : `/api/${r.version}`
  const ns = r.namespaced && namespace !== undefined ? `/namespaces/${pathSegment(namespace)}` : ''
  return `${base}${ns}/${r.resource}${name !== undefined ? `/${pathSegment(name)}` : ''}`
}

export function resourceByKind(kind: string): ResourceInfo | undefined {
  return RESOURCES.find((r) => r.kind === kind)
}

/**
 * RESTMapper.ResourceFor behind kubectl's shortcut expander: the RESTMapper lowers a resource's name
 * before it matches it (coerceResourceForMatching), but not its group, and the shortcut expander
 * takes a short name only as discovery spells it: `Pods` is pods, `SVC` is nothing. A group is named
 * whole (`rbac.authorization.k8s.io`, or with its version: `v1.`), else by its start (`rbac`, `rba`).
 * Undefined when nothing matches.
 */
export function resourceFor(name: string, group?: string): ResourceInfo | undefined {
  const lower = name.toLowerCase()
  const named = (r: ResourceInfo) => r.resource === lower || r.singular === lower || r.shortNames.includes(name)
  if (group === undefined) return RESOURCES.find(named)
  return (
    RESOURCES.find((r) => (group === r.group || group === `${r.version}.${r.group}`) && named(r)) ??
    (group === '' ? undefined : RESOURCES.find((r) => r.group.startsWith(group) && named(r)))
  )
}
