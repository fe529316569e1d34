// Edge markers: a token's iat, refresh point, warnafter and exp that lie outside the view are not
// lost: the row shows the nearest one on each side at its edge, labelled with the time from now
// ("exp in 365 days →"), as a button that brings it into view (the whole view keeps exp a year
// away out of the window instead of squeezing the axis; see whole.ts).

import { tokenName, type TokenInfo } from './lanes'
import { DAY, HOUR, MINUTE, SECOND, when, type TimeView } from './scale'

export type EdgeKind = 'iat' | 'refreshPoint' | 'warnafter' | 'exp'

export interface EdgeItem {
  key: string
  side: 'left' | 'right'
  kind: EdgeKind
  t: number
  /** What it is, for messages: "exp of token … of pod sa-demo/app". */
  what: string
  /** The text drawn: "exp in 365 days →", "← iat 2 h ago". */
  label: string
  /** The accessible name: what, when, where it is, and what activating it does. */
  name: string
}

const SHORT: Record<EdgeKind, string> = { iat: 'iat', refreshPoint: 'refresh', warnafter: 'warnafter', exp: 'exp' }

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`

function amount(d: number, days: (n: number) => string): string {
  if (d < 90 * SECOND) return `${Math.round(d / SECOND)} s`
  if (d < 90 * MINUTE) return `${Math.round(d / MINUTE)} min`
  if (d < 2 * DAY) return `${Math.round(d / HOUR)} h`
  return days(Math.round(d / DAY))
}

/** How far t is from now, in words: "in 365 days", "48 min ago", "now". */
export function fromNow(t: number, now: number): string {
  const d = Math.abs(t - now)
  if (d < SECOND) return 'now'
  const a = amount(d, (n) => plural(n, 'day'))
  return t > now ? `in ${a}` : `${a} ago`
}

/** The same, signed and short: "+365 d", "−48 min", "now". */
export function fromNowShort(t: number, now: number): string {
  const d = Math.abs(t - now)
  if (d < SECOND) return 'now'
  return `${t > now ? '+' : '−'}${amount(d, (n) => `${n} d`)}`
}

/** How much an edge marker says: "exp in 365 days →", "exp +365 d →" or "exp →" (its name always says all). */
export type EdgeSize = 'long' | 'medium' | 'short'

/** The room (in ems of the plot's type) an edge marker of each size takes. */
export const EDGE_EMS: Record<EdgeSize, number> = { long: 11, medium: 7.5, short: 4.5 }

/** The largest edge marker that takes at most about half a track `trackEms` ems wide. */
export function edgeSize(trackEms: number): EdgeSize {
  if (EDGE_EMS.long <= 0.55 * trackEms) return 'long'
  if (EDGE_EMS.medium <= 0.55 * trackEms) return 'medium'
  return 'short'
}

function points(tok: TokenInfo): { kind: EdgeKind; t: number; note: string }[] {
  const out: { kind: EdgeKind; t: number; note: string }[] = []
  if (tok.iat !== undefined) out.push({ kind: 'iat', t: tok.iat, note: '' })
  if (tok.refresh) out.push({ kind: 'refreshPoint', t: tok.refresh.t, note: tok.refresh.afterGone ? '; not reached: the pod was gone first' : '' })
  if (tok.warnafter !== undefined) out.push({ kind: 'warnafter', t: tok.warnafter, note: '' })
  if (tok.exp !== undefined) {
    const dead = tok.invalidAt !== undefined && tok.invalidAt < tok.exp ? `; already invalid since its pod was gone at ${when(tok.invalidAt)}` : ''
    out.push({ kind: 'exp', t: tok.exp, note: dead })
  }
  return out
}

const WORDS: Record<EdgeKind, string> = { iat: 'iat', refreshPoint: 'kubelet refresh point', warnafter: 'warnafter', exp: 'exp' }

/** The token's points outside the view: the nearest on each side (its name lists the others). */
export function edgeMarks(tok: TokenInfo, view: TimeView, now: number, size: EdgeSize = 'long'): EdgeItem[] {
  const pts = points(tok)
  const out: EdgeItem[] = []
  for (const side of ['left', 'right'] as const) {
    const outside = pts.filter((p) => (side === 'left' ? p.t < view.start : p.t > view.end)).sort((a, b) => (side === 'left' ? b.t - a.t : a.t - b.t))
    if (outside.length === 0) continue
    const [p, ...more] = outside
    const what = `${WORDS[p.kind]} of ${tokenName(tok)}`
    const rel = fromNow(p.t, now)
    const text = size === 'long' ? `${SHORT[p.kind]} ${rel}` : size === 'medium' ? `${SHORT[p.kind]} ${fromNowShort(p.t, now)}` : SHORT[p.kind]
    const also = more.length ? `; further ${side === 'left' ? 'back' : 'on'}: ${more.map((m) => `${SHORT[m.kind]} ${fromNow(m.t, now)}`).join(', ')}` : ''
    const where = side === 'left' ? 'before' : 'after'
    out.push({
      key: `edge-${side}`,
      side,
      kind: p.kind,
      t: p.t,
      what,
      label: side === 'left' ? `← ${text}` : `${text} →`,
      name: `${SHORT[p.kind]} ${rel}, ${where} the view: ${what} at ${when(p.t)}${p.note}${also}; activate to show it`,
    })
  }
  return out
}
