// sigs.k8s.io/yaml Marshal (JSON -> go-yaml v2), as cli-runtime printers/yaml.go prints objects for kubectl -o yaml

import { Emitter, analyzeScalar, selectStyle, utf8Len, type ScalarStyle } from './yamlEmitter'
import { canUsePlain, sortYamlKeys } from './yamlResolve'
import { formatGoNumber } from './gofmt'

type Json = null | boolean | number | string | Json[] | { [k: string]: Json }

/** The scalar text and the style go-yaml's encoder asks for. */
function scalarOf(v: null | boolean | number | string): { text: string; style: ScalarStyle } {
  if (v === null) return { text: 'null', style: 'plain' }
  if (typeof v === 'boolean') return { text: v ? 'true' : 'false', style: 'plain' }
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return { text: '.nan', style: 'plain' }
    if (!Number.isFinite(v)) return { text: v > 0 ? '.inf' : '-.inf', style: 'plain' }
    return { text: formatGoNumber(v), style: 'plain' }
  }
  if (v.includes('\n')) return { text: v, style: 'literal' }
  return { text: v, style: canUsePlain(v) ? 'plain' : 'double' }
}

const isCollection = (v: Json): v is Json[] | { [k: string]: Json } => v !== null && typeof v === 'object'
const isEmpty = (v: Json[] | { [k: string]: Json }) => (Array.isArray(v) ? v.length === 0 : Object.keys(v).length === 0)

class Writer {
  e = new Emitter()
  mappingContext = false

  scalar(v: null | boolean | number | string, simpleKey: boolean) {
    const { text, style } = scalarOf(v)
    const chars = Array.from(text)
    const chosen = selectStyle(style, analyzeScalar(chars), chars.length === 0, simpleKey)
    const e = this.e
    e.increaseIndent(true, false)
    const allowBreaks = !simpleKey
    if (chosen === 'plain') e.writePlain(chars, allowBreaks)
    else if (chosen === 'single') e.writeSingleQuoted(chars, allowBreaks)
    else if (chosen === 'double') e.writeDoubleQuoted(chars, allowBreaks)
    else e.writeLiteral(chars)
    e.popIndent()
  }

  node(v: Json, mapping: boolean, simpleKey = false) {
    this.mappingContext = mapping
    if (!isCollection(v)) return this.scalar(v, simpleKey)
    const e = this.e
    if (isEmpty(v)) {
      // flow style: '[' / '{' then the closing indicator
      e.writeIndicator(Array.isArray(v) ? '[' : '{', true, true, false)
      e.writeIndicator(Array.isArray(v) ? ']' : '}', false, false, false)
      return
    }
    if (Array.isArray(v)) {
      e.increaseIndent(false, this.mappingContext && !e.indention)
      for (const item of v) {
        e.writeIndent()
        e.writeIndicator('-', true, false, true)
        this.node(item, false)
      }
      e.popIndent()
      return
    }
    e.increaseIndent(false, false)
    for (const key of sortYamlKeys(Object.keys(v))) {
      e.writeIndent()
      if (isSimpleKey(key)) {
        this.node(key, true, true)
        e.writeIndicator(':', false, false, false)
      } else {
        e.writeIndicator('?', true, false, true)
        this.node(key, true)
        e.writeIndent()
        e.writeIndicator(':', true, false, true)
      }
      this.node(v[key], true)
    }
    e.popIndent()
  }
}

/** yaml_emitter_check_simple_key for a string key: one line and at most 128 bytes. */
function isSimpleKey(key: string): boolean {
  const chars = Array.from(key)
  if (analyzeScalar(chars).multiline) return false
  return chars.reduce((n, c) => n + utf8Len(c), 0) <= 128
}

// Raw characters the YAML reader refuses (encoding/json escapes those below 0x20 and U+2028/U+2029).
const CONTROL = /[\u007f-\u0084\u0086-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/
// NEL is written raw by encoding/json, so the YAML parser folds it (with the spaces around it) like a line break.
const NEL_RUN = / *(?:\u0085 *)+/g

/** sigs.k8s.io/yaml JSONToYAML reads the JSON text with the YAML parser: what survives that trip. */
function throughYamlParser(s: string): string {
  if (CONTROL.test(s)) throw new Error('yaml: control characters are not allowed')
  if (!s.includes('\u0085')) return s
  return s.replace(NEL_RUN, (run) => {
    const n = run.split('\u0085').length - 1
    return n === 1 ? ' ' : '\n'.repeat(n - 1)
  })
}

/** The object as json.Marshal then the YAML parser hand it to the encoder (undefined dropped, toJSON applied). */
function toJsonValue(obj: unknown): Json {
  const text = JSON.stringify(obj)
  if (text === undefined) return null
  const fix = (v: Json): Json => {
    if (typeof v === 'string') return throughYamlParser(v)
    if (Array.isArray(v)) return v.map(fix)
    if (v !== null && typeof v === 'object') {
      // fromEntries: a key such as __proto__ stays a key (an assignment would set the prototype)
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [throughYamlParser(k), fix(x)]))
    }
    return v
  }
  return fix(JSON.parse(text) as Json)
}

/**
 * kubectl -o yaml: one document, keys sorted as go-yaml sorts them, ending with a newline.
 * Throws Error('yaml: control characters are not allowed') where kubectl fails the same way (C1 controls).
 */
export function toKubectlYaml(obj: unknown): string {
  const w = new Writer()
  w.node(toJsonValue(obj), false)
  w.e.writeIndent() // document end
  return w.e.out.join('')
}
