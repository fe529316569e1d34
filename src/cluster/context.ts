// What the cluster's components (API server registries, controllers, scheduler, kubelets,
// the token issuer) share. Each component receives this and nothing global.

import type { VirtualClock } from './clock/clock'
import type { ObjectStore } from './store/store'
import type { Random } from './random'
import type { Fact } from './events/facts'
import type { WorkData, WorkType } from './clock/dueWork'

export interface ClusterContext {
  store: ObjectStore
  clock: VirtualClock
  random: Random
  /** Append a typed fact (the timeline and the audit record read these). */
  record(fact: Fact): void
  /** Cluster-wide settings (addresses, issuer, nodes). */
  config: ClusterConfig
  /**
   * Register the handler of a type of scheduled work (`clock.schedule(at, type, data)`).
   * Handlers run in time order when the clock is advanced; they may be async (signing).
   */
  onWork<T extends WorkType>(type: T, handler: (data: WorkData<T>) => void | Promise<void>): void
}

export interface NodeConfig {
  name: string
  internalIP: string
  /** Pod addresses are taken from this /24 in order (`10.200.0.0/24` -> 10.200.0.2, .3, ...). */
  podCIDR: string
}

export interface ClusterConfig {
  /** `https://10.0.1.10:6443`: the API server URL, the service-account issuer and the default API audience. */
  apiServerURL: string
  issuer: string
  apiAudiences: string[]
  nodes: NodeConfig[]
  kubernetesVersion: string
}

export const DEFAULT_CLUSTER_CONFIG: ClusterConfig = {
  apiServerURL: 'https://10.0.1.10:6443',
  issuer: 'https://10.0.1.10:6443',
  apiAudiences: ['https://10.0.1.10:6443'],
  nodes: [
    { name: 'worker-0', internalIP: '10.0.1.20', podCIDR: '10.200.0.0/24' },
    { name: 'worker-1', internalIP: '10.0.1.21', podCIDR: '10.200.1.0/24' },
  ],
  kubernetesVersion: 'v1.35.0',
}
