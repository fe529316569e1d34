// What differs between resources in the registry: defaults, create/update preparation, validation.
// Imitates: k8s.io/apiserver/pkg/registry/rest/create.go, update.go (RESTCreateStrategy, RESTUpdateStrategy)

import type { FieldError, GroupResource } from '../../../common/apiErrors'
import type { KObject } from '../../api/meta'
import type { NameFn } from '../../api/validation'
import type { ClusterContext } from '../../context'

/**
 * The hooks take the resource's own type `T` (the body was decoded against the kind's schema
 * first). Methods, not function properties: a RESTStrategy<Pod> is usable where a RESTStrategy
 * of any object is expected (method parameters are compared bivariantly), as the registries
 * table holds every resource's strategy.
 */
export interface RESTStrategy<T extends KObject = KObject> {
  resource: GroupResource
  kind: string
  /** The served group/version (`rbac.authorization.k8s.io/v1`); `v1` when unset. */
  groupVersion?: string
  /** The v1 list kind (`PodList`). */
  listKind: string
  namespaced: boolean
  /** Name validation (ValidateObjectMeta's nameFn). */
  nameFn: NameFn
  /** Decode-time defaulting (pkg/apis/core/v1/defaults.go): runs before admission. */
  defaults?(obj: T): void
  prepareForCreate?(obj: T, ctx: ClusterContext): void
  validate?(obj: T): FieldError[]
  prepareForUpdate?(obj: T, old: T): void
  validateUpdate?(obj: T, old: T): FieldError[]
  /** Conversion to the stored v1 form (e.g. the deprecated serviceAccount mirror). */
  canonicalize?(obj: T): void
  /** Whether DELETE answers with the object (pods, namespaces, service accounts) or a Status. */
  returnDeletedObject: boolean
  /**
   * A resource served in a second group but stored with another (events.k8s.io events are core
   * events): the store key it reads and writes, and the conversions between the served version
   * and the stored form that the handlers apply at the edges (decode, respond, patch).
   */
  storageResource?: string
  toStored?(served: KObject): T
  toServed?(stored: T): KObject
  /** The group of the kind that Invalid errors name, when not the served group's. */
  invalidKindGroup?: string
}
