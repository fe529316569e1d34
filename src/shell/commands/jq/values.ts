// jq 1.6 values (src/jv.c, jv_print.c, jv_aux.c): JSON with objects as insertion-ordered maps,
// jq's total order, its number printing (shortest round-trip digits, 17 significant at most,
// exponent form outside 1e-5..1e17) and its string escaping.

export type V = null | boolean | number | string | V[] | JObj
export type JObj = Map<string, V>

export class JqError extends Error {
  constructor(public value: V) {
    super(typeof value === 'string' ? value : toJson(value))
  }
}

export function isObj(v: V): v is JObj {
  return v instanceof Map
}

export function typeOf(v: V): string {
  if (v === null) return 'null'
  if (typeof v === 'boolean') return 'boolean'
  if (typeof v === 'number') return 'number'
  if (typeof v === 'string') return 'string'
  return Array.isArray(v) ? 'array' : 'object'
}

export function truthy(v: V): boolean {
  return v !== null && v !== false
}

const ORDER = ['null', 'false', 'true', 'number', 'string', 'array', 'object']
function rank(v: V): number {
  return v === false ? 1 : v === true ? 2 : ORDER.indexOf(typeOf(v))
}

function cmpStr(a: string, b: string): number {
  // jq compares UTF-8 bytes; code point order gives the same result.
  const x = [...a]
  const y = [...b]
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i].codePointAt(0)! - y[i].codePointAt(0)!
    if (d) return d < 0 ? -1 : 1
  }
  return x.length === y.length ? 0 : x.length < y.length ? -1 : 1
}

export function compare(a: V, b: V): number {
  const ra = rank(a)
  const rb = rank(b)
  if (ra !== rb) return ra < rb ? -1 : 1
  if (typeof a === 'number') return a < (b as number) ? -1 : a > (b as number) ? 1 : 0
  if (typeof a === 'string') return cmpStr(a, b as string)
  if (Array.isArray(a)) {
    const bb = b as V[]
    for (let i = 0; i < Math.min(a.length, bb.length); i++) {
      const c = compare(a[i], bb[i])
      if (c) return c
    }
    return a.length === bb.length ? 0 : a.length < bb.length ? -1 : 1
  }
  if (isObj(a)) {
    const bo = b as JObj
    const ka = sortedKeys(a)
    const kb = sortedKeys(bo)
    const c = compare(ka, kb)
    if (c) return c
    for (const k of ka) {
      const d = compare(a.get(k)!, bo.get(k)!)
      if (d) return d
    }
  }
  return 0
}

export function sortedKeys(o: JObj): string[] {
  return [...o.keys()].sort(cmpStr)
}

export function formatNumber(n: number): string {
  if (Number.isNaN(n)) return 'null'
  if (!Number.isFinite(n)) return n > 0 ? '1.7976931348623157e+308' : '-1.7976931348623157e+308'
  if (n === 0) return Object.is(n, -0) ? '-0' : '0'
  const [digits, expText] = shortest(n)
  const decpt = Number(expText) + 1
  const neg = n < 0 ? '-' : ''
  if (decpt <= -4 || decpt > digits.length + 15) {
    const e = decpt - 1
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits
    return `${neg}${m}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`
  }
  if (decpt <= 0) return `${neg}0.${'0'.repeat(-decpt)}${digits}`
  if (decpt >= digits.length) return `${neg}${digits}${'0'.repeat(decpt - digits.length)}`
  return `${neg}${digits.slice(0, decpt)}.${digits.slice(decpt)}`
}

/** Shortest round-trip digits (at most 17) and the decimal exponent of the first digit. */
function shortest(n: number): [string, string] {
  const [m, e] = Math.abs(n).toExponential().split('e')
  let digits = m.replace('.', '')
  if (digits.length > 17) {
    const [m17, e17] = Math.abs(n).toExponential(16).split('e')
    digits = m17.replace('.', '').replace(/0+$/, '')
    return [digits, e17]
  }
  return [digits, e]
}

export function quoteString(s: string): string {
  let out = '"'
  for (const ch of s) {
    const c = ch.codePointAt(0)!
    if (ch === '"') out += '\\"'
    else if (ch === '\\') out += '\\\\'
    else if (c < 0x20 || c === 0x7f) {
      out += ch === '\n' ? '\\n' : ch === '\t' ? '\\t' : ch === '\r' ? '\\r' : ch === '\b' ? '\\b' : ch === '\f' ? '\\f' : '\\u' + c.toString(16).padStart(4, '0')
    } else out += ch
  }
  return out + '"'
}

/** jq's printer: compact (indent 0) or pretty with `indent` spaces; keys sorted with -S. */
export function toJson(v: V, indent = 0, sortKeys = false, level = 0): string {
  if (v === null) return 'null'
  if (typeof v === 'boolean') return String(v)
  if (typeof v === 'number') return formatNumber(v)
  if (typeof v === 'string') return quoteString(v)
  const pad = indent ? '\n' + ' '.repeat(indent * (level + 1)) : ''
  const end = indent ? '\n' + ' '.repeat(indent * level) : ''
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]'
    return '[' + v.map((x) => pad + toJson(x, indent, sortKeys, level + 1)).join(',') + end + ']'
  }
  if (v.size === 0) return '{}'
  const keys = sortKeys ? sortedKeys(v) : [...v.keys()]
  const sep = indent ? ': ' : ':'
  return '{' + keys.map((k) => pad + quoteString(k) + sep + toJson(v.get(k)!, indent, sortKeys, level + 1)).join(',') + end + '}'
}

/** Value as it appears in error messages: its JSON, past 14 bytes cut to 11 and "..." (jq 1.6). */
export function errRepr(v: V): string {
  const s = toJson(v)
  const bytes = new TextEncoder().encode(s)
  if (bytes.length <= 14) return s
  return new TextDecoder().decode(bytes.slice(0, 11)) + '...'
}

export function fromJs(x: unknown): V {
  if (x === null || typeof x === 'boolean' || typeof x === 'number' || typeof x === 'string') return x
  if (Array.isArray(x)) return x.map(fromJs)
  if (typeof x === 'object') return new Map(Object.entries(x as Record<string, unknown>).map(([k, y]) => [k, fromJs(y)]))
  return null
}

export function equal(a: V, b: V): boolean {
  return compare(a, b) === 0
}
