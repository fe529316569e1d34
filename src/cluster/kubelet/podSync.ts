// The kubelet's sync of a pod whose containers end or whose image cannot be pulled: the state of
// every container at the lab's now (timeline.ts), the events that happened since the last sync
// (counted up, as the recorder aggregates identical events), the status written when it changed,
// and one sync scheduled at the next transition. A long advance jumps to the last transition
// before its end (fastForward), so a year costs one sync per pod.
// Imitates: pkg/kubelet/kubelet.go SyncPod and kuberuntime_manager.go SyncPod (computePodActions,
// doBackOff, startContainer -> EnsureImageExists), much simplified.

import type { Container, Pod } from '../api/core'
import { Random } from '../random'
import { countPodEvent } from './events'
import { pullError } from './imageCatalog'
import { alreadyPresentMessage, pulledMessage, pullingMessage } from './images'
import { containerStatus, lifeStatus, type ContainerView } from './lifeStatus'
import { currentPod, type KubeletRuntime } from './runtime'
import type { ContainerRecord, PodRecord } from './state'
import { twoWayMergePatch, writeStatus } from './statusPatch'
import { PULL_FAIL_MS, pullAttemptAt, pullStateAt, runStartAt, runStateAt, type RestartPolicy } from './timeline'
import { goSeconds, SYNC_AFTER_MS } from './backoff'
import { KubeletWork } from './work'

/** Container IDs of later runs: derived from the first run's, stable. */
export function runContainerID(c: ContainerRecord, k: number): string {
  return k === 0 ? c.containerID : `containerd://${Random.fromSeed(`${c.containerID}/${k}`).hex(64)}`
}

/** image_manager.go imagePullPrecheck: the image is not on the node and may not be pulled. */
const neverPullMessage = (image: string) => `Container image "${image}" is not present with pull policy of Never`

/** format.Pod: `name_namespace(uid)`. */
const formatPod = (rec: PodRecord) => `${rec.name}_${rec.namespace}(${rec.uid})`

const policyOf = (pod: Pod) => (pod.spec.restartPolicy ?? 'Always') as RestartPolicy

/** The state of one container at `now`, with its last and next transition. */
function viewOf(rec: PodRecord, c: ContainerRecord, policy: RestartPolicy, now: number): { view: ContainerView; last?: number; next?: number } {
  if (c.neverPull) return { view: { kind: 'pull', reason: 'ErrImageNeverPull', message: neverPullMessage(c.image) } }
  if (c.pullFrom !== undefined) {
    const ps = pullStateAt(c.pullFrom, now)
    const view: ContainerView = ps.reason === undefined ? { kind: 'creating' }
      : { kind: 'pull', reason: ps.reason, message: ps.reason === 'ErrImagePull' ? pullError(c.image) : `Back-off pulling image "${c.image}"` }
    return { view, last: ps.last, next: ps.next }
  }
  if (c.startedAt === undefined) return { view: { kind: 'creating' } }
  if (!c.exit) return { view: { kind: 'running', run: { index: 0, startedAt: c.startedAt, finishedAt: Infinity, exitCode: 0 }, containerID: c.containerID, restartCount: 0 } }
  const rs = runStateAt(c.startedAt, c.exit, policy, now)
  const id = runContainerID(c, rs.current.index)
  const prevID = rs.previous ? runContainerID(c, rs.previous.index) : undefined
  const base = { restartCount: rs.restartCount, previous: rs.previous, previousID: prevID }
  const view: ContainerView = rs.kind === 'backoff'
    ? { kind: 'backoff', restartCount: rs.restartCount, previous: rs.current, previousID: id, message: `back-off ${goSeconds(rs.backoffMs ?? 0)} restarting failed container=${c.name} pod=${formatPod(rec)}` }
    : { kind: rs.kind, run: rs.current, containerID: id, ...base }
  return { view, last: rs.last, next: rs.next }
}

