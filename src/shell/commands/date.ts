// date (coreutils 9.1 src/date.c): prints the LAB clock (never the wall clock) in UTC, the
// workstation's time zone: -d STRING, -u, +FORMAT, -I[FMT], -R, --rfc-3339=FMT. Setting the
// clock is refused as it is for a user without CAP_SYS_TIME.

import type { CommandSpec, FlagSpec } from '../types'
import { parseDate } from './dateparse'
import { formatTime, type Instant } from './strftime'
import { helpText, readOperand } from './util'

const flags: FlagSpec[] = [
  { name: 'date', short: 'd', takesValue: true, help: "display time described by STRING, not 'now'" },
  { name: 'file', short: 'f', takesValue: true, help: 'like --date; once for each line of DATEFILE' },
  { name: 'iso-8601', short: 'I', takesValue: false, help: "output date/time in ISO 8601 format (-I[FMT], FMT 'date', 'hours', 'minutes', 'seconds', 'ns')" },
  { name: 'rfc-email', short: 'R', takesValue: false, help: 'output date and time in RFC 5322 format' },
  { name: 'rfc-3339', takesValue: true, help: "output date/time in RFC 3339 format (FMT 'date', 'seconds', 'ns')" },
  { name: 'utc', short: 'u', takesValue: false, help: 'print or set Coordinated Universal Time (UTC)' },
  { name: 'help', takesValue: false, help: 'display this help and exit' },
]

const ISO: Record<string, string> = {
  date: '%Y-%m-%d', hours: '%Y-%m-%dT%H%:z', minutes: '%Y-%m-%dT%H:%M%:z', seconds: '%Y-%m-%dT%H:%M:%S%:z', ns: '%Y-%m-%dT%H:%M:%S,%N%:z',
}
const RFC3339: Record<string, string> = { date: '%Y-%m-%d', seconds: '%Y-%m-%d %H:%M:%S%:z', ns: '%Y-%m-%d %H:%M:%S.%N%:z' }
const LONG = ['date', 'file', 'iso-8601', 'rfc-email', 'rfc-3339', 'utc', 'universal', 'help', 'rfc-2822', 'reference', 'set', 'debug']

function badArg(kind: string, value: string, valid: string[]): string {
  return `date: invalid argument '${value}' for '--${kind}'\nValid arguments are:\n${valid.map((v) => `  - '${v}'\n`).join('')}Try 'date --help' for more information.\n`
}

