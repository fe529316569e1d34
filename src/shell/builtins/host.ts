// What the shell's own builtins (set, read, eval, trap, ...) need of the executor.

import type { Command } from '../parser/ast'
import type { IO } from '../redirect'
import type { Runtime } from '../runtime'
import type { CommandSpec, LabServices, ShellDialect, ShellEnv } from '../types'
import type { JobTable } from '../jobs'

export interface BuiltinHost {
  rt: Runtime
  status: number
  functions: Map<string, Command>
  /** Parse and run text in the current shell (eval, source, traps). */
  runText(text: string, io: IO, env: ShellEnv): Promise<number>
  /** Run argv as a command, skipping functions (the `command` builtin). */
  runArgv(argv: string[], io: IO, env: ShellEnv): Promise<number>
  lookup(name: string): CommandSpec | undefined
  /** Every file the program NAME is on PATH, in PATH order (none for a stand-in for a missing one). */
  pathsOf(name: string): string[]
  /** Whose words `type`, `command -v` and `hash` speak. */
  dialect: ShellDialect
  readFile(path: string): string | undefined
  isDir(path: string): boolean
  stdout(io: IO, text: string): void
  stderr(io: IO, text: string): void
  jobs: JobControl
}

/** The job table and what the job builtins (jobs, wait, kill, fg, bg) do with it. */
export interface JobControl {
  table: JobTable
  /** The lab as this shell sees it now (a background job's own clock inside a job). */
  lab(): LabServices
  /** The workstation's interactive bash: `[1] PID` lines and notices of ended jobs. */
  interactive: boolean
  /** Show the output jobs held until now, then the notices of the jobs that ended (they leave the table). */
  notify(io: IO): void
  /** Show the output jobs held until now. */
  release(): void
}

export interface BuiltinCall {
  h: BuiltinHost
  argv: string[]
  io: IO
  env: ShellEnv
  out(text: string): void
  err(text: string): void
}

export type Builtin = (c: BuiltinCall) => Promise<number> | number

/** Quote a value as `alias`, `trap -p` and `set -x` print it: bare if safe, else in '...'. */
export function shellQuote(s: string): string {
  if (s !== '' && /^[A-Za-z0-9_./,:@%+=^-]+$/.test(s)) return s
  return `'${s.replaceAll("'", "'\\''")}'`
}

/** A value in "..." as `declare -p`, `export -p` and `readonly` print it. */
export const declareQuote = (v: string) => `"${v.replace(/(["\\$`])/g, '\\$1')}"`

/** Always in '...' (alias and trap listings). */
export function singleQuote(s: string): string {
  return `'${s.replaceAll("'", "'\\''")}'`
}
