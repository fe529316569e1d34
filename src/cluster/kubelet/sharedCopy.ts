// A kubelet's state as undo and saves share it: one frozen copy, kept while nothing changed, and
// made again for the pods that changed only (their records and their tokens); the node's own
// parts (addresses, images) are small and copied each time. A lab that only reads copies nothing;
// a command that starts one pod among hundreds copies that pod.

import { deepFreeze } from '../../common/freeze'
import type { KubeletState, PodRecord, TokenEntry } from './state'

export class SharedCopy {
  private whole: Readonly<KubeletState> | undefined
  private pods = new Map<string, Readonly<PodRecord>>()
  private tokens = new Map<string, Readonly<TokenEntry>>()
  private changedPods = new Set<string>()
  private all = true

  /** Something changed, or may change, pod `uid`'s record or tokens; without a pod, anything. */
  changed(uid?: string): void {
    this.whole = undefined
    if (uid === undefined) this.all = true
    else this.changedPods.add(uid)
  }

  /** The state's shared copy (frozen): the same object until something changed. */
  of(state: KubeletState): Readonly<KubeletState> {
    if (this.whole) return this.whole
    const again = (uid: string) => this.all || this.changedPods.has(uid)
    const pods: Record<string, Readonly<PodRecord>> = {}
    const podCopies = new Map<string, Readonly<PodRecord>>()
    for (const [uid, rec] of Object.entries(state.pods)) {
      const c = (!again(uid) && this.pods.get(uid)) || deepFreeze(structuredClone(rec))
      pods[uid] = c
      podCopies.set(uid, c)
    }
    const tokens: Record<string, Readonly<TokenEntry>> = {}
    const tokenCopies = new Map<string, Readonly<TokenEntry>>()
    for (const [id, e] of Object.entries(state.tokens)) {
      const c = (!again(e.podUID) && this.tokens.get(id)) || deepFreeze(structuredClone(e))
      tokens[id] = c
      tokenCopies.set(id, c)
    }
    this.pods = podCopies
    this.tokens = tokenCopies
    this.changedPods.clear()
    this.all = false
    // in the state's own key order, as a copy of the whole state has it
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(state)) out[k] = k === 'pods' ? pods : k === 'tokens' ? tokens : structuredClone(v)
    this.whole = deepFreeze(out as unknown as KubeletState)
    return this.whole
  }
}
