// The generic registry: create, update, get, list and delete with the strategy's hooks, over the ObjectStore.
// Imitates: k8s.io/apiserver/pkg/registry/generic/registry/store.go and registry/rest/create.go (BeforeCreate)

import { newAlreadyExists, newConflict, newInvalid, newNotFound, OPTIMISTIC_LOCK_ERROR_MSG, isStatus } from '../../../common/apiErrors'
import type { KObject } from '../../api/meta'
import { rfc3339 } from '../../../common/time'
import { validateLabelsAndAnnotations, validateObjectMeta } from '../../api/validation'
import type { ClusterContext } from '../../context'
import { isStoreError, type ResourceTypes, type TypedResource } from '../../store/store'
import type { Status } from '../types'
import { generateName } from '../admission/serviceaccount'
import type { RESTStrategy } from './strategy'

export type ValidateObjectFunc = (obj: KObject) => Status | undefined

/** The registry of one resource; `T` is its object type (RegistryStore<Pod> from podStrategy). */
/** ObjectMeta's labels and annotations are omitempty maps: an empty one is not stored (nor printed). */
function dropEmptyMaps(meta: { labels?: Record<string, string>; annotations?: Record<string, string> }): void {
  if (meta.labels && Object.keys(meta.labels).length === 0) delete meta.labels
  if (meta.annotations && Object.keys(meta.annotations).length === 0) delete meta.annotations
}

export class RegistryStore<T extends KObject = KObject> {
  constructor(readonly strategy: RESTStrategy<T>, private ctx: ClusterContext) {}

  /**
   * A stored object under this registry's key, as the strategy's type: everything stored under
   * the key went through this registry (or was written as that resource by the lab's boot).
   */
  private typed(o: KObject): T
  private typed(o: KObject | undefined): T | undefined
  private typed(o: KObject | undefined): T | undefined {
    return o as T | undefined
  }

  /** The store key: the plural resource, `.group` added for non-core groups (`roles.rbac.authorization.k8s.io`). */
  get key(): string {
    const r = this.strategy.resource
    return this.strategy.storageResource ?? (r.group ? `${r.resource}.${r.group}` : r.resource)
  }

  get(namespace: string | undefined, name: string): T | Status {
    return this.typed(this.ctx.store.get(this.key, this.ns(namespace), name)) ?? newNotFound(this.strategy.resource, name)
  }

  list(namespace: string | undefined): T[] {
    return this.ctx.store.list(this.key, this.ns(namespace) || undefined).map((o) => this.typed(o))
  }

  private ns(namespace: string | undefined) {
    return this.strategy.namespaced ? namespace : undefined
  }

  create(obj: T, createValidation?: ValidateObjectFunc, dryRun = false): T | Status {
    const s = this.strategy
    const meta = obj.metadata
    // FillObjectMetaSystemFields, then generateName
    meta.creationTimestamp = rfc3339(this.ctx.clock.now())
    meta.uid = this.ctx.random.uuid()
    const prefix = meta.generateName
    if (prefix && !meta.name) meta.name = generateName(this.ctx.random, prefix)
    // BeforeCreate
    delete meta.deletionTimestamp
    delete meta.deletionGracePeriodSeconds
    s.prepareForCreate?.(obj, this.ctx)
    const kind = { group: s.invalidKindGroup ?? s.resource.group, kind: s.kind }
    const errs = s.validate?.(obj) ?? []
    if (errs.length) return newInvalid(kind, meta.name ?? '', errs)
    const metaErrs = validateObjectMeta(meta, s.namespaced, s.nameFn)
    if (metaErrs.length) return newInvalid(kind, meta.name ?? '', metaErrs)
    s.canonicalize?.(obj)
    dropEmptyMaps(meta)
    const denied = createValidation?.(structuredClone(obj))
    if (denied) return denied
    // dryRun=All: every stage runs, storage only checks that the name is free (DryRunnableStorage)
    if (dryRun && !this.ctx.store.get(this.key, this.ns(meta.namespace), meta.name)) return obj
    const out = this.ctx.store.create(this.key, obj)
    if (isStoreError(out)) {
      const err = newAlreadyExists(s.resource, meta.name)
      const existing = this.ctx.store.get(this.key, this.ns(meta.namespace), meta.name)
      if (existing?.metadata.deletionTimestamp) err.message = `object is being deleted: ${err.message}`
      return err
    }
    return this.typed(out)
  }

