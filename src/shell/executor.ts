// Runs parsed command lists the way bash's execute_cmd.c does: and-or lists with `$?`, pipelines
// (pipeline.ts: members one after another, the previous stdout buffered as the next stdin),
// subshells and command substitutions in a child scope (`$(< file)` is the file), prefix assignments
// for one command. Every command, pipeline stage and expansion spends a step of the line's budget
// (budget.ts). A program (a command module) runs through runProgram.ts.

import { captureList, ProcSubs } from './procsub'
import type { AndOr, Command, List, Pipeline, SimpleCommand } from './parser/ast'
import { callFunction, controlBuiltin, runCompound, type CompoundHost } from './compoundExec'
import type { CommandSpec, HomeFs, LabServices, OutputChunk, ShellDialect, ShellEnv, ShellHandle } from './types'
import { findProgram, notRunnable, programEnv, scriptAt } from './findProgram'
import { ExpansionError, expandWords, substitutionOutput, type ExpandContext } from './expand'
import { applyRedirects, type IO, type Sink } from './redirect'
import { assignWords, declareWithArrays } from './assignWords'
import { xtraceLines } from './xtrace'
import { shellBuiltin } from './builtins'
import { builtinHost, PrefixEnv } from './builtins/bind'
import { isBuiltinOf } from './builtins/describe'
import { posixSpecialError } from './builtins/posix'
import { remember, type TableHost } from './programTable'
import { evalArithmetic } from './arith'
import { OverlayEnv } from './env'
import { ExitShell, Runtime } from './runtime'
import { parseScript } from './parser/parser'
import { globField, globOptions } from './glob'
import { utf8Locale } from './locale'
import { isWorkingFs } from './fs'
import { LineBudget } from './budget'
import type { ShellLimits } from './limits'
import { runPipeline } from './pipeline'
import { Background } from './background'
import { runProgram } from './runProgram'

/** How many steps run between two pauses for the host (a worker reads Ctrl+C in them). */
const PAUSE_EVERY = 1000
/** The commands whose failure calls the ERR trap (a compound command's comes from inside it). */
const ERR_TRAP_KINDS = new Set<Command['kind']>(['simple', 'subshell', 'arith', 'cond'])

/**
 * An expansion error stops the rest of the command line (or of the subshell it happened in);
 * `ends`: one that ends a shell that is not interactive (ExpansionError.ends, any in dash and ash).
 */
export class AbortLine {
  constructor(
    readonly status: number,
    readonly ends = false,
  ) {}
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
  /** `$$` of this shell. */
  pid?: number
  /** A new pid for a process the shell starts (absent: `$$` + 100 on). */
  spawnPid?: () => number
  /** An interactive shell with job control (the workstation): `[1] PID` and notices of ended jobs. */
  jobControl?: boolean
  /** Whose words `type`, `command -v` and `hash` speak. */
  dialect: ShellDialect
  /** Every file NAME is on PATH, in PATH order; the workstation's layout (which.ts) without it. */
  pathsOf?: (name: string) => string[]
}

export class Executor implements CompoundHost {
  /** `$?`: the status of the last command run. */
  status = 0
  readonly budget: LineBudget
  private lastPause = 0
  loopDepth = 0
  callDepth = 0
  readonly functions = new Map<string, Command>()
  /** Positional parameters, options, traps, aliases, `$RANDOM`, pids. */
  readonly rt: Runtime
  /** Above 0 while running an if/while condition or a non-final part of `&&`/`||`: `set -e` waits. */
  conditionDepth = 0
  /** Jobs started with `&` (background.ts, jobs.ts). */
  readonly bg: Background
  /** The files of `<(LIST)` and `>(LIST)` open while their command runs. */
  private readonly procsubs: ProcSubs

  constructor(private host: ExecHost) {
    this.budget = new LineBudget(host.limits)
    this.rt = new Runtime(host.pid, undefined, host.spawnPid)
    this.bg = new Background(host, this.rt)
    this.procsubs = new ProcSubs(this)
  }

  get fs() { return this.host.fs }

  get dialect(): ShellDialect { return this.host.dialect }

  async runList(list: List, io: IO, env: ShellEnv): Promise<number> {
    for (const item of list.items) await this.runAndOr(item, io, env)
    return this.status
  }

  /** A new command line starts: a fresh budget. */
  beginLine(): void {
    this.budget.begin()
    this.lastPause = 0
    this.bg.beginLine()
  }

