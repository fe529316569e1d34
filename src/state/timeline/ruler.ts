// A token's lifecycle ruler: one token's life from iat to exp on a broken axis, so that the
// kubelet's refresh (80% of 3607 s, about 48 min), warnafter (1 h 7 s) and an exp a year away are
// all visible and distinct. Up to a little past the last of the early points the axis is linear
// ("to scale"); past the break it is logarithmic in the time since the break (1 day, 1 week,
// 30 days and the year each get room). Pure: positions, ticks with real UTC dates of the lab
// clock, mark labels placed in rows so that no two overlap, and the now line behind the marks.

import { calendarDate, clockTime, DAY, describeSpan, HOUR, MINUTE, SECOND, tickStep, when, type TimeView } from './scale'

export interface RulerToken {
  iat: number
  refresh?: number
  warnafter?: number
  exp?: number
  /** Its pod was gone: invalid from here. */
  invalidAt?: number
}

export interface RulerScale {
  iat: number
  /** Where the linear part ends (time) and its x (px). */
  breakT: number
  breakX: number
  /** The time at the right edge. */
  end: number
  width: number
  /** False when the whole ruler is linear (a short token). */
  broken: boolean
}

/** Share of the width for the linear part when the axis is broken. */
export const LINEAR_SHARE = 0.56
/** The linear part runs this much past the latest early point (refresh, warnafter, or now when close). */
const LINEAR_PAD = 1.2
/** Tokens living at most this long are drawn on a linear ruler. */
const LINEAR_MAX = 2 * DAY

/** The scale of a token's ruler `width` pixels wide, at lab time `now`. */
export function rulerScale(tok: RulerToken, now: number, width: number): RulerScale {
  const points = Math.max(tok.refresh ?? tok.iat, tok.warnafter ?? tok.iat)
  // now joins the linear part when it is close to the early points (the lesson's 49 min, 61 min)
  const early = now - tok.iat <= Math.max(points - tok.iat, HOUR) * 1.6 ? Math.max(points, now) : points
  const last = Math.max(tok.exp ?? now, tok.invalidAt ?? tok.iat, now, early)
  const life = last - tok.iat
  if (life <= LINEAR_MAX || early - tok.iat <= 0) {
    const end = tok.iat + Math.max(life * 1.04, MINUTE)
    return { iat: tok.iat, breakT: end, breakX: width, end, width, broken: false }
  }
  const breakT = tok.iat + Math.max((early - tok.iat) * LINEAR_PAD, 10 * MINUTE)
  return { iat: tok.iat, breakT, breakX: width * LINEAR_SHARE, end: last, width, broken: true }
}

/** x (px) of time t on the ruler; times outside [iat, end] are clamped to its ends. */
export function rulerX(s: RulerScale, t: number): number {
  if (t <= s.iat) return 0
  if (t <= s.breakT) return ((t - s.iat) / (s.breakT - s.iat)) * s.breakX
  if (t >= s.end) return s.width
  const unit = s.breakT - s.iat
  const k = Math.log1p((t - s.breakT) / unit) / Math.log1p((s.end - s.breakT) / unit)
  return s.breakX + k * (s.width - s.breakX)
}

