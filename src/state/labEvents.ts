// The lab's events into the page's store: an update of the projection (and the lab time, which
// the clock slice keeps), a cleared screen, the alternate screen taken or given back; a live
// command's round that moved the lab for wall time goes to the clock.

import type { LabEvent } from './labPort'
import type { AppStore } from './store'

/** Where the lab time goes: the clock's controller sets it with the wall time it counts from. */
export interface LabTimeSink {
  labTime(ms: number): void
  /** A live command's round moved the lab by `ms` for wall time that passed (not owed again). */
  paced?(ms: number): void
}

export function applyLabEvent(store: AppStore, ev: LabEvent, clock?: LabTimeSink): void {
  const s = store.getState()
  if (ev.type === 'update') {
    s.lab.apply(ev.update)
    s.lesson.apply(ev.update)
    if (clock) clock.labTime(ev.update.nowMs)
    else if (ev.update.nowMs !== s.clock.labMs) s.clock.set({ labMs: ev.update.nowMs })
  } else if (ev.type === 'clear') s.terminal.clear()
  else if (ev.type === 'screen') s.terminal.alternate(ev.alternate)
  else if (ev.type === 'paced') clock?.paced?.(ev.ms)
}
