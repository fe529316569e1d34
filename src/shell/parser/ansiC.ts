// bash's ANSI-C escapes, as `$'...'` reads them and as `${V@E}` expands them (bash/lib/sh/strtrans.c):
// \n \t and the other C letters, \e, \cX (control characters), octal \NNN and \xHH as bytes, \uHHHH and \UHHHHHHHH as characters.

import { byteChar } from '../../common/bytes'

const SIMPLE_ESCAPES: Record<string, string> = {
  n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v',
  '\\': '\\', "'": "'", '"': '"', '?': '?',
}

/** One `$'...'` escape starting at `src[i]` (after the backslash): [text, characters consumed]. */
export function ansiEscape(src: string, i: number): [string, number] {
  const c = src[i]
  if (c in SIMPLE_ESCAPES) return [SIMPLE_ESCAPES[c], 1]
  if (/[0-7]/.test(c)) {
    const m = /^[0-7]{1,3}/.exec(src.slice(i))!
    return [byteChar(parseInt(m[0], 8) & 0xff), m[0].length]
  }
  if (c === 'x') {
    const m = /^[0-9A-Fa-f]{1,2}/.exec(src.slice(i + 1))
    return m ? [byteChar(parseInt(m[0], 16)), 1 + m[0].length] : ['\\x', 1]
  }
  if (c === 'c' && i + 1 < src.length && src[i + 1] !== "'") {
    // \cX: the control character of X (TOCTRL: ? is DEL); `\c\\` reads both backslashes
    const x = src[i + 1]
    const len = x === '\\' && src[i + 2] === '\\' ? 3 : 2
    return [String.fromCharCode(x === '?' ? 0x7f : x.toUpperCase().charCodeAt(0) & 0x1f), len]
  }
  if (c === 'u' || c === 'U') {
    const m = (c === 'u' ? /^[0-9A-Fa-f]{1,4}/ : /^[0-9A-Fa-f]{1,8}/).exec(src.slice(i + 1))
    if (!m) return ['\\' + c, 1]
    const cp = parseInt(m[0], 16)
    return [cp <= 0x10ffff ? String.fromCodePoint(cp) : '', 1 + m[0].length]
  }
  return ['\\' + c, 1]
}

/** Every escape of `text` expanded, as `${V@E}` does (what is no escape stays as it is). */
export function expandAnsiC(text: string): string {
  let out = ''
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\' && i + 1 < text.length) {
      const [s, len] = ansiEscape(text, i + 1)
      out += s
      i += len
    } else out += text[i]
  }
  return out
}
