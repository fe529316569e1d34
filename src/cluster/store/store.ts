// The in-memory object store: uid, resourceVersion, creationTimestamp, conflicts, watch events.
// Imitates: k8s.io/apiserver/pkg/storage (etcd3 store) and pkg/registry/generic/registry.

import type { ConfigMap, Namespace, Node, Pod, Secret, ServiceAccount } from '../api/core'
import type { KObject } from '../api/meta'

/** Resource key: the plural resource, with `.group` for non-core groups (`roles.rbac.authorization.k8s.io`). */
export type Resource = string

/** The object type of each resource the cluster's code reads by name. */
export interface ResourceTypes {
  pods: Pod
  serviceaccounts: ServiceAccount
  namespaces: Namespace
  configmaps: ConfigMap
  secrets: Secret
  nodes: Node
}

/** What a resource's objects are: typed for the resources above, KObject for the rest. */
export type ObjectOf<R extends Resource> = R extends keyof ResourceTypes ? ResourceTypes[R] : KObject

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED'
export interface WatchEvent {
  type: WatchEventType
  resource: Resource
  object: KObject
}

export interface StoreState {
  resourceVersion: number
  /** resource -> "namespace/name" (or "/name" for cluster-scoped) -> object */
  objects: Record<Resource, Record<string, KObject>>
}

export type StoreError =
  | { code: 'AlreadyExists' }
  | { code: 'NotFound' }
  | { code: 'Conflict'; current: KObject }

const keyOf = (namespace: string | undefined, name: string) => `${namespace ?? ''}/${name}`
const clone = <T>(o: T): T => structuredClone(o)
/** Byte order, as Go sorts strings (and much cheaper than localeCompare). */
const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

export class ObjectStore {
  private state: StoreState
  private listeners = new Set<(e: WatchEvent) => void>()

  constructor(state?: StoreState) {
    this.state = state ? clone(state) : { resourceVersion: 1000, objects: {} }
  }

  private bucket(resource: Resource): Record<string, KObject> {
    return (this.state.objects[resource] ??= {})
  }

  private nextRV(): string {
    this.state.resourceVersion += 1
    return String(this.state.resourceVersion)
  }

  /** The store's current resourceVersion (what a list returns as metadata.resourceVersion). */
  resourceVersion(): string {
    return String(this.state.resourceVersion)
  }

  /** A copy of the stored object, or undefined. */
  get<R extends Resource>(resource: R, namespace: string | undefined, name: string): ObjectOf<R> | undefined {
    const o = this.state.objects[resource]?.[keyOf(namespace, name)]
    return o ? (clone(o) as ObjectOf<R>) : undefined
  }

  /** Copies of the objects of a resource, in one namespace or all, sorted by namespace then name. */
  list<R extends Resource>(resource: R, namespace?: string): ObjectOf<R>[] {
    const all = Object.values(this.state.objects[resource] ?? {})
    return all
      .filter((o) => namespace === undefined || o.metadata.namespace === namespace)
      .sort((a, b) => byString(a.metadata.namespace ?? '', b.metadata.namespace ?? '') || byString(a.metadata.name, b.metadata.name))
      .map((o) => clone(o) as ObjectOf<R>)
  }

  /** Names of the stored objects of a resource in one namespace (or cluster-scoped), without copying them. */
  names(resource: Resource, namespace?: string): string[] {
    const out: string[] = []
    for (const o of Object.values(this.state.objects[resource] ?? {})) {
      if (namespace === undefined || o.metadata.namespace === namespace) out.push(o.metadata.name)
    }
    return out
  }

  /** Store a new object. The caller has set uid and creationTimestamp; the store sets resourceVersion. */
  create(resource: Resource, obj: KObject): KObject | StoreError {
    const b = this.bucket(resource)
    const k = keyOf(obj.metadata.namespace, obj.metadata.name)
    if (b[k]) return { code: 'AlreadyExists' }
    const stored = clone(obj)
    stored.metadata.resourceVersion = this.nextRV()
    b[k] = stored
    this.emit({ type: 'ADDED', resource, object: stored })
    return clone(stored)
  }

  /**
   * Replace an object. When `obj.metadata.resourceVersion` is set and differs from the stored
   * one, the update is refused with Conflict (optimistic concurrency).
   */
  update(resource: Resource, obj: KObject): KObject | StoreError {
    const b = this.bucket(resource)
    const k = keyOf(obj.metadata.namespace, obj.metadata.name)
    const cur = b[k]
    if (!cur) return { code: 'NotFound' }
    if (obj.metadata.resourceVersion && obj.metadata.resourceVersion !== cur.metadata.resourceVersion) {
      return { code: 'Conflict', current: clone(cur) }
    }
    const stored = clone(obj)
    stored.metadata.uid = cur.metadata.uid
    stored.metadata.creationTimestamp = cur.metadata.creationTimestamp
    stored.metadata.resourceVersion = this.nextRV()
    b[k] = stored
    this.emit({ type: 'MODIFIED', resource, object: stored })
    return clone(stored)
  }

  /** Remove an object from storage (finalizers and graceful deletion are the registry's business). */
  delete(resource: Resource, namespace: string | undefined, name: string): KObject | StoreError {
    const b = this.bucket(resource)
    const k = keyOf(namespace, name)
    const cur = b[k]
    if (!cur) return { code: 'NotFound' }
    delete b[k]
    const gone = clone(cur)
    gone.metadata.resourceVersion = this.nextRV()
    this.emit({ type: 'DELETED', resource, object: gone })
    return clone(gone)
  }

  /** Subscribe to changes; returns the unsubscribe function. */
  watch(listener: (e: WatchEvent) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  snapshot(): StoreState {
    return clone(this.state)
  }

  /** One copy per change, shared by every watcher: watchers read it and must not change it. */
  private emit(e: WatchEvent) {
    if (this.listeners.size === 0) return
    const event = { ...e, object: clone(e.object) }
    for (const l of this.listeners) l(event)
  }
}

export function isStoreError(x: unknown): x is StoreError {
  return typeof x === 'object' && x !== null && 'code' in x && !('metadata' in x)
}
