// Formatting times for the decoder: durations in plain words, a moment relative to the lab
// clock ("in 47 min", "3 days ago"), in UTC and in the reader's local time zone.

import { rfc3339 } from '../../common/time'

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

/** A duration in words, at most two units: `47 min`, `1 h 0 min`, `364 days 23 h`, `12 s`. */
export function spanWords(ms: number): string {
  let s = Math.floor(Math.abs(ms) / 1000)
  const d = Math.floor(s / 86400)
  s -= d * 86400
  const h = Math.floor(s / 3600)
  s -= h * 3600
  const m = Math.floor(s / 60)
  s -= m * 60
  if (d) return h ? `${plural(d, 'day')} ${h} h` : plural(d, 'day')
  if (h) return `${h} h ${m} min`
  if (m) return s ? `${m} min ${s} s` : `${m} min`
  return `${s} s`
}

/** A duration with every unit down to seconds: `1 h 0 min 7 s`, `365 days`. */
export function spanExact(seconds: number): string {
  let s = Math.floor(Math.abs(seconds))
  const parts: string[] = []
  const d = Math.floor(s / 86400)
  s -= d * 86400
  const h = Math.floor(s / 3600)
  s -= h * 3600
  const m = Math.floor(s / 60)
  s -= m * 60
  if (d) parts.push(plural(d, 'day'))
  if (h || (d && (m || s))) parts.push(`${h} h`)
  if (m || ((d || h) && s)) parts.push(`${m} min`)
  if (s || parts.length === 0) parts.push(`${s} s`)
  return parts.join(' ')
}

/** `targetMs` relative to `nowMs`: `in 47 min`, `3 days ago`, `now` (within a second). */
export function relativeTo(targetMs: number, nowMs: number): string {
  const diff = targetMs - nowMs
  if (Math.abs(diff) < 1000) return 'now'
  return diff > 0 ? `in ${spanWords(diff)}` : `${spanWords(diff)} ago`
}

const pad = (n: number) => String(n).padStart(2, '0')

/** `2026-05-23 23:27:31 UTC` */
export function utcText(ms: number): string {
  const d = new Date(ms)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC`
}

/** RFC 3339 for a `<time dateTime>` attribute. */
export const isoText = rfc3339

/** The reader's local time, with the zone's name: `24 May 2026, 01:27:31 (Europe/Berlin)`. */
export function localText(ms: number, locale?: string, timeZone?: string): string {
  const fmt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium', ...(timeZone ? { timeZone } : {}) })
  const zone = fmt.resolvedOptions().timeZone ?? 'local'
  return `${fmt.format(new Date(ms))} (${zone})`
}

/** Unix seconds in a claim, if it is a usable number. */
export function claimSeconds(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= 1e11 ? v : undefined
}

/** `iat + 3607 s (1 h 0 min 7 s)`, `iat − 20 s (20 s)` */
export function offsetFromIat(seconds: number, iat: number): string {
  const d = seconds - iat
  if (d === 0) return 'the same moment as iat'
  const sign = d > 0 ? '+' : '−'
  return `iat ${sign} ${Math.abs(d)} s (${spanExact(d)})`
}
