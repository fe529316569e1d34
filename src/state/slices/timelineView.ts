// The store's timeline slice: the window the timeline shows (following the clock or fixed) and
// the token it selected. Data only, so that it costs the page's first load nothing: the actions
// (zoom, pan, jump, ...) live with the timeline panel's code, in timelineActions.ts.

import type { TimelineViewData } from '../timeline/view'
import type { SliceMaker } from './types'

/** The span shown while following the clock at first: DEFAULT_SPAN of timeline/view.ts (1.5 h), kept here as a number so the page's first load does not carry the timeline's code. */
export const FIRST_SPAN = 5_400_000

export interface TimelineSlice extends TimelineViewData {
  set(patch: Partial<TimelineViewData>): void
}

export const timelineSlice: SliceMaker<'timeline'> = (set) => ({
  mode: 'follow',
  followSpan: FIRST_SPAN,
  fixed: { start: 0, end: FIRST_SPAN },
  message: '',
  set: (patch) => set(patch),
})
