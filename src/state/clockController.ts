// The page's lab clock: paused or playing at a speed, turning wall time into lab time
// (`advance(ms)` calls to the lab), in turn with commands. Ticks and jumps never run while a
// command runs: a tick is skipped then (the command applies the time owed first, see
// `sync`), a jump waits in the command queue. The lab time itself comes with the lab's
// updates (the store's clock slice); this controller keeps the rate and the wall anchor.

import { RateClock } from './clock'
import type { JumpKind, LabClient } from './labPort'
import type { ClockMode } from './slices/clock'
import type { AppStore } from './store'

/** What the clock needs from the terminal's command queue. */
export interface CommandQueue {
  client(): LabClient | undefined
  /** No command runs or waits. */
  idle(): boolean
  /** Run `fn` in the command queue, after what is queued. */
  exclusive<T>(fn: (client: LabClient) => Promise<T>): Promise<T>
  /** Enter a command line as if typed (echoed, in the history, undoable with `lab undo`). */
  submit?(text: string): void
}

/** The `lab advance` line that moves the clock from `nowMs` exactly to `targetMs`: `lab advance 47m58s`, `lab advance 1s250ms`. */
export function advanceLine(nowMs: number, targetMs: number): string | undefined {
  let rest = Math.round(targetMs - nowMs)
  if (!(rest > 0) || !Number.isFinite(rest)) return undefined
  const parts: string[] = []
  for (const [unit, size] of [['d', 86_400_000], ['h', 3_600_000], ['m', 60_000], ['s', 1000], ['ms', 1]] as const) {
    const n = Math.floor(rest / size)
    rest -= n * size
    if (n) parts.push(`${n}${unit}`)
  }
  return `lab advance ${parts.join('')}`
}

/** How a lab's clock runs: a seeded lab's stands still, a seedless one plays at real speed. */
export const clockModeOf = (lab: { seed?: unknown }): ClockMode => (lab.seed !== undefined ? 'still' : 'realtime')

export interface ClockOptions {
  wallNow?: () => number
  /** The lab changed in a way worth saving (jumps, and ticks at most every `saveEveryMs`). */
  onLabChanged?: () => void
  /** While the clock plays, save at most this often (wall ms); default 5 s. */
  saveEveryMs?: number
}

export class ClockController {
  readonly rate: RateClock
  /** Clock work started outside the queue (ticks, jumps); commands wait for it. */
  work: Promise<unknown> = Promise.resolve()
  private mode: ClockMode = 'still'
  private ticking = false
  /** A tick was asked for while one was being applied: it runs once that one is done. */
  private tickAgain = false
  private lastSave: number
  private readonly wallNow: () => number

  constructor(
    private readonly store: AppStore,
    private readonly queue: CommandQueue,
    private readonly opts: ClockOptions = {},
  ) {
    this.wallNow = opts.wallNow ?? (() => Date.now())
    this.rate = new RateClock(this.wallNow)
    this.lastSave = this.wallNow()
  }

  get clockMode(): ClockMode {
    return this.mode
  }

  /** The lab has started: a seedless lab plays at 1×, a seeded one stands still. */
  attach(mode: ClockMode): void {
    this.mode = mode
    this.rate.reset(mode === 'realtime', 1)
    this.refresh(true)
  }

  /** After a restore or a reset: the clock may have moved; a playing clock counts from now. */
  labReplaced(mode?: ClockMode): void {
    if (mode && mode !== this.mode) {
      this.mode = mode
      this.rate.reset(mode === 'realtime', 1)
    } else this.rate.reset(this.rate.playing)
    this.refresh()
  }

  /** After a restore of `lab` (a snapshot): its seed says how its clock runs. */
  labRestored(lab: { seed?: unknown }): void {
    this.labReplaced(clockModeOf(lab))
  }

  /** Apply the lab time owed (nothing while paused). Call only in turn (queue or `work`). */
  async sync(): Promise<void> {
    const client = this.queue.client()
    if (!client) return
    const owed = this.rate.take()
    if (owed > 0) await client.advance(owed)
  }

  /** Take the lab time owed (ms; none while paused), to be applied by the command about to run. Only in turn. */
  owed(): number {
    return this.queue.client() ? this.rate.take() : 0
  }

  /** Pause or play, or change the speed (lab ms per wall ms). */
  set(playing: boolean, speed: number = this.rate.speed): void {
    if (!(speed > 0) || !Number.isFinite(speed)) throw new RangeError(`invalid clock speed ${speed}`)
    this.rate.set(playing, speed)
    this.refresh()
    this.tick()
  }

  /** While playing: move the lab by the wall time owed, unless a command runs. */
  tick(): void {
    if (!this.queue.client() || !this.queue.idle()) return
    // A pause or a change of speed while the lab is still applying the last tick (a busy worker):
    // the time owed up to it is applied once that tick is done, not left owed until the clock plays.
    if (this.ticking) {
      this.tickAgain = true
      return
    }
    this.ticking = true
    this.work = this.work
      .then(() => this.sync())
      .catch(() => {})
      .finally(() => {
        this.ticking = false
        if (this.tickAgain) {
          this.tickAgain = false
          this.tick()
        }
        this.refresh()
        const now = this.wallNow()
        if (now - this.lastSave >= (this.opts.saveEveryMs ?? 5_000)) {
          this.lastSave = now
          this.opts.onLabChanged?.()
        }
      })
  }

  /** Jump to the next target of a kind (of `token`, or of any token); resolves to the lab time reached. */
  jump(kind: JumpKind, token?: string): Promise<number> {
    const run = async (client: LabClient): Promise<number> => {
      await this.sync()
      const reached = await client.jump(kind, token)
      this.refresh()
      this.opts.onLabChanged?.()
      return reached
    }
    const client = this.queue.client()
    if (client && this.queue.idle()) {
      const p = this.work.then(() => run(client))
      this.work = p.catch(() => {})
      return p
    }
    return this.queue.exclusive(run)
  }

  /**
   * Move the clock to a target as a command: the terminal shows and runs the equivalent
   * `lab advance …` line, so the transcript shows every jump and `lab undo` takes it back.
   * Returns the line, or undefined if the target is not ahead.
   */
  jumpTo(targetMs: number, nowMs: number = this.store.getState().clock.labMs): string | undefined {
    const line = advanceLine(nowMs, targetMs)
    if (!line || !this.queue.submit) return undefined
    this.queue.submit(line)
    return line
  }

  /** Move the lab clock (window.lab.advance), in turn with commands. */
  advance(duration: string | number): Promise<string> {
    return this.queue.exclusive(async (client) => {
      await this.work
      const line = await client.advance(duration)
      this.refresh()
      this.opts.onLabChanged?.()
      return line
    })
  }

  /** The lab's update brought its time: shown from the wall time the rate counts from now. */
  /** A live command's round moved the lab by `ms` for wall time that passed meanwhile: that much is no longer owed. */
  paced(ms: number): void {
    this.rate.pay(ms)
  }

  labTime(ms: number): void {
    const c = this.store.getState().clock
    if (c.labMs !== ms || c.wallAnchor !== this.rate.anchor) c.set({ labMs: ms, wallAnchor: this.rate.anchor })
  }

  /** Show the rate (the lab time itself comes with the lab's updates). */
  refresh(started?: boolean): void {
    const { playing, speed, anchor } = this.rate
    this.store.getState().clock.set({ wallAnchor: anchor, mode: this.mode, playing, speed, ...(started ? { started } : {}) })
  }
}
