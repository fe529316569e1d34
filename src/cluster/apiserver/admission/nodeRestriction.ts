// NodeRestriction: what a node may write even where the Node authorizer allows the verb. A node's
// token requests must be bound to a pod on that node (same uid), for at most one audience the pod
// uses; it may create only mirror pods, delete and update the status of only its own pods, and
// write only its own lease in kube-node-lease.
// Imitates: plugin/pkg/admission/noderestriction/admission.go (Plugin.Admit, admitServiceAccount,
// admitPod, admitPodStatus, admitPodEviction, admitLease; ServiceAccountNodeAudienceRestriction on)

import { newNotFound } from '../../../common/apiErrors'
import type { Pod } from '../../api/core'
import { authorizeRBAC } from '../../rbac/authorizer'
import { storeRbacSource } from '../../rbac/store'
import type { ClusterContext } from '../../context'
import type { Status } from '../types'
import { nodeIdentity } from '../authorization/nodeIdentifier'
import { admissionForbidden, isWriteOf, type AdmissionAttributes, type AdmissionPlugin } from './interfaces'
import { MIRROR_POD_ANNOTATION } from './serviceaccount'
import { NODE_LEASE_NAMESPACE } from '../../leases'

// the TokenRequest body is read as the client sent it (the lab decodes no schema for it)
type Obj = Record<string, unknown>
const asObj = (x: unknown): Obj => (typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Obj) : {})

/** The audiences of the pod's projected service-account token volumes ('' = the API server's). */
function podTokenAudiences(pod: Pod): string[] {
  const out: string[] = []
  for (const v of pod.spec.volumes ?? []) {
    for (const s of v.projected?.sources ?? []) {
      const t = s.serviceAccountToken
      if (t) out.push(t.audience ?? '')
    }
  }
  return out
}

function admitServiceAccountToken(node: string, a: AdmissionAttributes, ctx: ClusterContext): Status | undefined {
  if (a.operation !== 'CREATE' || a.subresource !== 'token') return undefined
  const spec = asObj(asObj(a.object).spec)
  const ref = spec.boundObjectRef as { apiVersion?: string; kind?: string; name?: string; uid?: string } | null | undefined
  if (!ref || ref.apiVersion !== 'v1' || ref.kind !== 'Pod' || !ref.name) return admissionForbidden(a, 'node requested token not bound to a pod')
  if (!ref.uid) return admissionForbidden(a, 'node requested token with a pod binding without a uid')
  const pod = ctx.store.get('pods', a.namespace, ref.name)
  if (!pod) return newNotFound({ group: '', resource: 'pods' }, ref.name)
  if (ref.uid !== pod.metadata.uid) {
    return admissionForbidden(a, `the UID in the bound object reference (${ref.uid}) does not match the UID in record. The object might have been deleted and then recreated`)
  }
  if (pod.spec.nodeName !== node) return admissionForbidden(a, 'node requested token bound to a pod scheduled on a different node')
  const audiences = Array.isArray(spec.audiences) ? (spec.audiences as string[]) : []
  if (audiences.length > 1) return admissionForbidden(a, 'node may only request 0 or 1 audiences')
  if (audiences.length === 1 && !podTokenAudiences(pod).includes(audiences[0])) {
    const aud = audiences[0]
    const allowed = authorizeRBAC(storeRbacSource(ctx.store), {
      user: a.userInfo, verb: 'request-serviceaccounts-token-audience', resourceRequest: true,
      namespace: a.namespace, apiGroup: '', resource: aud, name: a.name,
    }).decision === 'Allow'
    if (!allowed) {
      return admissionForbidden(a, `audience ${JSON.stringify(aud)} not found in pod spec volume, system:node:${node} is not authorized to request tokens for this audience`)
    }
  }
  return undefined
}

function admitPod(node: string, a: AdmissionAttributes): Status | undefined {
  // the pod itself or its status: the attributes carry Pods
  if (isWriteOf(a, 'pods')) return a.subresource === '' ? admitPodWrite(node, a) : admitPodStatus(node, a)
  if (a.subresource === 'eviction') return undefined
  return admissionForbidden(a, `unexpected pod subresource ${JSON.stringify(a.subresource)}, only 'status' and 'eviction' are allowed`)
}

function admitPodWrite(node: string, a: AdmissionAttributes & { object?: Pod; oldObject?: Pod }): Status | undefined {
  if (a.operation === 'CREATE') {
    const pod = a.object
    if (pod?.metadata.annotations?.[MIRROR_POD_ANNOTATION] === undefined) {
      return admissionForbidden(a, `pod does not have ${JSON.stringify(MIRROR_POD_ANNOTATION)} annotation, node ${JSON.stringify(node)} can only create mirror pods`)
    }
    if (pod.spec.nodeName !== node) return admissionForbidden(a, `node ${JSON.stringify(node)} can only create pods with spec.nodeName set to itself`)
    return undefined
  }
  if (a.operation === 'DELETE') {
    const old = a.oldObject
    if (old && old.spec.nodeName !== node) return admissionForbidden(a, `node ${JSON.stringify(node)} can only delete pods with spec.nodeName set to itself`)
    return undefined
  }
  return admissionForbidden(a, `unexpected operation ${JSON.stringify(a.operation)}, node ${JSON.stringify(node)} can only create and delete mirror pods`)
}

function admitPodStatus(node: string, a: AdmissionAttributes & { oldObject?: Pod }): Status | undefined {
  const old = a.oldObject
  if (!old || old.spec.nodeName !== node) return admissionForbidden(a, `node ${JSON.stringify(node)} can only update pod status for pods with spec.nodeName set to itself`)
  return undefined
}

/** admitLease: the node's own lease, in the namespace kept for node leases (on create, the name is the object's). */
function admitLease(node: string, a: AdmissionAttributes): Status | undefined {
  if (a.namespace !== NODE_LEASE_NAMESPACE) return admissionForbidden(a, `can only access leases in the ${JSON.stringify(NODE_LEASE_NAMESPACE)} system namespace`)
  const name = a.operation === 'CREATE' ? a.object?.metadata.name : a.name
  if (name !== node) return admissionForbidden(a, 'can only access node lease with the same name as the requesting node')
  return undefined
}

export const nodeRestriction: AdmissionPlugin = {
  name: 'NodeRestriction',
  admit(a, ctx) {
    const id = nodeIdentity(a.userInfo)
    if (!id.isNode) return undefined
    if (!id.name) return admissionForbidden(a, `could not determine node from user ${JSON.stringify(a.userInfo.username)}`)
    if (a.resource.group === 'coordination.k8s.io' && a.resource.resource === 'leases') return admitLease(id.name, a)
    if (a.resource.group !== '') return undefined
    if (a.resource.resource === 'serviceaccounts') return admitServiceAccountToken(id.name, a, ctx)
    if (a.resource.resource === 'pods') return admitPod(id.name, a)
    return undefined
  },
}
