// What a lane shows in a given view: rows (a pod's lifecycle row, a row per token), bars (a pod's
// life, a token's validity), and marks placed in pixels. Only what falls in the view is built;
// marks closer together than a few pixels are merged into one cluster mark with a count, found
// by binary search so that a year of refreshes or thousands of requests costs a few steps per
// cluster, not one per item.

import { LIFECYCLE_WORDS, lowerBound, lowerBoundBy, tokenName, type Lane, type LifecycleKind, type RequestMark, type TokenInfo } from './lanes'
import { describeSpan, toTime, toX, when, type TimeView } from './scale'

export type MarkKind = 'lifecycle' | 'refresh' | 'iat' | 'refreshPoint' | 'warnafter' | 'exp' | 'request' | 'cluster'

export interface MarkItem {
  key: string
  kind: MarkKind
  t: number
  x: number
  /** Short text drawn in the mark (letter, symbol or count). */
  glyph: string
  /** The accessible name: what, when and why. */
  name: string
  /** CSS modifier: the answer of a request, the lifecycle kind, ... */
  tone: string
  future: boolean
  /** Top (lifecycle, token points) or bottom (refreshes, requests) half of the row. */
  level: 0 | 1
  request?: RequestMark
  /** For clusters: the time range to zoom into. */
  range?: [number, number]
}

export interface BarItem {
  key: string
  x0: number
  x1: number
  tone: string
  title: string
}

export interface RowView {
  key: string
  kind: 'pod' | 'token'
  label: string
  sublabel: string
  bars: BarItem[]
  marks: MarkItem[]
  token?: TokenInfo
}

/** Marks closer than this (px) are merged. */
export const GAP_PX = 12
/** More refreshes than this in view are shown as one band with a count. */
export const REFRESH_CAP = 24

const LIFECYCLE_GLYPH: Record<LifecycleKind, string> = { created: 'C', scheduled: 'S', pulled: 'P', started: 'R', deletionRequested: 'D', deleted: '✕' }
const REQUEST_GLYPH = { allowed: '✓', forbidden: '!', unauthorized: '✕', other: '?' }

interface Ctx {
  view: TimeView
  width: number
  now: number
}

/** Groups of sorted items in view: [i, j) runs whose first and last are less than GAP_PX apart. */
export function groupsInView(n: number, at: (i: number) => number, first: (t: number) => number, c: Ctx, gap = GAP_PX): [number, number][] {
  const pad = ((c.view.end - c.view.start) / Math.max(c.width, 1)) * gap
  const out: [number, number][] = []
  let i = first(c.view.start - pad / 2)
  while (i < n && at(i) <= c.view.end + pad / 2) {
    const x = toX(c.view, c.width, at(i))
    const j = Math.max(i + 1, first(toTime(c.view, c.width, x + gap)))
    out.push([i, Math.min(j, n)])
    i = j
    if (out.length > 4 * c.width) break
  }
  return out
}

const place = (c: Ctx, t: number) => toX(c.view, c.width, t)

function bar(c: Ctx, key: string, from: number, to: number, tone: string, title: string): BarItem | undefined {
  if (to < c.view.start || from > c.view.end || to <= from) return undefined
  const x0 = Math.max(-2, place(c, from))
  const x1 = Math.min(c.width + 2, place(c, to))
  return { key, x0, x1, tone, title }
}

