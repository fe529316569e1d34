// The in-memory object store: uid, resourceVersion, creationTimestamp, conflicts, watch events.
// Imitates: k8s.io/apiserver/pkg/storage (etcd3 store) and pkg/registry/generic/registry.

import type { KObject } from '../api/meta'
import type { ObjectOf, ResourceTypes, TypedResource } from '../api/resourceTypes'
import { deepFreeze } from '../../common/freeze'

export type { ObjectOf, ResourceTypes, TypedResource } from '../api/resourceTypes'

/** Resource key: the plural resource, with `.group` for non-core groups (`roles.rbac.authorization.k8s.io`). */
export type Resource = string

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED'
/** A change to one object; `e.resource === 'pods'` narrows `e.object` to a Pod. */
export type WatchEvent = { [R in TypedResource]: { type: WatchEventType; resource: R; object: ResourceTypes[R] } }[TypedResource]

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
/**
 * A copy of a stored object as its resource's type. The one place the store trusts its writers:
 * every object under a key came through create/update with that key's type (or a saved lab
 * written by them), as etcd holds what the registry of that resource encoded.
 */
const copyAs = <R extends Resource>(o: KObject): ObjectOf<R> => clone(o) as ObjectOf<R>
/** Byte order, as Go sorts strings (and much cheaper than localeCompare). */
const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** The bucket records views have handed out: never changed again (see ObjectStore.view). */
const viewedRecords = new WeakSet<object>()

/** Whether a record of objects is one a store's view handed out, which nothing changes any more. */
export function isViewedRecord(record: object): boolean {
  return viewedRecords.has(record)
}

export class ObjectStore {
  private state: StoreState
  private listeners = new Set<(e: WatchEvent) => void>()

  constructor(state?: StoreState) {
    this.state = state ? clone(state) : { resourceVersion: 1000, objects: {} }
    for (const bucket of Object.values(this.state.objects)) for (const o of Object.values(bucket)) deepFreeze(o)
  }

  /** A resource's bucket, to write to: one a view holds is copied first (copy on write). */
  private bucket(resource: Resource): Record<string, KObject> {
    const b = this.state.objects[resource]
    if (!b) return (this.state.objects[resource] = {})
    return viewedRecords.has(b) ? (this.state.objects[resource] = { ...b }) : b
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
    return o ? copyAs<R>(o) : undefined
  }

  /** The stored object itself, or undefined: for readers that only read (frozen, as read's). */
  peek<R extends Resource>(resource: R, namespace: string | undefined, name: string): Readonly<ObjectOf<R>> | undefined {
    return this.state.objects[resource]?.[keyOf(namespace, name)] as ObjectOf<R> | undefined
  }

  /** Copies of the objects of a resource, in one namespace or all, sorted by namespace then name. */
  list<R extends Resource>(resource: R, namespace?: string): ObjectOf<R>[] {
    return this.read(resource, namespace).map((o) => clone(o) as ObjectOf<R>)
  }

  /**
   * The stored objects themselves, in list's order, without copying them: for readers that only
   * read (an informer's cache, a controller comparing rules). They are frozen: the store never
   * changes a stored object (an update stores a new one), and no reader may.
   */
  read<R extends Resource>(resource: R, namespace?: string): readonly Readonly<ObjectOf<R>>[] {
    const all = Object.values(this.state.objects[resource] ?? {}) as ObjectOf<R>[]
    return all
      .filter((o) => namespace === undefined || o.metadata.namespace === namespace)
      .sort((a, b) => byString(a.metadata.namespace ?? '', b.metadata.namespace ?? '') || byString(a.metadata.name, b.metadata.name))
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
  create<R extends Resource>(resource: R, obj: KObject): ObjectOf<R> | StoreError {
    const b = this.bucket(resource)
    const k = keyOf(obj.metadata.namespace, obj.metadata.name)
    if (b[k]) return { code: 'AlreadyExists' }
    const stored = clone(obj)
    stored.metadata.resourceVersion = this.nextRV()
    b[k] = deepFreeze(stored)
    this.emit('ADDED', resource, stored)
    return copyAs<R>(stored)
  }

  /**
   * Replace an object. When `obj.metadata.resourceVersion` is set and differs from the stored
   * one, the update is refused with Conflict (optimistic concurrency).
   */
  update<R extends Resource>(resource: R, obj: KObject): ObjectOf<R> | StoreError {
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
    b[k] = deepFreeze(stored)
    this.emit('MODIFIED', resource, stored)
    return copyAs<R>(stored)
  }

  /** Remove an object from storage (finalizers and graceful deletion are the registry's business). */
  delete<R extends Resource>(resource: R, namespace: string | undefined, name: string): ObjectOf<R> | StoreError {
    const b = this.bucket(resource)
    const k = keyOf(namespace, name)
    const cur = b[k]
    if (!cur) return { code: 'NotFound' }
    delete b[k]
    const gone = clone(cur)
    gone.metadata.resourceVersion = this.nextRV()
    this.emit('DELETED', resource, deepFreeze(gone))
    return copyAs<R>(gone)
  }

  /** Subscribe to changes; returns the unsubscribe function. */
  watch(listener: (e: WatchEvent) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  snapshot(): StoreState {
    return clone(this.state)
  }

  /**
   * The state without copying it: the store's own bucket records, holding the stored objects
   * themselves. Stored objects are never changed in place (an update stores a new object), and a
   * bucket a view holds is copied before the store next writes to it, so a view stays as it was
   * while the store moves on (and undo and saves, which take one at every command, copy no more
   * than what changed). Its readers must not change it either.
   */
  view(): StoreState {
    const objects: StoreState['objects'] = {}
    for (const [res, bucket] of Object.entries(this.state.objects)) {
      objects[res] = bucket
      viewedRecords.add(bucket)
    }
    return { resourceVersion: this.state.resourceVersion, objects }
  }

  /** The stored (frozen) object itself, shared by every watcher, as an informer's cache shares it. */
  private emit(type: WatchEventType, resource: Resource, object: KObject) {
    if (this.listeners.size === 0) return
    // the object is of its key's type (see copyAs); WatchEvent pairs each key with that type
    const event = { type, resource, object } as WatchEvent
    for (const l of this.listeners) l(event)
  }
}

export function isStoreError(x: unknown): x is StoreError {
  return typeof x === 'object' && x !== null && 'code' in x && !('metadata' in x)
}