/** The events of one container up to `now`, each with how many times it has happened. */
async function recordEvents(rt: KubeletRuntime, rec: PodRecord, c: ContainerRecord, policy: RestartPolicy, now: number): Promise<void> {
  const n = c.name
  if (c.neverPull) {
    await countPodEvent(rt, rec, n, 'Warning', 'ErrImageNeverPull', neverPullMessage(c.image), 1)
    await countPodEvent(rt, rec, n, 'Warning', 'Failed', 'Error: ErrImageNeverPull', 1)
    return
  }
  if (c.pullFrom !== undefined) {
    const ps = pullStateAt(c.pullFrom, now)
    const failedAt = c.pullFrom + PULL_FAIL_MS
    const lastPull = pullAttemptAt(c.pullFrom, ps.attempts - 1)
    const lastFail = pullAttemptAt(c.pullFrom, ps.failures - 1) + PULL_FAIL_MS
    const lastBackoff = pullAttemptAt(c.pullFrom, ps.backoffs - 1) + PULL_FAIL_MS + SYNC_AFTER_MS
    await countPodEvent(rt, rec, n, 'Normal', 'Pulling', pullingMessage(c.image), ps.attempts, c.pullFrom, lastPull)
    await countPodEvent(rt, rec, n, 'Warning', 'Failed', `Failed to pull image "${c.image}": ${pullError(c.image)}`, ps.failures, failedAt, lastFail)
    await countPodEvent(rt, rec, n, 'Warning', 'Failed', 'Error: ErrImagePull', ps.failures, failedAt, lastFail)
    await countPodEvent(rt, rec, n, 'Normal', 'BackOff', `Back-off pulling image "${c.image}"`, ps.backoffs, failedAt + SYNC_AFTER_MS, lastBackoff)
    await countPodEvent(rt, rec, n, 'Warning', 'Failed', 'Error: ImagePullBackOff', ps.backoffs, failedAt + SYNC_AFTER_MS, lastBackoff)
    return
  }
  if (c.startedAt === undefined || !c.exit) return
  const rs = runStateAt(c.startedAt, c.exit, policy, now)
  if (rs.starts > 1) {
    const started = rs.current.startedAt
    const firstRestart = runStartAt(c.startedAt, c.exit, 1)
    if (c.pullAlways) {
      // imagePullPolicy Always: every restart pulls again (the lab's pulls take the same time)
      await countPodEvent(rt, rec, n, 'Normal', 'Pulling', pullingMessage(c.image), rs.starts, undefined, started)
      await countPodEvent(rt, rec, n, 'Normal', 'Pulled', pulledMessage(c.image), rs.starts, undefined, started)
    } else {
      const present = alreadyPresentMessage(c.image)
      await countPodEvent(rt, rec, n, 'Normal', 'Pulled', present, c.pulled ? rs.starts - 1 : rs.starts, c.pulled ? firstRestart : c.startedAt, started)
    }
    await countPodEvent(rt, rec, n, 'Normal', 'Created', 'Container created', rs.starts, c.startedAt, started)
    await countPodEvent(rt, rec, n, 'Normal', 'Started', 'Container started', rs.starts, c.startedAt, started)
  }
  // the latest back-off began a sync after the latest exit that was followed by one
  const lastBackoff = (rs.kind === 'backoff' ? rs.current.finishedAt : (rs.previous?.finishedAt ?? 0)) + SYNC_AFTER_MS
  await countPodEvent(rt, rec, n, 'Warning', 'BackOff', `Back-off restarting failed container ${n} in pod ${formatPod(rec)}`, rs.backoffs, rs.firstBackoffAt, lastBackoff)
}

/** Pulled, Created, Started of a container's first start, counted so that restarts add to them. */
export async function recordFirstStart(rt: KubeletRuntime, rec: PodRecord, c: ContainerRecord): Promise<void> {
  await countPodEvent(rt, rec, c.name, 'Normal', 'Pulled', c.pulled ? pulledMessage(c.image) : alreadyPresentMessage(c.image), 1)
  await countPodEvent(rt, rec, c.name, 'Normal', 'Created', 'Container created', 1)
  await countPodEvent(rt, rec, c.name, 'Normal', 'Started', 'Container started', 1)
}

