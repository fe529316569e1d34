// GET pods/NAME/log: the container's output as text. The API server checks the container name and
// asks the pod's kubelet, which refuses a container that has not started (or has no previous instance).
// A container's output is what its main process printed, when the lab ran it: as the container
// started (a program that ends at once, or a script's opening: kubelet/exec/exec.ts
// runMainProcess), or part by part over lab time (a script that sleeps between its commands:
// kubelet/scriptSteps.ts); every other container's log is empty. Each line has the time it was
// written. The kubelet reads it as its log files are read: the last tailLines
// lines, those written since sinceSeconds or sinceTime, each with its time with timestamps, at
// most limitBytes bytes.
// Imitates: pkg/registry/core/pod/strategy.go (LogLocation, validateContainer),
// pkg/kubelet/kubelet_pods.go (validateContainerLogStatus) and
// pkg/kubelet/kuberuntime/logs/logs.go (ReadLogs)

import { isStatus, newBadRequest, newMethodNotSupported } from '../../../common/apiErrors'
import { sliceBytes } from '../../../common/bytes'
import { textLines } from '../../../common/textLines'
import type { ApiResponse } from '../types'
import { respondStatus } from './response'
import type { ResourceRequest } from './rest'
import type { SubresourceDeps } from './subresources'

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

/** Go's time.RFC3339Nano of a lab time (ms): trailing zeros of the fraction dropped, as Format does. */
export function rfc3339Nano(ms: number): string {
  const iso = new Date(Math.floor(ms)).toISOString()
  return iso.replace(/\.(\d{3})Z$/, (_, f: string) => (f === '000' ? 'Z' : `.${f.replace(/0+$/, '')}Z`))
}

/** The query's positive integer `name`, if it has one. */
function count(q: URLSearchParams, name: string): number | undefined {
  const v = q.get(name)
  return v !== null && /^\d+$/.test(v) ? Number(v) : undefined
}

/** ReadLogs over a log's entries, each line written at its entry's `writtenAt`. */
export function readLog(log: readonly { text: string; writtenAt: number }[], q: URLSearchParams, now: number): string {
  let lines = log.flatMap((e) => textLines(e.text).map((text) => ({ text, at: e.writtenAt })))
  const tail = count(q, 'tailLines')
  if (tail !== undefined) lines = tail === 0 ? [] : lines.slice(-tail)
  const sinceSeconds = count(q, 'sinceSeconds')
  const sinceTime = q.get('sinceTime')
  const since = sinceSeconds !== undefined ? now - sinceSeconds * 1000 : sinceTime !== null ? Date.parse(sinceTime) : undefined
  if (since !== undefined) lines = lines.filter((l) => l.at >= since)
  const stamps = q.get('timestamps') === 'true'
  const out = lines.map((l) => (stamps ? `${rfc3339Nano(l.at)} ${l.text}` : l.text)).join('')
  const limit = count(q, 'limitBytes')
  return limit === undefined ? out : sliceBytes(out, 0, limit)
}

export function handlePodLog(r: ResourceRequest, d: Pick<SubresourceDeps, 'containerLog'>, now: number): ApiResponse {
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
  const previous = url.query.get('previous') === 'true'
  const refused = kubeletCheck(p, container, previous)
  if (refused) return respondStatus(newBadRequest(refused))
  const log = d.containerLog?.(p.spec.nodeName, p.metadata.uid, container, previous)
  return text(log ? readLog(log, url.query, now) : '')
}
