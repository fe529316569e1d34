// kubelet events through the legacy core/v1 recorder: count 1, firstTimestamp = lastTimestamp,
// source {component, host}, name `<object>.<hex of UnixNano>`.
// Imitates: client-go tools/record/event.go and tools/record/util/util.go (GenerateEventName).

import { rfc3339, type KObject } from '../api/meta'
import type { ClusterContext } from '../context'

export interface InvolvedPod {
  name: string
  namespace: string
  uid: string
  resourceVersion: string
}

/** `<name>.<hex of the event time in Unix nanoseconds>`; the sub-millisecond part comes from ctx.random. */
export function eventName(ctx: ClusterContext, objectName: string, atMs: number): string {
  const nanos = BigInt(atMs) * 1_000_000n + BigInt(ctx.random.int(1_000_000))
  return `${objectName}.${nanos.toString(16)}`
}

export function recordPodEvent(
  ctx: ClusterContext, node: string, pod: InvolvedPod, container: string | undefined,
  type: 'Normal' | 'Warning', reason: string, message: string,
): void {
  const now = ctx.clock.now()
  const ts = rfc3339(now)
  const ev: KObject = {
    kind: 'Event',
    apiVersion: 'v1',
    metadata: { name: eventName(ctx, pod.name, now), namespace: pod.namespace, uid: ctx.random.uuid(), resourceVersion: '', creationTimestamp: ts },
    involvedObject: {
      kind: 'Pod', namespace: pod.namespace, name: pod.name, uid: pod.uid, apiVersion: 'v1', resourceVersion: pod.resourceVersion,
      ...(container ? { fieldPath: `spec.containers{${container}}` } : {}),
    },
    reason,
    message,
    source: { component: 'kubelet', host: node },
    firstTimestamp: ts,
    lastTimestamp: ts,
    count: 1,
    type,
    eventTime: null,
    reportingComponent: 'kubelet',
    reportingInstance: node,
  }
  ctx.store.create('events', ev)
}