function views(rec: PodRecord, pod: Pod, now: number) {
  const policy = policyOf(pod)
  const byName = new Map(rec.containers.map((c) => [c.name, c]))
  return (pod.spec.containers ?? []).flatMap((spec: Container) => {
    const c = byName.get(spec.name)
    return c ? [{ spec, c, ...viewOf(rec, c, policy, now) }] : []
  })
}

/** Schedule the pod's sync at `at` unless one is already due earlier. */
export function scheduleSync(rt: KubeletRuntime, uid: string, at: number): void {
  const mine = (w: { type: string; data: unknown }) => w.type === KubeletWork.syncPod && (w.data as { node: string; uid: string }).node === rt.node.name && (w.data as { uid: string }).uid === uid
  const pending = rt.ctx.clock.pending().find(mine)
  if (pending && pending.at <= at) return
  if (pending) rt.ctx.clock.cancel(mine)
  rt.ctx.clock.schedule(at, KubeletWork.syncPod, { node: rt.node.name, uid })
}

/** The sync: events, status, the next sync. */
export async function syncPod(rt: KubeletRuntime, rec: PodRecord): Promise<void> {
  const pod = currentPod(rt, rec)
  if (!pod || pod.metadata.deletionTimestamp || rec.phase === 'finished') return
  const now = rt.ctx.clock.now()
  const policy = policyOf(pod)
  const vs = views(rec, pod, now)
  for (const v of vs) await recordEvents(rt, rec, v.c, policy, now)
  const statuses = vs.map((v) => containerStatus(v.spec, v.view, v.c.imageID))
  const status = lifeStatus(pod, vs.map((v) => v.view), statuses, { hostIP: rt.node.internalIP, podIP: rec.ip, seen: rec.seenAt, now })
  const fresh = currentPod(rt, rec) ?? pod
  if (twoWayMergePatch(fresh.status ?? {}, status) !== undefined) await writeStatus(rt, fresh, status)
  if (status.phase === 'Succeeded' || status.phase === 'Failed') {
    rec.phase = 'finished'
    return
  }
  if (rec.phase === 'started' && vs.every((v) => v.c.startedAt !== undefined || v.c.pullFrom !== undefined)) rec.phase = 'running'
  let next = Math.min(...vs.map((v) => v.next ?? Infinity))
  if (!Number.isFinite(next)) return
  // inside a long advance: straight to the last transition before its end
  if (rt.horizon !== undefined && next < rt.horizon) next = Math.max(next, lastBefore(rec, pod, rt.horizon))
  scheduleSync(rt, rec.uid, next)
}

/** The last transition of a pod's containers at or before `until`. */
function lastBefore(rec: PodRecord, pod: Pod, until: number): number {
  return Math.max(...views(rec, pod, until).map((v) => v.last ?? -Infinity))
}

/** Before an advance to `until`: move each pending sync to the last transition at or before it. */
export function fastForward(rt: KubeletRuntime, until: number): void {
  const due = rt.ctx.clock.pending().filter((w) => w.type === KubeletWork.syncPod && w.data.node === rt.node.name && w.at < until)
  for (const w of due) {
    const rec = 'uid' in w.data ? rt.state.pods[w.data.uid] : undefined
    const pod = rec && currentPod(rt, rec)
    if (!rec || !pod || rec.phase === 'finished') continue
    const last = lastBefore(rec, pod, until)
    if (last <= w.at) continue
    const uid = rec.uid
    rt.ctx.clock.cancel((x) => x.type === KubeletWork.syncPod && 'uid' in x.data && x.data.uid === uid && x.data.node === rt.node.name)
    rt.ctx.clock.schedule(last, KubeletWork.syncPod, { node: rt.node.name, uid })
  }
}
