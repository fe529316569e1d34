// What the kubelet's pieces share: the context, the node, its API client, its watch cache of
// pods, the saved state and the token manager.

import type { Pod } from '../api/core'
import type { ComponentClient } from '../client/inProcess'
import type { KubeletWorkType } from '../clock/dueWork'
import type { ClusterContext, NodeConfig } from '../context'
import type { WatchCache } from './informer'
import type { TokenManager } from './token/tokenManager'
import type { KubeletState, PodRecord } from './state'
import type { ContainerShell } from './exec/containerShell'

export interface KubeletRuntime {
  ctx: ClusterContext
  node: NodeConfig
  state: KubeletState
  tokens: TokenManager
  /** The node's identity towards the API server (system:node:<name>): every read and write of the API goes here. */
  client: ComponentClient
  /** The pods as the kubelet's watch last delivered them (its informer). */
  cache: WatchCache
  /** While the clock is moved to this time (Kubelet.fastForward), syncs jump to their last transition before it. Not saved. */
  horizon?: number
  /** The shell and tools containers run (handed down by the lab; absent in a cluster without one). */
  shell(): ContainerShell | undefined
}

/** The pod of a record as last seen, if it is still the same object (same uid). */
export function currentPod(rt: KubeletRuntime, rec: PodRecord): Pod | undefined {
  const pod = rt.cache.pod(rec.namespace, rec.name)
  return pod && pod.metadata.uid === rec.uid ? pod : undefined
}

export function schedule(rt: KubeletRuntime, at: number, type: KubeletWorkType, uid: string): void {
  rt.ctx.clock.schedule(at, type, { node: rt.node.name, uid })
}

/** Cancel scheduled kubelet work of a pod (optionally keeping some types). */
export function cancelPodWork(rt: KubeletRuntime, uid: string, keep: KubeletWorkType[] = []): void {
  rt.ctx.clock.cancel((w) => 'node' in w.data && w.data.node === rt.node.name && w.data.uid === uid && !keep.includes(w.type as KubeletWorkType))
}

/**
 * Bring a pod's projected tokens up to the lab's now (TokenManager.catchUp): the latest refresh
 * that fell due since they were last looked at is made before anyone in the pod reads them.
 */
export async function catchUpPodTokens(rt: KubeletRuntime, rec: PodRecord): Promise<void> {
  const now = rt.ctx.clock.now()
  for (const e of rt.tokens.entriesOf(rec.uid)) await rt.tokens.catchUp(e.id, now, rec.volumes[e.volume])
}
