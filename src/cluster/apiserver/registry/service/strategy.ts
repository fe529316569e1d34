// Registry strategies of Services, Endpoints and EndpointSlices (stored as sent: the lab routes
// no traffic, it only serves the objects).
// Imitates: pkg/registry/core/service/strategy.go, pkg/registry/core/endpoint/strategy.go,
// pkg/registry/discovery/endpointslice/strategy.go

import { nameIsDNSLabel, nameIsDNSSubdomain } from '../../../api/validation'
import { DISCOVERY_GROUP } from '../../../api/groups'
import type { RESTStrategy } from '../strategy'
import type { KObject } from '../../../api/meta'
import type { ClusterContext } from '../../../context'

/**
 * SetDefaults_Service and SetDefaults_ServicePort (pkg/apis/core/v1/defaults.go): type ClusterIP,
 * session affinity None, internal traffic policy Cluster, and each port's protocol TCP and target
 * port its own port.
 */
function defaultService(obj: KObject): void {
  const spec = (obj as { spec?: unknown }).spec
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) return
  const s = spec as Record<string, unknown>
  s.type ??= 'ClusterIP'
  s.sessionAffinity ??= 'None'
  if (s.type !== 'ExternalName') s.internalTrafficPolicy ??= 'Cluster'
  if (!Array.isArray(s.ports)) return
  for (const p of s.ports) {
    if (typeof p !== 'object' || p === null) continue
    const port = p as Record<string, unknown>
    port.protocol ??= 'TCP'
    if (port.targetPort === undefined || port.targetPort === 0 || port.targetPort === '') port.targetPort = port.port
  }
}

/** The service range (10.32.0.0/24: the kubernetes Service has its first address, cluster DNS the tenth). */
const SERVICE_RANGE = '10.32.0.'
/** ServiceIPStaticSubrange: a dynamic address comes from above the lower band of max(16, size/16) addresses. */
const LOWER_BAND = 16

/**
 * The REST create's cluster IP allocation for a ClusterIP Service that names none: a free address
 * of the range, at random above the lower band, with the IPv4 family fields the registry sets. (A
 * headless `None` or a given address is kept as sent; the lab checks neither.)
 */
function allocateClusterIP(obj: KObject, ctx: ClusterContext): void {
  const spec = (obj as { spec?: unknown }).spec
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) return
  const s = spec as Record<string, unknown>
  if (s.type === 'ExternalName') return
  if (s.clusterIP === undefined || s.clusterIP === '') {
    const taken = new Set(ctx.store.read('services').map((o) => String((o as { spec?: { clusterIP?: unknown } }).spec?.clusterIP ?? '')))
    const free: string[] = []
    for (let i = LOWER_BAND; i < 255; i++) if (!taken.has(`${SERVICE_RANGE}${i}`)) free.push(`${SERVICE_RANGE}${i}`)
    if (free.length === 0) return
    s.clusterIP = free[ctx.random.int(free.length)]
  }
  s.clusterIPs ??= [s.clusterIP]
  s.ipFamilies ??= ['IPv4']
  s.ipFamilyPolicy ??= 'SingleStack'
}

export const serviceStrategy: RESTStrategy = {
  resource: { group: '', resource: 'services' }, kind: 'Service', listKind: 'ServiceList',
  namespaced: true, nameFn: nameIsDNSLabel, returnDeletedObject: true, defaults: defaultService, prepareForCreate: allocateClusterIP,
}

export const endpointsStrategy: RESTStrategy = {
  resource: { group: '', resource: 'endpoints' }, kind: 'Endpoints', listKind: 'EndpointsList',
  namespaced: true, nameFn: nameIsDNSSubdomain, returnDeletedObject: false,
}

export const endpointSliceStrategy: RESTStrategy = {
  resource: { group: DISCOVERY_GROUP, resource: 'endpointslices' }, kind: 'EndpointSlice', listKind: 'EndpointSliceList',
  groupVersion: `${DISCOVERY_GROUP}/v1`, namespaced: true, nameFn: nameIsDNSSubdomain, returnDeletedObject: false,
  prepareForCreate(obj) { obj.metadata.generation = 1 },
}

/** The warning the server sends with every v1 Endpoints request since v1.33 (deprecation). */
export const ENDPOINTS_DEPRECATION_WARNING = '299 - "v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice"'