  update(obj: T, updateValidation?: ValidateObjectFunc, dryRun = false): T | Status {
    const s = this.strategy
    const meta = obj.metadata
    const old = this.typed(this.ctx.store.get(this.key, this.ns(meta.namespace), meta.name))
    if (!old) return newNotFound(s.resource, meta.name)
    if (meta.resourceVersion && meta.resourceVersion !== old.metadata.resourceVersion) {
      return newConflict(s.resource, meta.name, OPTIMISTIC_LOCK_ERROR_MSG)
    }
    // fields the client may not change
    meta.uid = old.metadata.uid
    meta.creationTimestamp = old.metadata.creationTimestamp
    if (old.metadata.deletionTimestamp) meta.deletionTimestamp = old.metadata.deletionTimestamp
    else delete meta.deletionTimestamp
    if (old.metadata.deletionGracePeriodSeconds !== undefined) meta.deletionGracePeriodSeconds = old.metadata.deletionGracePeriodSeconds
    else delete meta.deletionGracePeriodSeconds
    if (old.metadata.generation !== undefined) meta.generation = old.metadata.generation
    s.prepareForUpdate?.(obj, old)
    const kind = { group: s.invalidKindGroup ?? s.resource.group, kind: s.kind }
    // BeforeUpdate's common checks (ValidateObjectMetaAccessor, then ValidateObjectMetaAccessorUpdate), then the
    // strategy's (each resource's ValidateUpdate starts with ValidateObjectMetaUpdate): the labels and annotations
    // are checked three times, and a bad one is a cause three times (the message names it once)
    const again = validateLabelsAndAnnotations(meta)
    const errs = [...validateObjectMeta(meta, s.namespaced, s.nameFn), ...again, ...again, ...(s.validateUpdate?.(obj, old) ?? [])]
    if (errs.length) return newInvalid(kind, meta.name, errs)
    s.canonicalize?.(obj)
    dropEmptyMaps(meta)
    const denied = updateValidation?.(structuredClone(obj))
    if (denied) return denied
    // an update that changes nothing is not written: the object keeps its resourceVersion (GuaranteedUpdate)
    if (sameObject(obj, old)) return old
    if (dryRun) return { ...obj, metadata: { ...obj.metadata, resourceVersion: old.metadata.resourceVersion } }
    const out = this.ctx.store.update(this.key, obj)
    if (isStoreError(out)) {
      return out.code === 'NotFound' ? newNotFound(s.resource, meta.name) : newConflict(s.resource, meta.name, OPTIMISTIC_LOCK_ERROR_MSG)
    }
    return this.typed(out)
  }

  /** Remove from storage now; answers with the object or a Success Status as the strategy says. */
  deleteNow(namespace: string | undefined, name: string): { object: T; body: unknown } | Status {
    const out = this.ctx.store.delete(this.key, this.ns(namespace), name)
    if (isStoreError(out)) return newNotFound(this.strategy.resource, name)
    return { object: this.typed(out), body: this.deletedBody(out) }
  }

  deletedBody(obj: KObject): unknown {
    if (this.strategy.returnDeletedObject) return obj
    const details: Record<string, string> = { name: obj.metadata.name }
    if (this.strategy.resource.group) details.group = this.strategy.resource.group
    details.kind = this.strategy.resource.resource
    details.uid = obj.metadata.uid
    return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details }
  }
}

/** Whether `reg` is the registry of the store key `resource` (and so holds its type of object). */
export function isRegistryOf<R extends TypedResource>(reg: RegistryStore, resource: R): reg is RegistryStore<ResourceTypes[R]> {
  return reg.key === resource
}

/** Equal as stored, whatever the key order and the resourceVersion the request carried. */
function sameObject(a: KObject, b: KObject): boolean {
  const norm = (o: KObject) => canonical({ ...o, metadata: { ...o.metadata, resourceVersion: '' } })
  return norm(a) === norm(b)
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`
  if (typeof v === 'object' && v !== null) {
    const o = v as Record<string, unknown>
    return `{${Object.keys(o).filter((k) => o[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`
  }
  return JSON.stringify(v)
}

export { isStatus }
