// The terminal controller's clock: turns wall time into lab time at the chosen rate, in turn
// with commands. Ticks and jumps never run while a command runs: a tick is skipped then (the
// command applies the time owed first), a jump waits in the command queue.

import { RateClock } from './clock'
import type { TerminalLab } from './labPort'

export interface ClockHost {
  wallNow(): number
  lab(): TerminalLab | undefined
  /** No command runs or waits. */
  idle(): boolean
  /** Run `fn` in the command queue, after what is queued. */
  exclusive<T>(fn: () => Promise<T>): Promise<T>
  /** Show the clock again (lab time, play state). */
  refresh(): void
  /** The lab changed in a way worth saving. */
  saved(): void
  saveEveryMs?: number
}

export class ClockDriver {
  readonly rate: RateClock
  /** Clock work started outside the queue (ticks, jumps); commands wait for it. */
  work: Promise<unknown> = Promise.resolve()
  private ticking = false
  private lastSave: number

  constructor(private readonly host: ClockHost) {
    this.rate = new RateClock(() => host.wallNow())
    this.lastSave = host.wallNow()
  }

  /** Apply the lab time owed (nothing while paused). Call only in turn (queue or `work`). */
  async sync(): Promise<void> {
    const lab = this.host.lab()
    if (!lab) return
    const owed = this.rate.take()
    if (owed > 0) await lab.advance(owed)
  }

  set(playing: boolean, speed: number = this.rate.speed): void {
    if (!(speed > 0) || !Number.isFinite(speed)) throw new RangeError(`invalid clock speed ${speed}`)
    this.rate.set(playing, speed)
    this.host.refresh()
    this.tick()
  }

  tick(): void {
    if (!this.host.lab() || !this.host.idle() || this.ticking) return
    this.ticking = true
    this.work = this.work
      .then(() => this.sync())
      .catch(() => {})
      .finally(() => {
        this.ticking = false
        this.host.refresh()
        const now = this.host.wallNow()
        if (now - this.lastSave >= (this.host.saveEveryMs ?? 5_000)) {
          this.lastSave = now
          this.host.saved()
        }
      })
  }

  jump(target: (nowMs: number) => number | undefined): Promise<number> {
    const run = async (): Promise<number> => {
      const lab = this.host.lab()!
      await this.sync()
      const now = lab.nowMs()
      const to = target(now)
      if (to !== undefined && to > now) await lab.advance(to - now)
      this.host.refresh()
      this.host.saved()
      return lab.nowMs()
    }
    if (this.host.lab() && this.host.idle()) {
      const p = this.work.then(run)
      this.work = p.catch(() => {})
      return p
    }
    return this.host.exclusive(run)
  }
}
