// Running one of the lab's programs (a command module, not a shell builtin) as bash runs an external
// command: its context, its output through the line's limits, its reading of a pipe (sigpipe.ts),
// and how an output stop or a write error ends it.

import type { CommandContext, CommandSpec, HomeFs, LabServices, OutputChunk, ShellEnv, ShellHandle } from './types'
import { isTerminal, remainingInput, type IO, type Sink } from './redirect'
import { CommandOutput, type LineBudget } from './budget'
import { FsWriteError, OutputStop, ShellStop, STATUS_OUTPUT, fsLimitHint, type ShellLimits } from './limits'
import { StdinUse } from './sigpipe'

/** Commands that are bash builtins: their write errors read `bash: echo: write error: ...`. */
const BUILTINS = new Set(['echo', 'printf', 'pwd', 'cd', 'export', 'unset', 'history', 'help', 'test', '[', 'true', 'false'])

/** What a program needs of the shell that runs it. */
export interface ProgramHost {
  budget: LineBudget
  fs: HomeFs
  limits: ShellLimits
  shell: ShellHandle
  lab: LabServices
  /** Output that reaches the terminal (through the job table: a background job's output is its own). */
  emit(chunk: OutputChunk): void
  write(sink: Sink, text: string): void
}

/** Where the terminal's own echo goes (CommandContext.ttyEcho): the terminal, as the shell's own messages. */
const TTY: Sink = { kind: 'terminal', stream: 'stderr' }

/** The paths that name the command's own streams (Linux's /dev/std* links to /proc/self/fd). */
const STREAMS: Record<string, 'in' | 'out' | 'err'> = {
  '/dev/stdin': 'in', '/dev/fd/0': 'in', '/dev/stdout': 'out', '/dev/fd/1': 'out', '/dev/stderr': 'err', '/dev/fd/2': 'err',
}

/**
 * The files a program sees: the shell's, where /dev/stdin reads its standard input and /dev/stdout
 * and /dev/stderr write to its streams (`tee /dev/stderr`, `jq . /dev/stdin`, awk's print > "/dev/stderr").
 */
function withStreams(fs: HomeFs, ctx: CommandContext): HomeFs {
  const stream = (path: string) => {
    const p = fs.resolve(path)
    return Object.hasOwn(STREAMS, p) ? STREAMS[p] : undefined
  }
  const own: Partial<HomeFs> = {
    readFile: (path) => (stream(path) === 'in' ? ctx.stdin : fs.readFile(path)),
    writeFile: (path, data, append) => {
      const s = stream(path)
      if (s === 'out') ctx.stdout(data)
      else if (s === 'err') ctx.stderr(data)
      else fs.writeFile(path, data, append)
    },
    exists: (path) => stream(path) !== undefined || fs.exists(path),
  }
  return new Proxy(fs, {
    get(target, prop) {
      if (typeof prop === 'string' && Object.hasOwn(own, prop)) return own[prop as keyof HomeFs]
      const v = Reflect.get(target, prop, target)
      return typeof v === 'function' ? v.bind(target) : v
    },
  })
}

/** Run `spec` with `argv` on the command's own IO and environment; its exit status. */
export async function runProgram(h: ProgramHost, spec: CommandSpec, argv: string[], cio: IO, env: ShellEnv): Promise<number> {
  const name = argv[0]
  const out = new CommandOutput(name, h.budget, h.fs, h.emit)
  const ctx: CommandContext = {
    argv,
    stdin: remainingInput(cio),
    stdinIsTTY: cio.stdinIsTTY,
    stdoutIsTTY: isTerminal(cio.out),
    stdout: (t) => out.write(cio.out, t),
    stderr: (t) => out.write(cio.err, t),
    ttyEcho: (t) => out.write(TTY, t),
    env,
    fs: h.fs,
    lab: h.lab,
    shell: h.shell,
    signal: h.budget.signal(),
  }
  ctx.fs = withStreams(h.fs, ctx)
  // Reading a pipe: note whether the command reads it, and whether to its end (sigpipe.ts).
  const use = cio.stdinPipe ? StdinUse.watch(ctx, cio.stdin) : undefined
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
  h.budget.check()
  use?.settle(cio.stdinPipe)
  const ended = out.ended ?? (error instanceof FsWriteError ? error : undefined)
  if (ended instanceof OutputStop) {
    const pipe = ended.where === 'pipe' && cio.out.kind === 'buffer' ? cio.out.pipe : undefined
    // Into a pipe: held until the pipeline ends, and dropped if its reader stopped early.
    if (pipe) pipe.held = () => h.write(cio.err, ended.message)
    else h.write(cio.err, ended.message)
    return STATUS_OUTPUT
  }
  if (ended instanceof FsWriteError) {
    const who = BUILTINS.has(name) ? `bash: ${name}` : name
    h.write(cio.err, `${who}: write error: ${ended.message}\n${fsLimitHint(h.limits)}`)
    return 1
  }
  if (error !== undefined) h.write(cio.err, `${name}: ${error instanceof Error ? error.message : String(error)}\n`)
  return status
}
