// The interactive shell: parses each input, runs it, keeps variables, `$?`, history and the
// working directory between inputs, and offers continuation and tab completion to the terminal.

import { readInput } from './histExpand'
import { dynamicSource, startBash, type BashStart } from './bashVariables'
import type { ChildShell, CommandSpec, HomeFs, LabServices, OutputChunk, RunResult, ScriptInvocation, ShellDialect, ShellEnv, ShellHandle } from './types'
import { parseScript } from './parser/parser'
import { AbortLine, Executor } from './executor'
import { isWorkingFs, MemoryFs } from './fs'
import { completeLine, type Completion } from './complete'
import { builtinCommands } from './commands'
import { MemoryEnv, OverlayEnv, type EnvSnapshot } from './env'
import type { IO } from './redirect'
import { DEFAULT_LIMITS, ShellStop, type ShellLimits } from './limits'
import { ExitShell } from './runtime'
import type { Job } from './jobs'

const aliasKey = (m: Map<string, string>) => JSON.stringify([...m])

/** Everything the shell keeps between inputs, as plain data. */
export interface ShellState {
  env: EnvSnapshot
  lastStatus: number
  history: string[]
  files: Record<string, string>
  /** Modes that differ from a new file's (chmod), by path; absent when none does. */
  modes?: Record<string, number>
}

export interface ShellOptions {
  fs: HomeFs
  env: ShellEnv
  lab: LabServices
  /** Extra commands (kubectl, curl, lab, ...); they replace built-in ones of the same name. */
  commands?: CommandSpec[]
  /** `commands` is the whole table, built-in ones included (a container's: its programs; `fallback` answers the rest). */
  onlyCommands?: boolean
  history?: string[]
  /** Called when `clear` runs. */
  onClear?: () => void
  /** Called when a full-screen command (watch) takes the terminal's alternate screen (true) and gives it back (false). */
  onScreen?: (alternate: boolean) => void
  /** Budgets for one command line (DEFAULT_LIMITS where absent; the filesystem keeps its own). */
  limits?: Partial<ShellLimits>
  /**
   * Called every thousand steps and awaited: a host running the shell in a worker can let its
   * message queue run here, so that Ctrl+C (interrupt()) reaches a long command line.
   */
  pause?: () => Promise<void>
  /**
   * `exit` (and `set -e`) end this shell, as in `sh -c` or a container's interactive shell; then
   * `exited` holds the status. Without it (the workstation) the shell stays and says so.
   */
  exitEnds?: boolean
  /** The command for a name no spec has (a container's shell answers `sh: x: not found` this way). */
  fallback?: (name: string) => CommandSpec | undefined
  /** `$$`, and where the pids of the processes it starts come from (a container's shell: its PID counter). */
  pid?: number
  spawnPid?: () => number
  /** Whose words `type`, `command -v` and `hash` speak (a container's sh: busybox ash or dash); bash without it. */
  dialect?: ShellDialect
  /** Every file NAME is on PATH, in PATH order (a container's image); the workstation's layout (which.ts) without it. */
  pathsOf?: (name: string) => string[]
  /** `$0`: the name the shell was started as (bash without it). */
  arg0?: string
  /** The positional parameters it starts with (`sh -c SCRIPT NAME ARGS...`: ARGS). */
  positional?: string[]
  /** A bash program as it starts (bashVariables.ts): its own variables; absent: none (a container's sh, a helper shell). */
  bash?: BashStart
}

interface Restorable {
  snapshot(): EnvSnapshot
  restore(s: EnvSnapshot): void
}

/** What a line reads and whether its input and output are the terminal (`outTTY`: as `tty` when absent). */
interface RunInput {
  stdin: string
  tty: boolean
  outTTY?: boolean
  /** How much of `stdin` the lines before took (a script's lines share one input). */
  cursor?: { pos: number }
  /** The line of its script the input starts on (the terminal: the lines typed so far, plus one). */
  firstLine?: number
}

/** bash programs started one inside the other stop this deep (each is one more Shell in the lab's worker). */
const MAX_NESTED_SHELLS = 32

export class Shell {
  readonly fs: HomeFs
  readonly env: ShellEnv
  /** Set by `clear`; the terminal resets it after clearing the screen. */
  clearRequested = false
  /** Whether the inputs go into the history (a shell reading a script, as `sh -c`, keeps none). */
  private keepsHistory = true
  /** Lines the terminal has read ($LINENO counts on from them, as an interactive bash's does). */
  private linesRead = 0

