// The Event objects the two recorders send through the API server: the events.k8s.io/v1 recorder
// (the scheduler's, POST /apis/events.k8s.io/v1/...) and the legacy core/v1 recorder (the
// kubelet's, POST /api/v1/...); the server stores both as core/v1 Events, as `kubectl get events`
// reads them.
// Imitates: k8s.io/client-go/tools/events/event_recorder.go and tools/record/event.go (+ record/util GenerateEventName)

import { EVENTS_V1, type EventV1 } from '../api/eventsV1'
import type { KObject } from '../api/meta'
import { rfc3339 } from '../../common/time'
import type { ClusterContext } from '../context'

/**
 * A moment in nanoseconds since the epoch: the clock's millisecond plus a small random
 * sub-millisecond part, always later than every event already recorded in the namespace, so
 * that events of one instant keep the order they happened in (lists are sorted by name).
 */
export function nowNanos(ctx: ClusterContext, namespace: string): bigint {
  let next = BigInt(ctx.clock.now()) * 1_000_000n + BigInt(ctx.random.int(1_000_000))
  const seen = seenIn(ctx.store, namespace)
  // Events are named when they happen, so the namespace's are earlier almost always: then none
  // needs looking at (the same moment and the same random draws as looking at them all).
  if (seen.latest < next) return next
  for (const at of seen.names.values()) if (at !== undefined && at >= next) next = at + 1n + BigInt(ctx.random.int(1000))
  return next
}

/** The moment an event's name ends with (`<name>.<hex>`), if it ends with one. */
function nanosOf(name: string): bigint | undefined {
  const hex = name.slice(name.lastIndexOf('.') + 1)
  return /^[0-9a-f]+$/.test(hex) ? BigInt(`0x${hex}`) : undefined
}

/**
 * A namespace's events as nowNanos reads them: each name's moment, in the store's order (a Map
 * keeps it as the store's objects do: a new name last, a replaced one in its place), and a moment
 * no name is later than (a name removed leaves it as it was).
 */
interface Seen {
  names: Map<string, bigint | undefined>
  latest: bigint
}

/** Per store, the namespaces read so far: read from the store once, then kept by watching it. */
const seenByStore = new WeakMap<ClusterContext['store'], Map<string, Seen>>()

function seenIn(store: ClusterContext['store'], namespace: string): Seen {
  let byNs = seenByStore.get(store)
  if (!byNs) {
    const m = (byNs = new Map<string, Seen>())
    seenByStore.set(store, m)
    store.watch((e) => {
      const s = e.resource === 'events' && e.object.metadata.namespace !== undefined ? m.get(e.object.metadata.namespace) : undefined
      if (!s) return
      const name = e.object.metadata.name
      if (e.type === 'DELETED') s.names.delete(name)
      else note(s, name)
    })
  }
  let seen = byNs.get(namespace)
  if (!seen) {
    seen = { names: new Map(), latest: -1n }
    for (const name of store.names('events', namespace)) note(seen, name)
    byNs.set(namespace, seen)
  }
  return seen
}

function note(s: Seen, name: string): void {
  const at = nanosOf(name)
  s.names.set(name, at)
  if (at !== undefined && at > s.latest) s.latest = at
}

/** `<name>.<hex of UnixNano>` (GenerateEventName: "%s.%x"). */
export function eventName(objectName: string, nanos: bigint): string {
  return `${objectName}.${nanos.toString(16)}`
}

/** metav1.MicroTime: RFC 3339 with 6 fractional digits. */
export function microTime(nanos: bigint): string {
  const ms = Number(nanos / 1_000_000n)
  const micros = Number((nanos / 1000n) % 1_000_000n)
  return `${rfc3339(ms).slice(0, -1)}.${String(micros).padStart(6, '0')}Z`
}

export interface InvolvedObject { kind: string; namespace?: string; name: string; uid: string; apiVersion: string; resourceVersion?: string; fieldPath?: string }

export function involvedObjectOf(obj: KObject, fieldPath?: string): InvolvedObject {
  const ref: InvolvedObject = { kind: obj.kind, namespace: obj.metadata.namespace, name: obj.metadata.name, uid: obj.metadata.uid, apiVersion: obj.apiVersion, resourceVersion: obj.metadata.resourceVersion }
  if (!ref.namespace) delete ref.namespace
  if (fieldPath) ref.fieldPath = fieldPath
  return ref
}

/**
 * The Event the events.k8s.io/v1 recorder sends (Eventf(regarding, related, type, reason, action,
 * note) then makeEvent): name `<regarding>.<hex of UnixNano>`, eventTime with microseconds, no
 * series, no deprecated fields. The API server gives it its uid, resourceVersion and
 * creationTimestamp; in a missing or terminating namespace NamespaceLifecycle refuses it.
 */
export function eventV1(ctx: ClusterContext, e: {
  regarding: KObject; type: 'Normal' | 'Warning'; reason: string; action: string; note: string
  reportingController: string; reportingInstance: string
}): EventV1 {
  const namespace = e.regarding.metadata.namespace || 'default'
  const nanos = nowNanos(ctx, namespace)
  return {
    kind: 'Event', apiVersion: EVENTS_V1,
    metadata: { name: eventName(e.regarding.metadata.name, nanos), namespace } as KObject['metadata'],
    eventTime: microTime(nanos),
    reportingController: e.reportingController, reportingInstance: e.reportingInstance,
    action: e.action, reason: e.reason,
    regarding: involvedObjectOf(e.regarding), note: e.note, type: e.type,
    deprecatedSource: {}, deprecatedFirstTimestamp: null, deprecatedLastTimestamp: null,
  }
}

/**
 * The Event the legacy core/v1 recorder (record.EventRecorder.Event) sends: count 1, first = last
 * timestamp, source component/host. The API server gives it its uid, resourceVersion and
 * creationTimestamp when it is created (the kubelet POSTs it: kubelet/events.ts).
 */
export function legacyEvent(ctx: ClusterContext, e: {
  involvedObject: KObject; fieldPath?: string; type: 'Normal' | 'Warning'; reason: string; message: string
  component: string; host?: string
}): KObject {
  const namespace = e.involvedObject.metadata.namespace ?? 'default'
  const nanos = nowNanos(ctx, namespace)
  const now = rfc3339(ctx.clock.now())
  const source: Record<string, string> = { component: e.component }
  if (e.host) source.host = e.host
  return {
    kind: 'Event', apiVersion: 'v1',
    metadata: { name: eventName(e.involvedObject.metadata.name, nanos), namespace } as KObject['metadata'],
    involvedObject: involvedObjectOf(e.involvedObject, e.fieldPath),
    reason: e.reason, message: e.message, source, firstTimestamp: now, lastTimestamp: now, count: 1, type: e.type,
    eventTime: null, reportingComponent: e.component, reportingInstance: e.host ?? '',
  }
}
