// The store's selection slice: what the panels point at. The timeline and the terminal select,
// the decoder and the why-this-answer panel show. The decoder follows the newest token the
// terminal printed (src/state/followToken.ts) unless the student pinned one; the why panel
// follows the newest request unless its request is pinned.

import type { SliceMaker } from './types'

export interface SelectionSlice {
  /** The token the decoder shows. */
  token?: string
  /** The decoder keeps its token when the terminal prints a newer one. */
  pinned?: boolean
  /** A second token to compare with, side by side. */
  compareWith?: string
  /** The audit entry (index into the projection's audit) the why panel explains; undefined = the latest. */
  requestIndex?: number
  /** How many audit entries there were when the request was picked: a newer one replaces it, unless pinned. */
  requestSeen?: number
  /** The why panel keeps its request when a newer one arrives. */
  requestPinned?: boolean
  selectToken(token: string | undefined): void
  setPinned(pinned: boolean): void
  setCompare(token: string | undefined): void
  selectRequest(index: number | undefined, seen?: number): void
  pinRequest(index: number | undefined): void
}

export const selectionSlice: SliceMaker<'selection'> = (set) => ({
  selectToken: (token) => set({ token }),
  setPinned: (pinned) => set({ pinned }),
  setCompare: (compareWith) => set({ compareWith }),
  selectRequest: (requestIndex, requestSeen) => set({ requestIndex, requestSeen, ...(requestIndex === undefined ? { requestPinned: false } : {}) }),
  pinRequest: (index) => set(index === undefined ? { requestPinned: false } : { requestIndex: index, requestPinned: true }),
})

/** The audit entry the why panel explains: the picked one, or the latest once a newer one arrived (unless pinned). */
export function shownRequest(s: Pick<SelectionSlice, 'requestIndex' | 'requestSeen' | 'requestPinned'>, auditLength: number): number {
  const latest = auditLength - 1
  const picked = s.requestIndex
  if (picked === undefined || picked < 0 || picked >= auditLength) return latest
  if (!s.requestPinned && s.requestSeen !== undefined && auditLength > s.requestSeen) return latest
  return picked
}
