// The terminal's behaviour, without React: a queue of lines to run (typed, pasted or sent through
// window.lab), continuation lines, history, completion, Ctrl+C / Ctrl+L. The lab clock has its
// own controller (clockController.ts); commands wait for its work and apply the time owed first.

import type { CompletionEdit } from './completion'
import { HistoryNav } from './history'
import type { CommandQueue } from './clockController'
import type { LabClient, OutputChunk, RunResult } from './labPort'
import { PS2, promptFor } from './slices/terminal'
import type { AppStore } from './store'

type Item =
  | { kind: 'typed'; text: string; taken?: () => void }
  | {
      kind: 'api'
      text: string
      onChunk?: (c: OutputChunk) => void
      resolve: (r: RunResult) => void
      reject: (e: unknown) => void
    }
  | { kind: 'task'; fn: () => Promise<unknown>; resolve: (v: unknown) => void; reject: (e: unknown) => void }

/** What runs before each command: the clock's work, then the wall time owed. */
export interface RunGate {
  readonly work: Promise<unknown>
  sync(): Promise<void>
  /** Take the wall time owed, for a command that applies it itself (LabClient.enter). */
  owed?(): number
}

export interface ControllerOptions {
  /** Called after each command or restore has changed the lab (saving hooks in here). */
  onLabChanged?: () => void
}

/** How long a typed line waits for its command's first output before it is echoed alone. */
export const ECHO_WAIT_MS = 50

/** A command that ended without its answer (the lab was restarted under it): shown as a notice. */
export class CommandLost extends Error {}

export class TerminalController implements CommandQueue {
  private lab: LabClient | undefined
  private queue: Item[] = []
  private pumping = false
  /** Echoes the line being run (enter), until it has been. */
  private showEcho: (() => void) | undefined
  /** Lines typed so far of a command that needs more input (shown with PS2). */
  private pending: string | undefined
  private readonly history: HistoryNav
  /** The clock's controller, once attached. */
  gate: RunGate | undefined
  /** Terminal width in characters, for listing completions. */
  columns = 80

  constructor(
    readonly store: AppStore,
    private readonly opts: ControllerOptions = {},
  ) {
    this.history = new HistoryNav(() => [
      ...this.store.getState().lab.history,
      ...this.queue.filter((i) => i.kind === 'typed').map((i) => i.text),
    ])
  }

  get isReady(): boolean {
    return this.lab !== undefined
  }

  client(): LabClient | undefined {
    return this.lab
  }

  idle(): boolean {
    return !this.pumping && this.queue.length === 0
  }

  /** The lab is ready: run whatever was typed meanwhile. */
  attach(lab: LabClient): void {
    this.lab = lab
    this.term().set({ ready: true, status: 'Lab ready.', prompt: this.pending === undefined ? this.ps1() : PS2 })
    void this.pump()
  }

