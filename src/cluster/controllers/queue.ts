// Controllers react to watch events by queueing work at the current instant (never writing inside
// the watch callback); the same key is queued once until it runs.
// Imitates: k8s.io/client-go/util/workqueue (deduplicating queue) over the lab's VirtualClock.

import type { KObject, NewObject } from '../api/meta'
import { rfc3339 } from '../../common/time'
import type { QueueWorkType } from '../clock/dueWork'
import type { ClusterContext } from '../context'

export function enqueue(ctx: ClusterContext, type: QueueWorkType, key: string, at = ctx.clock.now()): void {
  const queued = ctx.clock.pending().some((w) => w.type === type && 'key' in w.data && w.data.key === key && w.at <= at)
  if (!queued) ctx.clock.schedule(at, type, { key })
}

/**
 * Queue work for the next round of a loop that runs every `intervalMs` (wait.Until; the lab's rounds
 * fall on whole multiples of the interval on the clock): what a periodic controller does about a change.
 */
export function enqueueNextRound(ctx: ClusterContext, type: QueueWorkType, key: string, intervalMs: number): void {
  enqueue(ctx, type, key, (Math.floor(ctx.clock.now() / intervalMs) + 1) * intervalMs)
}

/** Create an object as a controller does through the API: uid and creationTimestamp set, store assigns the rest. */
export function createObject(ctx: ClusterContext, resource: string, obj: NewObject): KObject | undefined {
  const meta = { ...obj.metadata }
  const full: KObject = { ...obj, metadata: { name: meta.name, namespace: meta.namespace, uid: ctx.random.uuid(), resourceVersion: '', creationTimestamp: rfc3339(ctx.clock.now()), ...stripUndefined({ labels: meta.labels, annotations: meta.annotations }) } }
  if (!full.metadata.namespace) delete full.metadata.namespace
  const out = ctx.store.create(resource, full)
  return 'metadata' in out ? out : undefined
}

function stripUndefined<T extends Record<string, unknown>>(o: T): Partial<T> {
  const out: Partial<T> = {}
  for (const [k, v] of Object.entries(o)) if (v !== undefined) (out as Record<string, unknown>)[k] = v
  return out
}