  /** Write the shell's own messages (errors, warnings), outside any command's output budget. */
  write(sink: Sink, text: string): void {
    this.budget.write(sink, text, this.host.fs, (c) => this.bg.emit(c))
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

  async runAndOr(item: AndOr, io: IO, env: ShellEnv): Promise<void> {
    if (item.background) return this.bg.run(this, item, io, env)
    const guarded = (p: Pipeline, last: boolean) => (last ? runPipeline(this, p, io, env) : this.condition(() => runPipeline(this, p, io, env)))
    this.status = await guarded(item.first, item.rest.length === 0)
    let lastRan = item.rest.length === 0 ? item.first : undefined
    for (let i = 0; i < item.rest.length; i++) {
      const { op, pipeline } = item.rest[i]
      if ((op === '&&') !== (this.status === 0)) continue
      const last = i === item.rest.length - 1
      this.status = await guarded(pipeline, last)
      lastRan = last ? pipeline : undefined
    }
    // a failure outside a condition: the ERR trap runs, then set -e ends the shell (the innermost subshell)
    if (this.status !== 0 && lastRan && !lastRan.negated && this.conditionDepth === 0) {
      await this.errTrap(lastRan, io, env)
      if (this.rt.has('errexit')) throw new ExitShell(this.status, false)
    }
  }

  private inErrTrap = false

  /**
   * `trap ... ERR` after a pipeline that failed. Like bash, only a pipeline that ends in a simple
   * command, a subshell, `(( ))` or `[[ ]]` calls it: a compound command's failure came from a
   * command inside it, which called it already. `$?` is the failure's status in the trap and after it;
   * a command that fails in the trap does not call it again.
   */
  private async errTrap(pipeline: Pipeline, io: IO, env: ShellEnv): Promise<void> {
    const trap = this.rt.traps.get('ERR')
    const last = pipeline.commands[pipeline.commands.length - 1]
    // (dash has no ERR trap; busybox ash runs it as bash does)
    if (trap === undefined || trap === '' || this.inErrTrap || !last || !ERR_TRAP_KINDS.has(last.kind) || this.dialect === 'dash') return
    const status = this.status
    this.inErrTrap = true
    try {
      await this.runText(trap, io, env)
    } finally {
      this.inErrTrap = false
    }
    this.status = status
  }

  /** Run something whose failure `set -e` ignores (conditions, the left of `&&` and `||`). */
  async condition<T>(fn: () => Promise<T>): Promise<T> {
    this.conditionDepth++
    try {
      return await fn()
    } finally {
      this.conditionDepth--
    }
  }

  tableHost(): TableHost {
    return { rt: this.rt, functions: this.functions, host: this.host }
  }

  expandContext(env: ShellEnv, io: IO): ExpandContext {
    return {
      env,
      dialect: this.host.dialect,
      maxValue: this.host.limits.maxValue,
      step: () => this.budget.step(),
      warn: (text) => this.write(io.err, text),
      lastStatus: () => this.status,
      glob: (field) => (this.rt.has('noglob') ? undefined : globField(this.host.fs, field, () => this.budget.step(), !utf8Locale(env), globOptions(this.rt.shopts))),
      runtime: this.rt,
      substitute: async (body) => {
        const { text, status } = await captureList(this, body, env, io)
        return { stdout: substitutionOutput(text, (t) => this.write(io.err, t)), status }
      },
      ...(this.host.dialect !== 'dash' ? { procsub: (dir: '<' | '>', body: List) => this.procsubs.start(dir, body, env, io) } : {}),
    }
  }

  /**
   * Run as a forked subshell: the working directory, positional parameters, options, traps and
   * aliases come back afterwards; `exit` ends only this subshell, running its EXIT trap.
   */
  async inSubshell(fn: () => Promise<number>, io?: IO, env?: ShellEnv): Promise<number> {
    const fs = this.host.fs
    const cwd = fs.cwd()
    const saved = this.rt.save()
    // functions defined or unset in a subshell stay there
    const functions = [...this.functions]
    const depth = { loop: this.loopDepth, cond: this.conditionDepth, subst: this.rt.substDepth }
    // a subshell starts without traps; set -E (errtrace) lets it keep the ERR trap
    const err = this.rt.has('errtrace') ? this.rt.traps.get('ERR') : undefined
    this.rt.traps = new Map(err === undefined ? [] : [['ERR', err]])
    this.rt.ownPid = 0
    let status: number
    this.bg.depth++
    try {
      status = await fn()
    } catch (e) {
      if (e instanceof AbortLine) status = e.status
      else if (e instanceof ExitShell) status = e.status
      else throw e
    } finally {
      this.bg.depth--
    }
    try {
      const trap = this.rt.traps.get('EXIT')
      if (trap !== undefined && io && env) {
        this.rt.traps.delete('EXIT')
        await this.runTrap(trap, io, env, status)
      }
    } finally {
      this.rt.restore(saved)
      this.functions.clear()
      for (const [name, body] of functions) this.functions.set(name, body)
      this.loopDepth = depth.loop
      this.conditionDepth = depth.cond
      this.rt.substDepth = depth.subst
      if (isWorkingFs(fs) && fs.cwd() !== cwd) fs.chdir(cwd)
    }
    return status
  }

  trace(io: IO, text: string): void {
    if (this.rt.has('xtrace')) this.write(io.err, `${'+'.repeat(this.rt.substDepth + 1)} ${text}\n`)
  }

  builtinHost() {
    return builtinHost(this, this.host)
  }

  /**
   * `exit` (or `set -e`) in the workstation's own shell: the EXIT trap runs, the line stops, and
   * the terminal stays, saying how to start afresh (there is nothing to log out to).
   */
  async exitTopLevel(e: ExitShell, io: IO, env: ShellEnv, stays: boolean): Promise<void> {
    const trap = this.rt.traps.get('EXIT')
    if (trap !== undefined) {
      this.rt.traps.delete('EXIT')
      await this.runTrap(trap, io, env, e.status)
    }
    this.status = e.status
    if (stays) this.write(io.err, `exit\nlab: this terminal is the lab's only shell, so it stays open (status ${e.status}); \`lab reset\` starts the lab afresh\n`)
  }

  /** Parse text with the current aliases and run it in this shell (eval, source, traps). */
  async runText(text: string, io: IO, env: ShellEnv): Promise<number> {
    // (eval's text starts on the line of the eval)
    const parsed = parseScript(text, this.rt.activeAliases, Math.max(1, this.rt.line))
    for (const w of parsed.warnings) this.write(io.err, `bash: ${w}\n`)
    // Text run this way is one more level for `set -x` (bash's parse_and_execute).
    this.rt.substDepth++
    try {
      for (const chunk of parsed.chunks) await this.runList(chunk, io, env)
    } finally {
      this.rt.substDepth--
    }
    if (parsed.error) {
      // (eval returns 2 after any syntax error, one of `[[ ]]` too, whose message may be empty)
      if (parsed.error.message) this.write(io.err, `bash: ${parsed.error.message}\n`)
      this.status = 2
    }
    return this.status
  }

  /** Run an EXIT trap's text; `$?` inside it is the status the shell is ending with. */
  async runTrap(text: string, io: IO, env: ShellEnv, status: number): Promise<void> {
    this.status = status
    try {
      await this.runText(text, io, env)
    } catch (e) {
      if (!(e instanceof ExitShell || e instanceof AbortLine)) throw e
    }
  }

  async runCommand(cmd: Command, io: IO, env: ShellEnv): Promise<number> {
    await this.step()
    const ectx = this.expandContext(env, io)
    const opened = this.procsubs.mark
    try {
      if (cmd.kind === 'subshell') {
        const sub = await applyRedirects(cmd.redirects, io, this.host.fs, ectx)
        const senv = new OverlayEnv(env)
        return await this.inSubshell(() => this.runList(cmd.body, sub, senv), sub, senv)
      }
      if (cmd.kind === 'simple') return await this.runSimple(cmd, io, env, ectx)
      const cio = await applyRedirects(cmd.redirects, io, this.host.fs, ectx)
      return await runCompound(this, cmd, cio, env)
    } catch (e) {
      if (e instanceof ExpansionError) {
        this.write(io.err, `bash: ${e.message}\n${e.hint ? `${e.hint}\n` : ''}`)
        // a POSIX sh ends with 2 on an expansion error (bash, not interactive: 1); dash's failed redirection is 2 too
        if (e.fatal) throw new AbortLine(this.host.dialect === 'bash' ? 1 : 2, e.ends || this.host.dialect !== 'bash')
        return this.host.dialect === 'dash' ? 2 : 1
      }
      throw e
    } finally {
      if (this.procsubs.mark > opened) await this.procsubs.settle(opened)
    }
  }

  private async runSimple(cmd: SimpleCommand, io: IO, env: ShellEnv, ectx: ExpandContext): Promise<number> {
    if (cmd.line !== undefined) this.rt.line = cmd.line
    const argv = await expandWords(cmd.words, ectx)
    const words = await assignWords(cmd.assignments, ectx, env, argv.length === 0, (n) => this.rt.integer.has(n), (n, v) => this.assign(env, n, v), (n) => this.rt.readonly.has(n))
    if (!words) return 1
    const { values, shown } = words
    if (this.rt.has('xtrace')) this.write(io.err, xtraceLines(this.rt.substDepth, shown, argv))
    if (argv.length === 0) {
      const { stdin } = await applyRedirects(cmd.redirects, io, this.host.fs, ectx)
      if (io.substituteFile && this.host.dialect === 'bash') this.write(io.out, stdin)
      this.rt.lastArg = ''
      return ectx.substStatus ?? 0
    }
    const cio = await applyRedirects(cmd.redirects, io, this.host.fs, ectx)
    const run = () => this.dispatch(argv, cio, env, values, false)
    const status = await (cmd.arrays ? declareWithArrays(cmd.arrays, argv, env, ectx, run, (n) => this.rt.readonly.has(n)) : run())
    // `$_` (as the command ends: a function sees the one before)
    this.rt.lastArg = argv[argv.length - 1]!
    return status
  }

  /** Set a variable as an assignment does: readonly names refuse, -i names evaluate, RANDOM seeds. */
  assign(env: ShellEnv, name: string, value: string): boolean {
    // An interactive bash drops the rest of the line after this error, as after a bad substitution.
    if (this.rt.readonly.has(name)) throw new ExpansionError(`${name}: readonly variable`, undefined, true)
    if (name === 'RANDOM') this.rt.seedRandom(Number(value) || 0)
    if (this.rt.integer.has(name)) {
      const r = evalArithmetic(value, env)
      if (typeof r === 'string') throw new ExpansionError(r, undefined, true)
      value = String(r)
    }
    env.set(name, value)
    return true
  }

  /** Run an expanded command: control builtins, functions, the shell's builtins, then commands. */
  async dispatch(argv: string[], cio: IO, env: ShellEnv, values: [string, string][], skipFunctions: boolean): Promise<number> {
    const name = argv[0]
    if (this.host.dialect !== 'bash') {
      const err = posixSpecialError(this.host.dialect, argv, this.callDepth > 0, this.rt.positional.length, (n) => this.rt.readonly.has(n))
      if (err !== undefined) {
        this.write(cio.err, `bash: ${err}\n`)
        // a special builtin's error ends a shell that is not interactive
        if (!this.rt.has('interactive')) throw new ExitShell(2, false)
        return 2
      }
    }
    const control = controlBuiltin(this, argv, env, (t) => this.write(cio.err, t))
    if (control !== undefined) return control
    const fn = skipFunctions ? undefined : this.functions.get(name)
    if (fn) return callFunction(this, fn, argv, cio, env)
    // (a container's ash or dash has fewer: declare, shopt or builtin are no command there)
    const builtin = this.host.dialect === 'bash' || isBuiltinOf(this.host.dialect, name) ? shellBuiltin(name) : undefined
    if (builtin) {
      const benv = values.length ? new PrefixEnv(env, values) : env
      return builtin({ h: this.builtinHost(), argv, io: cio, env: benv, out: (t) => this.write(cio.out, t), err: (t) => this.write(cio.err, t) })
    }
    const spec = findProgram(this.host, name)
    if (spec) remember(this.tableHost(), name, env, true)
    const script = spec || !name.includes('/') ? undefined : scriptAt(this.host, name)
    if (!spec && (!script || 'error' in script)) {
      const failed = notRunnable(this.host, name, script)
      this.write(cio.err, failed.text)
      return failed.status
    }
    const { fs, limits, shell } = this.host
    const program = { budget: this.budget, fs, limits, shell, lab: this.bg.lab(), emit: (c: OutputChunk) => this.bg.emit(c), write: (sink: Sink, t: string) => this.write(sink, t) }
    // an executable script: its interpreter runs it, with the script's path as typed
    if (script && !('error' in script)) return runProgram(program, script.spec, [...script.words, name, ...argv.slice(1)], cio, programEnv(this.host, name, env, values))
    return runProgram(program, spec!, argv, cio, programEnv(this.host, name, env, values))
  }
}
