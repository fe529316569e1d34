// The timeline's time axis: a view window [start, end] in lab milliseconds, mapped onto a width in
// pixels; zoom about an anchor, pan by a fraction, ticks at readable steps from seconds to months.

export interface TimeView {
  start: number
  end: number
}

export const SECOND = 1000
export const MINUTE = 60 * SECOND
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR
export const YEAR = 365 * DAY

/** The narrowest and widest views: ten seconds to three years. */
export const MIN_SPAN = 10 * SECOND
export const MAX_SPAN = 3 * YEAR

export const span = (v: TimeView) => v.end - v.start

/** x (px) of time t in a view drawn `width` pixels wide. */
export function toX(v: TimeView, width: number, t: number): number {
  return ((t - v.start) / (v.end - v.start)) * width
}

/** Time at x (px). */
export function toTime(v: TimeView, width: number, x: number): number {
  return v.start + (x / width) * (v.end - v.start)
}

function clampSpan(s: number): number {
  return Math.min(MAX_SPAN, Math.max(MIN_SPAN, s))
}

/** A view of the given span centred on t. */
export function centredOn(t: number, s: number): TimeView {
  const w = clampSpan(s)
  return { start: t - w / 2, end: t + w / 2 }
}

/**
 * Zoom by `factor` (< 1 zooms in, > 1 out) keeping `anchor` (default: the middle) at the same
 * place on screen. The span stays within [MIN_SPAN, MAX_SPAN].
 */
export function zoom(v: TimeView, factor: number, anchor = (v.start + v.end) / 2): TimeView {
  const s = span(v)
  const next = clampSpan(s * factor)
  const k = (anchor - v.start) / s
  const start = anchor - k * next
  return { start, end: start + next }
}

/** Pan by a fraction of the span (negative: to earlier times). */
export function pan(v: TimeView, fraction: number): TimeView {
  const d = span(v) * fraction
  return { start: v.start + d, end: v.end + d }
}

/** A view showing [from, to] with a margin on both sides (at least MIN_SPAN wide). */
export function fit(from: number, to: number, margin = 0.05): TimeView {
  const s = clampSpan(Math.max(to - from, 0) * (1 + 2 * margin))
  const mid = (from + to) / 2
  return { start: mid - s / 2, end: mid + s / 2 }
}

/** The view that follows the lab clock: `now` sits at `lead` of the width (past on the left). */
export function following(now: number, s: number, lead = 0.25): TimeView {
  const w = clampSpan(s)
  return { start: now - lead * w, end: now + (1 - lead) * w }
}

const STEPS = [
  SECOND, 5 * SECOND, 15 * SECOND, 30 * SECOND,
  MINUTE, 5 * MINUTE, 15 * MINUTE, 30 * MINUTE,
  HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR,
  DAY, 7 * DAY, 30 * DAY, 91 * DAY,
]

/** The smallest readable tick step that leaves at least `minPx` between ticks. */
export function tickStep(v: TimeView, width: number, minPx = 80): number {
  const perPx = span(v) / Math.max(width, 1)
  return STEPS.find((s) => s / perPx >= minPx) ?? 365 * DAY
}

export interface Tick {
  t: number
  label: string
}

const pad = (n: number) => String(n).padStart(2, '0')
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** A tick label in UTC, as precise as the step needs. */
export function tickLabel(t: number, step: number): string {
  const d = new Date(t)
  const hm = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
  if (step < MINUTE) return `${hm}:${pad(d.getUTCSeconds())}`
  if (step < DAY) return hm
  if (step < 30 * DAY) return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}`
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`
}

/** Ticks at multiples of the step (UTC midnight-aligned for days; 30-day steps from the epoch). */
export function ticks(v: TimeView, width: number, minPx = 80): Tick[] {
  const step = tickStep(v, width, minPx)
  const out: Tick[] = []
  const first = Math.ceil(v.start / step) * step
  for (let t = first; t <= v.end && out.length < 200; t += step) out.push({ t, label: tickLabel(t, step) })
  return out
}

/** A span in words: "90 min", "6 h", "3 d", "1.0 y". */
export function describeSpan(ms: number): string {
  if (ms < 2 * MINUTE) return `${Math.round(ms / SECOND)} s`
  if (ms < 3 * HOUR) return `${Math.round(ms / MINUTE)} min`
  if (ms < 3 * DAY) return `${Math.round(ms / HOUR)} h`
  if (ms < YEAR) return `${Math.round(ms / DAY)} d`
  return `${(ms / YEAR).toFixed(1)} y`
}

/** UTC time of day, "23:28:05". */
export function clockTime(t: number): string {
  const d = new Date(t)
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
}

/** UTC date, "2026-05-23". */
export function calendarDate(t: number): string {
  return new Date(t).toISOString().slice(0, 10)
}

/** "23:28:05 on 2026-05-23" (UTC), as mark names say it. */
export function when(t: number): string {
  return `${clockTime(t)} on ${calendarDate(t)}`
}
