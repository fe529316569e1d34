// Every kind of work the cluster schedules on the virtual clock, as a union discriminated by
// `type`: the payload's shape follows from the type. Stored as plain JSON in the lab's state.

/** A kubelet's pod work: which node's kubelet, which pod. */
export interface KubeletWorkData { node: string; uid: string }
/** A controller's queue key (`namespace`, or `namespace/name`, ...). */
export interface QueueKey { key: string }

/** The payload of each type of work. */
export interface WorkPayloads {
  'kubelet.startPod': KubeletWorkData
  'kubelet.startContainers': KubeletWorkData
  'kubelet.podReady': KubeletWorkData
  'kubelet.killPod': KubeletWorkData
  'kubelet.removePod': KubeletWorkData
  'kubelet.syncPod': KubeletWorkData
  'kubelet.scriptStep': KubeletWorkData & { container: string }
  'scheduler.schedulePod': { namespace: string; name: string; uid: string }
  'serviceaccount-controller.sync': QueueKey
  'root-ca-cert-publisher.sync': QueueKey
  'namespace-controller.sync': QueueKey
  'tokens-controller.sync-secret': QueueKey
  'tokens-controller.sync-serviceaccount': QueueKey
  'clusterrole-aggregation-controller.sync': QueueKey
  'kubernetes-service-controller.sync': QueueKey
  'lease.renew': QueueKey
  'system-namespaces.sync': QueueKey
}

export type WorkType = keyof WorkPayloads
/** The payload of a type of work. */
export type WorkData<T extends WorkType> = WorkPayloads[T]
/** One item of work: `{ type, data }`, discriminated by `type`. */
export type Work = { [T in WorkType]: { type: T; data: WorkPayloads[T] } }[WorkType]
/** A controller work type (its payload is a queue key). */
export type QueueWorkType = { [T in WorkType]: WorkPayloads[T] extends QueueKey ? T : never }[WorkType]
export type KubeletWorkType = { [T in WorkType]: WorkPayloads[T] extends KubeletWorkData ? T : never }[WorkType]
