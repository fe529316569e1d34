// Helpers shared by the command modules: GNU getopt_long-style option parsing (with getopt's own
// error messages), reading operands or stdin, and UTF-8 byte handling.

import { byteLength, bytesOf, canonical, stringOfBytes } from '../../common/bytes'
import type { CommandContext, CommandSpec, FlagSpec, ShellEnv } from '../types'
import { utf8Locale } from '../locale'

export interface ParsedOptions {
  /** Options in the order given: key is the long name (or the short letter if it has none). */
  opts: { key: string; value?: string }[]
  operands: string[]
}

export interface OptionTable {
  /** getopt short string, e.g. "n:cv" (a colon after a letter: it takes a value). */
  short: string
  /** Long names -> whether they take a value; short letters map to the long name via `alias`. */
  long?: Record<string, boolean>
  /** short letter -> long name, so both forms produce the same key. */
  alias?: Record<string, string>
  /** Stop at the first operand (POSIX) instead of permuting like GNU. */
  stopAtOperand?: boolean
  /**
   * Keys acted on as soon as getopt returns them (`--help`, `--version`): parsing ends there, so
   * a bad option after them is never read (`sleep --help -x` prints the help).
   */
  immediate?: string[]
}

/** Build the option table from a command's FlagSpecs. */
export function tableFromFlags(flags: FlagSpec[], extraShort = ''): OptionTable {
  let short = extraShort
  const long: Record<string, boolean> = {}
  const alias: Record<string, string> = {}
  for (const f of flags) {
    if (f.name.length > 1) long[f.name] = f.takesValue
    if (f.short) {
      short += f.short + (f.takesValue ? ':' : '')
      alias[f.short] = f.name
    }
  }
  return { short, long, alias }
}

/** Parse argv (without argv[0]); returns an error line (without the program prefix) on failure. */
export function getopt(args: string[], table: OptionTable): ParsedOptions | { error: string } {
  const opts: ParsedOptions['opts'] = []
  const operands: string[] = []
  const long = table.long ?? {}
  const done = () => table.immediate?.includes(opts[opts.length - 1]?.key ?? '') === true
  for (let i = 0; i < args.length && !done(); i++) {
    const a = args[i]
    if (a === '--') {
      operands.push(...args.slice(i + 1))
      break
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=')
      const name = a.slice(2, eq < 0 ? undefined : eq)
      const exact = Object.hasOwn(long, name) ? [name] : Object.keys(long).filter((l) => l.startsWith(name))
      if (exact.length === 0) return { error: `unrecognized option '${a}'` }
      if (exact.length > 1) {
        return { error: `option '${a.slice(0, eq < 0 ? undefined : eq)}' is ambiguous; possibilities:${exact.map((e) => ` '--${e}'`).join('')}` }
      }
      const full = exact[0]
      if (long[full]) {
        if (eq >= 0) opts.push({ key: full, value: a.slice(eq + 1) })
        else if (i + 1 < args.length) opts.push({ key: full, value: args[++i] })
        else return { error: `option '--${full}' requires an argument` }
      } else {
        if (eq >= 0) return { error: `option '--${full}' doesn't allow an argument` }
        opts.push({ key: full })
      }
      continue
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length && !done(); j++) {
        const c = a[j]
        const at = table.short.indexOf(c)
        if (at < 0 || c === ':') return { error: `invalid option -- '${c}'` }
        const key = table.alias?.[c] ?? c
        if (table.short[at + 1] === ':') {
          if (j + 1 < a.length) opts.push({ key, value: a.slice(j + 1) })
          else if (i + 1 < args.length) opts.push({ key, value: args[++i] })
          else return { error: `option requires an argument -- '${c}'` }
          break
        }
        opts.push({ key })
      }
      continue
    }
    operands.push(a)
    if (table.stopAtOperand) {
      operands.push(...args.slice(i + 1))
      break
    }
  }
  return { opts, operands }
}

