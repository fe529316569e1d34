// The jq 1.6 grammar (src/parser.y), its operators by precedence climbing: `|` (with `def`, `label`
// and `as` bindings and their destructuring patterns), `,`, `//`, assignments, `or`, `and`,
// comparisons, `+ -`, `* / %`, unary minus, postfix suffixes; and the token cursor with jq's syntax
// errors. The terms the operators join are parser.ts's.

import { JqSyntaxError, describe, lex, type Tok } from './lexer'
import { BINARY, type Node, type Pattern } from './ast'

export abstract class OperatorParser {
  private toks: Tok[]
  protected i = 0

  constructor(src: string) {
    this.toks = lex(src)
  }

  /** A term: a literal, string, variable, call, `(...)`, array, object or keyword form (parser.ts). */
  protected abstract term(): Node
  protected abstract stringNode(t: Extract<Tok, { t: 'str' }>, format?: string): Node

  protected peek(o = 0): Tok {
    return this.toks[Math.min(this.i + o, this.toks.length - 1)]
  }

  protected next = (): Tok => this.toks[this.i++]

  protected isOp(v: string, o = 0): boolean {
    const t = this.peek(o)
    return (t.t === 'op' || t.t === 'kw') && t.v === v
  }

  protected expect(v: string): void {
    if (!this.isOp(v)) this.fail()
    this.i++
  }

  /** The token the last syntax error was at. */
  failedAt = -1

  fail(expecting = ''): never {
    this.failedAt = this.i
    const t = this.peek()
    const pos = t.t === 'eof' ? (this.toks[this.toks.length - 2]?.pos ?? 0) : t.pos
    throw new JqSyntaxError(`syntax error, unexpected ${describe(t)}${expecting ? `, expecting ${expecting}` : ''} (Unix shell quoting issues?)`, pos)
  }

  pipe(): Node {
    if (this.isOp('def')) {
      const d = this.funcDef()
      // a program of definitions only (or none at all, below) is `.`
      return { ...d, rest: this.peek().t === 'eof' ? { k: 'identity' } : this.pipe() }
    }
    if (this.isOp('label')) {
      this.i++
      const t = this.next()
      if (t.t !== 'var') this.fail()
      this.expect('|')
      return { k: 'label', name: t.v, body: this.pipe() }
    }
    const start = this.i
    let term: Node | undefined
    try {
      term = this.postfix()
    } catch {
      term = undefined
    }
    if (term && this.isOp('as')) {
      this.i++
      const pats = [this.pattern()]
      while (this.isOp('?//')) {
        this.i++
        pats.push(this.pattern())
      }
      this.expect('|')
      return { k: 'as', source: term, pats, body: this.pipe() }
    }
    this.i = start
    const left = this.binary(2)
    if (this.isOp('|')) {
      this.i++
      return { k: 'pipe', left, right: this.pipe() }
    }
    return left
  }

  protected funcDef(): { k: 'def'; name: string; params: string[]; body: Node } {
    this.expect('def')
    const nameTok = this.next()
    if (nameTok.t !== 'ident' && nameTok.t !== 'kw') this.fail()
    const params: string[] = []
    if (this.isOp('(')) {
      this.i++
      for (;;) {
        const t = this.next()
        if (t.t === 'ident') params.push(t.v)
        else if (t.t === 'var') params.push('$' + t.v)
        else this.fail()
        if (this.isOp(';')) this.i++
        else break
      }
      this.expect(')')
    }
    this.expect(':')
    const body = this.pipe()
    this.expect(';')
    return { k: 'def', name: nameTok.v, params, body }
  }

  protected pattern(): Pattern {
    const t = this.peek()
    if (t.t !== 'var' && !(t.t === 'op' && (t.v === '[' || t.v === '{'))) this.fail("'$' or '[' or '{'")
    this.i++
    if (t.t === 'var') return { k: 'var', name: t.v }
    if (t.t === 'op' && t.v === '[') {
      const items: Pattern[] = []
      if (!this.isOp(']')) {
        for (;;) {
          items.push(this.pattern())
          if (this.isOp(',')) this.i++
          else break
        }
      }
      this.expect(']')
      return { k: 'array', items }
    }
    if (t.t === 'op' && t.v === '{') {
      const entries: { key: Node; pat: Pattern }[] = []
      for (;;) {
        const k = this.next()
        if (k.t === 'var') {
          const pat: Pattern = { k: 'var', name: k.v }
          if (this.isOp(':')) {
            this.i++
            entries.push({ key: { k: 'literal', v: k.v }, pat: this.pattern() })
          } else entries.push({ key: { k: 'literal', v: k.v }, pat })
        } else {
          let key: Node
          if (k.t === 'ident' || k.t === 'kw') key = { k: 'literal', v: k.v }
          else if (k.t === 'str') key = this.stringNode(k)
          else if (k.t === 'op' && k.v === '(') {
            key = this.pipe()
            this.expect(')')
          } else return this.fail()
          this.expect(':')
          entries.push({ key, pat: this.pattern() })
        }
        if (this.isOp(',')) this.i++
        else break
      }
      this.expect('}')
      return { k: 'object', entries }
    }
    return this.fail()
  }

  private binary(minPrec: number): Node {
    let left = this.unary()
    for (;;) {
      const t = this.peek()
      if (t.t !== 'op' && t.t !== 'kw') return left
      const info = BINARY[t.v]
      if (!info || info[0] < minPrec) return left
      this.i++
      const right = this.binary(info[1] === 'r' ? info[0] : info[0] + 1)
      if (t.v === ',') left = { k: 'comma', left, right }
      else left = { k: 'binop', op: t.v, left, right }
      if (info[1] === 'n') {
        const n = this.peek()
        if ((n.t === 'op' || n.t === 'kw') && BINARY[n.v]?.[0] === info[0]) this.fail()
      }
    }
  }

  protected unary(): Node {
    if (this.isOp('-')) {
      this.i++
      return { k: 'neg', body: this.unary() }
    }
    return this.postfix()
  }

  protected postfix(): Node {
    let n = this.term()
    for (;;) {
      const t = this.peek()
      if (t.t === 'field') {
        this.i++
        n = { k: 'index', target: n, index: { k: 'literal', v: t.v } }
      } else if (this.isOp('.') && this.peek(1).t === 'str') {
        this.i++
        n = { k: 'index', target: n, index: this.stringNode(this.next() as Extract<Tok, { t: 'str' }>) }
      } else if (this.isOp('[')) {
        n = this.bracketSuffix(n)
      } else if (this.isOp('?')) {
        this.i++
        n = { k: 'try', body: n, catch: null }
      } else return n
    }
  }

  private bracketSuffix(target: Node): Node {
    this.expect('[')
    if (this.isOp(']')) {
      this.i++
      return { k: 'iterate', target }
    }
    if (this.isOp(':')) {
      this.i++
      const to = this.pipe()
      this.expect(']')
      return { k: 'slice', target, from: null, to }
    }
    const idx = this.pipe()
    if (this.isOp(':')) {
      this.i++
      const to = this.isOp(']') ? null : this.pipe()
      this.expect(']')
      return { k: 'slice', target, from: idx, to }
    }
    this.expect(']')
    return { k: 'index', target, index: idx }
  }
}
