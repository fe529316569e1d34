// kubelet events, sent by the legacy core/v1 recorder through the node's client (`POST
// /api/v1/namespaces/NS/events` as system:node:<node>, allowed to system:nodes by the Node
// authorizer's rules): count 1, firstTimestamp = lastTimestamp, source {component: kubelet, host},
// involvedObject.fieldPath spec.containers{NAME}. In a Terminating namespace NamespaceLifecycle
// refuses them (the kubelet logs "Server rejected event"); nothing is retried.
// Imitates: pkg/kubelet/events (the reasons) over client-go tools/record/event.go (recordToSink).

import type { KObject } from '../api/meta'
import { legacyEvent } from '../events/recorder'
import type { KubeletRuntime } from './runtime'

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
  // The pod as the kubelet saw it (its resourceVersion then), not as stored now.
  const involvedObject: KObject = {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name: pod.name, namespace: pod.namespace, uid: pod.uid, resourceVersion: pod.resourceVersion, creationTimestamp: '' },
  }
  const event = legacyEvent(rt.ctx, {
    involvedObject, type, reason, message, component: 'kubelet', host: rt.node.name,
    ...(container ? { fieldPath: `spec.containers{${container}}` } : {}),
  })
  await rt.client.request('POST', `/api/v1/namespaces/${pod.namespace}/events`, event)
}
