// The kubelet's watch cache of the objects its token requests read (ServiceAccounts, Pods, Nodes),
// so a refresh never copies objects out of the store: a year of refreshes stays cheap.
// Imitates: client-go informers (a local cache kept current by watch events).

import type { KObject } from '../api/meta'
import type { ObjectStore, WatchEvent } from '../store/store'
import type { TokenLookups } from '../serviceaccount/tokenrequest'

const key = (ns: string | undefined, name: string) => `${ns ?? ''}/${name}`

export class WatchCache implements TokenLookups {
  private byResource: Record<string, Map<string, KObject>> = { serviceaccounts: new Map(), pods: new Map(), nodes: new Map() }

  constructor(private store: ObjectStore) {
    for (const r of Object.keys(this.byResource)) {
      for (const o of store.list(r)) this.byResource[r].set(key(o.metadata.namespace, o.metadata.name), o)
    }
  }

  apply(e: WatchEvent): void {
    const m = this.byResource[e.resource]
    if (!m) return
    const k = key(e.object.metadata.namespace, e.object.metadata.name)
    if (e.type === 'DELETED') m.delete(k)
    else m.set(k, e.object)
  }

  serviceAccount(namespace: string, name: string): KObject | undefined {
    return this.byResource.serviceaccounts.get(key(namespace, name))
  }

  pod(namespace: string, name: string): KObject | undefined {
    return this.byResource.pods.get(key(namespace, name))
  }

  node(name: string): KObject | undefined {
    return this.byResource.nodes.get(key(undefined, name))
  }

  secret(namespace: string, name: string): KObject | undefined {
    return this.store.get('secrets', namespace, name)
  }
}
