// expand (coreutils src/expand.c, expand-common.c): tabs to spaces, stops every 8 columns, or
// every N with -t N, or at the listed columns with -t LIST (past the last one a tab is one space;
// `/N` after the list: every N on, `+N`: every N after the last stop); -i only the tabs before a line's first non-blank; `-N` is
// `-t N`. Backspace moves one column back. Columns are bytes (coreutils 9.1's expand).

import type { CommandContext, CommandSpec, FlagSpec } from '../types'
import { asBytes, fromBytes } from '../locale'
import { gnuQuote } from './gnuQuote'
import { getopt, has, helpText, inputs, readOperand, tableFromFlags, usageError } from './util'

const flags: FlagSpec[] = [
  { name: 'initial', short: 'i', takesValue: false, help: 'only the tabs before the first non-blank of a line' },
  { name: 'tabs', short: 't', takesValue: true, help: 'tab stops every N columns, or at the columns of a LIST' },
  { name: 'help', takesValue: false, help: 'display this help and exit' },
]

interface Stops {
  list: number[]
  /** `/N`: every N after the list. */
  extend: number
  /** `+N`: every N after the list's last stop. */
  increment: number
}

function parseStops(specs: string[]): Stops | string {
  const list: number[] = []
  let extend = 0
  let increment = 0
  for (const spec of specs) {
    for (const item of spec.split(/[,\s]/)) {
      if (item === '') continue
      const m = /^([/+]?)([0-9]*)(.*)$/.exec(item)!
      if (m[3] !== '' || m[2] === '') return `tab size contains invalid character(s): ${gnuQuote(m[3] || item)}`
      if (extend || increment) return `'${extend ? '/' : '+'}' specifier only allowed with the last value`
      const n = Number(m[2])
      if (n === 0) return 'tab size cannot be 0'
      if (m[1] === '/') extend = n
      else if (m[1] === '+') increment = n
      else {
        if (list.length && n <= list[list.length - 1]) return 'tab sizes must be ascending'
        list.push(n)
      }
    }
  }
  return { list, extend, increment }
}

/** The column a tab at `column` moves to; undefined past the last stop of a list. */
function nextStop(column: number, s: Stops): number | undefined {
  if (s.list.length === 1 && !s.extend && !s.increment) return column - (column % s.list[0]) + s.list[0]
  for (const stop of s.list) if (stop > column) return stop
  if (s.extend) return column - (column % s.extend) + s.extend
  if (s.increment) {
    const last = s.list[s.list.length - 1] ?? 0
    return last + (Math.floor((column - last) / s.increment) + 1) * s.increment
  }
  return undefined
}

export function expandText(text: string, stops: Stops, initialOnly: boolean): string {
  let out = ''
  let column = 0
  let convert = true
  for (const c of text) {
    if (convert) {
      if (c === '\t') {
        const next = nextStop(column, stops) ?? column + 1
        out += ' '.repeat(next - column)
        column = next
        continue
      }
      if (c === '\b') column -= column > 0 ? 1 : 0
      else column++
      convert = !initialOnly || c === ' '
    }
    if (c === '\n') {
      column = 0
      convert = true
    }
    out += c
  }
  return out
}

function fail(ctx: CommandContext, message: string): number {
  ctx.stderr(`expand: ${message}\n`)
  return 1
}

export const expand: CommandSpec = {
  name: 'expand',
  summary: 'Turn tabs into spaces.',
  usage: 'expand [OPTION]... [FILE]...',
  flags,
  async run(ctx) {
    const args = ctx.argv.slice(1).map((a) => (/^-[0-9][0-9,]*$/.test(a) ? `-t${a.slice(1)}` : a))
    const p = getopt(args, { ...tableFromFlags(flags), immediate: ['help'] })
    if ('error' in p) return usageError(ctx, 'expand', p.error)
    if (has(p, 'help')) {
      ctx.stdout(helpText(this.usage, 'Convert tabs in each FILE to spaces, writing to standard output.', flags))
      return 0
    }
    const specs = p.opts.filter((o) => o.key === 'tabs').map((o) => o.value!)
    const stops = parseStops(specs)
    if (typeof stops === 'string') return fail(ctx, stops)
    if (stops.list.length === 0 && !stops.extend && !stops.increment) stops.list.push(8)
    let status = 0
    for (const name of inputs(p.operands)) {
      const r = readOperand(ctx, name)
      if (!r.ok) {
        ctx.stderr(`expand: ${r.message}\n`)
        status = 1
        continue
      }
      ctx.stdout(fromBytes(expandText(asBytes(r.text), stops, has(p, 'initial'))))
    }
    return status
  },
}
