// The Go values the JSONPath engine sees (reflect.Value over unstructured JSON), and how Go formats them

import { formatFloatG, isGoInt } from '../gofmt'

/** reflect.Value{} — what reflect.ValueOf(nil) gives (a null item handed to a range body). */
export const INVALID = Symbol('invalid reflect.Value')

/** A number whose Go kind JSON cannot tell: a float literal of the template, or a byte of a string. */
export class GoNum {
  constructor(
    readonly kind: 'float' | 'uint',
    readonly n: number,
  ) {}
}

export type GoMap = { [k: string]: GoVal }
export type GoVal = typeof INVALID | null | boolean | number | string | GoNum | GoVal[] | GoMap

export const isMap = (v: GoVal): v is GoMap =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof GoNum)

/** basicKind of template/funcs.go; undefined for what cannot be compared. */
export function basicKind(v: GoVal): 'bool' | 'int' | 'uint' | 'float' | 'string' | undefined {
  if (typeof v === 'boolean') return 'bool'
  if (typeof v === 'string') return 'string'
  if (typeof v === 'number') return isGoInt(v) ? 'int' : 'float'
  if (v instanceof GoNum) return v.kind
  return undefined
}

export const numOf = (v: GoVal): number => (v instanceof GoNum ? v.n : (v as number))

/** Type name as reflect prints it (`%v is not array or slice` uses value.Type()). */
export function goTypeName(v: GoVal): string {
  if (Array.isArray(v)) return '[]interface {}'
  if (isMap(v)) return 'map[string]interface {}'
  const k = basicKind(v)
  if (k === 'int') return 'int64'
  if (k === 'float') return 'float64'
  if (k === 'uint') return 'uint8'
  if (k === 'bool') return 'bool'
  if (k === 'string') return 'string'
  return '<nil>'
}

function goNumber(v: number | GoNum): string {
  const n = numOf(v)
  return basicKind(v) === 'float' ? formatFloatG(n) : String(n)
}

const sortedKeys = (m: GoMap) => Object.keys(m).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))

/** fmt %v. */
export function goV(v: GoVal): string {
  if (v === INVALID) return '<invalid reflect.Value>'
  if (v === null) return '<nil>'
  if (typeof v === 'string') return v
  if (typeof v === 'boolean') return String(v)
  if (typeof v === 'number' || v instanceof GoNum) return goNumber(v)
  if (Array.isArray(v)) return '[' + v.map(goV).join(' ') + ']'
  return 'map[' + sortedKeys(v).map((k) => `${k}:${goV(v[k])}`).join(' ') + ']'
}

/** strconv.Quote: Go-syntax string literal. */
export function goQuote(s: string): string {
  let out = '"'
  for (const ch of s) {
    const cp = ch.codePointAt(0)!
    if (ch === '"' || ch === '\\') out += '\\' + ch
    else if (cp >= 0x20 && cp < 0x7f) out += ch
    else if (ch === '\x07') out += '\\a'
    else if (ch === '\b') out += '\\b'
    else if (ch === '\f') out += '\\f'
    else if (ch === '\n') out += '\\n'
    else if (ch === '\r') out += '\\r'
    else if (ch === '\t') out += '\\t'
    else if (ch === '\v') out += '\\v'
    else if (cp < 0x20 || cp === 0x7f) out += '\\x' + cp.toString(16).padStart(2, '0')
    else if (cp >= 0xd800 && cp <= 0xdfff) out += '\\ufffd'
    else if (/[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(ch)) out += ch
    else if (cp < 0x10000) out += '\\u' + cp.toString(16).padStart(4, '0')
    else out += '\\U' + cp.toString(16).padStart(8, '0')
  }
  return out + '"'
}

/** fmt %#v of the unstructured object (the debugging dump of a failed template). */
export function goSharpV(v: GoVal): string {
  if (v === INVALID) return '<invalid reflect.Value>'
  if (v === null) return 'interface {}(nil)'
  if (typeof v === 'string') return goQuote(v)
  if (typeof v === 'boolean') return String(v)
  if (typeof v === 'number' || v instanceof GoNum) return goNumber(v)
  if (Array.isArray(v)) return '[]interface {}{' + v.map((x) => goSharpV(x)).join(', ') + '}'
  return (
    'map[string]interface {}{' + sortedKeys(v).map((k) => `${goQuote(k)}:${goSharpV(v[k])}`).join(', ') + '}'
  )
}
