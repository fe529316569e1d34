// The pod status of a pod whose containers come and go: each container waiting (creating,
// ErrImagePull, ImagePullBackOff, CrashLoopBackOff), running or terminated, with lastState and
// restartCount; the phase from them; the conditions with their transition times kept while
// their status stays the same.
// Imitates: pkg/kubelet/kubelet_pods.go (getPhase, convertToAPIContainerStatuses) and
// pkg/kubelet/status/generate.go (PodCompleted / PodFailed / ContainersNotReady).

import type { Container, Pod, PodStatus } from '../api/core'
import { rfc3339 } from '../../common/time'
import { normalizeImage } from './images'
import { ROOT_SUPPLEMENTAL_GROUPS } from './podstatus'
import type { Run } from './timeline'

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>

/** One container's state as the sync computed it. */
export type ContainerView =
  | { kind: 'creating' }
  | { kind: 'pull'; reason: 'ErrImagePull' | 'ImagePullBackOff' | 'ErrImageNeverPull'; message: string }
  | { kind: 'running'; run: Run; containerID: string; previous?: Run; previousID?: string; restartCount: number }
  | { kind: 'terminated'; run: Run; containerID: string; previous?: Run; previousID?: string; restartCount: number }
  | { kind: 'backoff'; message: string; previous: Run; previousID: string; restartCount: number }

export function terminatedState(run: Run, containerID: string): Obj {
  return {
    terminated: {
      exitCode: run.exitCode, reason: run.exitCode === 0 ? 'Completed' : 'Error',
      startedAt: rfc3339(run.startedAt), finishedAt: rfc3339(run.finishedAt), containerID,
    },
  }
}

function mounts(c: Container): Obj {
  if (!c.volumeMounts?.length) return {}
  return { volumeMounts: c.volumeMounts.map((m) => ({ name: m.name, mountPath: m.mountPath, ...(m.readOnly ? { readOnly: true, recursiveReadOnly: 'Disabled' } : {}) })) }
}

export function containerStatus(c: Container, v: ContainerView, imageID: string): Obj {
  const image = c.image ?? ''
  if (v.kind === 'creating' || v.kind === 'pull') {
    const waiting = v.kind === 'creating' ? { reason: 'ContainerCreating' } : { reason: v.reason, message: v.message }
    return { name: c.name, state: { waiting }, lastState: {}, ready: false, restartCount: 0, image, imageID: '', started: false, ...mounts(c) }
  }
  const state = v.kind === 'running' ? { running: { startedAt: rfc3339(v.run.startedAt) } }
    : v.kind === 'terminated' ? terminatedState(v.run, v.containerID)
      : { waiting: { reason: 'CrashLoopBackOff', message: v.message } }
  const lastState = v.previous && v.previousID ? terminatedState(v.previous, v.previousID) : {}
  const containerID = v.kind === 'backoff' ? v.previousID : v.containerID
  return {
    name: c.name, state, lastState, ready: v.kind === 'running', restartCount: v.restartCount,
    image: normalizeImage(image), imageID, containerID, started: v.kind === 'running', resources: {}, ...mounts(c),
    user: { linux: { uid: 0, gid: 0, supplementalGroups: [...ROOT_SUPPLEMENTAL_GROUPS] } },
  }
}

/** getPhase: Pending while a container waits without having run; terminal by restartPolicy. */
export function podPhase(views: ContainerView[], policy: string): 'Pending' | 'Running' | 'Succeeded' | 'Failed' {
  let running = 0
  let stopped = 0
  let succeeded = 0
  let waiting = 0
  for (const v of views) {
    if (v.kind === 'running') running++
    else if (v.kind === 'terminated') {
      stopped++
      if (v.run.exitCode === 0) succeeded++
    } else if (v.kind === 'backoff') stopped++
    else waiting++
  }
  if (waiting > 0) return 'Pending'
  if (running > 0) return 'Running'
  if (stopped > 0) {
    if (policy === 'Always') return 'Running'
    if (stopped === succeeded) return 'Succeeded'
    if (policy === 'Never') return 'Failed'
    return 'Running'
  }
  return 'Pending'
}

function condition(old: PodStatus | undefined, type: string, gen: number, status: 'True' | 'False', now: string, reason?: string, message?: string, fixed?: string): Obj {
  const prev = (old?.conditions ?? []).find((c) => c.type === type) as Obj | undefined
  const at = fixed ?? (prev && prev.status === status ? prev.lastTransitionTime : now)
  return { type, observedGeneration: gen, status, lastProbeTime: null, lastTransitionTime: at, ...(reason ? { reason } : {}), ...(message ? { message } : {}) }
}

/** The whole status the kubelet writes at `now`. */
export function lifeStatus(pod: Pod, views: ContainerView[], statuses: Obj[], o: { hostIP: string; podIP?: string; seen: number; now: number }): Obj {
  const old = pod.status
  const gen = pod.metadata.generation ?? 1
  const now = rfc3339(o.now)
  const seen = rfc3339(o.seen)
  const phase = podPhase(views, pod.spec.restartPolicy ?? 'Always')
  const terminal = phase === 'Succeeded' || phase === 'Failed'
  const sandbox = !terminal && views.some((v) => v.kind !== 'creating')
  const unready = statuses.filter((s) => !s.ready).map((s) => s.name)
  const ready = unready.length === 0 && !terminal
  const why: [string | undefined, string | undefined] = terminal ? [phase === 'Failed' ? 'PodFailed' : 'PodCompleted', undefined]
    : ready ? [undefined, undefined] : ['ContainersNotReady', `containers with unready status: [${unready.join(' ')}]`]
  const scheduled = (old?.conditions ?? []).find((c) => c.type === 'PodScheduled')?.lastTransitionTime ?? seen
  return {
    observedGeneration: gen,
    phase,
    conditions: [
      condition(old, 'PodReadyToStartContainers', gen, sandbox ? 'True' : 'False', now),
      condition(old, 'Initialized', gen, 'True', now, phase === 'Succeeded' ? 'PodCompleted' : undefined, undefined, seen),
      condition(old, 'Ready', gen, ready ? 'True' : 'False', now, ...why),
      condition(old, 'ContainersReady', gen, ready ? 'True' : 'False', now, ...why),
      condition(old, 'PodScheduled', gen, 'True', now, undefined, undefined, scheduled),
    ],
    hostIP: o.hostIP,
    hostIPs: [{ ip: o.hostIP }],
    ...(o.podIP && views.some((v) => v.kind !== 'creating') ? { podIP: o.podIP, podIPs: [{ ip: o.podIP }] } : {}),
    startTime: seen,
    containerStatuses: statuses,
    ...(old?.qosClass ? { qosClass: old.qosClass } : {}),
  }
}
