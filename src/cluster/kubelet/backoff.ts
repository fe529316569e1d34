// The kubelet's two back-offs as arithmetic on lab time: the image puller's and the container
// restarts' (CrashLoopBackOff). Both are a flowcontrol.Backoff without jitter: the first period is
// 10 s, each Next doubles it, capped at 300 s; an entry not updated for twice the cap starts over.
// Imitates: k8s.io/client-go/util/flowcontrol/backoff.go (Next, IsInBackOffSince, hasExpired),
// pkg/kubelet/kubelet.go (imageBackOffPeriod, MaxImageBackOff, initialCrashLoopBackOff,
// MaxContainerBackOff) and pkg/kubelet/kuberuntime/kuberuntime_manager.go (doBackOff).

/** kubelet.go: imageBackOffPeriod and initialCrashLoopBackOff (both 10 s). */
export const INITIAL_BACKOFF_MS = 10_000
/** kubelet.go: MaxImageBackOff and MaxContainerBackOff (both 300 s). */
export const MAX_BACKOFF_MS = 300_000
/** flowcontrol hasExpired: an entry older than twice the cap is forgotten. */
export const BACKOFF_EXPIRY_MS = 2 * MAX_BACKOFF_MS
/**
 * The lab's kubelet syncs a pod one second after a container exits (the PLEG relists every
 * second) and writes the failed pull, then the back-off, one second apart.
 */
export const SYNC_AFTER_MS = 1000

/** The back-off after the n-th Next (n >= 1): 10 s, 20 s, 40 s, 80 s, 160 s, 300 s, 300 s, ... */
export function backoffAfter(n: number): number {
  if (n <= 1) return INITIAL_BACKOFF_MS
  if (n >= 7) return MAX_BACKOFF_MS
  return Math.min(INITIAL_BACKOFF_MS * 2 ** (n - 1), MAX_BACKOFF_MS)
}

/**
 * The wait before restart number r (r >= 1) of a container that runs `runMs` each time:
 * doBackOff finds no entry at the first exit (restart at once, Next sets 10 s), then waits the
 * current period and doubles it. A run longer than twice the cap expires the entry: at once again.
 */
export function restartDelay(r: number, runMs: number): number {
  if (r <= 1 || runMs > BACKOFF_EXPIRY_MS) return 0
  return backoffAfter(r - 1)
}

/** Go's time.Duration String for whole seconds: 10s, 1m20s, 2m40s, 5m0s. */
export function goSeconds(ms: number): string {
  const s = Math.floor(ms / 1000)
  if (s < 60) return `${s}s`
  const m = Math.floor(s / 60)
  if (m < 60) return `${m}m${s % 60}s`
  return `${Math.floor(m / 60)}h${m % 60}m${s % 60}s`
}
