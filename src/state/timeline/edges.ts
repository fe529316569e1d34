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

/** How far t is from now, in words: "in 365 days", "48 min ago", "now". */
export function fromNow(t: number, now: number): string {
  const d = Math.abs(t - now)
  let amount: string
  if (d < SECOND) return 'now'
  if (d < 90 * SECOND) amount = `${Math.round(d / SECOND)} s`
  else if (d < 90 * MINUTE) amount = `${Math.round(d / MINUTE)} min`
  else if (d < 2 * DAY) amount = `${Math.round(d / HOUR)} h`
  else amount = plural(Math.round(d / DAY), 'day')
  return t > now ? `in ${amount}` : `${amount} ago`
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
export function edgeMarks(tok: TokenInfo, view: TimeView, now: number): EdgeItem[] {
  const pts = points(tok)
  const out: EdgeItem[] = []
  for (const side of ['left', 'right'] as const) {
    const outside = pts.filter((p) => (side === 'left' ? p.t < view.start : p.t > view.end)).sort((a, b) => (side === 'left' ? b.t - a.t : a.t - b.t))
    if (outside.length === 0) continue
    const [p, ...more] = outside
    const what = `${WORDS[p.kind]} of ${tokenName(tok)}`
    const rel = fromNow(p.t, now)
    const also = more.length ? `; further ${side === 'left' ? 'back' : 'on'}: ${more.map((m) => `${SHORT[m.kind]} ${fromNow(m.t, now)}`).join(', ')}` : ''
    const where = side === 'left' ? 'before' : 'after'
    out.push({
      key: `edge-${side}`,
      side,
      kind: p.kind,
      t: p.t,
      what,
      label: side === 'left' ? `← ${SHORT[p.kind]} ${rel}` : `${SHORT[p.kind]} ${rel} →`,
      name: `${SHORT[p.kind]} ${rel}, ${where} the view: ${what} at ${when(p.t)}${p.note}${also}; activate to show it`,
    })
  }
  return out
}
