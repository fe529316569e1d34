// Imitates: github.com/spf13/pflag (flag.go parseArgs/parseLongArg/parseShortArg) as cobra drives it for kubectl.

import { KubectlError } from './errors'

export type FlagKind = 'bool' | 'string' | 'stringArray' | 'int' | 'duration'

export interface FlagDef {
  name: string
  short?: string
  kind: FlagKind
  help: string
  /** Value kubectl shows as the default in help (and uses when unset). */
  default?: string
  /** The default as help shows it, where kubectl's flag type shows it otherwise than the kind's way (a map: empty). */
  shownDefault?: string
  /** Value of a bare `--flag` for non-bool flags that allow it (pflag NoOptDefVal), e.g. --dry-run. */
  noOptDefault?: string
}

export interface ParsedFlags {
  /** Values by long name; string arrays collect every occurrence. */
  values: Map<string, string[]>
  args: string[]
  /** How many positional args came before `--` (cobra ArgsLenAtDash); -1 if there was no `--`. */
  argsLenAtDash: number
}

const BOOL_TRUE = new Set(['1', 't', 'T', 'true', 'TRUE', 'True'])
const BOOL_FALSE = new Set(['0', 'f', 'F', 'false', 'FALSE', 'False'])

/** strconv.ParseBool, as pflag uses it for bool flags. */
export function parseBool(v: string): boolean | undefined {
  if (BOOL_TRUE.has(v)) return true
  if (BOOL_FALSE.has(v)) return false
  return undefined
}

function flagLabel(def: FlagDef): string {
  return def.short ? `-${def.short}, --${def.name}` : `--${def.name}`
}

function setValue(out: ParsedFlags, def: FlagDef, value: string, usage: string): void {
  if (def.kind === 'bool' && parseBool(value) === undefined) {
    throw new KubectlError(
      `error: invalid argument "${value}" for "${flagLabel(def)}" flag: strconv.ParseBool: parsing "${value}": invalid syntax\n${usage}`,
    )
  }
  if (def.kind === 'int' && !/^[+-]?\d+$/.test(value)) {
    throw new KubectlError(
      `error: invalid argument "${value}" for "${flagLabel(def)}" flag: strconv.ParseInt: parsing "${value}": invalid syntax\n${usage}`,
    )
  }
  if (def.kind === 'duration' && parseGoDuration(value) === undefined) {
    throw new KubectlError(`error: invalid argument "${value}" for "${flagLabel(def)}" flag: ${goDurationError(value)}\n${usage}`)
  }
  const prev = out.values.get(def.name)
  if (def.kind === 'stringArray' && prev) prev.push(value)
  else out.values.set(def.name, [value])
}

/**
 * Parse argv (without the program name) against the given flags, interspersed as cobra allows.
 * `usage` is the line cobra prints after a flag error (`See 'kubectl get --help' for usage.`).
 */
export function parseFlags(argv: string[], defs: FlagDef[], usage: string): ParsedFlags {
  const byName = new Map(defs.map((d) => [d.name, d]))
  const byShort = new Map(defs.filter((d) => d.short).map((d) => [d.short as string, d]))
  const out: ParsedFlags = { values: new Map(), args: [], argsLenAtDash: -1 }
  let i = 0
  while (i < argv.length) {
    const a = argv[i++]
    if (a === '--') {
      out.argsLenAtDash = out.args.length
      out.args.push(...argv.slice(i))
      break
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=')
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq)
      const def = byName.get(name)
      if (!def) throw new KubectlError(`error: unknown flag: --${name}\n${usage}`)
      if (eq >= 0) setValue(out, def, a.slice(eq + 1), usage)
      else if (def.kind === 'bool') setValue(out, def, 'true', usage)
      else if (def.noOptDefault !== undefined) setValue(out, def, def.noOptDefault, usage)
      else if (i < argv.length) setValue(out, def, argv[i++], usage)
      else throw new KubectlError(`error: flag needs an argument: --${name}\n${usage}`)
      continue
    }
    if (a.startsWith('-') && a.length > 1) {
      let rest = a.slice(1)
      while (rest.length > 0) {
        const c = rest[0]
        const def = byShort.get(c)
        if (!def) throw new KubectlError(`error: unknown shorthand flag: '${c}' in -${rest}\n${usage}`)
        if (rest.length > 2 && rest[1] === '=') {
          setValue(out, def, rest.slice(2), usage)
          rest = ''
        } else if (def.kind === 'bool') {
          setValue(out, def, 'true', usage)
          rest = rest.slice(1)
        } else if (def.noOptDefault !== undefined) {
          setValue(out, def, def.noOptDefault, usage)
          rest = rest.slice(1)
        } else if (rest.length > 1) {
          setValue(out, def, rest.slice(1), usage)
          rest = ''
        } else if (i < argv.length) {
          setValue(out, def, argv[i++], usage)
          rest = ''
        } else {
          throw new KubectlError(`error: flag needs an argument: '${c}' in -${c}\n${usage}`)
        }
      }
      continue
    }
    out.args.push(a)
  }
  return out
}

/** Read helpers over ParsedFlags. */
export class Flags {
  constructor(readonly parsed: ParsedFlags, private readonly defs: FlagDef[]) {}
  has(name: string): boolean {
    return this.parsed.values.has(name)
  }
  str(name: string): string {
    const v = this.parsed.values.get(name)
    if (v) return v[v.length - 1]
    return this.defs.find((d) => d.name === name)?.default ?? ''
  }
  all(name: string): string[] {
    return this.parsed.values.get(name) ?? []
  }
  bool(name: string): boolean {
    return parseBool(this.str(name)) === true
  }
  int(name: string): number {
    return Number.parseInt(this.str(name), 10)
  }
  get args(): string[] {
    return this.parsed.args
  }
}

const DURATION_UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 }

/** time.ParseDuration (as pflag DurationVar): `30s`, `1m30s`, `0`, `-1s`; milliseconds, or undefined. */
export function parseGoDuration(text: string): number | undefined {
  let s = text
  let sign = 1
  if (s.startsWith('-') || s.startsWith('+')) {
    if (s[0] === '-') sign = -1
    s = s.slice(1)
  }
  if (s === '0') return 0
  if (s === '') return undefined
  let total = 0
  const re = /^(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/
  while (s.length > 0) {
    const m = re.exec(s)
    if (!m) return undefined
    total += Number(m[1]) * DURATION_UNITS[m[2]]
    s = s.slice(m[0].length)
  }
  return sign * total
}

/** The error text of time.ParseDuration for text it refuses (Go's three messages). */
export function goDurationError(orig: string): string {
  const q = JSON.stringify(orig)
  const invalid = `time: invalid duration ${q}`
  let s = orig.replace(/^[-+]/, '')
  if (s === '') return invalid
  while (s !== '') {
    const m = /^(\d*)(?:\.(\d*))?/.exec(s) as RegExpExecArray
    if (m[0] === '' || (m[1] === '' && (m[2] ?? '') === '')) return invalid
    s = s.slice(m[0].length)
    const unit = /^[^.\d]*/.exec(s)?.[0] ?? ''
    if (unit === '') return `time: missing unit in duration ${q}`
    if (!(unit in DURATION_UNITS)) return `time: unknown unit ${JSON.stringify(unit)} in duration ${q}`
    s = s.slice(unit.length)
  }
  return invalid
}

/** pflag StringSlice: values split on commas (encoding/csv), every occurrence appended. */
export const stringSlice = (values: string[]): string[] => values.flatMap((v) => (v === '' ? [] : v.split(',')))