  /** A shell started with -c, or on a script on its standard input: not interactive, and it keeps no history. */
  startedAs(invocation: ScriptInvocation): void {
    this.keepsHistory = false
    this.executor.rt.startedAs(invocation)
  }
  /** The status `exit` ended this shell with (only with the exitEnds option). */
  exited: number | undefined
  private exitEnds: boolean
  private specs = new Map<string, CommandSpec>()
  private hist: string[]
  private executor: Executor
  private queue: Promise<unknown> = Promise.resolve()
  private onClear?: () => void
  private onScreen?: (alternate: boolean) => void
  private sink: ((c: OutputChunk) => void) | undefined

  constructor(opts: ShellOptions) {
    this.fs = opts.fs
    this.env = opts.env
    this.hist = [...(opts.history ?? [])]
    this.onClear = opts.onClear
    this.onScreen = opts.onScreen
    this.exitEnds = opts.exitEnds ?? false
    if (!opts.onlyCommands) for (const spec of builtinCommands()) this.register(spec)
    for (const spec of opts.commands ?? []) this.register(spec)
    const handle: ShellHandle = {
      dialect: opts.dialect ?? 'bash',
      history: () => this.history(),
      clearScreen: () => {
        this.clearRequested = true
        this.onClear?.()
      },
      alternateScreen: (on) => this.onScreen?.(on),
      commands: () => this.commands(),
      runCaptured: async (text, env) => {
        const r = await this.runBuffered(text, env, true)
        return { output: r.stdout, exitCode: r.exitCode }
      },
      runSplit: (text, env) => this.runBuffered(text, env, false),
      runChild: (child) => this.runChild(opts, child),
      isReadonly: (name) => this.executor.rt.readonly.has(name),
      functions: { has: (name) => this.executor.functions.has(name), delete: (name) => this.executor.functions.delete(name) },
    }
    this.executor = new Executor({
      fs: opts.fs,
      lab: opts.lab,
      shell: handle,
      lookup: (name) => this.specs.get(name) ?? opts.fallback?.(name),
      emit: (c) => this.sink?.(c),
      limits: { ...DEFAULT_LIMITS, ...opts.limits },
      pause: opts.pause,
      jobControl: !this.exitEnds,
      pid: opts.pid,
      spawnPid: opts.spawnPid,
      dialect: opts.dialect ?? 'bash',
      pathsOf: opts.pathsOf,
    })
    if (opts.arg0 !== undefined) this.executor.rt.arg0 = opts.arg0
    if (opts.positional) this.executor.rt.positional = [...opts.positional]
    this.executor.rt.dialect = opts.dialect ?? 'bash'
    this.bash = opts.dialect === undefined || opts.dialect === 'bash' ? opts.bash : undefined
    if (this.bash) {
      startBash(this.env, this.executor.rt, this.bash)
      this.executor.rt.dynamic = dynamicSource(() => opts.lab.now())
    }
  }

  /** Run `text` in a subshell with its output in buffers: one for both streams (`merged`), or one each. */
  private async runBuffered(text: string, env: ShellEnv, merged: boolean): Promise<{ stdout: string; stderr: string; exitCode: number }> {
    const out = { text: '' }
    const err = merged ? out : { text: '' }
    const io: IO = { stdin: '', stdinIsTTY: false, out: { kind: 'buffer', buf: out }, err: { kind: 'buffer', buf: err } }
    const senv = new OverlayEnv(env)
    const exitCode = await this.executor.inSubshell(() => this.executor.runText(text, io, senv), io, senv)
    return { stdout: out.text, stderr: merged ? '' : err.text, exitCode }
  }

  /** How this bash started (its own variables are given back after a restore). */
  private readonly bash: BashStart | undefined

  /**
   * Ctrl+C: stop the command line that is running (it prints `^C` and `$?` becomes 130). It
   * takes effect at the running command's next step, write or check of its signal.
   */
  interrupt(): void {
    this.executor.budget.interrupt()
  }

  /** How many bash programs started this one, one inside the other (bash -c 'bash -c ...'). */
  private nesting = 0

