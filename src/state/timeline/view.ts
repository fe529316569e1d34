// The timeline's view as data: either following the lab clock (a span with "now" a quarter in) or
// a fixed window the student zoomed or panned to. Pure functions of the view and the lanes; the
// store's timeline slice (src/state/slices/timelineView.ts) holds the state; timelineActions.ts calls them.

import { lowerBound, type Lane } from './lanes'
import { describeSpan, following, HOUR, span, when, type TimeView } from './scale'

export type JumpKind = 'refresh' | 'warnafter' | 'exp'

export const DEFAULT_SPAN = 1.5 * HOUR
export const ZOOM_STEP = 2
export const PAN_STEP = 0.25

export interface TimelineViewData {
  mode: 'follow' | 'fixed'
  /** The span while following the clock. */
  followSpan: number
  /** The window when fixed. */
  fixed: TimeView
  /** The key (jti) of the token the timeline selected. */
  tokenKey?: string
  /** The last thing the view did, for the live region. */
  message: string
}

/** The window shown for a state at lab time `now`. */
export function viewOf(s: Pick<TimelineViewData, 'mode' | 'followSpan' | 'fixed'>, now: number): TimeView {
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

export const describeView = (v: TimeView) => `Showing ${when(v.start)} to ${when(v.end)} (${describeSpan(span(v))})`
