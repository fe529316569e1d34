// The terminal's behaviour, without React: a queue of lines to run (typed, pasted or sent through
// window.lab), continuation lines, history, completion, Ctrl+C / Ctrl+L, and the lab clock.

import { applyCompletion, formatColumns, type CompletionEdit } from './completion'
import { HistoryNav } from './history'
import { ClockDriver } from './clockDriver'
import type { OutputChunk, RunResult, TerminalLab } from './labPort'
import { PS2, promptFor, type ClockMode, type TerminalStore } from './terminalStore'

type Item =
  | { kind: 'typed'; text: string }
  | {
      kind: 'api'
      text: string
      onChunk?: (c: OutputChunk) => void
      resolve: (r: RunResult) => void
      reject: (e: unknown) => void
    }
  | { kind: 'task'; fn: () => Promise<unknown>; resolve: (v: unknown) => void; reject: (e: unknown) => void }

export interface ControllerOptions {
  /** Wall clock in ms (injected so tests can drive it). */
  wallNow?: () => number
  /** Called after each command, advance or restore has changed the lab (saving hooks in here). */
  onLabChanged?: () => void
  /** While the clock plays, save at most this often (wall ms); default 5 s. */
  saveEveryMs?: number
}

export class TerminalController {
  private lab: TerminalLab | undefined
  private queue: Item[] = []
  private pumping = false
  /** Lines typed so far of a command that needs more input (shown with PS2). */
  private pending: string | undefined
  private readonly history: HistoryNav
  private readonly wallNow: () => number
  private mode: ClockMode = 'still'
  /** Paused or playing at a speed; ticks and jumps (see src/state/clockDriver.ts). */
  private readonly clock: ClockDriver
  /** Terminal width in characters, for listing completions. */
  columns = 80

  constructor(
    readonly store: TerminalStore,
    private readonly opts: ControllerOptions = {},
  ) {
    this.wallNow = opts.wallNow ?? (() => Date.now())
    this.clock = new ClockDriver({
      wallNow: this.wallNow,
      lab: () => this.lab,
      idle: () => !this.pumping && this.queue.length === 0,
      exclusive: (fn) => this.exclusive(fn),
      refresh: () => this.refreshClock(),
      saved: () => this.opts.onLabChanged?.(),
      saveEveryMs: opts.saveEveryMs,
    })
    this.history = new HistoryNav(() => [
      ...(this.lab?.history() ?? []),
      ...this.queue.filter((i) => i.kind === 'typed').map((i) => i.text),
    ])
  }

  get isReady(): boolean {
    return this.lab !== undefined
  }

  /** The lab is ready: run whatever was typed meanwhile. */
  attach(lab: TerminalLab, mode: ClockMode): void {
    this.lab = lab
    this.mode = mode
    this.clock.rate.reset(mode === 'realtime', 1)
    lab.onClear(() => this.store.getState().clear())
    this.store.getState().set({ ready: true, status: 'Lab ready.', prompt: this.pending === undefined ? this.ps1() : PS2 })
    this.refreshClock()
    void this.pump()
  }

  /** After lab.restore() or a reset: the clock may have moved; a playing clock counts from now. */
  labReplaced(mode?: ClockMode): void {
    if (mode && mode !== this.mode) {
      this.mode = mode
      this.clock.rate.reset(mode === 'realtime', 1)
    } else this.clock.rate.reset(this.clock.rate.playing)
    this.refreshClock()
  }

  /** Pause or play the lab clock, or change its speed (lab ms per wall ms). */
  setClock(playing: boolean, speed?: number): void {
    this.clock.set(playing, speed)
  }

  /** While playing: move the lab by the wall time owed (see ClockDriver.tick). */
  tick(): void {
    this.clock.tick()
  }

  /** Jump the lab clock forward to `target(nowMs)`, in turn with commands; resolves to the lab time reached. */
  jump(target: (nowMs: number) => number | undefined): Promise<number> {
    return this.clock.jump(target)
  }

  get clockMode(): ClockMode {
    return this.mode
  }

  /** A line entered at the prompt (Enter). */
  submit(text: string): void {
    this.history.reset()
    this.queue.push({ kind: 'typed', text })
    this.updateQueued()
    void this.pump()
  }

  /**
   * Pasted text with newlines: every complete line is entered in order, as in a terminal;
   * the text after the last newline stays in the input. Returns what stays.
   */
  paste(before: string, pasted: string, after: string): CompletionEdit {
    const lines = (before + pasted.replace(/\r\n?/g, '\n') + after).split('\n')
    const rest = lines.pop() ?? ''
    for (const l of lines) this.submit(l)
    return { value: rest, cursor: rest.length - after.length }
  }

  /** Run a whole command line for window.lab.run; it is echoed and shown like a typed one. */
  runFromApi(text: string, onChunk?: (c: OutputChunk) => void): Promise<RunResult> {
    return new Promise<RunResult>((resolve, reject) => {
      this.queue.push({ kind: 'api', text, onChunk, resolve, reject })
      void this.pump()
    })
  }

