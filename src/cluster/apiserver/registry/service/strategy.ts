// Registry strategies of Services, Endpoints and EndpointSlices (stored as sent: the lab routes
// no traffic, it only serves the objects).
// Imitates: pkg/registry/core/service/strategy.go, pkg/registry/core/endpoint/strategy.go,
// pkg/registry/discovery/endpointslice/strategy.go

import { nameIsDNSLabel, nameIsDNSSubdomain } from '../../../api/validation'
import { DISCOVERY_GROUP } from '../../../api/groups'
import type { RESTStrategy } from '../strategy'

export const serviceStrategy: RESTStrategy = {
  resource: { group: '', resource: 'services' }, kind: 'Service', listKind: 'ServiceList',
  namespaced: true, nameFn: nameIsDNSLabel, returnDeletedObject: true,
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
