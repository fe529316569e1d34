// gnulib's quote() in the C locale (lib/quotearg.c, locale_quoting_style): 'TEXT' with a byte
// that is not printable ASCII written as a backslash escape (\t, \n ... or three octal digits).

import { latin1Of } from '../../common/bytes'

const LETTERS: Record<string, string> = { '\x07': 'a', '\b': 'b', '\f': 'f', '\n': 'n', '\r': 'r', '\t': 't', '\v': 'v' }

export function gnuQuote(s: string): string {
  let out = ''
  for (const c of latin1Of(s)) {
    const b = c.charCodeAt(0)
    if (c === '\\') out += '\\\\'
    else if (b >= 0x20 && b < 0x7f) out += c
    else out += '\\' + (LETTERS[c] ?? b.toString(8).padStart(3, '0'))
  }
  return `'${out}'`
}
