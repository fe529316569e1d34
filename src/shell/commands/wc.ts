// wc (coreutils src/wc.c): -l -w -c -m -L; counts right-aligned in GNU's column width (digits of the
// total size of the files, at least 7 when stdin is counted, 1 for a single count of one input).

import { latin1Of, utf8CharCount } from '../../common/bytes'
import type { CommandSpec, FlagSpec } from '../types'
import { byteLength, getopt, utf8Locale, has, helpText, inputs, readOperand, tableFromFlags, usageError } from './util'

const flags: FlagSpec[] = [
  { name: 'bytes', short: 'c', takesValue: false, help: 'print the byte counts' },
  { name: 'chars', short: 'm', takesValue: false, help: 'print the character counts' },
  { name: 'lines', short: 'l', takesValue: false, help: 'print the newline counts' },
  { name: 'max-line-length', short: 'L', takesValue: false, help: 'print the maximum display width' },
  { name: 'words', short: 'w', takesValue: false, help: 'print the word counts' },
  { name: 'help', takesValue: false, help: 'display this help and exit' },
]

export const wc: CommandSpec = {
  name: 'wc',
  summary: 'Print newline, word, and byte counts for each file.',
  usage: 'wc [OPTION]... [FILE]...',
  flags,
  async run(ctx) {
    const p = getopt(ctx.argv.slice(1), tableFromFlags(flags))
    if ('error' in p) return usageError(ctx, 'wc', p.error)
    if (has(p, 'help')) {
      ctx.stdout(helpText(this.usage, this.summary, flags))
      return 0
    }
    let which = ['lines', 'words', 'chars', 'bytes', 'max-line-length'].filter((k) => has(p, k))
    if (which.length === 0) which = ['lines', 'words', 'bytes']
    const names = inputs(p.operands)
    let status = 0
    const rows: { counts: number[]; name?: string }[] = []
    const total = which.map(() => 0)
    let sizeTotal = 0
    let sawStdin = false
    for (const name of names) {
      const r = readOperand(ctx, name)
      if (!r.ok) {
        rows.push({ counts: [], name: `\0wc: ${r.message}\n` })
        status = 1
        continue
      }
      if (name === '-') sawStdin = true
      else sizeTotal += byteLength(r.text)
      const counts = which.map((k) => count(k, r.text, utf8Locale(ctx.env)))
      // (the total of -L is the widest of all)
      counts.forEach((c, i) => (total[i] = which[i] === 'max-line-length' ? Math.max(total[i], c) : total[i] + c))
      rows.push({ counts, name: p.operands.length ? name : undefined })
    }
    let width = Math.max(String(sizeTotal).length, sawStdin ? 7 : 1)
    if (which.length === 1 && names.length === 1) width = 1
    if (names.length > 1) rows.push({ counts: total, name: 'total' })
    for (const row of rows) {
      if (row.name?.startsWith('\0')) {
        ctx.stderr(row.name.slice(1))
        continue
      }
      const cells = row.counts.map((c) => String(c).padStart(width))
      ctx.stdout(cells.join(' ') + (row.name !== undefined ? ` ${row.name}` : '') + '\n')
    }
    return status
  },
}

function count(kind: string, text: string, utf8: boolean): number {
  switch (kind) {
    case 'lines':
      return (text.match(/\n/g) ?? []).length
    case 'words':
      return words(text, utf8)
    case 'chars':
      // A UTF-8 locale counts characters (a byte outside valid UTF-8 is none); C counts bytes.
      return utf8 ? utf8CharCount(text) : byteLength(text)
    case 'max-line-length':
      return maxLineWidth(text, utf8)
    default:
      return byteLength(text)
  }
}

/**
 * -L: the widest line as a terminal shows it (wc.c): a tab goes to the next multiple of 8, a
 * carriage return or form feed starts the line again, and what does not print takes no room (in the
 * C locale every byte outside ASCII).
 */
function maxLineWidth(text: string, utf8: boolean): number {
  let widest = 0
  let pos = 0
  for (const c of utf8 ? text : latin1Of(text)) {
    if (c === '\n' || c === '\r' || c === '\f') {
      widest = Math.max(widest, pos)
      pos = 0
    } else if (c === '\t') pos += 8 - (pos % 8)
    else if (utf8 ? !/[\p{Cc}\p{Cf}\p{Mn}\p{Me}]/u.test(c) : c >= ' ' && c <= '~') pos++
  }
  return Math.max(widest, pos)
}

/** Unicode spaces that end a word in a UTF-8 locale (iswspace, and the no-break spaces wc adds). */
const UNICODE_SPACE = /[\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u2060\u3000]/

/**
 * wc -w (coreutils 9.1): white space ends a word, a printable character starts one, and anything
 * else (control characters, bytes that are no character) does neither.
 */
function words(text: string, utf8: boolean): number {
  let n = 0
  let inWord = false
  for (const ch of utf8 ? text : latin1Of(text)) {
    const c = ch.codePointAt(0)!
    if (c === 32 || (c >= 9 && c <= 13) || (utf8 && c > 127 && UNICODE_SPACE.test(ch))) {
      inWord = false
      continue
    }
    const printable = utf8 ? c > 32 && c !== 127 && !(c >= 0x80 && c < 0xa0) && !(c >= 0xd800 && c <= 0xdfff) : c > 32 && c < 127
    if (printable && !inWord) {
      n++
      inWord = true
    }
  }
  return n
}
