// The budgets of one command line as the executor spends them: steps, Ctrl+C, the terminal's
// share of output, and each command's own output (see limits.ts for the numbers and messages).

import type { HomeFs, OutputChunk } from './types'
import type { Sink } from './redirect'
import {
  FsWriteError, OutputStop, ShellStop, interruptStop, lineOutputNotice, outputNotice, stepsStop,
  STATUS_OUTPUT, type CommandSignal, type ShellLimits,
} from './limits'

/** How many times its step budget a line may spend in writers that SIGPIPE ends. */
const RESUMES = 4

export class LineBudget {
  steps = 0
  /** Steps given back to the line by writers ended as by SIGPIPE (resumeAfterSteps). */
  private givenBack = 0
  private terminal = 0
  private interrupted = false
  /** Set once the line is stopped; every later step or write throws it again. */
  stopped: ShellStop | undefined

  constructor(readonly limits: ShellLimits) {}

  /** A new command line starts: a fresh budget, and an earlier Ctrl+C no longer counts. */
  begin(): void {
    this.steps = 0
    this.givenBack = 0
    this.terminal = 0
    this.interrupted = false
    this.stopped = undefined
  }

  interrupt(): void {
    this.interrupted = true
  }

  /** Throws the line's stop if Ctrl+C came or the line was already stopped. */
  check(): void {
    if (this.stopped) throw this.stopped
    if (this.interrupted) throw this.halt(interruptStop())
  }

  /** Count `n` steps of the shell's own work (commands, pipeline stages, expansions). */
  step(n = 1): void {
    this.check()
    this.steps += n
    if (this.steps > this.limits.maxSteps) throw this.halt(stepsStop(this.limits))
  }

  /**
   * A pipeline's writer ran out of steps (a loop that never ends, `while :; do echo; done | head`):
   * the line goes on as if SIGPIPE had ended the writer, with the steps it had before it began
   * (sigpipe.ts). False for any other stop, which still ends the line.
   */
  resumeAfterSteps(stop: unknown, steps: number): stop is ShellStop {
    if (!(stop instanceof ShellStop) || stop.reason !== 'steps' || this.stopped !== stop || this.interrupted) return false
    // (given back at most RESUMES times the budget in a line, so a loop of such pipelines still ends)
    this.givenBack += this.steps - steps
    if (this.givenBack > RESUMES * this.limits.maxSteps) return false
    this.stopped = undefined
    this.steps = steps
    return true
  }

  halt(stop: ShellStop): ShellStop {
    this.stopped ??= stop
    return this.stopped
  }

  get aborted(): boolean {
    return this.interrupted || this.stopped !== undefined
  }

  signal(): CommandSignal {
    const aborted = () => this.aborted
    return {
      get aborted() {
        return aborted()
      },
      throwIfAborted: () => this.check(),
      killedByInterrupt: () => {
        this.interrupt()
        throw this.halt(interruptStop())
      },
    }
  }

  /**
   * Write to a sink without a command's budget (the shell's own messages). Only the line's
   * terminal budget applies; a full file swallows the message as a full disk would.
   */
  write(sink: Sink, text: string, fs: HomeFs, emit: (c: OutputChunk) => void): void {
    if (!text) return
    switch (sink.kind) {
      case 'terminal': {
        const room = this.limits.maxLineOutput - this.terminal
        if (room <= 0) return
        const part = text.length > room ? text.slice(0, room) : text
        this.terminal += part.length
        emit({ stream: sink.stream, text: part })
        if (part.length < text.length) {
          emit({ stream: 'stderr', text: (part.endsWith('\n') ? '' : '\n') + lineOutputNotice(this.limits) })
          throw this.halt(new ShellStop('output', '', STATUS_OUTPUT))
        }
        break
      }
      case 'buffer':
        sink.buf.text += text
        break
      case 'file':
        try {
          fs.writeFile(sink.path, text, true)
        } catch (e) {
          if (!(e instanceof FsWriteError)) throw e
        }
        break
    }
  }
}

/** One command's output budget: what it wrote, and why it was stopped, if it was. */
export class CommandOutput {
  private written = 0
  /** Whether the last character this command put on the terminal ended a line. */
  private atLineStart = true
  ended: OutputStop | FsWriteError | undefined

  constructor(
    private readonly name: string,
    private readonly line: LineBudget,
    private readonly fs: HomeFs,
    private readonly emit: (c: OutputChunk) => void,
  ) {}

  write(sink: Sink, text: string): void {
    this.line.check()
    if (this.ended) throw this.ended
    if (!text) return
    if (sink.kind === 'file') {
      try {
        this.fs.writeFile(sink.path, text, true)
      } catch (e) {
        if (e instanceof FsWriteError) this.ended = e
        throw e
      }
      return
    }
    const room = this.line.limits.maxOutput - this.written
    const part = text.length > room ? text.slice(0, Math.max(0, room)) : text
    this.written += part.length
    if (sink.kind !== 'null') this.line.write(sink, part, this.fs, this.emit)
    if (part && sink.kind === 'terminal') this.atLineStart = part.endsWith('\n')
    if (part.length < text.length) {
      const where = sink.kind === 'terminal' ? 'terminal' : sink.kind === 'buffer' ? 'pipe' : 'null'
      const lead = where === 'terminal' && !this.atLineStart ? '\n' : ''
      this.ended = new OutputStop(lead + outputNotice(this.name, where, this.line.limits), where)
      throw this.ended
    }
  }
}