/** Print `prog: message` and `Try 'prog --help' for more information.`, return the status. */
export function usageError(ctx: CommandContext, prog: string, message: string, status = 1): number {
  ctx.stderr(`${prog}: ${message}\nTry '${prog} --help' for more information.\n`)
  return status
}

export function has(p: ParsedOptions, key: string): boolean {
  return p.opts.some((o) => o.key === key)
}

export function lastValue(p: ParsedOptions, key: string): string | undefined {
  let v: string | undefined
  for (const o of p.opts) if (o.key === key) v = o.value
  return v
}

/** A failed read says why (`reason`, for a tool that words it its own way) and how coreutils words it. */
export type ReadResult = { ok: true; text: string } | { ok: false; reason: 'directory' | 'missing'; message: string }

/** Read an operand as coreutils does: `-` is stdin, errors are `No such file or directory` etc. */
export function readOperand(ctx: CommandContext, name: string): ReadResult {
  // A pipe joins its writes: escaped bytes written apart that spell UTF-8 become the character.
  if (name === '-') return { ok: true, text: canonical(ctx.stdin) }
  const path = ctx.fs.resolve(name)
  if (ctx.fs.isDir(path)) return { ok: false, reason: 'directory', message: `${name}: Is a directory` }
  const text = ctx.fs.readFile(path)
  if (text === undefined) return { ok: false, reason: 'missing', message: `${name}: No such file or directory` }
  return { ok: true, text }
}

/** The bytes a stream (a byte-faithful string, src/common/bytes.ts) stands for. */
export const toBytes = bytesOf

/** The stream string for bytes: valid UTF-8 as text, other bytes escaped (src/common/bytes.ts). */
export const fromBytes = stringOfBytes

export { byteLength }

export { utf8Locale }

/** The value of a character constant ('X in printf's numbers): its code point in a UTF-8 locale, else its first byte. */
export function charValue(s: string, env: ShellEnv): number {
  if (s === '') return 0
  return utf8Locale(env) ? s.codePointAt(0)! : bytesOf(s)[0]
}

/** Split text into lines keeping track of whether the last one had a newline. */
export function splitLines(text: string): { lines: string[]; finalNewline: boolean } {
  if (text === '') return { lines: [], finalNewline: true }
  const finalNewline = text.endsWith('\n')
  const lines = (finalNewline ? text.slice(0, -1) : text).split('\n')
  return { lines, finalNewline }
}

/** Inputs of a filter command: its operands, or stdin when there are none. */
export function inputs(operands: string[]): string[] {
  return operands.length ? operands : ['-']
}

/** What a coreutils 9.1 program prints for --version. */
export const coreutilsVersion = (prog: string, authors: string): string => `${prog} (GNU coreutils) 9.1
Copyright (C) 2022 Free Software Foundation, Inc.
License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.
This is free software: you are free to change and redistribute it.
There is NO WARRANTY, to the extent permitted by law.

Written by ${authors}.
`

/** The last lines of a coreutils program's --help: where its documentation is. */
export const coreutilsFooter = (prog: string): string => `
GNU coreutils online help: <https://www.gnu.org/software/coreutils/>
Full documentation <https://www.gnu.org/software/coreutils/${prog}>
`

/** Define a command spec tersely. */
/** --help for a command whose spec says it all: its usage, summary and options; status 0. */
export function printHelp(ctx: CommandContext, spec: CommandSpec): number {
  ctx.stdout(helpText(spec.usage, spec.summary, spec.flags))
  return 0
}

export function helpText(usage: string, summary: string, flags: FlagSpec[] = []): string {
  const lines = [`Usage: ${usage}`, summary, '']
  for (const f of flags) {
    const names = (f.short ? `-${f.short}, ` : '    ') + (f.name.length > 1 ? `--${f.name}${f.takesValue ? '=VALUE' : ''}` : '')
    lines.push(`  ${names.padEnd(24)} ${f.help}`)
  }
  return lines.join('\n') + '\n'
}
