// cli-runtime printers/json.go (kubectl -o json) and apimachinery runtime/serializer/json (the API server's JSON)

import { formatJsonNumber } from './gofmt'

type Json = null | boolean | number | string | Json[] | { [k: string]: Json }

/** Go's encoding/json string escaping with HTML escaping on (\u003c, \u003e, \u0026, \u2028, \u2029). */
export function goJsonString(s: string, shortBF = true): string {
  let out = '"'
  for (const ch of s) {
    const cp = ch.codePointAt(0)!
    if (ch === '"') out += '\\"'
    else if (ch === '\\') out += '\\\\'
    else if (ch === '\n') out += '\\n'
    else if (ch === '\r') out += '\\r'
    else if (ch === '\t') out += '\\t'
    else if (shortBF && ch === '\b') out += '\\b'
    else if (shortBF && ch === '\f') out += '\\f'
    else if (cp < 0x20 || ch === '<' || ch === '>' || ch === '&' || cp === 0x2028 || cp === 0x2029) {
      out += '\\u' + cp.toString(16).padStart(4, '0')
    } else if (cp >= 0xd800 && cp <= 0xdfff) out += '\\ufffd' // a lone surrogate is invalid UTF-8 to Go
    else out += ch
  }
  return out + '"'
}

/** Compare keys as Go compares strings (UTF-8 bytes, which is code point order). */
export function goStringCompare(a: string, b: string): number {
  const ai = a[Symbol.iterator]()
  const bi = b[Symbol.iterator]()
  for (;;) {
    const x = ai.next()
    const y = bi.next()
    if (x.done || y.done) return x.done && y.done ? 0 : x.done ? -1 : 1
    const d = x.value.codePointAt(0)! - y.value.codePointAt(0)!
    if (d !== 0) return d
  }
}

interface EncodeOptions {
  sortKeys: boolean
  indent: string // '' = compact
  shortBF: boolean
}

function encode(v: Json, opts: EncodeOptions, prefix: string): string {
  if (v === null) return 'null'
  if (typeof v === 'boolean') return v ? 'true' : 'false'
  if (typeof v === 'number') return formatJsonNumber(v)
  if (typeof v === 'string') return goJsonString(v, opts.shortBF)
  const inner = prefix + opts.indent
  const nl = opts.indent ? '\n' : ''
  const colon = opts.indent ? ': ' : ':'
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]'
    const items = v.map((x) => (opts.indent ? inner : '') + encode(x, opts, inner))
    return '[' + nl + items.join(',' + nl) + nl + (opts.indent ? prefix : '') + ']'
  }
  let keys = Object.keys(v)
  if (keys.length === 0) return '{}'
  if (opts.sortKeys) keys = [...keys].sort(goStringCompare)
  const items = keys.map(
    (k) => (opts.indent ? inner : '') + goJsonString(k, opts.shortBF) + colon + encode(v[k], opts, inner),
  )
  return '{' + nl + items.join(',' + nl) + nl + (opts.indent ? prefix : '') + '}'
}

/** The value as JSON.stringify sees it (undefined members dropped, toJSON applied). */
function toJsonValue(obj: unknown): Json {
  const text = JSON.stringify(obj)
  return text === undefined ? null : (JSON.parse(text) as Json)
}

/** kubectl get -o json: json.MarshalIndent of the unstructured object (keys sorted, 4 spaces) plus '\n'. */
export function toKubectlJson(obj: unknown): string {
  return encode(toJsonValue(obj), { sortKeys: true, indent: '    ', shortBF: true }, '') + '\n'
}

/**
 * The API server's JSON body: fields in the order given (Go struct order), compact with the trailing '\n'
 * of json.Encoder.Encode (lists streamed by collections.go end with "}\n" too), or, when pretty, json.MarshalIndent
 * with 2 spaces and no trailing newline (apimachinery v0.35.0 runtime/serializer/json/json.go doEncode).
 */
export function toServerJson(obj: unknown, pretty: boolean): string {
  const v = toJsonValue(obj)
  if (pretty) return encode(v, { sortKeys: false, indent: '  ', shortBF: true }, '')
  return encode(v, { sortKeys: false, indent: '', shortBF: true }, '') + '\n'
}

/** Compact JSON as Go's json.Marshal writes a map (keys sorted), used by the JSONPath printer. */
export function toGoCompactJson(obj: unknown): string {
  return encode(toJsonValue(obj), { sortKeys: true, indent: '', shortBF: true }, '')
}

/** json.MarshalIndent(v, "", "    ") without the trailing newline. */
export function toGoIndentedJson(obj: unknown): string {
  return encode(toJsonValue(obj), { sortKeys: true, indent: '    ', shortBF: true }, '')
}