  /** Run `fn` when nothing else runs (queued behind earlier lines), e.g. window.lab.restore. */
  exclusive<T>(fn: (lab: TerminalLab) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ kind: 'task', fn: () => fn(this.lab!), resolve: resolve as (v: unknown) => void, reject })
      void this.pump()
    })
  }

  /** PS1 for the shell's working directory. */
  private ps1(): string {
    return promptFor(this.lab?.cwd?.())
  }

  /** Ctrl+C: abandon the typed line (and any continuation or typed-ahead lines). */
  interrupt(current: string): void {
    this.history.reset()
    const st = this.store.getState()
    this.queue = this.queue.filter((i) => i.kind !== 'typed')
    this.updateQueued()
    if (st.busy) return // the running command cannot be stopped; what was typed ahead is dropped
    st.echo(st.prompt, current, '^C')
    this.pending = undefined
    st.set({ prompt: this.ps1() })
  }

  /** Ctrl+L: clear the screen, keep the line being typed. */
  clearScreen(): void {
    this.store.getState().clear()
  }

  historyUp(current: string): string | undefined {
    return this.history.up(current)
  }

  historyDown(): string | undefined {
    return this.history.down()
  }

  /** Tab: returns the new input line, or undefined (candidates, if ambiguous, are listed). */
  complete(value: string, cursor: number): CompletionEdit | undefined {
    if (!this.lab) return undefined
    const text = this.pending === undefined ? value : `${this.pending}\n${value}`
    const offset = text.length - value.length
    let result: { from: number; candidates: string[] }
    try {
      result = this.lab.complete(text, cursor + offset)
    } catch {
      return undefined
    }
    const outcome = applyCompletion(value, cursor, { from: result.from - offset, candidates: result.candidates })
    if (outcome.kind === 'edit') return outcome.edit
    if (outcome.kind === 'list') {
      const st = this.store.getState()
      st.echo(st.prompt, value)
      const shown = outcome.candidates.slice(0, 500)
      const more = outcome.candidates.length - shown.length
      st.write('out', formatColumns(shown, this.columns).join('\n') + '\n' + (more > 0 ? `… and ${more} more\n` : ''))
    }
    return undefined
  }

  /** Move the lab clock (window.lab.advance); shown in the header, not in the terminal. */
  async advance(duration: string | number): Promise<string> {
    const lab = await this.whenReady()
    await this.clock.work
    const line = await lab.advance(duration)
    this.refreshClock()
    this.opts.onLabChanged?.()
    return line
  }

  private whenReady(): Promise<TerminalLab> {
    if (this.lab) return Promise.resolve(this.lab)
    return new Promise((resolve) => {
      const unsub = this.store.subscribe((s) => {
        if (s.ready && this.lab) {
          unsub()
          resolve(this.lab)
        }
      })
    })
  }

  private updateQueued(): void {
    this.store.getState().set({ queued: this.queue.filter((i) => i.kind === 'typed').length })
  }

  private async pump(): Promise<void> {
    if (this.pumping || !this.lab || this.queue.length === 0) return
    this.pumping = true
    const st = () => this.store.getState()
    try {
      await this.clock.work
      while (this.queue.length > 0) {
        const item = this.queue.shift()!
        this.updateQueued()
        if (item.kind === 'typed') {
          st().echo(st().prompt, item.text)
          const text = this.pending === undefined ? item.text : `${this.pending}\n${item.text}`
          if (this.needsMore(text)) {
            this.pending = text
            st().set({ prompt: PS2 })
            continue
          }
          this.pending = undefined
          st().set({ prompt: this.ps1() })
          if (text.trim() === '') continue
          st().set({ busy: true })
          try {
            await this.execute(text)
          } catch {
            // already shown in the terminal
          }
        } else if (item.kind === 'task') {
          st().set({ busy: true })
          try {
            item.resolve(await item.fn())
          } catch (e) {
            item.reject(e)
          }
        } else {
          const [first, ...more] = item.text.split('\n')
          st().echo(st().prompt, first)
          for (const l of more) st().echo(PS2, l)
          st().set({ busy: true })
          try {
            item.resolve(await this.execute(item.text, item.onChunk))
          } catch (e) {
            item.reject(e)
          }
        }
      }
    } finally {
      this.pumping = false
      st().set({ busy: false })
    }
  }

  private needsMore(text: string): boolean {
    try {
      return this.lab!.needsMoreInput(text)
    } catch {
      return false
    }
  }

  private async execute(text: string, onChunk?: (c: OutputChunk) => void): Promise<RunResult> {
    const lab = this.lab!
    const st = this.store.getState()
    try {
      await this.clock.sync() // the wall time owed (none while paused)
      return await lab.run(text, (c) => {
        st.write(c.stream === 'stderr' ? 'err' : 'out', c.text)
        onChunk?.(c)
      })
    } catch (e) {
      st.write('err', `lab: internal error: ${e instanceof Error ? e.message : String(e)}\n`)
      throw e
    } finally {
      this.refreshClock()
      st.set({ prompt: this.ps1() })
      this.opts.onLabChanged?.()
    }
  }

  private refreshClock(): void {
    if (!this.lab) return
    const { playing, speed, anchor } = this.clock.rate
    this.store.getState().set({ clock: { labMs: this.lab.nowMs(), wallAnchor: anchor, mode: this.mode, playing, speed } })
  }
}
