// The store's selection slice: what the panels point at. The timeline and the terminal select,
// the decoder and the why-this-answer panel show.

import type { SliceMaker } from './types'

export interface SelectionSlice {
  /** The token the decoder shows. */
  token?: string
  /** A second token to compare with, side by side. */
  compareWith?: string
  /** The audit entry (index into the projection's audit) the why panel explains; undefined = the latest. */
  requestIndex?: number
  selectToken(token: string | undefined): void
  setCompare(token: string | undefined): void
  selectRequest(index: number | undefined): void
}

export const selectionSlice: SliceMaker<'selection'> = (set) => ({
  selectToken: (token) => set({ token }),
  setCompare: (compareWith) => set({ compareWith }),
  selectRequest: (requestIndex) => set({ requestIndex }),
})
