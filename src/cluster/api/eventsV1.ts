// events.k8s.io/v1 Event, and its conversion to and from the core/v1 Event the lab stores. The two
// groups serve the same objects: the API server keeps one `events` resource (stored as core/v1,
// the cohabitating resources of the storage factory) and converts through the internal type.
// Field mapping (Convert_v1_Event_To_core_Event / Convert_core_Event_To_v1_Event):
//   regarding <-> involvedObject, note <-> message, deprecatedSource <-> source,
//   deprecatedFirstTimestamp/deprecatedLastTimestamp <-> firstTimestamp/lastTimestamp,
//   deprecatedCount <-> count, reportingController <-> reportingComponent (core/v1's JSON name of
//   the same Go field ReportingController); eventTime, series, action, reason, related, type,
//   reportingInstance and metadata are the same fields.
// JSON as Go writes them: structs (regarding, deprecatedSource) and metav1.Time/MicroTime values
// are always written (`{}`, `null`); the `omitempty` strings, pointers and ints only when set.
// Imitates: staging/src/k8s.io/api/events/v1/types.go, pkg/apis/events/v1/conversion.go (and its
// generated autoConvert_* in zz_generated.conversion.go), k8s.io/api/core/v1/types.go (Event JSON tags).

import type { ObjectReference } from './core'
import type { Event, EventSource } from './event'
import type { KObject } from './meta'

export const EVENTS_GROUP = 'events.k8s.io'
export const EVENTS_V1 = `${EVENTS_GROUP}/v1`

/** events/v1 EventSeries: both fields required (count >= 2 on the strict path). */
export interface EventSeriesV1 { count: number; lastObservedTime: string }

export interface EventV1 extends KObject {
  /** metav1.MicroTime (6 fractional digits); `null` when unset (required for new events). */
  eventTime: string | null
  series?: EventSeriesV1
  reportingController?: string
  reportingInstance?: string
  action?: string
  reason?: string
  regarding: ObjectReference
  related?: ObjectReference
  note?: string
  type?: string
  deprecatedSource: EventSource
  deprecatedFirstTimestamp: string | null
  deprecatedLastTimestamp: string | null
  deprecatedCount?: number
}

/** Set `key` only when `v` is a non-empty string, a non-zero number or an object (Go's omitempty). */
function put(out: Record<string, unknown>, key: string, v: unknown): void {
  if (v === undefined || v === null || v === '' || v === 0) return
  out[key] = v
}

/** The events.k8s.io/v1 view of a stored core/v1 Event (keys in the Go declaration order). */
export function eventToV1(e: Event): EventV1 {
  const out: Record<string, unknown> = { kind: 'Event', apiVersion: EVENTS_V1, metadata: structuredClone(e.metadata), eventTime: e.eventTime ?? null }
  if (e.series) out.series = { count: e.series.count ?? 0, lastObservedTime: e.series.lastObservedTime ?? null }
  put(out, 'reportingController', e.reportingComponent)
  put(out, 'reportingInstance', e.reportingInstance)
  put(out, 'action', e.action)
  put(out, 'reason', e.reason)
  out.regarding = structuredClone(e.involvedObject ?? {})
  if (e.related) out.related = structuredClone(e.related)
  put(out, 'note', e.message)
  put(out, 'type', e.type)
  out.deprecatedSource = structuredClone(e.source ?? {})
  out.deprecatedFirstTimestamp = e.firstTimestamp ?? null
  out.deprecatedLastTimestamp = e.lastTimestamp ?? null
  put(out, 'deprecatedCount', e.count)
  return out as EventV1
}

/** The core/v1 Event (the stored form) of an events.k8s.io/v1 Event. */
export function eventFromV1(v: EventV1): Event {
  const out: Record<string, unknown> = { kind: 'Event', apiVersion: 'v1', metadata: structuredClone(v.metadata) }
  out.involvedObject = structuredClone(v.regarding ?? {})
  put(out, 'reason', v.reason)
  put(out, 'message', v.note)
  out.source = structuredClone(v.deprecatedSource ?? {})
  out.firstTimestamp = v.deprecatedFirstTimestamp ?? null
  out.lastTimestamp = v.deprecatedLastTimestamp ?? null
  put(out, 'count', v.deprecatedCount)
  put(out, 'type', v.type)
  out.eventTime = v.eventTime ?? null
  if (v.series) out.series = structuredClone(v.series)
  put(out, 'action', v.action)
  if (v.related) out.related = structuredClone(v.related)
  out.reportingComponent = v.reportingController ?? ''
  out.reportingInstance = v.reportingInstance ?? ''
  return out as Event
}

/** Whether an object is in the events.k8s.io/v1 form (for readers that get either). */
export function isEventV1(o: KObject): o is EventV1 {
  return o.kind === 'Event' && o.apiVersion === EVENTS_V1
}
