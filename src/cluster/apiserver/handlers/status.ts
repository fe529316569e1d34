// The status subresource of pods: read the pod, or replace its status (what a kubelet writes).
// The spec and metadata stay as stored; the resourceVersion precondition holds if one is sent.
// Imitates: pkg/registry/core/pod/storage/storage.go (StatusREST) and pkg/registry/core/pod/strategy.go
// (podStatusStrategy.PrepareForUpdate: only status changes)

import { isStatus, newBadRequest, newConflict, newMethodNotSupported } from '../../api/errors'
import type { KObject } from '../../api/meta'
import { isStoreError, type ObjectStore } from '../../store/store'
import type { AdmissionChain } from '../admission/interfaces'
import type { ApiResponse } from '../types'
import type { ResourceRequest } from './rest'
import { respond, respondStatus } from './response'

const OPTIMISTIC_LOCK = 'the object has been modified; please apply your changes to the latest version and try again'

export function handlePodStatus(r: ResourceRequest, admission: AdmissionChain, store: ObjectStore): ApiResponse {
  const { info } = r
  const s = r.reg.strategy
  const old = r.reg.get(info.namespace, info.name)
  if (isStatus(old)) return respondStatus(old)
  if (info.verb === 'get') return respond(200, old)
  if (info.verb !== 'update') return respondStatus(newMethodNotSupported(s.resource, info.verb))
  const body = r.req.body as Partial<KObject> | undefined
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return respondStatus(newBadRequest('the body of the request was in an unknown format'))
  if (body.metadata?.name && body.metadata.name !== info.name) {
    return respondStatus(newBadRequest(`the name of the object (${body.metadata.name}) does not match the name on the URL (${info.name})`))
  }
  const rv = body.metadata?.resourceVersion
  if (rv && rv !== old.metadata.resourceVersion) return respondStatus(newConflict(s.resource, info.name, OPTIMISTIC_LOCK))
  const obj: KObject = { ...old, status: body.status, metadata: { ...old.metadata, resourceVersion: '' } }
  const attrs = { operation: 'UPDATE' as const, resource: s.resource, subresource: 'status', kind: s.kind, namespace: info.namespace, name: info.name, object: obj, oldObject: old, userInfo: r.user }
  const denied = admission.admit(attrs) ?? admission.validate(attrs)
  if (denied) return respondStatus(denied)
  const out = store.update('pods', obj)
  if (isStoreError(out)) return respondStatus(newConflict(s.resource, info.name, OPTIMISTIC_LOCK))
  return respond(200, out)
}
