// The jq 1.6 lexer (src/lexer.l): numbers, strings with \( ) interpolation, .fields, $variables,
// @formats, identifiers (with ::), keywords and operators.

export type Tok =
  | { t: 'num'; v: number; pos: number }
  | { t: 'str'; parts: (string | { src: string })[]; pos: number }
  | { t: 'field'; v: string; pos: number }
  | { t: 'var'; v: string; pos: number }
  | { t: 'format'; v: string; pos: number }
  | { t: 'ident'; v: string; pos: number }
  | { t: 'kw'; v: string; pos: number }
  | { t: 'op'; v: string; pos: number }
  /** A character jq's lexer does not know, or a closing bracket that closes nothing open: the parser's error names it */
  | { t: 'invalid'; pos: number }
  | { t: 'eof'; pos: number }

export class JqSyntaxError extends Error {
  constructor(message: string, public pos = 0) {
    super(message)
  }
}

const KEYWORDS = new Set([
  'as', 'def', 'if', 'then', 'elif', 'else', 'end', 'and', 'or', 'reduce', 'foreach', 'try', 'catch', 'label', 'import', 'include', '__loc__',
])
const OPS = ['?//=', '?//', '//=', '|=', '+=', '-=', '*=', '/=', '%=', '==', '!=', '<=', '>=', '//', '..', '.', '[', ']', '{', '}', '(', ')', '|', ',', ':', ';', '=', '<', '>', '+', '-', '*', '/', '%', '?', '$']

const ESC: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '\\': '\\', '/': '/', '"': '"' }

const CLOSER: Record<string, string> = { '(': ')', '[': ']', '{': '}' }

export function lex(src: string): Tok[] {
  const toks: Tok[] = []
  const open: string[] = []
  let i = 0
  while (i < src.length) {
    const c = src[i]
    if (/\s/.test(c)) {
      i++
      continue
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++
      continue
    }
    const pos = i
    if (c === '"') {
      const r = lexString(src, i + 1)
      toks.push({ t: 'str', parts: r.parts, pos })
      i = r.end
      continue
    }
    let m = /^(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/.exec(src.slice(i))
    if (m) {
      toks.push({ t: 'num', v: Number(m[0]), pos })
      i += m[0].length
      continue
    }
    m = /^\.[a-zA-Z_][a-zA-Z_0-9]*/.exec(src.slice(i))
    if (m) {
      toks.push({ t: 'field', v: m[0].slice(1), pos })
      i += m[0].length
      continue
    }
    m = /^\$(?:__loc__|[a-zA-Z_][a-zA-Z_0-9]*(?:::[a-zA-Z_][a-zA-Z_0-9]*)*)/.exec(src.slice(i))
    if (m) {
      toks.push({ t: 'var', v: m[0].slice(1), pos })
      i += m[0].length
      continue
    }
    m = /^@[a-zA-Z0-9_]+/.exec(src.slice(i))
    if (m) {
      toks.push({ t: 'format', v: m[0].slice(1), pos })
      i += m[0].length
      continue
    }
    m = /^[a-zA-Z_][a-zA-Z_0-9]*(?:::[a-zA-Z_][a-zA-Z_0-9]*)*/.exec(src.slice(i))
    if (m) {
      toks.push(KEYWORDS.has(m[0]) ? { t: 'kw', v: m[0], pos } : { t: 'ident', v: m[0], pos })
      i += m[0].length
      continue
    }
    const op = OPS.find((o) => src.startsWith(o, i))
    // jq's lexer pairs brackets: one that closes what is not open is an INVALID_CHARACTER
    const closes = op === ')' || op === ']' || op === '}'
    if (!op || (closes && open.pop() !== op)) {
      toks.push({ t: 'invalid', pos })
      i += op ? 1 : String.fromCodePoint(src.codePointAt(i)!).length
      continue
    }
    if (op === '(' || op === '[' || op === '{') open.push(CLOSER[op])
    toks.push({ t: 'op', v: op, pos })
    i += op.length
  }
  toks.push({ t: 'eof', pos: src.length })
  return toks
}

function lexString(src: string, start: number): { parts: (string | { src: string })[]; end: number } {
  const parts: (string | { src: string })[] = []
  let cur = ''
  let i = start
  for (;;) {
    if (i >= src.length) throw new JqSyntaxError('syntax error, unexpected $end, expecting QQSTRING_TEXT or QQSTRING_INTERP_START or QQSTRING_END (Unix shell quoting issues?)')
    const c = src[i]
    if (c === '"') return { parts: cur || parts.length === 0 ? [...parts, cur] : parts, end: i + 1 }
    if (c !== '\\') {
      cur += c
      i++
      continue
    }
    const n = src[i + 1]
    if (n === '(') {
      // Find the matching parenthesis, skipping nested strings.
      let depth = 1
      let j = i + 2
      while (j < src.length && depth > 0) {
        if (src[j] === '"') j = lexString(src, j + 1).end
        else {
          if (src[j] === '(') depth++
          else if (src[j] === ')') depth--
          j++
        }
      }
      if (depth > 0) throw new JqSyntaxError('syntax error, unexpected $end (Unix shell quoting issues?)')
      if (cur) parts.push(cur)
      cur = ''
      parts.push({ src: src.slice(i + 2, j - 1) })
      i = j
      continue
    }
    if (n === 'u') {
      const hex = src.slice(i + 2, i + 6)
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new JqSyntaxError('syntax error, unexpected INVALID_CHARACTER (Unix shell quoting issues?)')
      let code = parseInt(hex, 16)
      i += 6
      const lo = /^\\u([dD][c-fC-F][0-9a-fA-F]{2})/.exec(src.slice(i))
      if (code >= 0xd800 && code < 0xdc00 && lo) {
        code = 0x10000 + ((code - 0xd800) << 10) + (parseInt(lo[1], 16) - 0xdc00)
        i += 6
      }
      cur += String.fromCodePoint(code >= 0xd800 && code < 0xe000 ? 0xfffd : code)
      continue
    }
    if (n !== undefined && n in ESC) {
      cur += ESC[n]
      i += 2
      continue
    }
    throw new JqSyntaxError('syntax error, unexpected INVALID_CHARACTER (Unix shell quoting issues?)')
  }
}

/** A token as bison names it in jq's syntax errors. */
export function describe(t: Tok): string {
  switch (t.t) {
    case 'eof': return '$end'
    case 'num': return 'LITERAL'
    case 'str': return 'QQSTRING_START'
    case 'field': return 'FIELD'
    case 'var': return '\'$\''
    case 'format': return 'FORMAT'
    case 'ident': return 'IDENT'
    case 'kw': return t.v
    case 'op': return t.v.length === 1 ? `'${t.v}'` : t.v
    case 'invalid': return 'INVALID_CHARACTER'
  }
}
