// The scheduler: binds each unscheduled pod to the ready node with the fewest pods (ties by name)
// through the API server as system:kube-scheduler (pods/binding), and records the Scheduled event
// there too, with the events.k8s.io/v1 API as the scheduler's event broadcaster does (allowed by the
// system:kube-scheduler ClusterRole: create events in "" and events.k8s.io).
// Imitates: pkg/scheduler/schedule_one.go (scheduleOne, bind, and bindingCycle's "Scheduled" event
// after a successful bind), pkg/registry/core/pod/storage/storage.go
// (setPodNodeAndMetadata) and client-go tools/events (event_broadcaster.go recordToSink: one POST,
// not retried when refused)

import type { Node } from '../api/core'
import type { ComponentClient } from '../client/inProcess'
import type { ClusterContext } from '../context'
import { eventV1 } from '../events/recorder'

export const SCHEDULE_POD = 'scheduler.schedulePod'
export const DEFAULT_SCHEDULER_NAME = 'default-scheduler'

export interface SchedulerOptions {
  /** reportingInstance of its events: `default-scheduler-<hostname>`, the control-plane node (kubernetes-objects.md shows `default-scheduler-control-plane`). */
  reportingInstance: string
}

export function startScheduler(ctx: ClusterContext, client: ComponentClient, opts: SchedulerOptions = { reportingInstance: 'default-scheduler-control-plane' }): void {
  ctx.store.watch((e) => {
    if (e.resource !== 'pods' || e.type !== 'ADDED') return
    const pod = e.object
    if (pod.spec.nodeName || (pod.spec.schedulerName ?? DEFAULT_SCHEDULER_NAME) !== DEFAULT_SCHEDULER_NAME) return
    ctx.clock.schedule(ctx.clock.now(), SCHEDULE_POD, { namespace: pod.metadata.namespace ?? '', name: pod.metadata.name, uid: pod.metadata.uid })
  })
  ctx.onWork(SCHEDULE_POD, (data) => scheduleOne(ctx, client, opts, String(data.namespace), String(data.name), String(data.uid)))
}

function nodeIsReady(node: Node): boolean {
  const conds = node.status?.conditions ?? []
  const unschedulable = node.spec?.unschedulable
  return !unschedulable && conds.some((c) => c.type === 'Ready' && c.status === 'True')
}

/** Least pods first, then node name. */
export function selectNode(ctx: ClusterContext): string | undefined {
  const nodes = ctx.store.read('nodes').filter(nodeIsReady).map((n) => n.metadata.name)
  if (nodes.length === 0) return undefined
  const count = new Map(nodes.map((n) => [n, 0]))
  for (const p of ctx.store.read('pods')) {
    const n = p.spec.nodeName
    if (n && count.has(n)) count.set(n, (count.get(n) ?? 0) + 1)
  }
  return [...nodes].sort((a, b) => (count.get(a)! - count.get(b)!) || (a < b ? -1 : a > b ? 1 : 0))[0]
}

/** Reads the pod and the nodes from the scheduler's cache (the store), binds through the API server. */
export async function scheduleOne(ctx: ClusterContext, client: ComponentClient, opts: SchedulerOptions, namespace: string, name: string, uid: string): Promise<void> {
  const pod = ctx.store.get('pods', namespace, name)
  if (!pod || pod.metadata.uid !== uid || pod.spec.nodeName || pod.metadata.deletionTimestamp) return
  const node = selectNode(ctx)
  if (!node) return
  const binding = { apiVersion: 'v1', kind: 'Binding', metadata: { name, namespace, uid }, target: { apiVersion: 'v1', kind: 'Node', name: node } }
  const res = await client.request('POST', `/api/v1/namespaces/${namespace}/pods/${name}/binding`, binding)
  if (res.status !== 201) return
  ctx.record({ at: ctx.clock.now(), type: 'pod.scheduled', namespace, name, uid, node })
  const event = eventV1(ctx, {
    regarding: pod, type: 'Normal', reason: 'Scheduled', action: 'Binding',
    note: `Successfully assigned ${namespace}/${name} to ${node}`,
    reportingController: DEFAULT_SCHEDULER_NAME, reportingInstance: opts.reportingInstance,
  })
  await client.request('POST', `/apis/events.k8s.io/v1/namespaces/${event.metadata.namespace}/events`, event)
}
