// The parts of core/v1 types the cluster code reads and writes (plain JSON, loosely typed).
// Imitates: k8s.io/api/core/v1/types.go

import type { KObject } from './meta'

export interface VolumeMount { name: string; readOnly?: boolean; mountPath: string; subPath?: string }
export interface Container {
  name: string
  image?: string
  command?: string[]
  args?: string[]
  resources?: Record<string, unknown>
  volumeMounts?: VolumeMount[]
  terminationMessagePath?: string
  terminationMessagePolicy?: string
  imagePullPolicy?: string
  [k: string]: unknown
}
export interface Volume { name: string; [source: string]: unknown }
export interface Toleration { key?: string; operator?: string; value?: string; effect?: string; tolerationSeconds?: number }
export interface LocalObjectReference { name: string }

export interface PodSpec {
  volumes?: Volume[]
  initContainers?: Container[]
  containers: Container[]
  restartPolicy?: string
  terminationGracePeriodSeconds?: number
  dnsPolicy?: string
  serviceAccountName?: string
  serviceAccount?: string
  automountServiceAccountToken?: boolean
  nodeName?: string
  securityContext?: Record<string, unknown>
  imagePullSecrets?: LocalObjectReference[]
  schedulerName?: string
  tolerations?: Toleration[]
  priorityClassName?: string
  priority?: number
  enableServiceLinks?: boolean
  preemptionPolicy?: string
  [k: string]: unknown
}

export interface PodCondition {
  type: string
  observedGeneration?: number
  status: string
  lastProbeTime: string | null
  lastTransitionTime: string
  reason?: string
  message?: string
}

export interface PodStatus { phase?: string; conditions?: PodCondition[]; qosClass?: string; [k: string]: unknown }

export interface Pod extends KObject { spec: PodSpec; status?: PodStatus }

export interface ServiceAccount extends KObject {
  secrets?: { name: string }[]
  imagePullSecrets?: LocalObjectReference[]
  automountServiceAccountToken?: boolean
}

export interface NamespaceCondition { type: string; status: string; lastTransitionTime: string; reason: string; message: string }
export interface Namespace extends KObject {
  spec?: { finalizers?: string[] }
  status?: { phase?: string; conditions?: NamespaceCondition[] }
}

export interface ConfigMap extends KObject { data?: Record<string, string>; binaryData?: Record<string, string>; immutable?: boolean }
export interface Secret extends KObject { type?: string; data?: Record<string, string>; immutable?: boolean }
export interface NodeStatus { conditions?: { type: string; status: string }[]; addresses?: { type: string; address: string }[]; [k: string]: unknown }
export interface Node extends KObject { spec?: { podCIDR?: string; podCIDRs?: string[]; [k: string]: unknown }; status?: NodeStatus }

export const namespacePhase = (ns: KObject | undefined): string | undefined =>
  (ns as Namespace | undefined)?.status?.phase
