// Go's encoding/json syntax errors: the first byte its scanner refuses, in its words
// ("invalid character 'm' looking for beginning of object key string", "unexpected end of JSON
// input"). The API server decodes request bodies with it, so a mistyped body gets these words.
// Imitates: encoding/json/scanner.go (checkValid: the state machine, quoteChar).

type Step = (c: number) => string | undefined

/** quoteChar: the byte as a Go character literal. */
function quoteChar(c: number): string {
  if (c === 0x27) return `'\\''`
  if (c === 0x22) return `'"'`
  const s = JSON.stringify(String.fromCharCode(c)).slice(1, -1)
  // strconv.Quote writes control bytes as \x.. except the usual escapes (JSON.stringify writes \u00..)
  return `'${s.replace(/^\\u00([0-9a-f]{2})$/, (_, h: string) => (['08', '0c'].includes(h) ? (h === '08' ? '\\b' : '\\f') : `\\x${h}`))}'`
}

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a
const isDigit = (c: number) => c >= 0x30 && c <= 0x39
const isHex = (c: number) => isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46)

/** The syntax error of `text` as Go's json.Unmarshal reports it, or undefined when it is valid JSON. */
export function goJsonSyntaxError(text: string): string | undefined {
  const bytes = new TextEncoder().encode(text)
  const stack: ('key' | 'value' | 'array')[] = []
  let endTop = false
  let err: string | undefined
  let step: Step
  const fail = (c: number, context: string) => {
    err = `invalid character ${quoteChar(c)} ${context}`
    return err
  }
  const pop = () => {
    stack.pop()
    if (stack.length === 0) {
      step = endTopStep
      endTop = true
    } else step = endValue
  }
  const endTopStep: Step = (c) => (isSpace(c) ? undefined : fail(c, 'after top-level value'))
  const literal = (rest: string, word: string): Step => {
    const next = (i: number): Step => (c) => {
      if (c !== rest.charCodeAt(i)) return fail(c, `in literal ${word} (expecting '${rest[i]}')`)
      step = i + 1 === rest.length ? endValue : next(i + 1)
      return undefined
    }
    return next(0)
  }
  const beginValue: Step = (c) => {
    if (isSpace(c)) return undefined
    if (c === 0x7b) { stack.push('key'); step = beginStringOrEmpty; return undefined }
    if (c === 0x5b) { stack.push('array'); step = beginValueOrEmpty; return undefined }
    if (c === 0x22) { step = inString; return undefined }
    if (c === 0x2d) { step = neg; return undefined }
    if (c === 0x30) { step = zero; return undefined }
    if (c === 0x74) { step = literal('rue', 'true'); return undefined }
    if (c === 0x66) { step = literal('alse', 'false'); return undefined }
    if (c === 0x6e) { step = literal('ull', 'null'); return undefined }
    if (c >= 0x31 && c <= 0x39) { step = one; return undefined }
    return fail(c, 'looking for beginning of value')
  }
  const beginValueOrEmpty: Step = (c) => (isSpace(c) ? undefined : c === 0x5d ? endValue(c) : beginValue(c))
  const beginStringOrEmpty: Step = (c) => {
    if (isSpace(c)) return undefined
    if (c === 0x7d) { stack[stack.length - 1] = 'value'; return endValue(c) }
    return beginString(c)
  }
  const beginString: Step = (c) => {
    if (isSpace(c)) return undefined
    if (c === 0x22) { step = inString; return undefined }
    return fail(c, 'looking for beginning of object key string')
  }
  const endValue: Step = (c) => {
    if (stack.length === 0) {
      step = endTopStep
      endTop = true
      return endTopStep(c)
    }
    if (isSpace(c)) { step = endValue; return undefined }
    const top = stack[stack.length - 1]
    if (top === 'key') {
      if (c === 0x3a) { stack[stack.length - 1] = 'value'; step = beginValue; return undefined }
      return fail(c, 'after object key')
    }
    if (top === 'value') {
      if (c === 0x2c) { stack[stack.length - 1] = 'key'; step = beginString; return undefined }
      if (c === 0x7d) { pop(); return undefined }
      return fail(c, 'after object key:value pair')
    }
    if (c === 0x2c) { step = beginValue; return undefined }
    if (c === 0x5d) { pop(); return undefined }
    return fail(c, 'after array element')
  }
  const inString: Step = (c) => {
    if (c === 0x22) { step = endValue; return undefined }
    if (c === 0x5c) { step = inStringEsc; return undefined }
    return c < 0x20 ? fail(c, 'in string literal') : undefined
  }
  const inStringEsc: Step = (c) => {
    if ('bfnrt\\/"'.includes(String.fromCharCode(c))) { step = inString; return undefined }
    if (c === 0x75) { step = hex(4); return undefined }
    return fail(c, 'in string escape code')
  }
  const hex = (left: number): Step => (c) => {
    if (!isHex(c)) return fail(c, 'in \\u hexadecimal character escape')
    step = left === 1 ? inString : hex(left - 1)
    return undefined
  }
  const neg: Step = (c) => {
    if (c === 0x30) { step = zero; return undefined }
    if (c >= 0x31 && c <= 0x39) { step = one; return undefined }
    return fail(c, 'in numeric literal')
  }
  const one: Step = (c) => (isDigit(c) ? undefined : zero(c))
  const zero: Step = (c) => {
    if (c === 0x2e) { step = dot; return undefined }
    if (c === 0x65 || c === 0x45) { step = exp; return undefined }
    return endValue(c)
  }
  const dot: Step = (c) => {
    if (isDigit(c)) { step = dot0; return undefined }
    return fail(c, 'after decimal point in numeric literal')
  }
  const dot0: Step = (c) => {
    if (isDigit(c)) return undefined
    if (c === 0x65 || c === 0x45) { step = exp; return undefined }
    return endValue(c)
  }
  const exp: Step = (c) => {
    if (c === 0x2b || c === 0x2d) { step = expSign; return undefined }
    return expSign(c)
  }
  const expSign: Step = (c) => {
    if (isDigit(c)) { step = exp0; return undefined }
    return fail(c, 'in exponent of numeric literal')
  }
  const exp0: Step = (c) => (isDigit(c) ? undefined : endValue(c))
  step = beginValue
  for (const c of bytes) {
    if (step(c) !== undefined) return err
  }
  // eof: a space ends a number or literal that may end there
  if (endTop) return undefined
  if (step(0x20) !== undefined) return err
  return endTop ? undefined : 'unexpected end of JSON input'
}
