// The status subresource of pods: read the pod, or replace or patch its status (what a kubelet writes).
// The spec and metadata stay as stored; the resourceVersion precondition holds if one is sent.
// Imitates: pkg/registry/core/pod/storage/storage.go (StatusREST) and pkg/registry/core/pod/strategy.go
// (podStatusStrategy.PrepareForUpdate: only status changes)

import { isStatus, newBadRequest, newConflict, newMethodNotSupported, OPTIMISTIC_LOCK_ERROR_MSG } from '../../../common/apiErrors'
import type { KObject } from '../../api/meta'
import { isStoreError, type ObjectStore } from '../../store/store'
import type { AdmissionChain } from '../admission/interfaces'
import type { ApiResponse } from '../types'
import type { ResourceRequest } from './rest'
import { applyPatch } from './patch'
import { respond, respondStatus } from './response'

/** v1.PodStatus fields in struct order (how the server serialises a status however it was patched). */
const POD_STATUS_FIELDS = [
  'observedGeneration', 'phase', 'conditions', 'message', 'reason', 'nominatedNodeName', 'hostIP', 'hostIPs', 'podIP', 'podIPs',
  'startTime', 'initContainerStatuses', 'containerStatuses', 'qosClass', 'ephemeralContainerStatuses', 'resize', 'resourceClaimStatuses',
]

function inStructOrder(status: unknown): unknown {
  if (typeof status !== 'object' || status === null || Array.isArray(status)) return status
  const s = status as Record<string, unknown>
  const out: Record<string, unknown> = {}
  for (const k of POD_STATUS_FIELDS) if (k in s) out[k] = s[k]
  for (const k of Object.keys(s)) if (!(k in out)) out[k] = s[k]
  return out
}

export function handlePodStatus(r: ResourceRequest, admission: AdmissionChain, store: ObjectStore): ApiResponse {
  const { info } = r
  const s = r.reg.strategy
  const old = r.reg.get(info.namespace, info.name)
  if (isStatus(old)) return respondStatus(old)
  if (info.verb === 'get') return respond(200, old)
  if (info.verb !== 'update' && info.verb !== 'patch') return respondStatus(newMethodNotSupported(s.resource, info.verb))
  if (typeof r.req.body !== 'object' || r.req.body === null || Array.isArray(r.req.body)) return respondStatus(newBadRequest('the body of the request was in an unknown format'))
  const uid = (r.req.body as Partial<KObject>).metadata?.uid
  if (uid && uid !== old.metadata.uid) {
    return respondStatus(newConflict(s.resource, info.name, `Precondition failed: UID in precondition: ${uid}, UID in object meta: ${old.metadata.uid}`))
  }
  const patched = info.verb === 'patch' ? applyPatch(r.req.headers['content-type'] ?? '', old, r.req.body) : r.req.body
  if (patched instanceof Error) return respondStatus(newBadRequest(patched.message))
  const body = patched as Partial<KObject>
  if (body.metadata?.name && body.metadata.name !== info.name) {
    return respondStatus(newBadRequest(`the name of the object (${body.metadata.name}) does not match the name on the URL (${info.name})`))
  }
  const rv = body.metadata?.resourceVersion
  if (rv && rv !== old.metadata.resourceVersion) return respondStatus(newConflict(s.resource, info.name, OPTIMISTIC_LOCK_ERROR_MSG))
  const obj: KObject = { ...old, status: inStructOrder(body.status), metadata: { ...old.metadata, resourceVersion: '' } }
  const attrs = { operation: 'UPDATE' as const, resource: s.resource, subresource: 'status', kind: s.kind, namespace: info.namespace, name: info.name, object: obj, oldObject: old, userInfo: r.user }
  const denied = admission.admit(attrs) ?? admission.validate(attrs)
  if (denied) return respondStatus(denied)
  const out = store.update('pods', obj)
  if (isStoreError(out)) return respondStatus(newConflict(s.resource, info.name, OPTIMISTIC_LOCK_ERROR_MSG))
  return respond(200, out)
}
