// Where the token validators read ServiceAccounts, Pods, Secrets and Nodes: the store (the real
// getter reads an informer cache and falls back to a live GET, whose NotFound it returns).
// Imitates: pkg/controlplane/apiserver/options (serviceaccount.NewGetterFromClient) and pkg/serviceaccount.ServiceAccountTokenGetter

import type { Node, Pod, Secret, ServiceAccount } from '../../../api/core'
import type { KObject } from '../../../api/meta'
import type { ObjectOf, ObjectStore, TypedResource } from '../../../store/store'

export type Lookup<T extends KObject = KObject> = T | { error: string }

export interface ServiceAccountTokenGetter {
  getServiceAccount(namespace: string, name: string): Lookup<ServiceAccount>
  getPod(namespace: string, name: string): Lookup<Pod>
  getSecret(namespace: string, name: string): Lookup<Secret>
  getNode(name: string): Lookup<Node>
}

function get<R extends TypedResource>(store: ObjectStore, resource: R, namespace: string | undefined, name: string): Lookup<ObjectOf<R>> {
  if (!name) return { error: 'resource name may not be empty' }
  return store.get(resource, namespace, name) ?? { error: `${resource} "${name}" not found` }
}

export function storeTokenGetter(store: ObjectStore): ServiceAccountTokenGetter {
  return {
    getServiceAccount: (ns, name) => get(store, 'serviceaccounts', ns, name),
    getPod: (ns, name) => get(store, 'pods', ns, name),
    getSecret: (ns, name) => get(store, 'secrets', ns, name),
    getNode: (name) => get(store, 'nodes', undefined, name),
  }
}

export const isLookupError = <T extends KObject>(l: Lookup<T>): l is { error: string } => 'error' in l

/** Whether the object's deletionTimestamp is before `beforeMs`. */
export function deletedBefore(o: KObject, beforeMs: number): boolean {
  const ts = o.metadata.deletionTimestamp
  return ts !== undefined && Date.parse(ts) < beforeMs
}
