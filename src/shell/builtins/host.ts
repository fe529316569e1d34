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
  /** A path made absolute from the working directory. */
  resolve(path: string): string
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
  return singleQuote(s)
}

const isControl = (c: string) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f
/** Does the value hold a control character (bash then quotes it as $'...')? */
export const hasControl = (v: string) => [...v].some(isControl)

/** bash's $'...' quoting (ansic_quote): control characters as escapes, named where C names them. */
export function ansiCQuote(v: string): string {
  const esc = [...v].map((c) => {
    if (c !== '\\' && c !== "'" && !isControl(c)) return c
    const named: Record<string, string> = { '\n': '\\n', '\t': '\\t', '\r': '\\r', '\\': '\\\\', "'": "\\'", '\x1b': '\\E' }
    return named[c] ?? `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}`
  }).join('')
  return `$'${esc}'`
}

/** A value as `declare -p`, `export -p` and `readonly` print it: in "...", or $'...' when it holds a control character. */
export const declareQuote = (v: string) => (hasControl(v) ? ansiCQuote(v) : `"${v.replace(/(["\\$`])/g, '\\$1')}"`)

/** Always in '...' (alias and trap listings). */
export function singleQuote(s: string): string {
  return `'${s.replaceAll("'", "'\\''")}'`
}

/** A builtin's options as read, in order (a letter that takes a value has it), and where its operands start. */
export type BuiltinOptions = { options: [string, string?][]; operands: number } | { bad: string; missing: boolean }

/**
 * Read a builtin's options as bash's internal_getopt does: letters grouped in one word (-ts), the
 * value of a letter of `valued` in the rest of the word or the next word, `--` or a word not
 * starting with `-` (or `-` alone) ending them. `bad`: an unknown letter, or one whose value is missing.
 */
export function builtinOptions(argv: string[], letters: string, valued = ''): BuiltinOptions {
  const options: [string, string?][] = []
  let i = 1
  for (; i < argv.length; i++) {
    const a = argv[i]!
    if (a === '--') return { options, operands: i + 1 }
    if (!a.startsWith('-') || a === '-') break
    for (let j = 1; j < a.length; j++) {
      const f = a[j]!
      if (valued.includes(f)) {
        const value = j + 1 < a.length ? a.slice(j + 1) : argv[++i]
        if (value === undefined) return { bad: f, missing: true }
        options.push([f, value])
        break
      }
      if (!letters.includes(f)) return { bad: f, missing: false }
      options.push([f])
    }
  }
  return { options, operands: i }
}
