// k8s.io/apimachinery/pkg/util/duration/duration.go (and printers.go translateTimestampSince)

const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE

/** Go's int(x) of a float: truncation toward zero. */
function trunc(x: number): number {
  return Math.trunc(x)
}

/** HumanDuration: a human-readable approximation of a duration (kubectl's AGE column). */
export function humanDuration(ms: number): string {
  const seconds = trunc(ms / SECOND)
  if (seconds < -1) return '<invalid>'
  if (seconds < 0) return '0s'
  if (seconds < 60 * 2) return `${seconds}s`
  const minutes = trunc(ms / MINUTE)
  if (minutes < 10) {
    const s = trunc(ms / SECOND) % 60
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`
  }
  if (minutes < 60 * 3) return `${minutes}m`
  const hours = trunc(ms / HOUR)
  if (hours < 8) {
    const m = trunc(ms / MINUTE) % 60
    return m === 0 ? `${hours}h` : `${hours}h${m}m`
  }
  if (hours < 48) return `${hours}h`
  if (hours < 24 * 8) {
    const h = hours % 24
    return h === 0 ? `${trunc(hours / 24)}d` : `${trunc(hours / 24)}d${h}h`
  }
  if (hours < 24 * 365 * 2) return `${trunc(hours / 24)}d`
  if (hours < 24 * 365 * 8) {
    const dy = trunc(hours / 24) % 365
    const y = trunc(hours / 24 / 365)
    return dy === 0 ? `${y}y` : `${y}y${dy}d`
  }
  return `${trunc(hours / 24 / 365)}y`
}

/** ShortHumanDuration: a coarser form (one unit only). */
export function shortHumanDuration(ms: number): string {
  const seconds = trunc(ms / SECOND)
  if (seconds < -1) return '<invalid>'
  if (seconds < 0) return '0s'
  if (seconds < 60) return `${seconds}s`
  const minutes = trunc(ms / MINUTE)
  if (minutes < 60) return `${minutes}m`
  const hours = trunc(ms / HOUR)
  if (hours < 24) return `${hours}h`
  if (hours < 24 * 365) return `${trunc(hours / 24)}d`
  return `${trunc(ms / HOUR / 24 / 365)}y`
}

/** translateTimestampSince: `<unknown>` for a missing (zero) timestamp, else HumanDuration(now - t). */
export function translateTimestampSince(rfc3339: string | undefined, nowMs: number): string {
  if (!rfc3339) return '<unknown>'
  const t = Date.parse(rfc3339)
  if (Number.isNaN(t)) return '<unknown>'
  return humanDuration(nowMs - t)
}
