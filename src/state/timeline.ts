// The timeline's view state: either following the lab clock (a span with "now" a quarter in) or a
// fixed window the student zoomed or panned to; plus the token the timeline selected. The
// actions are plain functions of the lanes, so the keyboard, the buttons and tests share them.

import { useStore } from 'zustand'
import { createStore, type StoreApi } from 'zustand/vanilla'
import { lowerBound, type Lane } from './timelineLanes'
import { centredOn, describeSpan, fit, following, HOUR, pan, span, when, zoom, type TimeView } from './timelineScale'

export type JumpKind = 'refresh' | 'warnafter' | 'exp'

export const DEFAULT_SPAN = 1.5 * HOUR
export const ZOOM_STEP = 2
export const PAN_STEP = 0.25

export interface TimelineViewState {
  mode: 'follow' | 'fixed'
  /** The span while following the clock. */
  followSpan: number
  /** The window when fixed. */
  fixed: TimeView
  /** The key (jti) of the token the timeline selected. */
  tokenKey?: string
  /** The last thing the view did, for the live region. */
  message: string
  zoomBy(factor: number, now: number, anchor?: number): void
  panBy(fraction: number, now: number): void
  follow(): void
  fitAll(lanes: readonly Lane[], now: number): void
  showRange(from: number, to: number): void
  jump(kind: JumpKind, lanes: readonly Lane[], now: number): boolean
  selectToken(key: string | undefined): void
}

/** The window shown for a state at lab time `now`. */
export function viewOf(s: Pick<TimelineViewState, 'mode' | 'followSpan' | 'fixed'>, now: number): TimeView {
  return s.mode === 'follow' ? following(now, s.followSpan) : s.fixed
}

/** Every time of a kind on the lanes: refreshes (kubelet schedules and tokens' refresh points), warnafter, exp. */
export function nextPoint(lanes: readonly Lane[], kind: JumpKind, after: number): number | undefined {
  let best: number | undefined
  const consider = (t: number | undefined) => {
    if (t !== undefined && t > after && (best === undefined || t < best)) best = t
  }
  for (const lane of lanes) {
    if (kind === 'refresh') {
      const i = lowerBound(lane.refreshes, after + 1)
      consider(lane.refreshes[i])
    }
    for (const tok of lane.tokens) consider(kind === 'refresh' ? tok.refresh?.t : kind === 'warnafter' ? tok.warnafter : tok.exp)
  }
  return best
}

/** The token with this key and its lane. */
export function findToken(lanes: readonly Lane[], key: string | undefined): { tok: Lane['tokens'][number]; lane: Lane } | undefined {
  if (key === undefined) return undefined
  for (const lane of lanes) {
    const tok = lane.tokens.find((t) => t.key === key)
    if (tok) return { tok, lane }
  }
  return undefined
}

/** The earliest and latest times on the lanes (and now). */
export function extent(lanes: readonly Lane[], now: number): [number, number] {
  let lo = now
  let hi = now
  const see = (t: number | undefined) => {
    if (t === undefined) return
    if (t < lo) lo = t
    if (t > hi) hi = t
  }
  for (const lane of lanes) {
    see(lane.pod?.createdAt)
    for (const tok of lane.tokens) {
      see(tok.iat)
      see(tok.exp)
      see(tok.requests[0]?.t)
    }
  }
  return [lo, hi]
}

const describe = (v: TimeView) => `Showing ${when(v.start)} to ${when(v.end)} (${describeSpan(span(v))})`

export function createTimelineView(): StoreApi<TimelineViewState> {
  return createStore<TimelineViewState>((set, get) => {
    const setFixed = (fixed: TimeView, what: string) => set({ mode: 'fixed', fixed, message: `${what}. ${describe(fixed)}.` })
    return {
      mode: 'follow',
      followSpan: DEFAULT_SPAN,
      fixed: { start: 0, end: DEFAULT_SPAN },
      message: '',
      zoomBy(factor, now, anchor) {
        const s = get()
        if (s.mode === 'follow' && anchor === undefined) {
          const v = following(now, s.followSpan * factor)
          set({ followSpan: span(v), message: `Zoomed ${factor < 1 ? 'in' : 'out'}, following the lab clock. ${describe(v)}.` })
          return
        }
        setFixed(zoom(viewOf(s, now), factor, anchor), `Zoomed ${factor < 1 ? 'in' : 'out'}`)
      },
      panBy(fraction, now) {
        setFixed(pan(viewOf(get(), now), fraction), `Moved ${fraction < 0 ? 'earlier' : 'later'}`)
      },
      follow() {
        set({ mode: 'follow', message: 'Following the lab clock.' })
      },
      fitAll(lanes, now) {
        const [lo, hi] = extent(lanes, now)
        setFixed(fit(lo, hi), 'Zoomed out to everything')
      },
      showRange(from, to) {
        setFixed(fit(from, to, 0.25), 'Zoomed to the group')
      },
      jump(kind, lanes, now) {
        const s = get()
        const v = viewOf(s, now)
        const after = s.mode === 'follow' ? now : (v.start + v.end) / 2
        const t = nextPoint(lanes, kind, after)
        if (t === undefined) {
          set({ message: `No ${kind === 'refresh' ? 'kubelet refresh' : kind} after ${when(after)}.` })
          return false
        }
        setFixed(centredOn(t, span(v)), `Next ${kind === 'refresh' ? 'kubelet refresh' : kind}: ${when(t)}`)
        return true
      },
      selectToken(tokenKey) {
        set({ tokenKey })
      },
    }
  })
}

/** The page's one timeline view. */
export const timelineView = createTimelineView()

export function useTimelineView<T>(selector: (s: TimelineViewState) => T): T {
  return useStore(timelineView, selector)
}