export const date: CommandSpec = {
  name: 'date',
  summary: 'Print the lab date and time in the given FORMAT.',
  usage: 'date [OPTION]... [+FORMAT]',
  flags,
  async run(ctx) {
    const args = ctx.argv.slice(1)
    const dates: string[] = []
    let file: string | undefined
    let format: string | undefined
    let formats = 0
    const operands: string[] = []
    const fail = (msg: string) => {
      ctx.stderr(`date: ${msg}\nTry 'date --help' for more information.\n`)
      return 1
    }
    for (let i = 0; i < args.length; i++) {
      const a = args[i]
      if (a === '--') {
        operands.push(...args.slice(i + 1))
        break
      }
      if (a.startsWith('--')) {
        const eq = a.indexOf('=')
        const name = a.slice(2, eq < 0 ? undefined : eq)
        const matches = LONG.includes(name) ? [name] : LONG.filter((l) => l.startsWith(name))
        if (matches.length !== 1) return fail(matches.length ? `option '${a}' is ambiguous` : `unrecognized option '${a}'`)
        const full = matches[0]
        let value = eq >= 0 ? a.slice(eq + 1) : undefined
        if (['date', 'file', 'rfc-3339', 'reference', 'set'].includes(full) && value === undefined) {
          if (i + 1 >= args.length) return fail(`option '--${full}' requires an argument`)
          value = args[++i]
        }
        if (full === 'help') {
          ctx.stdout(helpText(this.usage, 'Display the lab time in the given FORMAT.', flags))
          return 0
        }
        if (full === 'date') dates.push(value!)
        else if (full === 'file') file = value
        else if (full === 'utc' || full === 'universal' || full === 'debug') continue
        else if (full === 'rfc-email' || full === 'rfc-2822') {
          format = '%a, %d %b %Y %H:%M:%S %z'
          formats++
        } else if (full === 'iso-8601') {
          const k = value === undefined ? 'date' : Object.keys(ISO).find((f) => f.startsWith(value!) && value !== '')
          if (!k) {
            ctx.stderr(badArg('iso-8601', value!, ['hours', 'minutes', 'date', 'seconds', 'ns']))
            return 1
          }
          format = ISO[k]
          formats++
        } else if (full === 'rfc-3339') {
          const k = Object.keys(RFC3339).find((f) => f.startsWith(value!) && value !== '')
          if (!k) {
            ctx.stderr(badArg('rfc-3339', value!, ['date', 'seconds', 'ns']))
            return 1
          }
          format = RFC3339[k]
          formats++
        } else if (full === 'set') {
          ctx.stderr('date: cannot set date: Operation not permitted\n')
          return 1
        } else return fail(`option '--${full}' is not supported in this lab`)
        continue
      }
      if (a.startsWith('-') && a.length > 1) {
        for (let j = 1; j < a.length; j++) {
          const c = a[j]
          if (c === 'u') continue
          if (c === 'R') {
            format = '%a, %d %b %Y %H:%M:%S %z'
            formats++
          } else if (c === 'I') {
            const v = a.slice(j + 1)
            const k = v === '' ? 'date' : Object.keys(ISO).find((f) => f.startsWith(v))
            if (!k) {
              ctx.stderr(badArg('iso-8601', v, ['hours', 'minutes', 'date', 'seconds', 'ns']))
              return 1
            }
            format = ISO[k]
            formats++
            break
          } else if (c === 'd' || c === 'f' || c === 's' || c === 'r') {
            let v = a.slice(j + 1)
            if (v === '') {
              if (i + 1 >= args.length) return fail(`option requires an argument -- '${c}'`)
              v = args[++i]
            }
            if (c === 'd') dates.push(v)
            else if (c === 'f') file = v
            else if (c === 's') {
              ctx.stderr('date: cannot set date: Operation not permitted\n')
              return 1
            } else return fail(`option '-r' is not supported in this lab`)
            break
          } else return fail(`invalid option -- '${c}'`)
        }
        continue
      }
      operands.push(a)
    }
    if (operands.length > 1) return fail(`extra operand '${operands[1]}'`)
    if (operands.length === 1) {
      const o = operands[0]
      if (o.startsWith('+')) {
        if (formats > 0) {
          ctx.stderr('date: multiple output formats specified\n')
          return 1
        }
        format = o.slice(1)
      } else if (dates.length > 0 || file !== undefined) {
        return fail(`the argument '${o}' lacks a leading '+';\nwhen using an option to specify date(s), any non-option\nargument must be a format string beginning with '+'`)
      } else {
        ctx.stderr(`date: invalid date '${o}'\n`)
        return 1
      }
    }
    if (formats > 1) {
      ctx.stderr('date: multiple output formats specified\n')
      return 1
    }
    const fmt = format ?? '%a %b %e %H:%M:%S %Z %Y'
    const nowMs = ctx.lab.now()
    const now: Instant = { sec: Math.floor(nowMs / 1000), nsec: (((nowMs % 1000) + 1000) % 1000) * 1e6 }
    if (file !== undefined) {
      const r = readOperand(ctx, file)
      if (!r.ok) {
        ctx.stderr(`date: ${r.message}\n`)
        return 1
      }
      let status = 0
      const lines = r.text.endsWith('\n') ? r.text.slice(0, -1).split('\n') : r.text === '' ? [] : r.text.split('\n')
      for (const line of lines) {
        const t = parseDate(line, now)
        const why = t === undefined ? `invalid date '${line}'` : outOfRange(t, line)
        if (why !== undefined) {
          ctx.stderr(`date: ${why}\n`)
          status = 1
        } else ctx.stdout(formatTime(fmt, t!) + '\n')
      }
      return status
    }
    const when = dates.length ? dates[dates.length - 1] : undefined
    const t = when === undefined ? now : parseDate(when, now)
    const why = t === undefined ? `invalid date '${when}'` : outOfRange(t, when ?? '')
    if (why !== undefined) {
      ctx.stderr(`date: ${why}\n`)
      return 1
    }
    ctx.stdout(formatTime(fmt, t!) + '\n')
    return 0
  },
}

/**
 * A time GNU date cannot show (its year past a C int: `time 'N' is out of range`), or one it shows
 * and the lab cannot (past JavaScript's dates, about the year 275760, which the lab says plainly).
 */
function outOfRange(t: Instant, text: string): string | undefined {
  const seconds = /^\s*@([-+]?\d+)\s*$/.exec(text)
  // (the first second of the year 2^31 + 1900; the other end, far below JavaScript's, is not checked)
  const n = seconds ? BigInt(seconds[1]) : undefined
  // past a time_t the number is no date at all
  if (n !== undefined && (n > 2n ** 63n - 1n || n < -(2n ** 63n))) return `invalid date '${text}'`
  const huge = n !== undefined ? n >= 67768036191676800n : t.sec >= 67768036191676800
  if (huge) return `time '${seconds ? seconds[1] : text}' is out of range`
  if (Math.abs(t.sec) > 8.64e12) return `'${text}' is ${t.sec < 0 ? 'before' : 'after'} the times the lab can show (years ${t.sec < 0 ? '-271821' : '275760'} and beyond are not simulated)`
  return undefined
}
