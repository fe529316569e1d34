// Imitates: kubernetes pkg/printers/internalversion/printers.go printPod (the STATUS and RESTARTS columns).

import { humanDuration } from './format'

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>

function initReason(pod: Obj): string | undefined {
  const statuses: Obj[] = pod.status?.initContainerStatuses ?? []
  const total = (pod.spec?.initContainers ?? []).length
  for (let i = 0; i < statuses.length; i++) {
    const s = statuses[i].state ?? {}
    if (s.terminated && s.terminated.exitCode === 0) continue
    if (s.terminated) {
      if (s.terminated.reason) return `Init:${s.terminated.reason}`
      return s.terminated.signal ? `Init:Signal:${s.terminated.signal}` : `Init:ExitCode:${s.terminated.exitCode}`
    }
    if (s.waiting?.reason && s.waiting.reason !== 'PodInitializing') return `Init:${s.waiting.reason}`
    return `Init:${i}/${total}`
  }
  return undefined
}

const initializedTrue = (pod: Obj) => (pod.status?.conditions ?? []).some((c: Obj) => c.type === 'Initialized' && c.status === 'True')

/** The STATUS column of `kubectl get pods`. */
export function podStatusReason(pod: Obj): string {
  const phase: string = pod.status?.phase ?? ''
  let reason = pod.status?.reason || phase
  for (const c of pod.status?.conditions ?? []) {
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated'
  }
  const init = initReason(pod)
  if (init !== undefined) reason = init
  if (init === undefined || initializedTrue(pod)) {
    let hasRunning = false
    const statuses: Obj[] = pod.status?.containerStatuses ?? []
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i]
      const s = c.state ?? {}
      if (s.waiting?.reason) reason = s.waiting.reason
      else if (s.terminated?.reason) reason = s.terminated.reason
      else if (s.terminated) reason = s.terminated.signal ? `Signal:${s.terminated.signal}` : `ExitCode:${s.terminated.exitCode}`
      else if (c.ready && s.running) hasRunning = true
    }
    if (reason === 'Completed' && hasRunning) {
      reason = (pod.status?.conditions ?? []).some((c: Obj) => c.type === 'Ready' && c.status === 'True') ? 'Running' : 'NotReady'
    }
  }
  if (pod.metadata?.deletionTimestamp && pod.status?.reason === 'NodeLost') reason = 'Unknown'
  else if (pod.metadata?.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating'
  return reason
}

/** The RESTARTS column: `N`, or `N (<age> ago)` after a restart. */
export function podRestarts(pod: Obj, now: number): string {
  let restarts = 0
  let last = 0
  const all: Obj[] = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])]
  for (const c of all) {
    restarts += c.restartCount ?? 0
    const finished = c.lastState?.terminated?.finishedAt
    if (finished) last = Math.max(last, Date.parse(finished))
  }
  if (restarts !== 0 && last > 0) return `${restarts} (${humanDuration(now - last)} ago)`
  return String(restarts)
}
