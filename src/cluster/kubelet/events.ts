// kubelet events, sent by the legacy core/v1 recorder through the node's client (`POST
// /api/v1/namespaces/NS/events` as system:node:<node>, allowed to system:nodes by the Node
// authorizer's rules): count 1, firstTimestamp = lastTimestamp, source {component: kubelet, host},
// involvedObject.fieldPath spec.containers{NAME}. In a Terminating namespace NamespaceLifecycle
// refuses them (the kubelet logs "Server rejected event"); nothing is retried.
// Imitates: pkg/kubelet/events (the reasons) over client-go tools/record/event.go (recordToSink).

import type { KObject } from '../api/meta'
import { legacyEvent } from '../events/recorder'
import type { KubeletRuntime } from './runtime'
import type { PodRecord } from './state'
import { rfc3339 } from '../../common/time'

export interface InvolvedPod {
  name: string
  namespace: string
  uid: string
  resourceVersion: string
}

export async function recordPodEvent(
  rt: KubeletRuntime, pod: InvolvedPod, container: string | undefined,
  type: 'Normal' | 'Warning', reason: string, message: string,
): Promise<void> {
  const event = podEvent(rt, pod, container, type, reason, message)
  await rt.client.request('POST', `/api/v1/namespaces/${pod.namespace}/events`, event)
}

/** The kubelet's event about `pod` (and one of its containers): count 1, not yet sent. */
function podEvent(
  rt: KubeletRuntime, pod: InvolvedPod, container: string | undefined,
  type: 'Normal' | 'Warning', reason: string, message: string,
) {
  // The pod as the kubelet saw it (its resourceVersion then), not as stored now.
  const involvedObject: KObject = {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name: pod.name, namespace: pod.namespace, uid: pod.uid, resourceVersion: pod.resourceVersion, creationTimestamp: '' },
  }
  return legacyEvent(rt.ctx, {
    involvedObject, type, reason, message, component: 'kubelet', host: rt.node.name,
    ...(container ? { fieldPath: `spec.containers{${container}}` } : {}),
  })
}

/**
 * An event that repeats: the first is created with its count; later ones PATCH the same Event's
 * count and lastTimestamp, as the recorder's correlator does for identical events (its
 * eventLogger: same source, object, type, reason and message). `count` is how many times it has
 * happened so far (a sync after a long advance counts the ones in between at once); `firstAt`
 * and `lastAt` when the first and the latest happened.
 */
export async function countPodEvent(
  rt: KubeletRuntime, rec: PodRecord, container: string | undefined,
  type: 'Normal' | 'Warning', reason: string, message: string, count: number, firstAt?: number, lastAt?: number,
): Promise<void> {
  if (count <= 0) return
  const key = `${container ?? ''}\n${type}\n${reason}\n${message}`
  const log = (rec.events ??= {})
  const sent = log[key]
  if (sent && sent.count >= count) return
  const clock = rt.ctx.clock.now()
  const now = rfc3339(Math.min(lastAt ?? clock, clock))
  if (sent) {
    sent.count = count
    await rt.client.request('PATCH', `/api/v1/namespaces/${rec.namespace}/events/${sent.name}`, { count, lastTimestamp: now }, { contentType: 'application/strategic-merge-patch+json' })
    return
  }
  const pod = { name: rec.name, namespace: rec.namespace, uid: rec.uid, resourceVersion: rec.seenRV }
  const event = podEvent(rt, pod, container, type, reason, message)
  if (count > 1 || firstAt !== undefined || lastAt !== undefined) {
    Object.assign(event, { count, firstTimestamp: rfc3339(Math.min(firstAt ?? clock, clock)), lastTimestamp: now })
  }
  log[key] = { name: event.metadata.name, count }
  await rt.client.request('POST', `/api/v1/namespaces/${rec.namespace}/events`, event)
}
