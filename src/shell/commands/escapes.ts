// Backslash escapes as bash's echo -e / printf %b (\0nnn octal) and printf formats (\nnn octal).
// \xHH and octal escapes are bytes (src/common/bytes.ts): `\xff` is the byte 0xff, and
// `\xc3\xa9` is é, as the bytes join into UTF-8.

import { byteChar, canonical } from '../../common/bytes'

/** Expand escapes; `stopped` is true when `\c` was seen (echo -e and %b stop all output there). */
export function expandEscapes(s: string, mode: 'echo' | 'format' | 'b'): { text: string; stopped: boolean } {
  let out = ''
  for (let i = 0; i < s.length; i++) {
    const c = s[i]
    if (c !== '\\' || i + 1 >= s.length) {
      out += c
      continue
    }
    const n = s[++i]
    switch (n) {
      case 'a': out += '\x07'; break
      case 'b': out += '\b'; break
      case 'e':
      case 'E': out += '\x1b'; break
      case 'f': out += '\f'; break
      case 'n': out += '\n'; break
      case 'r': out += '\r'; break
      case 't': out += '\t'; break
      case 'v': out += '\v'; break
      case '\\': out += '\\'; break
      case 'c':
        if (mode !== 'format') return { text: canonical(out), stopped: true }
        out += '\\c'
        break
      case '"':
      case "'":
      case '?':
        out += mode === 'format' ? n : '\\' + n
        break
      case 'x': {
        const m = /^[0-9A-Fa-f]{1,2}/.exec(s.slice(i + 1))
        if (!m) out += '\\x'
        else {
          out += byteChar(parseInt(m[0], 16))
          i += m[0].length
        }
        break
      }
      case 'u':
      case 'U': {
        const m = (n === 'u' ? /^[0-9A-Fa-f]{1,4}/ : /^[0-9A-Fa-f]{1,8}/).exec(s.slice(i + 1))
        const cp = m ? parseInt(m[0], 16) : -1
        if (!m || cp > 0x10ffff) out += '\\' + n
        else {
          out += String.fromCodePoint(cp)
          i += m[0].length
        }
        break
      }
      default: {
        // echo: \0 followed by up to three octal digits; printf formats: one to three digits; %b
        // (bash's bexpand): either
        const re = mode === 'echo' ? /^0[0-7]{0,3}/ : mode === 'b' ? /^(?:0[0-7]{0,3}|[1-7][0-7]{0,2})/ : /^[0-7]{1,3}/
        const m = re.exec(s.slice(i))
        if (!m) out += '\\' + n
        else {
          const digits = mode !== 'format' && m[0].startsWith('0') ? m[0].slice(1) : m[0]
          out += byteChar(parseInt(digits || '0', 8) & 0xff)
          i += m[0].length - 1
        }
      }
    }
  }
  return { text: canonical(out), stopped: false }
}
