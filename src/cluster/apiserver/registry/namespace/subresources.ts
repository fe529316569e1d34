// The status and finalize subresources of namespaces: PUT namespaces/NAME/status replaces the status
// only, PUT namespaces/NAME/finalize the spec's finalizers only; an update that leaves a deleted
// namespace with no finalizer at all removes it (what the namespace controller's finalize does last).
// Imitates: pkg/registry/core/namespace/storage/storage.go (StatusREST, FinalizeREST,
// ShouldDeleteNamespaceDuringUpdate) and pkg/registry/core/namespace/strategy.go
// (namespaceStatusStrategy, namespaceFinalizeStrategy)

import { isStatus, newBadRequest, newConflict, newMethodNotSupported } from '../../../../common/apiErrors'
import type { Namespace } from '../../../api/core'
import type { KObject } from '../../../api/meta'
import type { ClusterContext } from '../../../context'
import type { AdmissionChain } from '../../admission/interfaces'
import type { ResourceRequest } from '../../handlers/rest'
import { respond, respondStatus } from '../../handlers/response'
import type { ApiResponse } from '../../types'
import { RegistryStore } from '../store'
import type { RESTStrategy } from '../strategy'
import { namespaceStrategy } from './strategy'

/** Status updates keep the stored spec. */
export const namespaceStatusStrategy: RESTStrategy = {
  ...namespaceStrategy,
  prepareForUpdate(obj, old) {
    (obj as Namespace).spec = (old as Namespace).spec
  },
}

/** Finalize updates keep the stored status and take only spec.finalizers. */
export const namespaceFinalizeStrategy: RESTStrategy = {
  ...namespaceStrategy,
  prepareForUpdate(obj, old) {
    const ns = obj as Namespace
    ns.spec = { ...(old as Namespace).spec, finalizers: ns.spec?.finalizers ?? [] }
    ns.status = (old as Namespace).status
  },
}

/** ShouldDeleteNamespaceDuringUpdate: no spec finalizer, being deleted, no metadata finalizer. */
function shouldDelete(ns: Namespace): boolean {
  return (ns.spec?.finalizers ?? []).length === 0 && !!ns.metadata.deletionTimestamp && (ns.metadata.finalizers ?? []).length === 0
}

export function handleNamespaceSubresource(r: ResourceRequest, admission: AdmissionChain, ctx: ClusterContext): ApiResponse {
  const { info } = r
  const strategy = info.subresource === 'status' ? namespaceStatusStrategy : namespaceFinalizeStrategy
  const reg = new RegistryStore(strategy, ctx)
  const old = reg.get(undefined, info.name)
  if (isStatus(old)) return respondStatus(old)
  if (info.verb === 'get' && info.subresource === 'status') return respond(200, old)
  if (info.verb !== 'update') return respondStatus(newMethodNotSupported(strategy.resource, info.verb))
  const body = r.req.body
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return respondStatus(newBadRequest('the body of the request was in an unknown format'))
  const obj = structuredClone(body) as KObject
  obj.kind = 'Namespace'
  obj.apiVersion = 'v1'
  obj.metadata = { ...obj.metadata, name: obj.metadata?.name ?? '' }
  if (obj.metadata.name !== info.name) {
    return respondStatus(newBadRequest(`the name of the object (${obj.metadata.name}) does not match the name on the URL (${info.name})`))
  }
  const uid = obj.metadata.uid
  if (uid && uid !== old.metadata.uid) {
    return respondStatus(newConflict(strategy.resource, info.name, `Precondition failed: UID in precondition: ${uid}, UID in object meta: ${old.metadata.uid}`))
  }
  const attrs = { operation: 'UPDATE' as const, resource: strategy.resource, subresource: info.subresource, kind: strategy.kind, namespace: '', name: info.name, object: obj, oldObject: old, userInfo: r.user }
  const denied = admission.admit(attrs)
  if (denied) return respondStatus(denied)
  const out = reg.update(obj, (o) => admission.validate({ ...attrs, object: o }))
  if (isStatus(out)) return respondStatus(out)
  if (info.subresource === 'finalize' && shouldDelete(out as Namespace)) {
    const gone = reg.deleteNow(undefined, info.name)
    return isStatus(gone) ? respondStatus(gone) : respond(200, gone.object)
  }
  return respond(200, out)
}
