// fold (coreutils src/fold.c): break input lines longer than WIDTH (80) columns; a tab moves to
// the next multiple of 8, backspace one column back, carriage return to column 0; -b counts bytes
// instead; -s breaks after the last blank within the width when there is one. `-N` is `-w N`.
// coreutils 9.1's fold counts bytes in every locale: text beyond ASCII is folded one byte a column.

import type { CommandSpec, FlagSpec } from '../types'
import { asBytes, fromBytes } from '../locale'
import { gnuQuote } from './gnuQuote'
import { getopt, has, helpText, inputs, lastValue, readOperand, tableFromFlags, usageError } from './util'

const flags: FlagSpec[] = [
  { name: 'bytes', short: 'b', takesValue: false, help: 'count bytes, not columns' },
  { name: 'spaces', short: 's', takesValue: false, help: 'break after the last blank that fits' },
  { name: 'width', short: 'w', takesValue: true, help: 'lines take at most WIDTH columns (default 80)' },
  { name: 'help', takesValue: false, help: 'display this help and exit' },
]

/** fold.c's loop over one input. */
export function foldText(text: string, width: number, countBytes: boolean, breakSpaces: boolean): string {
  const adjust = (column: number, c: string) => {
    if (countBytes) return column + 1
    if (c === '\b') return column > 0 ? column - 1 : 0
    if (c === '\r') return 0
    if (c === '\t') return column + 8 - (column % 8)
    return column + 1
  }
  let out = ''
  let buf = ''
  let column = 0
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '\n') {
      out += buf + c
      buf = ''
      column = 0
      continue
    }
    for (;;) {
      column = adjust(column, c)
      if (column <= width) {
        buf += c
        break
      }
      if (breakSpaces) {
        const blank = Math.max(buf.lastIndexOf(' '), buf.lastIndexOf('\t'))
        if (blank >= 0) {
          out += buf.slice(0, blank + 1) + '\n'
          buf = buf.slice(blank + 1)
          column = 0
          for (const ch of buf) column = adjust(column, ch)
          continue
        }
      }
      if (buf === '') {
        buf += c
        break
      }
      out += buf + '\n'
      buf = ''
      column = 0
    }
  }
  return out + buf
}

export const fold: CommandSpec = {
  name: 'fold',
  summary: 'Wrap long lines at a given width.',
  usage: 'fold [OPTION]... [FILE]...',
  flags,
  async run(ctx) {
    const args = ctx.argv.slice(1).map((a) => (/^-[0-9]+$/.test(a) ? `-w${a.slice(1)}` : a))
    const p = getopt(args, { ...tableFromFlags(flags), immediate: ['help'] })
    if ('error' in p) return usageError(ctx, 'fold', p.error)
    if (has(p, 'help')) {
      ctx.stdout(helpText(this.usage, 'Wrap input lines in each FILE, writing to standard output.', flags))
      return 0
    }
    let width = 80
    const w = lastValue(p, 'width')
    if (w !== undefined) {
      if (!/^\s*\+?[0-9]+$/.test(w)) {
        ctx.stderr(`fold: invalid number of columns: ${gnuQuote(w)}\n`)
        return 1
      }
      width = Number(w)
      if (width < 1) {
        ctx.stderr(`fold: invalid number of columns: ${gnuQuote(w)}: Numerical result out of range\n`)
        return 1
      }
    }
    let status = 0
    for (const name of inputs(p.operands)) {
      const r = readOperand(ctx, name)
      if (!r.ok) {
        ctx.stderr(`fold: ${r.message}\n`)
        status = 1
        continue
      }
      ctx.stdout(fromBytes(foldText(asBytes(r.text), width, has(p, 'bytes'), has(p, 'spaces'))))
    }
    return status
  },
}
