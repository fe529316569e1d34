// Durations as the `lab` command takes them: 30s, 48m, 24h, 365d, and sums such as 1h30m.

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }

/** Milliseconds for `30s`, `48m`, `1h30m`, `365d`, `1.5h`; undefined if it is not such a duration. */
export function parseLabDuration(text: string): number | undefined {
  const s = text.trim()
  if (!/^(\d+(\.\d+)?(ms|s|m|h|d))+$/.test(s)) return undefined
  let total = 0
  for (const m of s.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)) total += Number(m[1]) * UNIT_MS[m[2]]
  return Math.round(total)
}

/** A duration the way `lab advance` reports it: `365d`, `1h30m`, `45s`. */
export function formatLabDuration(ms: number): string {
  let rest = Math.round(ms / 1000)
  if (rest === 0) return ms > 0 ? `${ms}ms` : '0s'
  const parts: string[] = []
  for (const [unit, size] of [['d', 86400], ['h', 3600], ['m', 60], ['s', 1]] as const) {
    const n = Math.floor(rest / size)
    if (n) parts.push(`${n}${unit}`)
    rest -= n * size
  }
  return parts.join('')
}
