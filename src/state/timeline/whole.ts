// The timeline's whole view (the "All" button, Home): the window that tells the story that
// happened and is about to happen — pods created and deleted, tokens issued, kubelet refreshes,
// warnafter, requests, now — instead of everything up to the last exp. A pod token's exp is a year
// after its iat: fitting it in squeezes 48 minutes, one hour and the requests into one blob at the
// left edge. What lies beyond the window is shown at the row's edge (edges.ts), not squeezed in.

import { lowerBound, type Lane } from './lanes'
import { HOUR, MAX_SPAN, MINUTE, type TimeView } from './scale'

/** How far past now the story reaches at least: a pod token's refresh (~48 min) and warnafter (1 h), a default TokenRequest's exp (1 h). */
export const AHEAD = 2 * HOUR
/** ... and at least this fraction of what already happened (a lab that ran a year looks a quarter year ahead). */
export const AHEAD_FRACTION = 0.25
/** The narrowest whole view (an empty lab: now and what is about to happen). */
export const WHOLE_MIN_SPAN = 10 * MINUTE
/** The margin on either side, as a fraction of the width, and at least this many pixels. */
export const MARGIN_FRACTION = 0.04
export const MARGIN_PX = 16
/** Room kept right of now for an edge marker ("exp in 365 days →") when something lies beyond. */
export const EDGE_ROOM_PX = 130

export interface WholeGeometry {
  /** Width of the track in pixels. */
  width: number
  /** Room (px) to keep clear at the right for edge markers. */
  edgeRoom?: number
}

/** Every time a lane's rows show a mark at, but the kubelet's scheduled refreshes past `after` (the schedule runs years ahead). */
function laneTimes(lane: Lane, after: number, see: (t: number | undefined) => void): void {
  const pod = lane.pod
  if (pod) for (const e of pod.events) see(e.t)
  const rs = lane.refreshes
  if (rs.length) {
    see(rs[0])
    const i = lowerBound(rs, after + 1)
    see(rs[Math.min(i, rs.length - 1)])
    if (i > 0) see(rs[i - 1])
  }
  for (const tok of lane.tokens) {
    see(tok.iat)
    see(tok.refresh?.t)
    see(tok.warnafter)
    see(tok.exp)
    see(tok.invalidAt)
    see(tok.requests[0]?.t)
    see(tok.requests[tok.requests.length - 1]?.t)
  }
}

/**
 * The times of the story: [first, last] of everything that happened (up to now) and of what is
 * about to happen (up to now + max(AHEAD, AHEAD_FRACTION of the past)); `beyond` tells whether
 * some mark lies later than that (an exp a year away), so the view keeps room for its edge marker.
 */
export function storyRange(lanes: readonly Lane[], now: number): { from: number; to: number; beyond: boolean } {
  let from = now
  for (const lane of lanes) laneTimes(lane, now, (t) => {
    if (t !== undefined && t < from) from = t
  })
  const horizon = now + Math.max(AHEAD, AHEAD_FRACTION * (now - from))
  let to = now
  let beyond = false
  for (const lane of lanes) laneTimes(lane, now, (t) => {
    if (t === undefined) return
    if (t > horizon) beyond = true
    else if (t > to) to = t
  })
  return { from, to, beyond }
}

/** The whole view drawn `width` pixels wide: the story with a margin, and room right of now for the edge markers of what lies beyond. */
export function wholeView(lanes: readonly Lane[], now: number, geometry: WholeGeometry): TimeView {
  const story = storyRange(lanes, now)
  let { from, to } = story
  const { beyond } = story
  if (to - from < WHOLE_MIN_SPAN) {
    const grow = (WHOLE_MIN_SPAN - (to - from)) / 2
    from -= grow
    to += grow
  }
  const width = Math.max(geometry.width, 1)
  const pad = Math.max(MARGIN_PX, MARGIN_FRACTION * width)
  // Every side gets the margin; when something lies beyond, the edge marker (in the bottom half of a
  // token's row, where its requests are) needs room right of now: no request is later than now.
  const room = Math.min(Math.max(pad, geometry.edgeRoom ?? EDGE_ROOM_PX), (2 / 3) * width)
  const l = Math.min(pad, width / 6)
  const perPx = Math.max((to - from) / (width - 2 * l), beyond ? (now - from) / Math.max(1, width - l - room) : 0)
  let start = from - l * perPx
  const end = start + width * perPx
  if (end - start > MAX_SPAN) start = end - MAX_SPAN
  return { start, end }
}
