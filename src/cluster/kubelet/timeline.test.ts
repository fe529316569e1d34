// The container state machine against the back-off of the Kubernetes sources (see backoff.test.ts
// for the constants): pull attempts 10 s, 20 s, 40 s, 80 s, 160 s, 300 s apart after each failure
// (image_manager.go: Next on failure, IsInBackOffSinceUpdate before the next pull); runs restarted
// by restartPolicy (pkg/kubelet/container/helpers.go ShouldContainerBeRestarted: Always always,
// OnFailure on a non-zero exit, Never never) after the CrashLoopBackOff wait.
import { describe, expect, it } from 'vitest'
import { pullAttemptAt, pullAttemptIndex, pullStateAt, runStartAt, runStateAt, PULL_FAIL_MS } from './timeline'

const T = 1_000_000_000_000
const s = (ms: number) => (ms - T) / 1000

describe('failing pulls', () => {
  it('pulls again 1 s (the failing pull) + 10, 20, 40, 80, 160, 300, 300 s later', () => {
    const starts = [0, 1, 2, 3, 4, 5, 6, 7, 8].map((k) => s(pullAttemptAt(T, k)))
    const gaps = starts.slice(1).map((x, i) => x - starts[i] - PULL_FAIL_MS / 1000)
    expect(gaps).toEqual([10, 20, 40, 80, 160, 300, 300, 300])
  })

  it('finds the attempt of any moment, also a year later, in agreement with the step-by-step sum', () => {
    for (const k of [0, 1, 4, 5, 6, 7, 50, 104_000]) {
      expect(pullAttemptIndex(T, pullAttemptAt(T, k))).toBe(k)
      expect(pullAttemptIndex(T, pullAttemptAt(T, k + 1) - 1)).toBe(k)
    }
  })

  it('shows ContainerCreating during the first pull, ErrImagePull when it fails, ImagePullBackOff a sync later', () => {
    expect(pullStateAt(T, T + 500).reason).toBeUndefined()
    expect(pullStateAt(T, T + 1000)).toMatchObject({ reason: 'ErrImagePull', attempts: 1, failures: 1, backoffs: 0, last: T + 1000, next: T + 2000 })
    expect(pullStateAt(T, T + 2000)).toMatchObject({ reason: 'ImagePullBackOff', failures: 1, backoffs: 1, last: T + 2000, next: T + 11_000 })
    // second attempt at 11 s: the status keeps ImagePullBackOff until it fails at 12 s
    expect(pullStateAt(T, T + 11_500)).toMatchObject({ reason: 'ImagePullBackOff', attempts: 2, failures: 1, next: T + 12_000 })
    expect(pullStateAt(T, T + 12_000)).toMatchObject({ reason: 'ErrImagePull', attempts: 2, failures: 2 })
  })
})

describe('runs that end', () => {
  const sleep5 = { exitMs: 5000, code: 0 }
  const exit1 = { exitMs: 2000, code: 1 }

  it('Never: Terminated Completed after the run, nothing more', () => {
    expect(runStateAt(T, sleep5, 'Never', T + 4999)).toMatchObject({ kind: 'running', restartCount: 0, next: T + 5000 })
    const done = runStateAt(T, sleep5, 'Never', T + 86_400_000)
    expect(done).toMatchObject({ kind: 'terminated', restartCount: 0, current: { startedAt: T, finishedAt: T + 5000, exitCode: 0 }, next: undefined })
  })

  it('OnFailure: a zero exit is not restarted, a non-zero exit is', () => {
    expect(runStateAt(T, sleep5, 'OnFailure', T + 60_000)).toMatchObject({ kind: 'terminated', restartCount: 0 })
    expect(runStateAt(T, exit1, 'OnFailure', T + 60_000).restartCount).toBeGreaterThan(0)
  })

  it('Always: restart 1 a sync after the exit, then waits of 10 s, 20 s, 40 s ... 300 s after each exit', () => {
    const starts = [0, 1, 2, 3, 4, 5, 6, 7, 8].map((k) => s(runStartAt(T, exit1, k)))
    const waits = starts.slice(1).map((x, i) => x - starts[i] - 2)
    expect(waits).toEqual([1, 10, 20, 40, 80, 160, 300, 300])
  })

  it('walks Terminated -> Running -> Terminated -> CrashLoopBackOff with restartCount and lastState', () => {
    expect(runStateAt(T, exit1, 'Always', T + 2000)).toMatchObject({ kind: 'terminated', restartCount: 0, next: T + 3000 })
    const r1 = runStateAt(T, exit1, 'Always', T + 3000)
    expect(r1).toMatchObject({ kind: 'running', restartCount: 1, current: { startedAt: T + 3000 }, previous: { finishedAt: T + 2000 }, starts: 2 })
    expect(runStateAt(T, exit1, 'Always', T + 5000)).toMatchObject({ kind: 'terminated', restartCount: 1, next: T + 6000 })
    const b = runStateAt(T, exit1, 'Always', T + 6000)
    expect(b).toMatchObject({ kind: 'backoff', restartCount: 1, backoffMs: 10_000, previous: { finishedAt: T + 5000 }, backoffs: 1, next: T + 15_000 })
    expect(runStateAt(T, exit1, 'Always', T + 15_000)).toMatchObject({ kind: 'running', restartCount: 2, backoffs: 1 })
  })

  it('after a year: the count of restarts from the formula (7 ramp-up restarts, then one per 302 s)', () => {
    const year = 365 * 86_400_000
    const st = runStateAt(T, exit1, 'Always', T + year)
    const late = runStartAt(T, exit1, 7)
    expect(st.restartCount).toBe(7 + Math.floor((T + year - late) / 302_000))
    expect(st.backoffs).toBe(st.kind === 'backoff' ? st.restartCount : st.restartCount - 1)
  })
})
