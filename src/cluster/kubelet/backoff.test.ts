// Expected values from the Kubernetes sources (release-1.35):
//  * pkg/kubelet/kubelet.go: imageBackOffPeriod = time.Second * 10, MaxImageBackOff = 300 * time.Second,
//    initialCrashLoopBackOff = time.Second * 10, MaxContainerBackOff = 300 * time.Second (the
//    ReduceDefaultCrashLoopBackOffDecay and KubeletCrashLoopBackOffMax gates are alpha, off).
//  * k8s.io/client-go/util/flowcontrol/backoff.go: Next sets the initial period for a new (or
//    expired) entry, else `delay := entry.backoff * 2` capped at maxDuration; hasExpired is
//    `eventTime.Sub(lastUpdate) > maxDuration*2`; NewBackOff has no jitter.
//  * pkg/kubelet/kuberuntime/kuberuntime_manager.go doBackOff: no entry at the first exit (restart
//    at once, then Next), later exits wait IsInBackOffSince(key, finishedAt) then Next.
import { describe, expect, it } from 'vitest'
import { backoffAfter, goSeconds, restartDelay, BACKOFF_EXPIRY_MS, INITIAL_BACKOFF_MS, MAX_BACKOFF_MS } from './backoff'

describe('kubelet back-off (flowcontrol.Backoff, 10 s doubling to 300 s)', () => {
  it('has the constants of kubelet.go', () => {
    expect(INITIAL_BACKOFF_MS).toBe(10_000)
    expect(MAX_BACKOFF_MS).toBe(300_000)
    expect(BACKOFF_EXPIRY_MS).toBe(600_000)
  })

  it('doubles from 10 s and stops at 300 s (image pulls: the wait after the n-th failure)', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 100].map(backoffAfter)).toEqual([10, 20, 40, 80, 160, 300, 300, 300, 300].map((s) => s * 1000))
  })

  it('restarts a crashed container at once the first time, then after 10 s, 20 s, ... 5 min', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map((r) => restartDelay(r, 2000) / 1000)).toEqual([0, 10, 20, 40, 80, 160, 300, 300, 300])
  })

  it('forgets the back-off when a run lasts more than twice the cap (hasExpired)', () => {
    expect(restartDelay(5, 600_000)).toBe(80_000)
    expect(restartDelay(5, 600_001)).toBe(0)
  })

  it('prints the wait as Go prints a time.Duration (the CrashLoopBackOff message)', () => {
    expect([10_000, 20_000, 40_000, 80_000, 160_000, 300_000].map(goSeconds)).toEqual(['10s', '20s', '40s', '1m20s', '2m40s', '5m0s'])
  })
})
