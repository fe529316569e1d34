// jq 1.6's streaming JSON reader (src/jv_parse.c): character by character, values emitted as they
// complete, with its error messages and its line/column counting ("at line 2, column 0").

import type { JObj, V } from './values'

export class JsonParseError extends Error {}

type Frame = { arr: V[] } | { obj: JObj; key?: string }

/** Parse a text holding zero or more JSON values; `onValue` gets each with the text offset it ended at. */
export function parseJsonStream(text: string, onValue: (v: V, end: number) => void): void {
  const stack: Frame[] = []
  let next: V | undefined
  let hasNext = false
  let token = ''
  let line = 1
  let column = 0
  let inString = false
  let str = ''
  let esc = false
  let atEof = false
  const fail = (msg: string): never => {
    throw new JsonParseError(`${msg}${atEof ? ' at EOF' : ''} at line ${line}, column ${column}`)
  }
  const value = (v: V) => {
    if (hasNext) fail('Expected separator between values')
    next = v
    hasNext = true
  }
  const checkLiteral = () => {
    if (token === '') return
    let v: V
    // jq 1.6's check_literal: t, f and n start true, false and null, except a three-letter n word,
    // which may be `nan` and goes to strtod (as does any other token: nan, inf, infinity in any case)
    const pattern = token[0] === 'n' && token.length === 3 ? undefined : ({ t: 'true', f: 'false', n: 'null' } as Record<string, string>)[token[0]]
    if (pattern !== undefined) {
      if (token !== pattern) fail('Invalid literal')
      v = pattern === 'true' ? true : pattern === 'false' ? false : null
    } else if (/^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/.test(token)) v = Number(token)
    else if (/^[+-]?nan$/i.test(token)) v = NaN
    else if (/^[+-]?inf(?:inity)?$/i.test(token)) v = token.startsWith('-') ? -Infinity : Infinity
    else fail('Invalid numeric literal')
    token = ''
    value(v!)
  }
  const structure = (ch: string) => {
    const top = stack[stack.length - 1]
    switch (ch) {
      case '[':
        if (hasNext) fail('Expected separator between values')
        stack.push({ arr: [] })
        break
      case '{':
        if (hasNext) fail('Expected separator between values')
        stack.push({ obj: new Map() })
        break
      case ':':
        if (!top || !('obj' in top)) fail("':' not as part of an object")
        if (!hasNext) fail("Expected string key before ':'")
        if (typeof next !== 'string') fail('Object keys must be strings')
        if ('obj' in top && top.key !== undefined) fail("':' should follow a key")
        ;(top as { key?: string }).key = next as string
        hasNext = false
        break
      case ',':
        if (!hasNext) fail("Expected value before ','")
        if (!top) fail("',' not as part of an object or array")
        if ('arr' in top) top.arr.push(next!)
        else {
          if (top.key === undefined) fail('Objects must consist of key:value pairs')
          top.obj.set(top.key!, next!)
          top.key = undefined
        }
        hasNext = false
        break
      case ']':
        if (!top || !('arr' in top)) fail("Unmatched ']'")
        if (hasNext) (top as { arr: V[] }).arr.push(next!)
        else if ((top as { arr: V[] }).arr.length > 0) fail('Expected another array element')
        stack.pop()
        hasNext = false
        value((top as { arr: V[] }).arr)
        break
      case '}':
        if (!top || !('obj' in top)) fail("Unmatched '}'")
        if (hasNext) {
          if ((top as { key?: string }).key === undefined) fail('Objects must consist of key:value pairs')
          ;(top as { obj: JObj }).obj.set((top as { key: string }).key, next!)
        } else if ((top as { obj: JObj }).obj.size > 0) fail('Expected another key-value pair')
        stack.pop()
        hasNext = false
        value((top as { obj: JObj }).obj)
        break
    }
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    column++
    if (ch === '\n') {
      line++
      column = 0
    }
    if (inString) {
      if (esc) {
        esc = false
        str += '\\' + ch
      } else if (ch === '\\') esc = true
      else if (ch === '"') {
        inString = false
        value(unescape(str, fail))
      } else str += ch
      continue
    }
    if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n') {
      checkLiteral()
    } else if ('[{:,]}'.includes(ch)) {
      checkLiteral()
      structure(ch)
    } else if (ch === '"') {
      checkLiteral()
      inString = true
      str = ''
    } else {
      token += ch
      continue
    }
    if (stack.length === 0 && hasNext) {
      hasNext = false
      onValue(next!, i + 1)
    }
  }
  atEof = true
  if (inString) fail('Unfinished string')
  checkLiteral()
  if (stack.length > 0) fail('Unfinished JSON term')
  if (hasNext) onValue(next!, text.length)
}

/** jq 1.6's found_string: a raw control character (U+0001 to U+001E, its test) is refused, escapes are read. */
// oxlint-disable-next-line no-control-regex -- jq refuses these raw in a string
const CONTROL = /[\u0001-\u001e]/

function unescape(s: string, fail: (m: string) => never): string {
  if (!s.includes('\\')) {
    if (CONTROL.test(s)) fail('Invalid string: control characters from U+0000 through U+001F must be escaped')
    return s
  }
  let out = ''
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== '\\') {
      if (CONTROL.test(s[i])) fail('Invalid string: control characters from U+0000 through U+001F must be escaped')
      out += s[i]
      continue
    }
    const c = s[++i]
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '\\': '\\', '/': '/', '"': '"' }
    if (c in simple) out += simple[c]
    else if (c === 'u') {
      const hex = s.slice(i + 1, i + 5)
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('Invalid escape')
      let code = parseInt(hex, 16)
      i += 4
      const lo = /^\\u([dD][c-fC-F][0-9a-fA-F]{2})/.exec(s.slice(i + 1))
      if (code >= 0xd800 && code < 0xdc00 && lo) {
        code = 0x10000 + ((code - 0xd800) << 10) + (parseInt(lo[1], 16) - 0xdc00)
        i += 6
      } else if (code >= 0xd800 && code < 0xe000) code = 0xfffd
      out += String.fromCodePoint(code)
    } else fail('Invalid escape')
  }
  return out
}

/** fromjson: exactly one value, with jq's messages. */
export function parseOne(text: string): V {
  const values: V[] = []
  try {
    parseJsonStream(text, (v) => values.push(v))
  } catch (e) {
    if (e instanceof JsonParseError) throw new JsonParseError(`${e.message} (while parsing '${text}')`)
    throw e
  }
  if (values.length > 1) throw new JsonParseError(`Unexpected extra JSON values (while parsing '${text}')`)
  if (values.length === 0) throw new JsonParseError(`Expected JSON value (while parsing '${text}')`)
  return values[0]
}
