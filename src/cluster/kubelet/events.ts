// kubelet events, through the cluster's legacy core/v1 recorder (count 1, firstTimestamp =
// lastTimestamp, source {component: kubelet, host}, involvedObject.fieldPath spec.containers{NAME}).
// Imitates: pkg/kubelet/events (the reasons) over client-go tools/record/event.go.

import type { KObject } from '../api/meta'
import type { ClusterContext } from '../context'
import { recordLegacyEvent } from '../events/recorder'

export interface InvolvedPod {
  name: string
  namespace: string
  uid: string
  resourceVersion: string
}

export function recordPodEvent(
  ctx: ClusterContext, node: string, pod: InvolvedPod, container: string | undefined,
  type: 'Normal' | 'Warning', reason: string, message: string,
): void {
  // The pod as the kubelet saw it (its resourceVersion then), not as stored now.
  const involvedObject: KObject = {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name: pod.name, namespace: pod.namespace, uid: pod.uid, resourceVersion: pod.resourceVersion, creationTimestamp: '' },
  }
  recordLegacyEvent(ctx, {
    involvedObject, type, reason, message, component: 'kubelet', host: node,
    ...(container ? { fieldPath: `spec.containers{${container}}` } : {}),
  })
}
