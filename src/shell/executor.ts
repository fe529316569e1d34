// Runs parsed command lists the way bash's execute_cmd.c does: and-or lists with `$?`, pipelines
// whose members run one after another with the previous stdout buffered as the next stdin,
// subshells and command substitutions in a child scope, prefix assignments for one command.
// Every command, pipeline stage and expansion spends a step of the line's budget (budget.ts).

import type { AndOr, Command, List, Pipeline, SimpleCommand } from './parser/ast'
import { callFunction, controlBuiltin, runCompound, type CompoundHost } from './compoundExec'
import type { CommandContext, CommandSpec, HomeFs, LabServices, OutputChunk, ShellEnv, ShellHandle } from './types'
import { ExpansionError, expandString, expandWords, type ExpandContext } from './expand'
import { applyRedirects, isTerminal, type IO, type Sink } from './redirect'
import { OverlayEnv } from './env'
import { globField } from './glob'
import { isWorkingFs } from './fs'
import { CommandOutput, LineBudget } from './budget'
import { FsWriteError, OutputStop, ShellStop, STATUS_OUTPUT, fsLimitHint, type ShellLimits } from './limits'

/** Commands that are bash builtins: their write errors read `bash: echo: write error: ...`. */
const BUILTINS = new Set(['echo', 'printf', 'pwd', 'cd', 'export', 'unset', 'history', 'help', 'test', '[', 'true', 'false'])
/** How many steps run between two pauses for the host (a worker reads Ctrl+C in them). */
const PAUSE_EVERY = 1000

/** An expansion error stops the rest of the command line (or of the subshell it happened in). */
export class AbortLine {
  constructor(readonly status: number) {}
}

export interface ExecHost {
  fs: HomeFs
  lab: LabServices
  shell: ShellHandle
  lookup(name: string): CommandSpec | undefined
  /** Output that reaches the terminal, in write order. */
  emit(chunk: OutputChunk): void
  limits: ShellLimits
  /** Let the host run its own tasks (a worker's messages, such as Ctrl+C) now and then. */
  pause?(): Promise<void>
}

export class Executor implements CompoundHost {
  /** `$?`: the status of the last command run. */
  status = 0
  readonly budget: LineBudget
  private lastPause = 0
  loopDepth = 0
  callDepth = 0
  readonly functions = new Map<string, Command>()

  constructor(private host: ExecHost) {
    this.budget = new LineBudget(host.limits)
  }

  async runList(list: List, io: IO, env: ShellEnv): Promise<number> {
    for (const item of list.items) await this.runAndOr(item, io, env)
    return this.status
  }

  /** A new command line starts: a fresh budget. */
  beginLine(): void {
    this.budget.begin()
    this.lastPause = 0
  }

  /** Write the shell's own messages (errors, warnings), outside any command's output budget. */
  write(sink: Sink, text: string): void {
    this.budget.write(sink, text, this.host.fs, (c) => this.host.emit(c))
  }

  tick(): Promise<void> {
    return this.step()
  }

  private async step(): Promise<void> {
    this.budget.step()
    if (this.host.pause && this.budget.steps - this.lastPause >= PAUSE_EVERY) {
      this.lastPause = this.budget.steps
      await this.host.pause()
      this.budget.check()
    }
  }

  private async runAndOr(item: AndOr, io: IO, env: ShellEnv): Promise<void> {
    this.status = await this.runPipeline(item.first, io, env)
    for (const { op, pipeline } of item.rest) {
      if ((op === '&&') !== (this.status === 0)) continue
      this.status = await this.runPipeline(pipeline, io, env)
    }
  }

  private async runPipeline(p: Pipeline, io: IO, env: ShellEnv): Promise<number> {
    let status = 0
    if (p.commands.length === 1) status = await this.runCommand(p.commands[0], io, env)
    else {
      let stdin = io.stdin
      let stdinIsTTY = io.stdinIsTTY
      for (let i = 0; i < p.commands.length; i++) {
        await this.step()
        const last = i === p.commands.length - 1
        const buf = { text: '' }
        const out: Sink = last ? io.out : { kind: 'buffer', buf }
        // Every member of a pipeline runs in a subshell: its assignments do not persist.
        const member = p.commands[i]
        status = await this.inSubshell(() => this.runCommand(member, { stdin, stdinIsTTY, out, err: io.err }, new OverlayEnv(env)))
        this.status = status
        stdin = buf.text
        stdinIsTTY = false
      }
    }
    return p.negated ? Number(status === 0) : status
  }

