// The timeline view's actions, as plain functions of the store's timeline slice and the lanes:
// the keyboard, the buttons and tests share them. Loaded with the timeline panel.

import type { Lane } from '../timeline/lanes'
import { centredOn, fit, following, pan, span, when, zoom, type TimeView } from '../timeline/scale'
import { describeView, nextPoint, viewOf, type JumpKind } from '../timeline/view'
import { wholeView, type WholeGeometry } from '../timeline/whole'
import type { TimelineSlice } from './timelineView'

export interface TimelineActions {
  zoomBy(factor: number, now: number, anchor?: number): void
  panBy(fraction: number, now: number): void
  follow(): void
  /** The whole view: the story that happened and is about to happen (whole.ts), for a track `geometry.width` px wide. */
  fitAll(lanes: readonly Lane[], now: number, geometry?: WholeGeometry): void
  /** Centre the view on t, keeping its span (an edge marker: "exp in 365 days →"). */
  showTime(t: number, what: string, now: number): void
  showRange(from: number, to: number): void
  jump(kind: JumpKind, lanes: readonly Lane[], now: number): boolean
  selectToken(key: string | undefined): void
}

export function timelineActions(store: { getState(): { timeline: TimelineSlice } }): TimelineActions {
  const get = () => store.getState().timeline
  const set = (patch: Parameters<TimelineSlice['set']>[0]) => get().set(patch)
  const setFixed = (fixed: TimeView, what: string) => set({ mode: 'fixed', fixed, message: `${what}. ${describeView(fixed)}.` })
  return {
    zoomBy(factor, now, anchor) {
      const s = get()
      if (s.mode === 'follow' && anchor === undefined) {
        const v = following(now, s.followSpan * factor)
        set({ followSpan: span(v), message: `Zoomed ${factor < 1 ? 'in' : 'out'}, following the lab clock. ${describeView(v)}.` })
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
    fitAll(lanes, now, geometry = { width: 1000 }) {
      setFixed(wholeView(lanes, now, geometry), 'The whole story: what happened and what is due next, later marks at the edge')
    },
    showTime(t, what, now) {
      setFixed(centredOn(t, span(viewOf(get(), now))), `Showing ${what}: ${when(t)}`)
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
}
