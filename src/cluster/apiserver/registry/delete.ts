// DeleteOptions and the preconditions every delete checks.
// Imitates: k8s.io/apimachinery/pkg/apis/meta/v1 DeleteOptions and apiserver registry/generic/registry/store.go (Delete)

import { newConflict } from '../../../common/apiErrors'
import type { KObject } from '../../api/meta'
import type { Status } from '../types'
import type { RESTStrategy } from './strategy'

export interface DeleteOptions {
  gracePeriodSeconds?: number
  preconditions?: { uid?: string; resourceVersion?: string }
  propagationPolicy?: string
  dryRun?: string[]
}

/** The answer of a delete: the object (or a Status) and whether it is gone from storage. */
export interface DeleteResult { body: unknown; deleted: boolean; object: KObject }

export function checkPreconditions(s: RESTStrategy, obj: KObject, opts: DeleteOptions): Status | undefined {
  const p = opts.preconditions
  if (p?.uid && p.uid !== obj.metadata.uid) {
    return newConflict(s.resource, obj.metadata.name, `Precondition failed: UID in precondition: ${p.uid}, UID in object meta: ${obj.metadata.uid}`)
  }
  if (p?.resourceVersion && p.resourceVersion !== obj.metadata.resourceVersion) {
    return newConflict(s.resource, obj.metadata.name, `Precondition failed: ResourceVersion in precondition: ${p.resourceVersion}, ResourceVersion in object meta: ${obj.metadata.resourceVersion}`)
  }
  return undefined
}