  /**
   * A line entered at the prompt (Enter). When it runs at once, `taken` is called as it is echoed
   * (with its first output, see enter()) and the result is true: the input may keep showing the line
   * until then, so that the key changes nothing on the page before the answer comes.
   */
  submit(text: string, taken?: () => void): boolean {
    this.history.reset()
    const atOnce = !this.pumping && this.lab?.enter !== undefined && this.queue.length === 0
    this.queue.push({ kind: 'typed', text, taken: atOnce ? taken : undefined })
    // Typed ahead of a running command (or of the lab's start): the terminal shows it waits.
    if (!atOnce) this.updateQueued()
    void this.pump()
    return atOnce && taken !== undefined
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
  exclusive<T>(fn: (lab: LabClient) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ kind: 'task', fn: () => fn(this.lab!), resolve: resolve as (v: unknown) => void, reject })
      void this.pump()
    })
  }

  private term() {
    return this.store.getState().terminal
  }

  /** PS1 for the shell's working directory. */
  private ps1(): string {
    const lab = this.store.getState().lab
    return lab.prompt ?? promptFor(lab.cwd)
  }

  /** Ctrl+D on an empty line: ends a container shell holding the terminal (as its `exit`); nothing at the workstation. */
  endOfInput(): void {
    if (this.store.getState().lab.prompt !== undefined) this.submit('exit')
  }

  /** Ctrl+C: abandon the typed line (and any continuation or typed-ahead lines); stop a running command. */
  interrupt(current: string): void {
    this.history.reset()
    const st = this.term()
    this.queue = this.queue.filter((i) => i.kind !== 'typed')
    this.updateQueued()
    // (a line entered and not echoed yet is running too)
    if (st.busy || this.pumping) {
      this.lab?.interrupt()
      return
    }
    st.echo(st.prompt, current, '^C')
    this.pending = undefined
    st.set({ prompt: this.ps1() })
  }

  /** Ctrl+L: clear the screen, keep the line being typed. */
  clearScreen(): void {
    this.term().clear()
  }

  historyUp(current: string): string | undefined {
    return this.history.up(current)
  }

  historyDown(): string | undefined {
    return this.history.down()
  }

  /** Tab: resolves to the new input line, or undefined (candidates, if ambiguous, are listed). */
  async complete(value: string, cursor: number): Promise<CompletionEdit | undefined> {
    if (!this.lab) return undefined
    const text = this.pending === undefined ? value : `${this.pending}\n${value}`
    const offset = text.length - value.length
    try {
      // completion.ts is loaded on the first Tab: the page's first bundle does without it.
      const [result, m] = await Promise.all([this.lab.complete(text, cursor + offset), import('./completion')])
      return m.finishCompletion(this.term(), value, cursor, { from: result.from - offset, candidates: result.candidates }, this.columns)
    } catch {
      return undefined
    }
  }

  private updateQueued(): void {
    this.term().set({ queued: this.queue.filter((i) => i.kind === 'typed').length })
  }

  private async pump(): Promise<void> {
    if (this.pumping || !this.lab || this.queue.length === 0) return
    this.pumping = true
    const st = () => this.term()
    try {
      await this.gate?.work
      while (this.queue.length > 0) {
        const item = this.queue.shift()!
        this.updateQueued()
        if (item.kind === 'typed') {
          const prompt = st().prompt
          const text = this.pending === undefined ? item.text : `${this.pending}\n${item.text}`
          if (this.lab.enter) {
            await this.enter(text, () => {
              st().echo(prompt, item.text)
              item.taken?.()
            })
            continue
          }
          st().echo(prompt, item.text)
          item.taken?.()
          if (await this.needsMore(text)) {
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

  private async needsMore(text: string): Promise<boolean> {
    try {
      return await this.lab!.needsMoreInput(text)
    } catch {
      return false
    }
  }

  /**
   * A typed line in one round trip to the lab (LabClient.enter). The line is echoed with its first
   * output, or its answer, or after ECHO_WAIT_MS for a command that takes its time: the page then
   * draws the echo and the output in one go, and the worker's answer does not wait behind a frame
   * drawn for the echo alone.
   */
  private async enter(text: string, echo: () => void): Promise<void> {
    const lab = this.lab!
    const st = this.term()
    let echoed = false
    const show = () => {
      if (echoed) return
      echoed = true
      clearTimeout(timer)
      echo()
      st.set({ busy: true })
    }
    const timer = setTimeout(show, ECHO_WAIT_MS)
    this.showEcho = show
    let ran = false
    const fromId = st.nextId
    try {
      const answer = await lab.enter!(text, this.gate?.owed?.() ?? 0, (c) => {
        show()
        ran = true
        st.write(c.stream === 'stderr' ? 'err' : 'out', c.text)
      })
      this.showEcho = undefined
      st.alternate(false) // a full-screen command gives the screen back as it ends (a no-op then)
      show()
      if (answer.more) {
        this.pending = text
        st.set({ prompt: PS2 })
        return
      }
      ran = answer.result !== undefined
      if (answer.result) st.settle(fromId, answer.result.exitCode)
      this.pending = undefined
    } catch (e) {
      this.showEcho = undefined
      st.alternate(false)
      show()
      ran = true
      this.pending = undefined
      if (e instanceof CommandLost) {
        if (this.term().partial.length > 0) st.write('out', '\n')
        st.notice(e.message, 'warn')
      } else st.write('err', `lab: internal error: ${e instanceof Error ? e.message : String(e)}\n`)
    }
    st.set({ prompt: this.ps1() })
    if (ran) this.opts.onLabChanged?.()
  }

  private async execute(text: string, onChunk?: (c: OutputChunk) => void): Promise<RunResult> {
    const lab = this.lab!
    const st = this.term()
    const fromId = st.nextId
    try {
      await this.gate?.sync() // the wall time owed (none while paused)
      const result = await lab.run(text, (c) => {
        st.write(c.stream === 'stderr' ? 'err' : 'out', c.text)
        onChunk?.(c)
      })
      st.alternate(false)
      st.settle(fromId, result.exitCode)
      return result
    } catch (e) {
      st.alternate(false)
      if (e instanceof CommandLost) {
        if (this.term().partial.length > 0) st.write('out', '\n')
        st.notice(e.message, 'warn')
      } else st.write('err', `lab: internal error: ${e instanceof Error ? e.message : String(e)}\n`)
      throw e
    } finally {
      st.alternate(false)
      st.set({ prompt: this.ps1() })
      this.opts.onLabChanged?.()
    }
  }

  /**
   * Echo the line being run now if it is not yet: a full-screen command (watch) is about to take
   * the alternate screen, and its line stays above it on the screen that comes back.
   */
  echoEntered(): void {
    this.showEcho?.()
  }
}
