// jq 1.6's @formats (src/builtin.c f_format): @text @json @html @uri @csv @tsv @sh @base64 and
// @base64d (which, as in jq 1.6, stops at the first '=' and knows only the standard alphabet).

import { encode as b64encode } from '../base64'
import { base64Value } from '../../../common/base64'
import { JqError, errRepr, formatNumber, isObj, toJson, typeOf, type V } from './values'

const te = (v: V, msg: string): never => {
  throw new JqError(`${typeOf(v)} (${errRepr(v)}) ${msg}`)
}

export function toStr(v: V): string {
  return typeof v === 'string' ? v : toJson(v)
}

export function utf8(s: string): Uint8Array {
  return new TextEncoder().encode(s)
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
  return new TextDecoder().decode(Uint8Array.from(out))
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
