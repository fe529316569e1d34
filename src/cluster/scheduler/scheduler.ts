// The scheduler: binds each unscheduled pod to the ready node with the fewest pods (ties by name),
// sets the PodScheduled condition and records the Scheduled event.
// Imitates: pkg/scheduler/schedule_one.go (scheduleOne, bind) and pkg/registry/core/pod/storage/storage.go (setPodNodeAndMetadata)

import type { Node, PodCondition } from '../api/core'
import { rfc3339 } from '../../common/time'
import type { ClusterContext } from '../context'
import { recordEventV1 } from '../events/recorder'
import { isStoreError } from '../store/store'

export const SCHEDULE_POD = 'scheduler.schedulePod'
export const DEFAULT_SCHEDULER_NAME = 'default-scheduler'

export interface SchedulerOptions {
  /** reportingInstance of its events: `default-scheduler-<hostname>`. */
  reportingInstance: string
}

export function startScheduler(ctx: ClusterContext, opts: SchedulerOptions = { reportingInstance: 'default-scheduler-controlplane' }): void {
  ctx.store.watch((e) => {
    if (e.resource !== 'pods' || e.type !== 'ADDED') return
    const pod = e.object
    if (pod.spec.nodeName || (pod.spec.schedulerName ?? DEFAULT_SCHEDULER_NAME) !== DEFAULT_SCHEDULER_NAME) return
    ctx.clock.schedule(ctx.clock.now(), SCHEDULE_POD, { namespace: pod.metadata.namespace ?? '', name: pod.metadata.name, uid: pod.metadata.uid })
  })
  ctx.onWork(SCHEDULE_POD, (data) => scheduleOne(ctx, opts, String(data.namespace), String(data.name), String(data.uid)))
}

function nodeIsReady(node: Node): boolean {
  const conds = node.status?.conditions ?? []
  const unschedulable = node.spec?.unschedulable
  return !unschedulable && conds.some((c) => c.type === 'Ready' && c.status === 'True')
}

/** Least pods first, then node name. */
export function selectNode(ctx: ClusterContext): string | undefined {
  const nodes = ctx.store.list('nodes').filter(nodeIsReady).map((n) => n.metadata.name)
  if (nodes.length === 0) return undefined
  const count = new Map(nodes.map((n) => [n, 0]))
  for (const p of ctx.store.list('pods')) {
    const n = p.spec.nodeName
    if (n && count.has(n)) count.set(n, (count.get(n) ?? 0) + 1)
  }
  return [...nodes].sort((a, b) => (count.get(a)! - count.get(b)!) || (a < b ? -1 : a > b ? 1 : 0))[0]
}

export function scheduleOne(ctx: ClusterContext, opts: SchedulerOptions, namespace: string, name: string, uid: string): void {
  const pod = ctx.store.get('pods', namespace, name)
  if (!pod || pod.metadata.uid !== uid || pod.spec.nodeName || pod.metadata.deletionTimestamp) return
  const node = selectNode(ctx)
  if (!node) return
  const before = structuredClone(pod)
  const now = ctx.clock.now()
  pod.spec.nodeName = node
  const scheduled: PodCondition = { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: rfc3339(now) }
  const conditions = (pod.status?.conditions ?? []).filter((c) => c.type !== 'PodScheduled')
  pod.status = { ...pod.status, conditions: [...conditions, scheduled] }
  const bound = ctx.store.update('pods', pod)
  if (isStoreError(bound)) return
  ctx.record({ at: now, type: 'pod.scheduled', namespace, name, uid, node })
  recordEventV1(ctx, {
    regarding: before, type: 'Normal', reason: 'Scheduled', action: 'Binding',
    note: `Successfully assigned ${namespace}/${name} to ${node}`,
    reportingController: DEFAULT_SCHEDULER_NAME, reportingInstance: opts.reportingInstance,
  })
}