export interface RulerTick {
  t: number
  x: number
  /** Time of day, or a date past the break. */
  label: string
  /** The date under a time-of-day label, where the date starts or changes. */
  date?: string
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const dayLabel = (t: number) => {
  const d = new Date(t)
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`
}

/** Ticks: round UTC times in the linear part (with the date where it starts or changes; `datePx` is a date's width), then days after iat past the break. */
export function rulerTicks(s: RulerScale, minPx = 70, datePx = 90): RulerTick[] {
  const out: RulerTick[] = []
  const view: TimeView = { start: s.iat, end: s.breakT }
  const step = tickStep(view, Math.max(1, s.breakX), minPx)
  let lastDate = ''
  for (let t = Math.ceil(s.iat / step) * step; t <= s.breakT && out.length < 60; t += step) {
    const x = rulerX(s, t)
    if (s.broken && x > s.breakX - minPx / 2) break
    const date = calendarDate(t)
    out.push({ t, x, label: step < MINUTE ? clockTime(t) : clockTime(t).slice(0, 5), ...(date !== lastDate ? { date } : {}) })
    lastDate = date
  }
  // The first tick's date gives way to a change of date too close after it (both would overlap).
  const change = out.findIndex((k, i) => i > 0 && k.date !== undefined)
  if (change > 0 && out[change].x - out[0].x < datePx) delete out[0].date
  if (!s.broken) return out
  let lastX = s.breakX
  for (const after of [DAY, 7 * DAY, 30 * DAY, 91 * DAY, 182 * DAY, 365 * DAY, 730 * DAY]) {
    const t = s.iat + after
    if (t <= s.breakT || t > s.end) continue
    const x = rulerX(s, t)
    if (x - lastX < minPx || s.width - x < minPx * 0.6) continue
    out.push({ t, x, label: dayLabel(t) })
    lastX = x
  }
  return out
}

export type RulerMarkKind = 'iat' | 'refresh' | 'warnafter' | 'exp' | 'gone'

export interface RulerMark {
  kind: RulerMarkKind
  t: number
  x: number
  /** The label drawn beside the mark: what it is and how long after iat. */
  label: string
  /** Label row (0 next to the ruler), chosen so that labels do not overlap. */
  row: number
  /** Where the label's text starts (px): it is kept inside the ruler. */
  labelX: number
  /** The accessible name: what, when and what it means. */
  name: string
  future: boolean
}

const WORDS: Record<RulerMarkKind, string> = { iat: 'issued', refresh: 'refresh', warnafter: 'warnafter', exp: 'exp', gone: 'pod gone' }
const MEANING: Record<RulerMarkKind, string> = {
  iat: 'the token was issued',
  refresh: 'the kubelet replaces it with a new token in the file (80% of 3607 s)',
  warnafter: 'from here the API server records each use as stale; it still works',
  exp: 'it stops authenticating',
  gone: 'its pod is gone, so the API server refuses it from here',
}

/** "48 min", "1 h", "365 d": how long after iat, as a student reads it. */
export function sinceIat(ms: number): string {
  if (ms < 2 * MINUTE) return `${Math.round(ms / SECOND)} s`
  if (ms < 2 * HOUR) return ms % HOUR === 0 || Math.abs(ms - HOUR) < 30 * SECOND ? '1 h' : `${Math.round(ms / MINUTE)} min`
  if (ms < 360 * DAY) return describeSpan(ms)
  if (Math.abs(ms - 365 * DAY) < DAY) return '1 year'
  return describeSpan(ms)
}

/** The marks of a token on its ruler, with label rows such that labels `charPx` wide per character never overlap. */
export function rulerMarks(tok: RulerToken, s: RulerScale, now: number, charPx = 7.2, gapPx = 8): RulerMark[] {
  const pts: [RulerMarkKind, number | undefined][] = [
    ['iat', tok.iat],
    ['refresh', tok.refresh],
    ['warnafter', tok.warnafter],
    ['gone', tok.invalidAt],
    ['exp', tok.exp],
  ]
  const rowsEnd: number[] = []
  const out: RulerMark[] = []
  for (const [kind, t] of pts.filter((p): p is [RulerMarkKind, number] => p[1] !== undefined).sort((a, b) => a[1] - b[1])) {
    const x = rulerX(s, t)
    const label = kind === 'iat' ? WORDS.iat : `${WORDS[kind]} +${sinceIat(t - tok.iat)}`
    const w = label.length * charPx
    const labelX = Math.min(Math.max(0, x - w / 2), Math.max(0, s.width - w))
    let row = rowsEnd.findIndex((end) => end + gapPx <= labelX)
    if (row < 0) row = rowsEnd.length
    rowsEnd[row] = labelX + w
    const late = kind === 'refresh' && tok.invalidAt !== undefined && t > tok.invalidAt ? '; not reached: the pod was gone first' : ''
    out.push({ kind, t, x, label, row, labelX, future: t > now, name: `${WORDS[kind]} at ${when(t)}, ${sinceIat(t - tok.iat)} after iat: ${MEANING[kind]}${late}` })
  }
  return out
}

export interface RulerSpan {
  from: number
  to: number
  x0: number
  x1: number
  tone: 'valid' | 'stale' | 'dead'
}

/** The bars under the marks: valid until warnafter, stale until exp, invalid once the pod is gone. */
export function rulerSpans(tok: RulerToken, s: RulerScale): RulerSpan[] {
  const end = tok.exp ?? s.end
  const dead = tok.invalidAt !== undefined && tok.invalidAt < end ? tok.invalidAt : end
  const fresh = Math.min(tok.warnafter ?? dead, dead)
  const parts: [number, number, RulerSpan['tone']][] = [
    [tok.iat, fresh, 'valid'],
    [fresh, dead, 'stale'],
    [dead, end, 'dead'],
  ]
  return parts.filter(([a, b]) => b > a).map(([from, to, tone]) => ({ from, to, x0: rulerX(s, from), x1: rulerX(s, to), tone }))
}

/** Where "now" is, and its words: inside the life, or past its end (then drawn at the right edge). */
export function rulerNow(tok: RulerToken, s: RulerScale, now: number): { x: number; label: string } {
  const x = rulerX(s, now)
  if (now < tok.iat) return { x, label: 'now (before iat)' }
  if (tok.exp !== undefined && now > tok.exp) return { x, label: `now, past exp` }
  return { x, label: `now +${sinceIat(now - tok.iat)}` }
}
