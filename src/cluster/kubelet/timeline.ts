// A container's life as a function of lab time: failing image pulls (ErrImagePull, then
// ImagePullBackOff, pulls again after 10 s, 20 s, ... 300 s) and runs that end (Terminated, then
// restarted by restartPolicy after the CrashLoopBackOff wait). Nothing is stepped: the state at
// any moment, the last and next transitions and how often each event has happened are computed
// from the start and the back-off, so a year of lab time costs one sync per pod.
// Imitates: pkg/kubelet/images/image_manager.go (EnsureImageExists back-off),
// pkg/kubelet/kuberuntime/kuberuntime_manager.go (computePodActions, doBackOff) and
// pkg/kubelet/container/helpers.go (ShouldContainerBeRestarted).

import { restartDelay, SYNC_AFTER_MS } from './backoff'
import type { Exit } from './program'

export type RestartPolicy = 'Always' | 'OnFailure' | 'Never'

/** How long a pull of a missing image takes to fail (the registry's 401/404). */
export const PULL_FAIL_MS = 1000

/** Sum of backoffAfter(1..k): 10 s (2^k - 1) up to k = 5, then 300 s per step. */
function backoffSum(k: number): number {
  if (k <= 0) return 0
  if (k <= 5) return 10_000 * (2 ** k - 1)
  return 310_000 + (k - 5) * 300_000
}

// ---- failing pulls: attempt k starts at P_k, fails at P_k + 1 s, backs off from P_k + 2 s ----

export function pullAttemptAt(from: number, k: number): number {
  return from + k * PULL_FAIL_MS + backoffSum(k)
}

/** The last pull attempt started at or before t (t >= from). */
export function pullAttemptIndex(from: number, t: number): number {
  const late = pullAttemptAt(from, 5)
  let k = t >= late ? 5 + Math.floor((t - late) / (PULL_FAIL_MS + 300_000)) : 0
  while (k > 0 && pullAttemptAt(from, k) > t) k--
  while (pullAttemptAt(from, k + 1) <= t) k++
  return k
}

export interface PullState {
  /** Waiting reason to show (undefined while the first pull runs: ContainerCreating). */
  reason?: 'ErrImagePull' | 'ImagePullBackOff'
  attempts: number
  failures: number
  backoffs: number
  /** When the state last changed (a transition at or before t) and when it next changes. */
  last: number
  next: number
}

export function pullStateAt(from: number, t: number): PullState {
  const k = pullAttemptIndex(from, t)
  const p = pullAttemptAt(from, k)
  const failed = p + PULL_FAIL_MS
  const backoff = failed + SYNC_AFTER_MS
  const failures = k + (t >= failed ? 1 : 0)
  const backoffs = k + (t >= backoff ? 1 : 0)
  const reason = t >= backoff ? 'ImagePullBackOff' : t >= failed ? 'ErrImagePull' : k > 0 ? 'ImagePullBackOff' : undefined
  const last = t >= backoff ? backoff : t >= failed ? failed : p
  const next = t >= backoff ? pullAttemptAt(from, k + 1) : t >= failed ? backoff : failed
  return { reason, attempts: k + 1, failures, backoffs, last, next }
}

// ---- runs: run k starts at S_k and ends at S_k + runMs ----

export function restarts(policy: RestartPolicy, code: number): boolean {
  return policy === 'Always' || (policy === 'OnFailure' && code !== 0)
}

/** The pause between the end of run r-1 and restart r: the kubelet's sync, or the back-off. */
function gap(r: number, runMs: number): number {
  return Math.max(SYNC_AFTER_MS, restartDelay(r, runMs))
}

function gapSum(k: number, runMs: number): number {
  if (k <= 0) return 0
  if (restartDelay(2, runMs) === 0) return k * SYNC_AFTER_MS
  return SYNC_AFTER_MS + backoffSum(k - 1)
}

export function runStartAt(from: number, exit: Exit, k: number): number {
  return from + k * exit.exitMs + gapSum(k, exit.exitMs)
}

function runIndex(from: number, exit: Exit, t: number): number {
  const period = exit.exitMs + gap(7, exit.exitMs)
  const late = runStartAt(from, exit, 7)
  let k = t >= late ? 7 + Math.floor((t - late) / period) : 0
  while (k > 0 && runStartAt(from, exit, k) > t) k--
  while (runStartAt(from, exit, k + 1) <= t) k++
  return k
}

export interface Run { index: number; startedAt: number; finishedAt: number; exitCode: number }

export interface RunState {
  kind: 'running' | 'terminated' | 'backoff'
  /** Restarts so far (restartCount). */
  restartCount: number
  current: Run
  /** The run before (lastState), if any. */
  previous?: Run
  /** The CrashLoopBackOff wait being served (kind backoff). */
  backoffMs?: number
  /** Starts so far (Created/Started events) and back-off syncs so far (BackOff events). */
  starts: number
  backoffs: number
  /** When the first back-off began (the BackOff event's firstTimestamp). */
  firstBackoffAt?: number
  last: number
  /** undefined: nothing more happens (a pod that has finished). */
  next?: number
}

export function runStateAt(from: number, exit: Exit, policy: RestartPolicy, t: number): RunState {
  const again = restarts(policy, exit.code)
  const k = again ? runIndex(from, exit, t) : 0
  const run = (i: number): Run => {
    const s = runStartAt(from, exit, i)
    return { index: i, startedAt: s, finishedAt: s + exit.exitMs, exitCode: exit.code }
  }
  const current = run(k)
  const previous = k > 0 ? run(k - 1) : undefined
  const waits = gap(2, exit.exitMs) > SYNC_AFTER_MS
  const synced = current.finishedAt + SYNC_AFTER_MS
  const restartAt = again ? runStartAt(from, exit, k + 1) : undefined
  const firstBackoffAt = waits ? run(1).finishedAt + SYNC_AFTER_MS : undefined
  const base = { restartCount: k, current, starts: k + 1, firstBackoffAt }
  const earlier = waits ? Math.max(0, k - 1) : 0
  if (t < current.finishedAt) {
    return { ...base, kind: 'running', previous, backoffs: earlier, last: current.startedAt, next: current.finishedAt }
  }
  if (!again || t < synced || restartAt === synced) {
    return { ...base, kind: 'terminated', previous, backoffs: earlier, last: current.finishedAt, next: again ? (restartAt === synced ? restartAt : synced) : undefined }
  }
  return { ...base, kind: 'backoff', previous: current, backoffMs: restartDelay(k + 1, exit.exitMs), backoffs: earlier + 1, last: synced, next: restartAt }
}

/** Whether a container's process is running at t (exec finds only running containers). */
export function runningAt(c: { startedAt?: number; pullFrom?: number; exit?: Exit }, policy: RestartPolicy, t: number): boolean {
  if (c.pullFrom !== undefined || c.startedAt === undefined) return false
  return !c.exit || runStateAt(c.startedAt, c.exit, policy, t).kind === 'running'
}
