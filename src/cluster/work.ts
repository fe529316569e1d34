// Runs scheduled work in (at, seq) order, moving the clock to each item's time.
// Imitates: the worker loops of client-go workqueues, driven here by the virtual clock.

import type { VirtualClock } from './clock/clock'
import type { WorkData, WorkType } from './clock/dueWork'

export type WorkHandler<T extends WorkType = WorkType> = (data: WorkData<T>) => void | Promise<void>

export class WorkRunner {
  private handlers = new Map<WorkType, WorkHandler<never>[]>()

  constructor(private clock: VirtualClock) {}

  /** Several handlers may share a type; each runs, in registration order. */
  on<T extends WorkType>(type: T, handler: WorkHandler<T>): void {
    const list = this.handlers.get(type) ?? []
    list.push(handler as unknown as WorkHandler<never>)
    this.handlers.set(type, list)
  }

  /** Run all work due at or before `until` (including work that running work schedules); counts per type. */
  async runDue(until: number, ran: Record<string, number> = {}): Promise<Record<string, number>> {
    for (let w = this.clock.takeDue(until); w; w = this.clock.takeDue(until)) {
      for (const h of this.handlers.get(w.type) ?? []) await (h as unknown as (data: unknown) => void | Promise<void>)(w.data)
      ran[w.type] = (ran[w.type] ?? 0) + 1
    }
    return ran
  }
}
