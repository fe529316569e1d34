// nl (coreutils src/nl.c): number the lines of FILEs (or stdin), numbering going on across files.
// -b/-h/-f STYLE (a all, t nonempty, n none) for body, header and footer; the lines `\:\:\:`,
// `\:\:` and `\:` start those sections (printed as empty lines, numbering starts again unless -p);
// -n ln|rn|rz, -w N, -s SEP, -v N, -i N, -l N, -d CC (the delimiter characters instead of `\:`), and the
// style pBRE: the lines matching the basic regular expression BRE.

import type { CommandContext, CommandSpec, FlagSpec } from '../types'
import { byteLength } from '../../common/bytes'
import { gnuQuote } from './gnuQuote'
import { compileMatcher, type LineMatcher } from './matcher'
import { patternSource } from './regex'
import { getopt, has, helpText, inputs, lastValue, readOperand, splitLines, tableFromFlags, usageError } from './util'

const flags: FlagSpec[] = [
  { name: 'body-numbering', short: 'b', takesValue: true, help: 'which body lines get a number: a (all), t (nonempty), n (none), pBRE (matching BRE)' },
  { name: 'section-delimiter', short: 'd', takesValue: true, help: 'two characters that mark the sections instead of \\:' },
  { name: 'header-numbering', short: 'h', takesValue: true, help: 'the same for header lines (default n)' },
  { name: 'footer-numbering', short: 'f', takesValue: true, help: 'the same for footer lines (default n)' },
  { name: 'join-blank-lines', short: 'l', takesValue: true, help: 'with style a, number only each NUMBER-th of consecutive empty lines' },
  { name: 'line-increment', short: 'i', takesValue: true, help: 'add NUMBER to the number at each line' },
  { name: 'number-format', short: 'n', takesValue: true, help: 'ln (left), rn (right) or rz (right, zeros in front)' },
  { name: 'no-renumber', short: 'p', takesValue: false, help: 'keep counting over section starts' },
  { name: 'number-separator', short: 's', takesValue: true, help: 'put STRING after each number (default a tab)' },
  { name: 'starting-line-number', short: 'v', takesValue: true, help: 'the first number (default 1)' },
  { name: 'number-width', short: 'w', takesValue: true, help: 'numbers take NUMBER columns (default 6)' },
  { name: 'help', takesValue: false, help: 'display this help and exit' },
]

/** a (all), t (nonempty), n (none), or the lines a pBRE style's expression matches. */
type Style = 'a' | 't' | 'n' | LineMatcher

function fail(ctx: CommandContext, message: string): number {
  ctx.stderr(`nl: ${message}\n`)
  return 1
}

export const nl: CommandSpec = {
  name: 'nl',
  summary: 'Number the lines of files.',
  usage: 'nl [OPTION]... [FILE]...',
  flags,
  async run(ctx) {
    const p = getopt(ctx.argv.slice(1), { ...tableFromFlags(flags), immediate: ['help'] })
    if ('error' in p) return usageError(ctx, 'nl', p.error)
    if (has(p, 'help')) {
      ctx.stdout(helpText(this.usage, 'Write each FILE to standard output, with line numbers added.', flags))
      return 0
    }
    const styles: Record<string, Style> = { header: 'n', body: 't', footer: 'n' }
    let format = 'rn'
    let width = 6
    let start = 1
    let incr = 1
    let join = 1
    for (const o of p.opts) {
      const v = o.value ?? ''
      const section = /^(header|body|footer)-numbering$/.exec(o.key)?.[1]
      if (section) {
        if (v.startsWith('p')) {
          const src = patternSource([v.slice(1)], { extended: false, fixed: false, ignoreCase: false, word: false, line: false })
          // nl's old regex interface names an open bracket expression more plainly than grep
          if (typeof src !== 'string') return fail(ctx, src.error.startsWith('Unmatched [') ? 'Invalid regular expression' : src.error)
          styles[section] = await compileMatcher(src, false)
        } else if (!/^[atn]$/.test(v)) return usageError(ctx, 'nl', `invalid ${section} numbering style: ${gnuQuote(v)}`)
        else styles[section] = v as Style
      } else if (o.key === 'number-format') {
        if (!/^(ln|rn|rz)$/.test(v)) return usageError(ctx, 'nl', `invalid line numbering format: ${gnuQuote(v)}`)
        format = v
      } else if (o.key === 'number-width') {
        if (!/^\s*\+?[0-9]+$/.test(v)) return fail(ctx, `invalid line number field width: ${gnuQuote(v)}`)
        width = Number(v)
        if (width < 1 || width > 2147483647) return fail(ctx, `invalid line number field width: ${gnuQuote(v)}: Numerical result out of range`)
      } else if (o.key === 'join-blank-lines') {
        if (!/^\s*\+?[0-9]+$/.test(v)) return fail(ctx, `invalid line number of blank lines: ${gnuQuote(v)}`)
        join = Number(v)
        if (join < 1) return fail(ctx, `invalid line number of blank lines: ${gnuQuote(v)}: Numerical result out of range`)
      } else if (o.key === 'starting-line-number' || o.key === 'line-increment') {
        if (!/^\s*[-+]?[0-9]+$/.test(v)) return fail(ctx, `invalid ${o.key === 'line-increment' ? 'line number increment' : 'starting line number'}: ${gnuQuote(v)}`)
        if (o.key === 'line-increment') incr = Number(v)
        else start = Number(v)
      }
    }
    const sep = lastValue(p, 'number-separator') ?? '\t'
    const renumber = !has(p, 'no-renumber')
    const blank = ' '.repeat(width + byteLength(sep))
    const cc = lastValue(p, 'section-delimiter') ?? '\\:'
    const d = cc.length === 1 ? cc + ':' : cc
    const delimiters = [d + d + d, d + d, d]
    const number = (n: number) => {
      const s = String(n)
      if (format === 'ln') return s.padEnd(width)
      if (format === 'rz') return n < 0 ? '-' + String(-n).padStart(width - 1, '0') : s.padStart(width, '0')
      return s.padStart(width)
    }
    let lineNo = start
    let section = 'body'
    let blanks = 0
    let status = 0
    for (const name of inputs(p.operands)) {
      const r = readOperand(ctx, name)
      if (!r.ok) {
        ctx.stderr(`nl: ${r.message}\n`)
        status = 1
        continue
      }
      let out = ''
      for (const line of splitLines(r.text).lines) {
        const delim = d === '' ? -1 : delimiters.indexOf(line)
        if (delim >= 0) {
          section = ['header', 'body', 'footer'][delim]
          if (renumber) lineNo = start
          out += '\n'
          continue
        }
        const style = styles[section]
        // -l N: of a run of empty lines, only each N-th is numbered (style a)
        const joined = style === 'a' && join > 1 && line === '' && ++blanks !== join
        if (style === 'a' && !joined) blanks = 0
        if (!joined && (style === 'a' || (style === 't' && line !== '') || (typeof style !== 'string' && style.test(line)))) {
          out += number(lineNo) + sep + line + '\n'
          lineNo += incr
        } else out += blank + line + '\n'
      }
      ctx.stdout(out)
    }
    return status
  },
}
