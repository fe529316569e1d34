// The parts of core/v1 types the cluster code reads and writes (plain JSON, loosely typed).
// Imitates: k8s.io/api/core/v1/types.go

import type { KObject } from './meta'
import type { Volume } from './volumes'

export type { Volume } from './volumes'

/** A reference to an object (Event.involvedObject, ServiceAccount.secrets, Endpoints targetRef). */
export interface ObjectReference { kind?: string; namespace?: string; name?: string; uid?: string; apiVersion?: string; resourceVersion?: string; fieldPath?: string }

export interface VolumeMount { name: string; readOnly?: boolean; mountPath: string; subPath?: string }
export interface KeySelector { name?: string; key: string; optional?: boolean }
export interface EnvVarSource { secretKeyRef?: KeySelector; configMapKeyRef?: KeySelector; fieldRef?: { apiVersion?: string; fieldPath: string }; [k: string]: unknown }
export interface EnvVar { name: string; value?: string; valueFrom?: EnvVarSource }
export interface EnvFromSource { prefix?: string; configMapRef?: { name?: string; optional?: boolean }; secretRef?: { name?: string; optional?: boolean } }
export interface ContainerPort { name?: string; hostPort?: number; containerPort: number; protocol?: string; hostIP?: string }
export interface ResourceRequirements { limits?: Record<string, string>; requests?: Record<string, string>; [k: string]: unknown }
export interface Container {
  name: string
  image?: string
  command?: string[]
  args?: string[]
  ports?: ContainerPort[]
  envFrom?: EnvFromSource[]
  env?: EnvVar[]
  resources?: ResourceRequirements
  volumeMounts?: VolumeMount[]
  terminationMessagePath?: string
  terminationMessagePolicy?: string
  imagePullPolicy?: string
  /** The process's standard input stays open (`kubectl run -i`): a shell then waits for it. */
  stdin?: boolean
  /** The process gets a terminal (`kubectl run -t`). */
  tty?: boolean
  [k: string]: unknown
}
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
  hostname?: string
  subdomain?: string
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
  secrets?: ObjectReference[]
  imagePullSecrets?: LocalObjectReference[]
  automountServiceAccountToken?: boolean
}

export interface NamespaceCondition { type: string; status: string; lastTransitionTime: string; reason: string; message: string }
export interface Namespace extends KObject {
  spec?: { finalizers?: string[] }
  status?: { phase?: string; conditions?: NamespaceCondition[] }
}

export interface ConfigMap extends KObject { data?: Record<string, string>; binaryData?: Record<string, string>; immutable?: boolean }
export interface Secret extends KObject {
  type?: string
  /** base64 of each value. */
  data?: Record<string, string>
  /** Write-only: merged into data by the registry, never stored. */
  stringData?: Record<string, string>
  immutable?: boolean
}
export interface NodeCondition { type: string; status: string; lastHeartbeatTime?: string; lastTransitionTime?: string; reason?: string; message?: string }
export interface NodeStatus { conditions?: NodeCondition[]; addresses?: { type: string; address: string }[]; [k: string]: unknown }
export interface NodeSpec { podCIDR?: string; podCIDRs?: string[]; unschedulable?: boolean; [k: string]: unknown }
export interface Node extends KObject { spec?: NodeSpec; status?: NodeStatus }

export const namespacePhase = (ns: Namespace | undefined): string | undefined => ns?.status?.phase
