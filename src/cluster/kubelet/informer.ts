// The kubelet's watch cache of pods (what its pod workers read between requests). It holds the
// store's own frozen objects (its first list through ObjectStore.read, then the watch events'):
// read them, never change them.
// Imitates: client-go informers (a local cache kept current by watch events).

import type { Pod } from '../api/core'
import type { ObjectStore, WatchEvent } from '../store/store'

const key = (ns: string | undefined, name: string) => `${ns ?? ''}/${name}`

export class WatchCache {
  private pods = new Map<string, Pod>()

  constructor(store: ObjectStore) {
    for (const o of store.read('pods')) this.pods.set(key(o.metadata.namespace, o.metadata.name), o)
  }

  apply(e: WatchEvent): void {
    if (e.resource !== 'pods') return
    const k = key(e.object.metadata.namespace, e.object.metadata.name)
    if (e.type === 'DELETED') this.pods.delete(k)
    else this.pods.set(k, e.object)
  }

  pod(namespace: string, name: string): Pod | undefined {
    return this.pods.get(key(namespace, name))
  }
}