function podRow(lane: Lane, c: Ctx): RowView {
  const pod = lane.pod!
  const bars: BarItem[] = []
  const end = pod.goneAt ?? c.now
  const life = bar(c, 'life', pod.createdAt, pod.deletionAt ?? end, 'pod-life', `pod ${lane.title} exists`)
  if (life) bars.push(life)
  const ending = pod.deletionAt !== undefined ? bar(c, 'ending', pod.deletionAt, end, 'pod-ending', `pod ${lane.title} terminating`) : undefined
  if (ending) bars.push(ending)
  const marks: MarkItem[] = []
  const ev = pod.events
  for (const [i, j] of groupsInView(ev.length, (k) => ev[k].t, (t) => lowerBoundBy(ev, t), c)) {
    if (j - i === 1) {
      const e = ev[i]
      const where = e.kind === 'scheduled' && e.node ? ` to ${e.node}` : ''
      marks.push({
        key: `l-${e.kind}`, kind: 'lifecycle', t: e.t, x: place(c, e.t), glyph: LIFECYCLE_GLYPH[e.kind], tone: `lc-${e.kind}`, level: 0,
        future: e.t > c.now, name: `pod ${lane.title} ${LIFECYCLE_WORDS[e.kind]}${where} at ${when(e.t)}`,
      })
    } else {
      const words = ev.slice(i, j).map((e) => LIFECYCLE_WORDS[e.kind]).join(', ')
      marks.push(cluster(c, `l-c-${ev[i].kind}`, ev[i].t, ev[j - 1].t, j - i, 0, `${j - i} events of pod ${lane.title}: ${words}`))
    }
  }
  const rs = lane.refreshes
  const from = lowerBound(rs, c.view.start)
  const to = lowerBound(rs, c.view.end + 1)
  if (to - from > REFRESH_CAP) {
    const t0 = rs[from]
    const t1 = rs[to - 1]
    const every = describeSpan((t1 - t0) / Math.max(1, to - from - 1))
    bars.push({ key: 'refresh-band', x0: place(c, t0), x1: place(c, t1), tone: 'refresh-band', title: `${to - from} kubelet refreshes` })
    marks.push({
      ...cluster(c, 'r-band', t0, t1, to - from, 1, `${to - from} kubelet refreshes of the token of pod ${lane.title} (${Math.max(0, lowerBound(rs, c.now + 1) - from)} done, the rest scheduled), about every ${every}`),
      glyph: `↻${to - from}`, tone: 'refresh-count',
    })
  } else {
    for (const [i, j] of groupsInView(rs.length, (k) => rs[k], (t) => lowerBound(rs, t), c)) {
      const t = rs[i]
      if (j - i === 1) {
        const done = t <= c.now
        marks.push({
          key: `r-${t}`, kind: 'refresh', t, x: place(c, t), glyph: '↻', tone: done ? 'refresh' : 'refresh scheduled', level: 1, future: !done,
          name: `kubelet refresh of the token of pod ${lane.title} at ${when(t)}${done ? ': the kubelet wrote a new token to the file' : ' (scheduled)'}`,
        })
      } else marks.push(cluster(c, `r-c-${t}`, t, rs[j - 1], j - i, 1, `${j - i} kubelet refreshes of the token of pod ${lane.title}`))
    }
  }
  const state = pod.goneAt !== undefined ? 'gone' : pod.deletionAt !== undefined ? 'terminating' : 'running'
  return { key: `${lane.id}/pod`, kind: 'pod', label: lane.title, sublabel: `pod, ${state}`, bars, marks }
}

function cluster(c: Ctx, key: string, t0: number, t1: number, count: number, level: 0 | 1, what: string): MarkItem {
  const mid = (t0 + t1) / 2
  return {
    key, kind: 'cluster', t: mid, x: place(c, mid), glyph: String(count), tone: 'cluster', level, future: t0 > c.now, range: [t0, t1],
    name: `${what}, from ${when(t0)} to ${when(t1)}; activate to zoom in`,
  }
}

/** The accessible name of a request mark, e.g. "401 list /api/v1/... at 23:28:05 on 2026-05-23, service account token has been invalidated". */
export function requestName(r: RequestMark): string {
  return `${r.code} ${r.verb} ${r.uri} at ${when(r.t)}, ${r.reason}`
}

function tokenPoints(tok: TokenInfo, c: Ctx): MarkItem[] {
  const name = tokenName(tok)
  const pts: MarkItem[] = []
  const add = (kind: MarkKind, t: number | undefined, glyph: string, text: string, tone = kind as string) => {
    if (t === undefined || t < c.view.start - 1 || t > c.view.end + 1) return
    pts.push({ key: kind, kind, t, x: place(c, t), glyph, name: `${text}`, tone, future: t > c.now, level: 0 })
  }
  add('iat', tok.iat, 'I', `iat of ${name} at ${tok.iat !== undefined ? when(tok.iat) : ''}: issued`)
  const r = tok.refresh
  if (r) {
    const how = r.exact ? '' : ' (nominal: up to 9 s earlier by jitter)'
    const fate = r.afterGone ? '; not reached: the pod was gone first' : ''
    add('refreshPoint', r.t, '↻', `kubelet refresh point of ${name} at ${when(r.t)}${how}: at 80% of its 3607 s the kubelet replaces it with a new token${fate}`, r.afterGone ? 'refreshPoint missed' : 'refreshPoint')
  }
  if (tok.warnafter !== undefined)
    add('warnafter', tok.warnafter, 'W', `warnafter of ${name} at ${when(tok.warnafter)}: from here the API server flags it as stale; it still authenticates until exp`)
  if (tok.exp !== undefined) {
    const dead = tok.invalidAt !== undefined && tok.invalidAt < tok.exp ? `; already invalid since its pod was gone at ${when(tok.invalidAt)}` : ''
    add('exp', tok.exp, 'E', `exp of ${name} at ${when(tok.exp)}: it stops authenticating${dead}`)
  }
  return pts
}

