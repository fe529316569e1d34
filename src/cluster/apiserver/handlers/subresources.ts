// Subresources: pods/exec and pods/attach (handed to the pod's kubelet) and serviceaccounts/token (TokenRequest).
// Imitates: pkg/registry/core/pod/rest/subresources.go (ExecREST), pkg/registry/core/pod/strategy.go (ExecLocation)
// and pkg/registry/core/serviceaccount/storage/token.go (TokenREST)

import { isStatus, newBadRequest, newPathNotFound } from '../../../common/apiErrors'
import type { Pod } from '../../api/core'
import type { AdmissionChain, AdmissionAttributes } from '../admission/interfaces'
import type { ExecResult, Status } from '../types'
import type { ApiResponse } from '../types'
import type { KObject } from '../../api/meta'
import type { TokenRequestArgs, TokenRequestResult } from '../../serviceaccount/tokenrequest'
import { nodeIdentity } from '../authorization/nodeIdentifier'
import { isRegistryOf } from '../registry/store'
import type { ResourceRequest } from './rest'
import { respond, respondStatus } from './response'

export interface SubresourceDeps {
  admission: AdmissionChain
  /** The kubelet of a node, if that node runs one. */
  exec(node: string, namespace: string, pod: string, container: string | undefined, command: string[], io?: { stdin?: string; tty?: boolean }): Promise<ExecResult | Status | undefined>
  tokenRequest(args: TokenRequestArgs): Promise<TokenRequestResult>
  /** pods/attach, by the kubelet of the pod's node (Kubelet.attach); absent: no kubelet answers. */
  attach?(node: string, namespace: string, pod: string, container: string, io: { tty: boolean }): Promise<ExecResult | Status | undefined>
  /** What a container printed, from the kubelet of its node (Kubelet.containerLog); absent: no kubelet answers. */
  containerLog?(node: string, podUID: string, container: string, previous: boolean): { text: string; writtenAt: number }[] | undefined
}

function subAttrs(r: ResourceRequest, operation: 'CONNECT' | 'CREATE', kind: string, object?: KObject): AdmissionAttributes {
  return {
    operation, resource: r.reg.strategy.resource, subresource: r.info.subresource, kind,
    namespace: r.info.namespace, name: r.info.name, userInfo: r.user, ...(object ? { object } : {}),
  }
}

/** ExecLocation's checks: the container must be named when the pod has several, and must exist. */
function execContainer(pod: Pod, requested: string | null): string | Status {
  const containers = pod.spec.containers ?? []
  const all = [...(pod.spec.initContainers ?? []), ...containers]
  if (!requested) {
    if (containers.length === 1) return containers[0].name
    return newBadRequest(`a container name must be specified for pod ${pod.metadata.name}, choose one of: [${containers.map((c) => c.name).join(' ')}]`)
  }
  if (!all.some((c) => c.name === requested)) return newBadRequest(`container ${requested} is not valid for pod ${pod.metadata.name}`)
  return requested
}

/**
 * A connect subresource of a pod (exec, attach): routed from the pods registry only, for an
 * existing pod, admitted as CONNECT with its options' kind, for a container it has.
 */
function connectTarget(r: ResourceRequest, d: SubresourceDeps, kind: string): { pod: Pod; container: string } | ApiResponse {
  if ((r.info.verb !== 'create' && r.info.verb !== 'get') || !isRegistryOf(r.reg, 'pods')) return respondStatus(newPathNotFound())
  const pod = r.reg.get(r.info.namespace, r.info.name)
  if (isStatus(pod)) return respondStatus(pod)
  const denied = d.admission.admit(subAttrs(r, 'CONNECT', kind))
  if (denied) return respondStatus(denied)
  const container = execContainer(pod, r.url.query.get('container'))
  return isStatus(container) ? respondStatus(container) : { pod, container }
}

/** The kubelet's answer (none: the pod has no node, or the node no kubelet). */
function kubeletAnswer(pod: Pod, out: ExecResult | Status | undefined): ApiResponse {
  if (out === undefined) return respondStatus(newBadRequest(`pod ${pod.metadata.name} does not have a host assigned`))
  return isStatus(out) ? respondStatus(out) : { status: 200, headers: { 'content-type': 'application/json' }, body: out }
}

export async function handleExec(r: ResourceRequest, d: SubresourceDeps): Promise<ApiResponse> {
  const t = connectTarget(r, d, 'PodExecOptions')
  if (!('pod' in t)) return t
  const { pod, container } = t
  const command = r.url.query.getAll('command')
  if (command.length === 0) return respondStatus(newBadRequest('you must specify at least 1 command'))
  if (!pod.spec.nodeName) return kubeletAnswer(pod, undefined)
  // stdin=true: what the client streams in (kubectl sends it as the body) reaches the process
  const stdin = r.url.query.get('stdin') === 'true' && typeof r.req.body === 'string' ? r.req.body : undefined
  return kubeletAnswer(pod, await d.exec(pod.spec.nodeName, r.info.namespace, r.info.name, container, command, { stdin, tty: r.url.query.get('tty') === 'true' }))
}

/** pods/attach: the pod's kubelet attaches the student's terminal to the container's main process. */
export async function handleAttach(r: ResourceRequest, d: SubresourceDeps): Promise<ApiResponse> {
  const t = connectTarget(r, d, 'PodAttachOptions')
  if (!('pod' in t)) return t
  const { pod, container } = t
  const node = pod.spec.nodeName
  return kubeletAnswer(pod, node ? await d.attach?.(node, r.info.namespace, r.info.name, container, { tty: r.url.query.get('tty') === 'true' }) : undefined)
}

export async function handleToken(r: ResourceRequest, d: SubresourceDeps): Promise<ApiResponse> {
  if (r.info.verb !== 'create') return respondStatus(newPathNotFound())
  const body = typeof r.req.body === 'object' && r.req.body !== null ? (r.req.body as KObject) : undefined
  const denied = d.admission.admit(subAttrs(r, 'CREATE', 'TokenRequest', body))
  if (denied) return respondStatus(denied)
  const out = await d.tokenRequest({
    namespace: r.info.namespace, serviceAccountName: r.info.name, body: r.req.body,
    source: nodeIdentity(r.user).isNode ? 'kubelet' : 'TokenRequest',
    ...(r.req.materialised ? { materialised: r.req.materialised } : {}),
  })
  return out.ok ? { ...respond(201, out.object), issued: { claims: out.claims } } : respondStatus(out.status)
}
