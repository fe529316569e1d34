// Saves the lab after each change, at once (no idle wait: the writes are handed to IndexedDB in
// the same task as the change), one save at a time, writing only the parts that changed. A small
// marker names the commands not saved yet, so that a reload can tell whether the last command was
// saved: written as a command starts (`announce`: it commits while the command runs, so its save
// does not wait for it), else just before the save. A save that fails is reported as a status
// until one succeeds. No DOM, no window: this runs on the main thread or in a worker.

import { LAB, type KvBackend } from './idb'
import { ATTEMPT, PartWriter, type Attempt, type SaveInput } from './saveParts'
import type { SaveStatus } from './saveStatus'

export type { SaveStatus } from './saveStatus'
export { statusText } from './saveStatus'

const KEEP_COMMANDS = 20

/** A failed save's reason in a student's words. */
export function describeSaveError(e: unknown): string {
  const name = e instanceof Error || (typeof DOMException !== 'undefined' && e instanceof DOMException) ? (e as Error).name : ''
  if (name === 'QuotaExceededError') return "this browser's storage for the lab is full"
  if (name === 'InvalidStateError' || name === 'UnknownError') return 'the browser refused to write (private mode or a storage error)'
  const msg = e instanceof Error ? e.message : String(e)
  return msg.length > 200 ? `${msg.slice(0, 200)}…` : msg || 'unknown error'
}

export class Saver {
  private writer = new PartWriter()
  private seq = 0
  private savedSeq = 0
  private draining = false
  private pending: { build: () => SaveInput | undefined } | undefined
  /** The commands not saved yet, each with the number of its save (Infinity while it runs: see announce). */
  private unsaved: { command: string; seq: number }[] = []
  private status: SaveStatus = { state: 'idle' }
  private listeners = new Set<(s: SaveStatus) => void>()
  private idleWaiters: (() => void)[] = []
  private enabled = true
  private lastOkAt: string | undefined
  /** The marker `announce` wrote, and the command it names (until that command's save is asked for). */
  private announced: Attempt | undefined
  private running: string | undefined

  constructor(
    private readonly kv: KvBackend,
    private readonly clock: { iso(): string } = { iso: () => new Date(Date.now()).toISOString() },
  ) {}

  /** Continue the sequence of a restored lab (so later markers compare with its meta). */
  startFrom(seq: number, savedAt?: string): void {
    this.lastOkAt = savedAt
    this.seq = Math.max(this.seq, seq)
    this.savedSeq = this.seq
  }

  getStatus(): SaveStatus {
    return this.status
  }

  onStatus(cb: (s: SaveStatus) => void): () => void {
    this.listeners.add(cb)
    return () => this.listeners.delete(cb)
  }

  private set(s: SaveStatus): void {
    this.status = s
    for (const cb of this.listeners) cb(s)
  }

  /** Stop saving (another tab took the lab over) or start again (this tab took it back). */
  setEnabled(on: boolean, reason = 'another tab has this lab open'): void {
    this.enabled = on
    this.writer.forget()
    // a command announced here is not this tab's to save any more
    this.announced = this.running = undefined
    this.unsaved = this.unsaved.filter((c) => c.seq !== Infinity)
    this.set(on ? { state: 'idle' } : { state: 'off', reason })
  }

  /** The next save rewrites every part (after the lab was replaced in another way). */
  forgetWritten(): void {
    this.writer.forget()
    this.announced = undefined
  }

  /**
   * A command starts: the marker names it now, as the next save's, so that a tab that dies while it
   * runs or before its save has committed says on reload that it was lost. Its save (`request` with
   * the same command) then writes no marker of its own, unless another save came in between.
   */
  announce(command: string): void {
    if (!this.enabled) return
    this.running = command
    this.unsaved = [...this.unsaved, { command, seq: Infinity }].slice(-KEEP_COMMANDS)
    const attempt: Attempt = { seq: this.seq + 1, at: this.clock.iso(), commands: names(this.unsaved) }
    this.announced = attempt
    this.kv.write(LAB, { put: [[ATTEMPT, attempt]] }).catch(() => {}) // a failure shows in the save's own writes
  }

  /** Save now (or right after the save in progress); `command` names the change for the marker. */
  request(build: () => SaveInput | undefined, command?: string): void {
    if (!this.enabled) return
    this.seq++
    if (command !== undefined) {
      // the command announced as it started is listed already: its entry now waits for this save
      const last = this.unsaved[this.unsaved.length - 1]
      if (command === this.running && last?.command === command && last.seq === Infinity) this.unsaved = [...this.unsaved.slice(0, -1), { command, seq: this.seq }]
      else if (command) this.unsaved = [...this.unsaved, { command, seq: this.seq }].slice(-KEEP_COMMANDS)
      this.running = undefined
    }
    this.pending = { build }
    if (!this.draining) void this.drain()
  }

  /** Resolves when no save is in progress or waiting. */
  flush(): Promise<void> {
    if (!this.draining && !this.pending) return Promise.resolve()
    return new Promise((resolve) => this.idleWaiters.push(resolve))
  }

  private async drain(): Promise<void> {
    this.draining = true
    try {
      while (this.pending && this.enabled) {
        const { build } = this.pending
        this.pending = undefined
        await this.saveOnce(build)
      }
    } finally {
      this.draining = false
      this.pending = undefined
      const waiters = this.idleWaiters
      this.idleWaiters = []
      waiters.forEach((w) => w())
    }
  }

  private async saveOnce(build: () => SaveInput | undefined): Promise<void> {
    const seq = this.seq
    const unsaved = names(this.unsaved)
    let input: SaveInput | undefined
    try {
      input = build()
    } catch (e) {
      this.fail(e, unsaved)
      return
    }
    if (!input) return
    const at = this.clock.iso()
    const attempt: Attempt = { seq, at, commands: unsaved }
    // Both transactions are created now, in this task; IndexedDB runs them in this order. The
    // marker is there already when `announce` wrote this one (the same number and commands).
    const a = this.announced
    const marker = a && a.seq === seq && sameList(a.commands, unsaved) ? Promise.resolve() : this.kv.write(LAB, { put: [[ATTEMPT, attempt]] })
    let plan: ReturnType<PartWriter['plan']>
    try {
      plan = this.writer.plan(input, { savedAt: at, seq, ...(input.seed !== undefined ? { seed: input.seed } : {}), ...(input.now !== undefined ? { now: input.now } : {}) })
    } catch (e) {
      marker.catch(() => {})
      this.fail(e, unsaved)
      return
    }
    const parts = this.kv.write(LAB, plan.batch)
    marker.catch(() => {}) // its failure shows in the parts' save too (same store)
    try {
      await parts
    } catch (e) {
      this.writer.forget()
      this.fail(e, unsaved)
      return
    }
    plan.commit()
    this.savedSeq = seq
    // Commands requested while this save ran, or still running, stay listed until their own save succeeds.
    this.unsaved = this.unsaved.filter((c) => c.seq > seq)
    this.lastOkAt = at
    this.set({ state: 'saved', at, seq })
  }

  private fail(e: unknown, unsaved: string[]): void {
    const since = this.status.state === 'failing' ? this.status.since : (this.lastOkAt ?? this.clock.iso())
    this.set({ state: 'failing', since, reason: describeSaveError(e), unsaved: [...unsaved] })
  }

  /** The sequence number of the last change saved (for tests and the page's checks). */
  lastSaved(): number {
    return this.savedSeq
  }
}

const names = (l: readonly { command: string }[]) => l.map((c) => c.command)
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i])
