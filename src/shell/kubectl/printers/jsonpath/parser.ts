// k8s.io/client-go/util/jsonpath/parser.go

import { newList, type JsonPathNode, type ListNode, type ParamsEntry } from './nodes'
import { unquoteExtend } from './unquote'

const EOF = ''

class ParseError extends Error {}

const isLetter = (r: string) => /\p{L}/u.test(r)
const isDigit = (r: string) => /\p{Nd}/u.test(r)
const isAlphaNumeric = (r: string) => r === '_' || (r !== EOF && (isLetter(r) || isDigit(r)))
const isSpace = (r: string) => r === ' ' || r === '\t'
const isEndOfLine = (r: string) => r === '\r' || r === '\n'
const isTerminator = (r: string) => isSpace(r) || isEndOfLine(r) || r === EOF || '.,[]$@{}'.includes(r)

/** Go's %#U: `U+0021 '!'` for printable runes, `U+0007` otherwise. */
function formatRuneU(r: string): string {
  const cp = r.codePointAt(0)!
  const hex = 'U+' + cp.toString(16).toUpperCase().padStart(4, '0')
  return /[\p{L}\p{M}\p{N}\p{P}\p{S} ]/u.test(r) ? `${hex} '${r}'` : hex
}

const SLICE_RE = /^(-?[0-9]*)(:-?[0-9]*)?(:-?[0-9]*)?$/
const DICT_KEY_RE = /^'([^']*)'$/
const FILTER_RE = /^([^!<>=]+)([!<>=]+)(.+?)$/

/** Go's strconv.Atoi: optional sign and decimal digits only. */
const atoi = (s: string): number | undefined => (/^[+-]?[0-9]+$/.test(s) ? Number(s) : undefined)

class Parser {
  root: ListNode = newList()
  input = ''
  pos = 0
  start = 0
  width = 0

  parse(text: string): ListNode {
    this.input = text
    this.root = newList()
    this.pos = 0
    this.parseText(this.root)
    return this.root
  }

  consumeText(): string {
    const v = this.input.slice(this.start, this.pos)
    this.start = this.pos
    return v
  }
  next(): string {
    if (this.pos >= this.input.length) {
      this.width = 0
      return EOF
    }
    const r = String.fromCodePoint(this.input.codePointAt(this.pos)!)
    this.width = r.length
    this.pos += r.length
    return r
  }
  peek(): string {
    const r = this.next()
    this.backup()
    return r
  }
  backup() {
    this.pos -= this.width
  }

  parseText(cur: ListNode): void {
    for (;;) {
      if (this.input.startsWith('{', this.pos)) {
        if (this.pos > this.start) cur.nodes.push({ type: 'text', text: this.consumeText() })
        return this.parseLeftDelim(cur)
      }
      if (this.next() === EOF) break
    }
    if (this.pos > this.start) cur.nodes.push({ type: 'text', text: this.consumeText() })
  }

  parseLeftDelim(cur: ListNode): void {
    this.pos += 1
    this.consumeText()
    const node = newList()
    cur.nodes.push(node)
    return this.parseInsideAction(node)
  }

  parseInsideAction(cur: ListNode): void {
    for (;;) {
      const rest = this.input.slice(this.pos)
      if (rest.startsWith('}')) return this.parseRightDelim()
      if (rest.startsWith('[?(')) return this.parseFilter(cur)
      if (rest.startsWith('..')) return this.parseRecursive(cur)
      const r = this.next()
      if (r === EOF || isEndOfLine(r)) throw new ParseError('unclosed action')
      if (r === ' ' || r === '@' || r === '$') {
        this.consumeText()
        continue
      }
      if (r === '[') return this.parseArray(cur)
      if (r === '"' || r === "'") return this.parseQuote(cur, r)
      if (r === '.') return this.parseField(cur)
      if (r === '+' || r === '-' || isDigit(r)) {
        this.backup()
        return this.parseNumber(cur)
      }
      if (isAlphaNumeric(r)) {
        this.backup()
        return this.parseIdentifier(cur)
      }
      throw new ParseError(`unrecognized character in action: ${formatRuneU(r)}`)
    }
  }

  parseRightDelim(): void {
    this.pos += 1
    this.consumeText()
    return this.parseText(this.root)
  }

  parseIdentifier(cur: ListNode): void {
    for (;;) {
      const r = this.next()
      if (isTerminator(r)) {
        this.backup()
        break
      }
    }
    const value = this.consumeText()
    if (value === 'true' || value === 'false') cur.nodes.push({ type: 'bool', value: value === 'true' })
    else cur.nodes.push({ type: 'identifier', name: value })
    return this.parseInsideAction(cur)
  }

  parseRecursive(cur: ListNode): void {
    const last = cur.nodes[cur.nodes.length - 1]
    if (last && last.type === 'recursive') throw new ParseError('invalid multiple recursive descent')
    this.pos += 2
    this.consumeText()
    cur.nodes.push({ type: 'recursive' })
    if (isAlphaNumeric(this.peek())) return this.parseField(cur)
    return this.parseInsideAction(cur)
  }