  private async runChild(opts: ShellOptions, c: ChildShell): Promise<number> {
    if (this.nesting >= MAX_NESTED_SHELLS) {
      c.write('stderr', `lab: stopped: bash started bash more than ${MAX_NESTED_SHELLS} deep\n`)
      return 1
    }
    const env = new MemoryEnv()
    for (const [k, v] of Object.entries(c.environment)) {
      env.set(k, v)
      env.export(k)
    }
    // (a new process: its own pid, this shell's as its parent's)
    const rt = this.executor.rt
    const ppid = rt.ownPid || rt.pid
    const pid = rt.spawnPid()
    const bash: BashStart | undefined = c.dialect === undefined || c.dialect === 'bash' ? { path: c.path ?? '/usr/bin/bash', ppid, interactive: false, raiseLevel: true } : undefined
    // (dash sets only PPID of these)
    if (!bash) env.set('PPID', String(ppid))
    // Ctrl+C reaches the parent's command line: the child looks at its pauses (every thousand steps)
    const pause = async () => {
      await opts.pause?.()
      if (c.signal?.aborted) child.interrupt()
    }
    const child: Shell = new Shell({ ...opts, env, history: [], exitEnds: true, arg0: c.arg0, positional: c.positional, pause, dialect: c.dialect ?? 'bash', onClear: undefined, onScreen: undefined, pid, spawnPid: undefined, bash })
    child.nesting = this.nesting + 1
    // (bash starts with `$_` as its environment's: its own path, which the starting bash put there)
    if (bash) child.executor.rt.lastArg = c.environment._ ?? ''
    child.startedAs(c.invocation)
    const cwd = this.fs.cwd()
    // the pieces read one standard input, each where the one before stopped
    const input = { stdin: c.stdin, tty: false, outTTY: c.stdoutIsTTY, cursor: { pos: 0 } }
    let status = 0
    try {
      if (c.options.length > 0) await child.run(`set ${c.options.join(' ')}`, undefined, input)
      for (const piece of c.pieces) {
        const crt = child.executor.rt
        crt.line = 0
        const reword = (text: string) => (piece.reword ? piece.reword(text, crt.line, child.executor.callDepth > 0) : text)
        const r = await child.run(piece.text, (o) => c.write(o.stream, o.stream === 'stderr' ? reword(o.text) : o.text), { ...input, firstLine: piece.line })
        status = r.exitCode
        if (child.exited !== undefined) return child.exited
      }
      return status
    } finally {
      if (isWorkingFs(this.fs) && this.fs.cwd() !== cwd) this.fs.chdir(cwd)
    }
  }

  /** Add or replace a command. */
  register(spec: CommandSpec): void {
    this.specs.set(spec.name, spec)
  }