  expandContext(env: ShellEnv, io: IO): ExpandContext {
    return {
      env,
      maxValue: this.host.limits.maxValue,
      step: () => this.budget.step(),
      lastStatus: () => this.status,
      glob: (field) => globField(this.host.fs, field, () => this.budget.step()),
      substitute: async (body) => {
        const buf = { text: '' }
        const status = await this.inSubshell(() =>
          this.runList(body, { stdin: '', stdinIsTTY: io.stdinIsTTY, out: { kind: 'buffer', buf }, err: io.err }, new OverlayEnv(env)),
        )
        return { stdout: buf.text, status }
      },
    }
  }

  /** Run with the working directory restored afterwards, as a forked subshell would leave it. */
  private async inSubshell(fn: () => Promise<number>): Promise<number> {
    const fs = this.host.fs
    const cwd = fs.cwd()
    try {
      return await fn()
    } catch (e) {
      if (e instanceof AbortLine) return e.status
      throw e
    } finally {
      if (isWorkingFs(fs) && fs.cwd() !== cwd) fs.chdir(cwd)
    }
  }

  async runCommand(cmd: Command, io: IO, env: ShellEnv): Promise<number> {
    await this.step()
    const ectx = this.expandContext(env, io)
    try {
      if (cmd.kind === 'subshell') {
        const sub = await applyRedirects(cmd.redirects, io, this.host.fs, ectx)
        return await this.inSubshell(() => this.runList(cmd.body, sub, new OverlayEnv(env)))
      }
      if (cmd.kind === 'simple') return await this.runSimple(cmd, io, env, ectx)
      const cio = await applyRedirects(cmd.redirects, io, this.host.fs, ectx)
      return await runCompound(this, cmd, cio, env)
    } catch (e) {
      if (e instanceof ExpansionError) {
        this.write(io.err, `bash: ${e.message}\n${e.hint ? `${e.hint}\n` : ''}`)
        if (e.fatal) throw new AbortLine(1)
        return 1
      }
      throw e
    }
  }

  private async runSimple(cmd: SimpleCommand, io: IO, env: ShellEnv, ectx: ExpandContext): Promise<number> {
    const argv = await expandWords(cmd.words, ectx)
    if (argv.length === 0) {
      // Only assignments (and maybe redirections): they change the shell itself, left to right.
      for (const a of cmd.assignments) env.set(a.name, await expandString(a.value.parts, ectx))
      await applyRedirects(cmd.redirects, io, this.host.fs, ectx)
      return ectx.substStatus ?? 0
    }
    const values: [string, string][] = []
    for (const a of cmd.assignments) values.push([a.name, await expandString(a.value.parts, ectx)])
    const cio = await applyRedirects(cmd.redirects, io, this.host.fs, ectx)
    const name = argv[0]
    const control = controlBuiltin(this, argv, env, (t) => this.write(cio.err, t))
    if (control !== undefined) return control
    const fn = this.functions.get(name)
    if (fn) return callFunction(this, fn, argv, cio, env)
    const spec = this.host.lookup(name)
    if (!spec) {
      const msg = name.includes('/') ? `${name}: No such file or directory` : `${name}: command not found`
      this.write(cio.err, `bash: ${msg}\n`)
      return 127
    }
    let cenv = env
    if (values.length > 0) {
      const overlay = new OverlayEnv(env)
      for (const [n, v] of values) {
        overlay.set(n, v)
        overlay.export(n)
      }
      cenv = overlay
    }
    const out = new CommandOutput(name, this.budget, this.host.fs, (c) => this.host.emit(c))
    const ctx: CommandContext = {
      argv,
      stdin: cio.stdin,
      stdinIsTTY: cio.stdinIsTTY,
      stdoutIsTTY: isTerminal(cio.out),
      stdout: (t) => out.write(cio.out, t),
      stderr: (t) => out.write(cio.err, t),
      env: cenv,
      fs: this.host.fs,
      lab: this.host.lab,
      shell: this.host.shell,
      signal: this.budget.signal(),
    }
    let status: number
    let error: unknown
    try {
      const s = await spec.run(ctx)
      status = Number.isInteger(s) ? s & 0xff : 1
    } catch (e) {
      if (e instanceof ShellStop) throw e
      error = e
      status = 1
    }
    // A command that caught a stop itself is stopped all the same.
    this.budget.check()
    const ended = out.ended ?? (error instanceof FsWriteError ? error : undefined)
    if (ended instanceof OutputStop) {
      this.write(cio.err, ended.message)
      return STATUS_OUTPUT
    }
    if (ended instanceof FsWriteError) {
      const who = BUILTINS.has(name) ? `bash: ${name}` : name
      this.write(cio.err, `${who}: write error: ${ended.message}\n${fsLimitHint(this.host.limits)}`)
      return 1
    }
    if (error !== undefined) this.write(cio.err, `${name}: ${error instanceof Error ? error.message : String(error)}\n`)
    return status
  }
}
