// jq 1.6's @formats (src/builtin.c f_format): @text @json @html @uri @csv @tsv @sh @base64 and
// @base64d (which, as in jq 1.6, stops at the first '=' and knows only the standard alphabet).

import { encode as b64encode } from '../base64'
import { base64Value } from '../../../common/base64'
import { bytesOf, hasRawBytes } from '../../../common/bytes'
import { JqError, errRepr, formatNumber, isObj, toJson, typeOf, type V } from './values'

const te = (v: V, msg: string): never => {
  throw new JqError(`${typeOf(v)} (${errRepr(v)}) ${msg}`)
}

export function toStr(v: V): string {
  return typeof v === 'string' ? v : toJson(v)
}

export function utf8(s: string): Uint8Array {
  return bytesOf(s)
}

/** Lead byte -> sequence length as jq 1.6's utf8_coding_length: 0 invalid, -1 continuation. */
const codingLength = (b: number) => (b < 0x80 ? 1 : b < 0xc0 ? -1 : b < 0xc2 ? 0 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : b < 0xf5 ? 4 : 0)
const FIRST_CODEPOINT = [0, 0, 0x80, 0x800, 0x10000]

/**
 * Bytes as a jq 1.6 string (jv_string_sized, jvp_utf8_next): every bad sequence is one U+FFFD —
 * a stray byte, a lead byte with its continuation bytes up to the first that is not one, the rest
 * of a sequence cut by the end, or a whole overlong, surrogate or too-large sequence.
 */
export function jqString(bytes: Uint8Array): string {
  let out = ''
  let i = 0
  while (i < bytes.length) {
    const first = bytes[i]
    let length = codingLength(first)
    let cp = -1
    if (first < 0x80) {
      cp = first
    } else if (length <= 0) {
      length = 1
    } else if (i + length > bytes.length) {
      length = bytes.length - i
    } else {
      cp = first & (0xff >> (length + 1))
      for (let k = 1; k < length; k++) {
        const ch = bytes[i + k]
        if (codingLength(ch) !== -1) {
          cp = -1
          length = k
          break
        }
        cp = (cp << 6) | (ch & 0x3f)
      }
      if (cp < FIRST_CODEPOINT[length] || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) cp = -1
    }
    out += cp < 0 ? '\ufffd' : String.fromCodePoint(cp)
    i += length
  }
  return out
}

/** A byte-faithful string (src/common/bytes.ts) as jq 1.6 reads it: bad UTF-8 becomes U+FFFD. */
export function jqText(s: string): string {
  return hasRawBytes(s) ? jqString(bytesOf(s)) : s
}

function base64d(v: V): V {
  const s = toStr(v)
  const out: number[] = []
  let code = 0
  let n = 0
  for (const b of utf8(s)) {
    if (b === 61) break
    const d = b > 127 ? -1 : base64Value(b)
    if (d < 0) return te(v, 'is not valid base64 data')
    code = (code << 6) | d
    if (++n === 4) {
      out.push((code >> 16) & 255, (code >> 8) & 255, code & 255)
      n = 0
      code = 0
    }
  }
  if (n === 3) out.push((code >> 10) & 255, (code >> 2) & 255)
  else if (n === 2) out.push((code >> 4) & 255)
  else if (n === 1) return te(v, 'trailing base64 byte found')
  return jqString(Uint8Array.from(out))
}

export function applyFormat(name: string, v: V): V {
  switch (name) {
    case 'text': return toStr(v)
    case 'json': return toJson(v)
    case 'html': return toStr(v).replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&#39;', '"': '&quot;' })[c]!)
    case 'uri': return [...utf8(toStr(v))].map((b) => (/[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : '%' + b.toString(16).toUpperCase().padStart(2, '0'))).join('')
    case 'base64': return b64encode(utf8(toStr(v)), 0)
    case 'base64d': return base64d(v)
    case 'csv':
    case 'tsv': {
      if (!Array.isArray(v)) return te(v, `cannot be ${name}-formatted, only an array can be`)
      return v.map((x) => {
        if (typeof x === 'number') return formatNumber(x)
        if (typeof x === 'boolean') return String(x)
        if (x === null) return ''
        if (typeof x === 'string') return name === 'csv' ? `"${x.replace(/"/g, '""')}"` : x.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!)
        return te(x, `is not valid in a ${name} row`)
      }).join(name === 'csv' ? ',' : '\t')
    }
    case 'sh': {
      const one = (x: V) => {
        if (typeof x === 'string') return `'${x.replace(/'/g, "'\\''")}'`
        if (Array.isArray(x) || isObj(x)) return te(x, 'can not be escaped for shell')
        return toJson(x)
      }
      return Array.isArray(v) ? v.map(one).join(' ') : one(v)
    }
  }
  throw new JqError(`${name} is not a valid format`)
}
