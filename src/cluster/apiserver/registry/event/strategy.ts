// The registry strategies of events: core/v1 and events.k8s.io/v1 serve one stored resource (the
// same REST storage, eventstore.NewREST, in both groups), validated as ValidateEventCreate says for
// the request's group version. The events.k8s.io/v1 registry reads and writes the core/v1 objects
// under the store key `events` and converts at the edges of the request, as the codec does.
// Imitates: pkg/registry/core/event/strategy.go, pkg/registry/events/rest/storage_events.go and
// pkg/kubeapiserver/default_storage_factory_builder.go (AddCohabitatingResources(events, core events))

import type { Event } from '../../../api/event'
import { EVENTS_GROUP, EVENTS_V1, eventFromV1, eventToV1, type EventV1 } from '../../../api/eventsV1'
import type { KObject } from '../../../api/meta'
import { nameIsDNSSubdomain } from '../../../api/validation'
import type { RESTStrategy } from '../strategy'
import { validateEventCreate } from './validation'

export const eventStrategy: RESTStrategy<Event> = {
  resource: { group: '', resource: 'events' }, kind: 'Event', listKind: 'EventList',
  namespaced: true, nameFn: nameIsDNSSubdomain, returnDeletedObject: false,
  validate: (obj) => validateEventCreate(obj, false),
  validateUpdate: (obj) => validateEventCreate(obj, false),
}

/**
 * events.k8s.io/v1 events. Errors name the group of the request (`events.events.k8s.io "x" not
 * found`: the store's qualifiedResourceFromContext); Invalid names the internal kind's first
 * registration, core `Event`. Updates get the legacy checks only (the lab does not check the
 * strict path's immutable fields).
 */
export const eventsV1Strategy: RESTStrategy<Event> = {
  resource: { group: EVENTS_GROUP, resource: 'events' }, kind: 'Event', listKind: 'EventList', groupVersion: EVENTS_V1,
  namespaced: true, nameFn: nameIsDNSSubdomain, returnDeletedObject: false,
  storageResource: 'events', invalidKindGroup: '',
  validate: (obj) => validateEventCreate(obj, true),
  validateUpdate: (obj) => validateEventCreate(obj, false),
  toStored: (served: KObject) => eventFromV1(served as EventV1),
  toServed: (stored: Event) => eventToV1(stored),
}
