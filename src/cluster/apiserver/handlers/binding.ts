// The binding subresource of pods: the scheduler's `POST pods/NAME/binding` sets the pod's node and
// its PodScheduled condition, once: a pod already on a node, or being deleted, is a Conflict.
// Imitates: pkg/registry/core/pod/storage/storage.go (BindingREST.Create, setPodNodeAndMetadata, assignPod)

import { newBadRequest, newConflict, newMethodNotSupported, newNotFound, OPTIMISTIC_LOCK_ERROR_MSG } from '../../../common/apiErrors'
import { rfc3339 } from '../../../common/time'
import type { PodCondition } from '../../api/core'
import type { ClusterContext } from '../../context'
import { isStoreError } from '../../store/store'
import type { ApiResponse } from '../types'
import type { ResourceRequest } from './rest'
import { respond, respondStatus } from './response'

const PODS = { group: '', resource: 'pods' }
const BINDING = { group: '', resource: 'pods/binding' }

interface Binding {
  metadata?: { name?: string; uid?: string; annotations?: Record<string, string> }
  target?: { kind?: string; name?: string }
}

export function handlePodBinding(r: ResourceRequest, ctx: ClusterContext): ApiResponse {
  const { info } = r
  if (info.verb !== 'create') return respondStatus(newMethodNotSupported(BINDING, info.verb))
  const body = r.req.body as Binding | undefined
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return respondStatus(newBadRequest('the body of the request was in an unknown format'))
  const node = body.target?.name ?? ''
  const p = ctx.store.get('pods', info.namespace, info.name)
  if (!p) return respondStatus(newNotFound(PODS, info.name))
  const uid = body.metadata?.uid
  if (uid && uid !== p.metadata.uid) {
    return respondStatus(newConflict(PODS, info.name, `Precondition failed: UID in precondition: ${uid}, UID in object meta: ${p.metadata.uid}`))
  }
  if (p.metadata.deletionTimestamp) return respondStatus(newConflict(BINDING, info.name, `pod ${info.name} is being deleted, cannot be assigned to a host`))
  if ((p.spec.nodeName ?? '') !== '') return respondStatus(newConflict(BINDING, info.name, `pod ${info.name} is already assigned to node ${JSON.stringify(p.spec.nodeName)}`))
  p.spec.nodeName = node
  if (body.metadata?.annotations) p.metadata.annotations = { ...p.metadata.annotations, ...body.metadata.annotations }
  // api.UpdatePodCondition: a new condition (or a changed status) takes the time of the change
  const scheduled: PodCondition = { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: rfc3339(ctx.clock.now()) }
  const conditions = (p.status?.conditions ?? []).filter((c) => c.type !== 'PodScheduled')
  p.status = { ...p.status, conditions: [...conditions, scheduled] }
  const out = ctx.store.update('pods', p)
  if (isStoreError(out)) return respondStatus(newConflict(BINDING, info.name, OPTIMISTIC_LOCK_ERROR_MSG))
  return respond(201, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 })
}