  commands(): CommandSpec[] {
    return [...this.specs.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  }

  history(): string[] {
    return [...this.hist]
  }

  /** Every shell variable, exported or not (the decoder looks for tokens among them). */
  variables(): Record<string, string> {
    const env = this.env as Partial<Restorable>
    return env.snapshot ? { ...env.snapshot().vars } : this.env.exported()
  }

  /** The background jobs of this shell (a container's ps lists those still running). */
  jobs(): readonly Job[] {
    return this.executor.bg.table.all()
  }

  get lastStatus(): number {
    return this.executor.status
  }

  /** `set -H` / `set +H` from outside: history expansion of the lines this shell reads (on in an interactive bash). */
  historyExpansion(on: boolean): void {
    this.executor.rt.options[on ? 'add' : 'delete']('histexpand')
  }

  /** `$?` set from outside: the status of a command whose end came later (a container shell it opened ended). */
  setLastStatus(code: number): void {
    this.executor.status = code
  }

  /**
   * Run a whole input (it may hold several lines and here-documents). Inputs run one at a time.
   * `input`: the standard input its commands read (default: the terminal, which holds nothing typed ahead).
   */
  run(line: string, onChunk?: (c: OutputChunk) => void, input?: RunInput): Promise<RunResult> {
    const next = this.queue.then(() => this.runNow(line, onChunk, input))
    this.queue = next.catch(() => undefined)
    return next
  }

  private async runNow(line: string, onChunk?: (c: OutputChunk) => void, input: RunInput = { stdin: '', tty: true }): Promise<RunResult> {
    const result: RunResult = { stdout: '', stderr: '', exitCode: 0 }
    this.sink = (c) => {
      if (c.stream === 'stdout') result.stdout += c.text
      else result.stderr += c.text
      onChunk?.(c)
    }
    let entry = line.replace(/\n+$/, '')
    const tty = (input.outTTY ?? input.tty) ? {} : ({ tty: false } as const)
    const terminal = { stdin: input.stdin, stdinIsTTY: input.tty, cursor: input.cursor, out: { kind: 'terminal', stream: 'stdout', ...tty }, err: { kind: 'terminal', stream: 'stderr', ...tty } } as const
    const rt = this.executor.rt
    // what bash does with an input before it parses it: history expansion, the history, set -v (histExpand.ts)
    this.executor.beginLine()
    const read = readInput(entry, { interactive: this.keepsHistory, history: this.hist, options: rt.options }, (t) => this.executor.write(terminal.err, t))
    if (read === undefined) return this.finish(result)
    if (read !== entry) line = entry = read
    const noexec = rt.options.has('noexec') && rt.invocation !== 'interactive' // set -n (an interactive shell ignores it)
    const firstLine = input.firstLine ?? this.linesRead + 1
    this.linesRead = firstLine - 1 + entry.split('\n').length
    let base = firstLine
    let script = parseScript(line, rt.activeAliases, base)
    try {
      for (const w of script.warnings) this.executor.write(terminal.err, `bash: ${w}\n`)
      for (let i = 0; i < script.chunks.length; i++) {
        const aliases = aliasKey(rt.aliases)
        if (!noexec) await this.executor.runList(script.chunks[i], { ...terminal }, this.env)
        // A line read after `alias` sees the new alias, as bash reads one line at a time.
        if (aliasKey(rt.aliases) !== aliases && i + 1 < script.chunks.length) {
          base += script.source.slice(0, script.chunkEnds[i]).split('\n').length - 1
          script = parseScript(script.source.slice(script.chunkEnds[i]), rt.activeAliases, base)
          i = -1
        }
      }
      if (script.error) {
        if (script.error.message) this.executor.write(terminal.err, `bash: ${script.error.message}\n`)
        if (!script.error.keepStatus) this.executor.status = 2
      }
    } catch (e) {
      if (e instanceof AbortLine) {
        this.executor.status = e.status
        // A shell that is not interactive ends there; bash 5.2 started with -c ends with 127
        // (run_one_command's FORCE_EOF), unless set -e made it an ERREXIT (1).
        const rt = this.executor.rt
        if (e.ends && rt.invocation !== 'interactive') this.exited = this.bash && rt.invocation === 'c' && !rt.options.has('errexit') ? 127 : e.status
        return this.finish(result)
      }
      if (e instanceof ExitShell) {
        await this.executor.exitTopLevel(e, { ...terminal }, this.env, !this.exitEnds)
        if (this.exitEnds) this.exited = e.status
        return this.finish(result)
      }
      // A bug in the shell must not take the terminal down: report it like a crashed command.
      const stop = e instanceof ShellStop ? e : undefined
      this.executor.status = stop ? stop.status : 1
      try {
        this.executor.write(terminal.err, stop ? stop.message : `bash: internal error: ${e instanceof Error ? e.message : String(e)}\n`)
      } catch {
        // The line's output budget is spent: the notice about it is already on the terminal.
      }
    }
    return this.finish(result)
  }

  private finish(result: RunResult): RunResult {
    // Before the next prompt: what background jobs wrote by now, and which of them ended.
    if (!this.exitEnds) {
      try {
        this.executor.bg.notify(this.executor, { kind: 'terminal', stream: 'stderr' }, true)
      } catch {
        // The line's output budget is spent: the notices wait for the next prompt.
      }
    }
    this.sink = undefined
    result.exitCode = this.executor.status
    return result
  }

  /** Whether the terminal should show the `> ` prompt and read another line before running. */
  needsMoreInput(text: string): boolean {
    const script = parseScript(text)
    if (script.error) return script.error.incomplete
    return script.continues
  }

  complete(text: string, cursor: number): Completion {
    return completeLine(text, cursor, { fs: this.fs, env: this.env, commands: this.commands() })
  }

  snapshot(): ShellState {
    const env = this.env as Partial<Restorable>
    return {
      env: env.snapshot ? env.snapshot() : { vars: this.env.exported(), exported: Object.keys(this.env.exported()) },
      lastStatus: this.executor.status,
      history: this.history(),
      files: this.fs.snapshot(),
      ...(this.fs instanceof MemoryFs && Object.keys(this.fs.modesSnapshot()).length ? { modes: this.fs.modesSnapshot() } : {}),
    }
  }

  restore(state: ShellState): void {
    const env = this.env as Partial<Restorable>
    env.restore?.(state.env)
    // (a lab saved before bash's own variables were kept gets them)
    if (this.bash) startBash(this.env, this.executor.rt, this.bash)
    this.executor.status = state.lastStatus
    this.hist = [...state.history]
    if (isWorkingFs(this.fs)) {
      this.fs.restore(state.files)
      if (state.modes && this.fs instanceof MemoryFs) this.fs.restoreModes(state.modes)
      const pwd = state.env.vars.PWD
      if (pwd && this.fs.isDir(pwd)) this.fs.chdir(pwd)
    }
  }
}
