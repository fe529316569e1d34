// What differs between resources in the registry: defaults, create/update preparation, validation.
// Imitates: k8s.io/apiserver/pkg/registry/rest/create.go, update.go (RESTCreateStrategy, RESTUpdateStrategy)

import type { FieldError, GroupResource } from '../../../common/apiErrors'
import type { KObject } from '../../api/meta'
import type { NameFn } from '../../api/validation'
import type { ClusterContext } from '../../context'

export interface RESTStrategy {
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
  defaults?(obj: KObject): void
  prepareForCreate?(obj: KObject, ctx: ClusterContext): void
  validate?(obj: KObject): FieldError[]
  prepareForUpdate?(obj: KObject, old: KObject): void
  validateUpdate?(obj: KObject, old: KObject): FieldError[]
  /** Conversion to the stored v1 form (e.g. the deprecated serviceAccount mirror). */
  canonicalize?(obj: KObject): void
  /** Whether DELETE answers with the object (pods, namespaces, service accounts) or a Status. */
  returnDeletedObject: boolean
}