function tokenRow(lane: Lane, tok: TokenInfo, c: Ctx, slot = 0): RowView {
  const bars: BarItem[] = []
  const push = (b: BarItem | undefined) => b && bars.push(b)
  const start = tok.iat ?? tok.requests[0]?.t
  const end = Math.min(tok.exp ?? Infinity, tok.invalidAt ?? Infinity)
  if (start !== undefined) {
    const fresh = Math.min(tok.warnafter ?? end, end)
    push(bar(c, 'valid', start, Number.isFinite(fresh) ? fresh : c.view.end + 1, 'tok-valid', 'valid'))
    if (tok.warnafter !== undefined && tok.warnafter < end) push(bar(c, 'stale', tok.warnafter, end, 'tok-stale', 'valid but stale (past warnafter)'))
    if (tok.invalidAt !== undefined && tok.exp !== undefined && tok.invalidAt < tok.exp) push(bar(c, 'dead', tok.invalidAt, tok.exp, 'tok-dead', 'invalid: its pod is gone'))
  }
  const marks = tokenPoints(tok, c)
  const rq = tok.requests
  for (const [i, j] of groupsInView(rq.length, (k) => rq[k].t, (t) => lowerBoundBy(rq, t), c)) {
    const r = rq[i]
    if (j - i === 1) {
      marks.push({ key: `q-${r.index}`, kind: 'request', t: r.t, x: place(c, r.t), glyph: REQUEST_GLYPH[r.answer], tone: `req-${r.answer}`, level: 1, future: false, request: r, name: requestName(r) })
    } else {
      const counts = new Map<number, number>()
      for (let k = i; k < j && k < i + 2000; k++) counts.set(rq[k].code, (counts.get(rq[k].code) ?? 0) + 1)
      const list = [...counts].map(([code, n]) => `${n} × ${code}`).join(', ')
      marks.push(cluster(c, `q-c-${r.index}`, r.t, rq[j - 1].t, j - i, 1, `${j - i} requests with ${tokenName(tok)} (${list}${j - i > 2000 ? ', …' : ''})`))
    }
  }
  const n = tok.requests.length
  const used = `${n} request${n === 1 ? '' : 's'}`
  const owner = tok.source === 'kubelet' ? (slot === 0 ? 'first' : 'refresh') : tok.source === 'TokenRequest' ? `create token ${tok.namespace}/${tok.serviceAccount}` : tok.source === 'legacy-secret' ? 'legacy Secret token' : 'unrecorded token'
  const sub = `${owner}, ${tok.invalidAt !== undefined ? 'invalid: pod gone' : used}`
  return { key: `${lane.id}/${tok.key}`, kind: 'token', label: tokenLabel(tok, slot), sublabel: sub, bars, marks, token: tok }
}

/** A token's row named in words: `token 2 of pod app` (its sublabel says `refresh` or `first`). */
export function tokenLabel(tok: TokenInfo, slot: number): string {
  if (tok.source === 'kubelet' && tok.pod) return `token ${slot + 1} of pod ${tok.pod.name}`
  if (tok.source === 'TokenRequest') return `token ${slot + 1} of ServiceAccount ${tok.serviceAccount}`
  if (tok.source === 'legacy-secret') return `legacy token of ServiceAccount ${tok.serviceAccount}`
  return `token ${slot + 1}, not issued in this lab's record`
}

/** One row of a lane: the pod's own row (slot -1) or the row of its token number `slot`. */
export function laneRow(lane: Lane, slot: number, view: TimeView, width: number, now: number): RowView {
  const c: Ctx = { view, width, now }
  return slot < 0 ? podRow(lane, c) : tokenRow(lane, lane.tokens[slot], c, slot)
}

/** The rows of one lane in a view `width` pixels wide. */
export function laneRows(lane: Lane, view: TimeView, width: number, now: number): RowView[] {
  return rowSlots([lane]).map((s) => laneRow(lane, s.slot, view, width, now))
}

/** Every row of the lanes, in order, without building it (for the plot's vertical virtualization). */
export function rowSlots(lanes: readonly Lane[]): { lane: Lane; slot: number }[] {
  const out: { lane: Lane; slot: number }[] = []
  for (const lane of lanes) {
    if (lane.pod) out.push({ lane, slot: -1 })
    for (let i = 0; i < lane.tokens.length; i++) out.push({ lane, slot: i })
  }
  return out
}
