// GET pods/NAME/log: the container's output as text. The API server checks the container name and
// asks the pod's kubelet, which refuses a container that has not started (or has no previous instance).
// The lab's containers print nothing, so a started container's log is empty.
// Imitates: pkg/registry/core/pod/strategy.go (LogLocation, validateContainer) and
// pkg/kubelet/kubelet_pods.go (validateContainerLogStatus)

import { isStatus, newBadRequest, newMethodNotSupported } from '../../../common/apiErrors'
import type { ApiResponse } from '../types'
import { respondStatus } from './response'
import type { ResourceRequest } from './rest'

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>

const text = (body: string): ApiResponse => ({ status: 200, headers: { 'content-type': 'text/plain', 'cache-control': 'no-cache, private' }, body })

function kubeletCheck(pod: Obj, container: string, previous: boolean): string | undefined {
  const podName = pod.metadata.name
  const all = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])] as Obj[]
  const status = all.find((s) => s.name === container)
  if (!status) return undefined
  const { running, waiting, terminated } = status.state ?? {}
  const last = status.lastState?.terminated
  const where = `container "${container}" in pod "${podName}"`
  if (previous) return last?.containerID ? undefined : `previous terminated ${where} not found`
  if (running) return undefined
  if (terminated) return terminated.containerID || last?.containerID ? undefined : `${where} is terminated`
  if (last) return last.containerID ? undefined : `${where} is terminated`
  if (waiting) {
    if (waiting.reason === 'ErrImagePull') return `${where} is waiting to start: image can't be pulled`
    if (waiting.reason === 'ImagePullBackOff') return `${where} is waiting to start: trying and failing to pull image`
    return `${where} is waiting to start: ${waiting.reason ?? ''}`
  }
  return `${where} is waiting to start - no logs yet`
}

export function handlePodLog(r: ResourceRequest): ApiResponse {
  const { info, url } = r
  if (info.verb !== 'get') return respondStatus(newMethodNotSupported(r.reg.strategy.resource, info.verb))
  const pod = r.reg.get(info.namespace, info.name) as unknown
  if (isStatus(pod)) return respondStatus(pod)
  const p = pod as Obj
  const names = [...(p.spec?.containers ?? []), ...(p.spec?.initContainers ?? []), ...(p.spec?.ephemeralContainers ?? [])].map((c: Obj) => String(c.name))
  let container = url.query.get('container') ?? ''
  if (!container) {
    const main = (p.spec?.containers ?? []) as Obj[]
    if (main.length === 0) return respondStatus(newBadRequest(`a container name must be specified for pod ${p.metadata.name}`))
    if (main.length > 1) return respondStatus(newBadRequest(`a container name must be specified for pod ${p.metadata.name}, choose one of: [${names.join(' ')}]`))
    container = main[0].name
  } else if (!names.includes(container)) {
    return respondStatus(newBadRequest(`container ${container} is not valid for pod ${p.metadata.name}`))
  }
  // no node yet: no location, an empty stream
  if (!p.spec?.nodeName) return text('')
  const refused = kubeletCheck(p, container, url.query.get('previous') === 'true')
  return refused ? respondStatus(newBadRequest(refused)) : text('')
}
