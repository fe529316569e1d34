// The virtual clock and its schedule of due work: the lab's only time source.
// Work is plain data (a type and its payload, see dueWork.ts) so that a lab can be saved and
// restored mid-schedule; the cluster registers the handlers of each work type.
// Imitates: k8s.io/utils/clock (the clock) and client-go's delaying work queue (the schedule).

import type { Work, WorkData, WorkType } from './dueWork'

export type DueWork = Work & {
  /** Lab time (ms since the epoch) at which the work falls due. */
  at: number
  /**
   * Insertion order, so that work due at the same instant runs in the order it was scheduled (work
   * scheduled `ahead` goes before what was already due at that instant).
   */
  seq: number
}

export interface ClockState {
  now: number
  seq: number
  due: DueWork[]
}

export class VirtualClock {
  private state: ClockState

  constructor(startOrState: number | ClockState) {
    this.state = typeof startOrState === 'number'
      ? { now: startOrState, seq: 0, due: [] }
      : structuredClone(startOrState)
  }

  now(): number {
    return this.state.now
  }

  /** Set the time; it never goes backwards. */
  set(ms: number): void {
    if (ms > this.state.now) this.state.now = ms
  }

  /**
   * Schedule work; returns its sequence number. `ahead`: before the work already due at the same
   * instant (a container's own commands run before the kubelet looks at the container then).
   */
  schedule<T extends WorkType>(at: number, type: T, data: WorkData<T>, ahead = false): number {
    const work = { at, seq: ++this.state.seq, type, data: structuredClone(data) } as DueWork
    // sorted by time: after the last entry not later than `at` (or, ahead, not as late)
    const due = this.state.due
    let i = due.length
    while (i > 0 && (due[i - 1].at > at || (ahead && due[i - 1].at === at))) i--
    due.splice(i, 0, work)
    return work.seq
  }

  /** Remove scheduled work matching the predicate; returns how many were removed. */
  cancel(match: (w: DueWork) => boolean): number {
    const before = this.state.due.length
    this.state.due = this.state.due.filter((w) => !match(w))
    return before - this.state.due.length
  }

  /** When the next work falls due, if any. */
  nextAt(): number | undefined {
    return this.state.due[0]?.at
  }

  /** Take the earliest work due at or before `until`, advancing the clock to its time. */
  takeDue(until: number): DueWork | undefined {
    const next = this.state.due[0]
    if (!next || next.at > until) return undefined
    this.state.due.shift()
    this.set(next.at)
    return next
  }

  pending(): readonly DueWork[] {
    return this.state.due
  }

  snapshot(): ClockState {
    return structuredClone(this.state)
  }
}
