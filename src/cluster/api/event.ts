// core/v1 Event, as both recorders store it (the events.k8s.io/v1 one fills eventTime, action and
// the reporting fields; the legacy one source, count and the timestamps).
// Imitates: k8s.io/api/core/v1/types.go (Event, EventSource, EventSeries)

import type { ObjectReference } from './core'
import type { KObject } from './meta'

export interface EventSource { component?: string; host?: string }
export interface EventSeries { count?: number; lastObservedTime?: string }

export interface Event extends KObject {
  involvedObject: ObjectReference
  reason?: string
  message?: string
  source?: EventSource
  /** RFC 3339 or null (metav1.Time zero value). */
  firstTimestamp?: string | null
  lastTimestamp?: string | null
  count?: number
  type?: string
  /** metav1.MicroTime (6 fractional digits) or null. */
  eventTime?: string | null
  series?: EventSeries
  action?: string
  related?: ObjectReference
  reportingComponent?: string
  reportingInstance?: string
}