  parseNumber(cur: ListNode): void {
    const r = this.peek()
    if (r === '+' || r === '-') this.next()
    for (;;) {
      const c = this.next()
      if (c !== '.' && !isDigit(c)) {
        this.backup()
        break
      }
    }
    const value = this.consumeText()
    const i = atoi(value)
    if (i !== undefined) cur.nodes.push({ type: 'int', value: i })
    else if (/^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)$/.test(value)) cur.nodes.push({ type: 'float', value: Number(value) })
    else throw new ParseError(`cannot parse number ${value}`)
    return this.parseInsideAction(cur)
  }

  parseArray(cur: ListNode): void {
    for (;;) {
      const r = this.next()
      if (r === EOF || r === '\n') throw new ParseError('unterminated array')
      if (r === ']') break
    }
    let text = this.consumeText()
    text = text.slice(1, -1)
    if (text === '*') text = ':'
    const strs = text.split(',')
    if (strs.length > 1) {
      const union: ListNode[] = strs.map((s) => parseAction(`[${s.replace(/^ +| +$/g, '')}]`))
      cur.nodes.push({ type: 'union', nodes: union })
      return this.parseInsideAction(cur)
    }
    const dict = DICT_KEY_RE.exec(text)
    if (dict) {
      cur.nodes.push(...parseAction(`.${dict[1]}`).nodes)
      return this.parseInsideAction(cur)
    }
    const m = SLICE_RE.exec(text)
    if (!m) throw new ParseError(`invalid array index ${text}`)
    const value = [m[1] ?? '', m[2] ?? '', m[3] ?? '']
    const params: ParamsEntry[] = []
    for (let i = 0; i < 3; i++) {
      const p: ParamsEntry = { value: 0, known: false, derived: false }
      if (value[i] !== '') {
        if (i > 0) value[i] = value[i].slice(1)
        if (i > 0 && value[i] === '') p.known = false
        else {
          p.known = true
          const n = atoi(value[i])
          if (n === undefined) throw new ParseError(`array index ${value[i]} is not a number`)
          p.value = n
        }
      } else if (i === 1) {
        p.known = true
        p.value = params[0].value + 1
        p.derived = true
      }
      params.push(p)
    }
    cur.nodes.push({ type: 'array', params: params as [ParamsEntry, ParamsEntry, ParamsEntry] })
    return this.parseInsideAction(cur)
  }

  parseFilter(cur: ListNode): void {
    this.pos += 3
    this.consumeText()
    let begin = false
    let end = false
    let pair = ''
    for (;;) {
      const r = this.next()
      if (r === EOF || r === '\n') throw new ParseError('unterminated filter')
      if (r === '"' || r === "'") {
        if (!begin) {
          begin = true
          pair = r
          continue
        }
        if (this.input[this.pos - 2] !== '\\' && r === pair) end = true
      } else if (r === ')') {
        if (begin === end) break
      }
    }
    if (this.next() !== ']') throw new ParseError('unclosed array expect ]')
    let text = this.consumeText()
    text = text.slice(0, -2)
    const m = FILTER_RE.exec(text)
    if (!m) cur.nodes.push({ type: 'filter', left: parseAction(text), right: newList(), operator: 'exists' })
    else cur.nodes.push({ type: 'filter', left: parseAction(m[1]), right: parseAction(m[3]), operator: m[2] })
    return this.parseInsideAction(cur)
  }

  parseQuote(cur: ListNode, end: string): void {
    for (;;) {
      const r = this.next()
      if (r === EOF || r === '\n') throw new ParseError('unterminated quoted string')
      if (r === end && this.input[this.pos - 2] !== '\\') break
    }
    const value = this.consumeText()
    const s = unquoteExtend(value)
    if (s === undefined) throw new ParseError(`unquote string ${value} error invalid syntax`)
    cur.nodes.push({ type: 'text', text: s })
    return this.parseInsideAction(cur)
  }

  parseField(cur: ListNode): void {
    this.consumeText()
    while (this.advance()) {
      // scan to the next unescaped terminator
    }
    const value = this.consumeText()
    if (value === '*') cur.nodes.push({ type: 'wildcard' })
    else cur.nodes.push({ type: 'field', value: value.replace(/\\/g, '') })
    return this.parseInsideAction(cur)
  }

  advance(): boolean {
    const r = this.next()
    if (r === '\\') this.next()
    else if (isTerminator(r)) {
      this.backup()
      return false
    }
    return true
  }
}

/** parseAction: parse `{text}` and return its action list. */
function parseAction(text: string): ListNode {
  const root = new Parser().parse(`{${text}}`)
  return root.nodes[0] as ListNode
}

/** Parse a template; the error text is the one client-go returns (kubectl wraps it). */
export function parseTemplate(template: string): { ok: true; root: ListNode } | { ok: false; error: string } {
  try {
    return { ok: true, root: new Parser().parse(template) }
  } catch (e) {
    if (e instanceof ParseError) return { ok: false, error: e.message }
    if (e instanceof RangeError) return { ok: false, error: 'template too deeply nested' }
    throw e
  }
}

export type { JsonPathNode, ListNode }
