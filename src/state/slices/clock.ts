// The store's clock slice: the lab time (kept here only: the lab's updates set it), and how the
// page runs the clock (paused or playing at a speed, from which wall time).

import type { SliceMaker } from './types'

export type ClockMode = 'realtime' | 'still'

export interface LabClockView {
  /** Lab time (ms since the epoch), as of the lab's last update. */
  labMs: number
  /** Wall time (ms) from which the clock's current rate counts. */
  wallAnchor: number
  /** How the lab started: `realtime` (no seed: playing at 1×) or `still` (seeded: paused). */
  mode: ClockMode
  /** Whether wall time moves the lab clock now (the ticker applies it every 250 ms). */
  playing: boolean
  /** Lab ms per wall ms while playing: 1 (real time) up to 3600 (an hour per second). */
  speed: number
}

export interface ClockSlice extends LabClockView {
  /** The lab has started: the fields above mean something. */
  started: boolean
  set(patch: Partial<LabClockView & { started: boolean }>): void
}

export const clockSlice: SliceMaker<'clock'> = (set) => ({
  labMs: 0,
  wallAnchor: 0,
  mode: 'still',
  playing: false,
  speed: 1,
  started: false,
  set: (patch) => set(patch),
})

/** The clock as the header shows it, or undefined before the lab started. */
export const clockView = (c: ClockSlice): ClockSlice | undefined => (c.started ? c : undefined)
