// The jq 1.6 grammar (src/parser.y) by precedence climbing: `|` (with `def` and `as` bindings),
// `,`, `//`, assignments, `or`, `and`, comparisons, `+ -`, `* / %`, unary minus, postfix terms.

import { JqSyntaxError, describe, lex, type Tok } from './lexer'
import { BINARY, type Node, type Pattern } from './ast'
export type { Node, Pattern } from './ast'

export class Parser {
  private toks: Tok[]
  private i = 0

  constructor(src: string) {
    this.toks = lex(src)
  }

  /** `nested`: a string's interpolation, `\(...)`, part of a bigger program. */
  static parse(src: string, nested = false): Node {
    const p = new Parser(src)
    if (!nested && p.peek().t === 'eof') return { k: 'identity' }
    let n: Node
    try {
      n = p.pipe()
    } catch (e) {
      // a first token that starts nothing: jq's program may be empty, so bison expected the end
      if (nested || p.failedAt !== 0 || !(e instanceof JqSyntaxError) || e.message.includes(', expecting')) throw e
      throw new JqSyntaxError(e.message.replace(' (Unix shell', ', expecting $end (Unix shell'), e.pos)
    }
    // what is left after a whole program: bison has reduced to the top, where only the end may come
    if (p.peek().t !== 'eof') p.fail(nested ? '' : '$end')
    return n
  }

  private peek(o = 0): Tok {
    return this.toks[Math.min(this.i + o, this.toks.length - 1)]
  }

  private next = (): Tok => this.toks[this.i++]

  private isOp(v: string, o = 0): boolean {
    const t = this.peek(o)
    return (t.t === 'op' || t.t === 'kw') && t.v === v
  }

  private expect(v: string): void {
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

  private funcDef(): { k: 'def'; name: string; params: string[]; body: Node } {
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

  private pattern(): Pattern {
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

  private unary(): Node {
    if (this.isOp('-')) {
      this.i++
      return { k: 'neg', body: this.unary() }
    }
    return this.postfix()
  }

  private postfix(): Node {
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

  private stringNode(t: Extract<Tok, { t: 'str' }>, format?: string): Node {
    if (t.parts.every((p) => typeof p === 'string') && !format) return { k: 'literal', v: (t.parts as string[]).join('') }
    return { k: 'string', format, parts: t.parts.map((p) => (typeof p === 'string' ? p : Parser.parse(p.src, true))) }
  }

  private term(): Node {
    const t = this.next()
    switch (t.t) {
      case 'num': return { k: 'literal', v: t.v }
      case 'str': return this.stringNode(t)
      case 'field': return { k: 'index', target: { k: 'identity' }, index: { k: 'literal', v: t.v } }
      case 'var': return { k: 'var', name: t.v, pos: t.pos }
      case 'format': {
        const s = this.peek()
        if (s.t === 'str') {
          this.i++
          return this.stringNode(s, t.v)
        }
        return { k: 'format', name: t.v }
      }
      case 'ident': {
        if (t.v === 'null' || t.v === 'true' || t.v === 'false') return { k: 'literal', v: t.v === 'null' ? null : t.v === 'true' }
        if (t.v === 'break') {
          const v = this.next()
          if (v.t !== 'var') this.fail()
          return { k: 'break', name: v.v }
        }
        const args: Node[] = []
        if (this.isOp('(')) {
          this.i++
          for (;;) {
            args.push(this.pipe())
            if (this.isOp(';')) this.i++
            else break
          }
          this.expect(')')
        }
        return { k: 'call', name: t.v, args, pos: t.pos }
      }
      case 'kw': return this.keywordTerm(t.v)
      case 'op': return this.opTerm(t.v)
      default: {
        this.i--
        return this.fail()
      }
    }
  }

  private opTerm(v: string): Node {
    if (v === '.') {
      if (this.peek().t === 'str') return { k: 'index', target: { k: 'identity' }, index: this.stringNode(this.next() as Extract<Tok, { t: 'str' }>) }
      return { k: 'identity' }
    }
    if (v === '..') return { k: 'call', name: 'recurse', args: [] }
    if (v === '(') {
      const n = this.pipe()
      this.expect(')')
      return n
    }
    if (v === '[') {
      if (this.isOp(']')) {
        this.i++
        return { k: 'array', body: null }
      }
      const body = this.pipe()
      this.expect(']')
      return { k: 'array', body }
    }
    if (v === '{') return this.objectTerm()
    this.i--
    return this.fail()
  }

  private keywordTerm(v: string): Node {
    if (v === 'if') {
      const cond = this.pipe()
      this.expect('then')
      const then = this.pipe()
      return { k: 'if', cond, thenB: then, elseB: this.elseBody() }
    }
    if (v === 'try') {
      const body = this.postfix()
      let c: Node | null = null
      if (this.isOp('catch')) {
        this.i++
        c = this.postfix()
      }
      return { k: 'try', body, catch: c }
    }
    if (v === 'reduce' || v === 'foreach') {
      const source = this.postfix()
      this.expect('as')
      const pat = this.pattern()
      this.expect('(')
      const init = this.pipe()
      this.expect(';')
      const update = this.pipe()
      let extract: Node | null = null
      if (v === 'foreach' && this.isOp(';')) {
        this.i++
        extract = this.pipe()
      }
      this.expect(')')
      return v === 'reduce' ? { k: 'reduce', source, pat, init, update } : { k: 'foreach', source, pat, init, update, extract }
    }
    if (v === 'def') {
      this.i--
      const d = this.funcDef()
      return { ...d, rest: this.pipe() }
    }
    this.i--
    return this.fail()
  }

  private elseBody(): Node {
    if (this.isOp('elif')) {
      this.i++
      const cond = this.pipe()
      this.expect('then')
      const then = this.pipe()
      return { k: 'if', cond, thenB: then, elseB: this.elseBody() }
    }
    if (this.isOp('else')) {
      this.i++
      const e = this.pipe()
      this.expect('end')
      return e
    }
    this.expect('end')
    return { k: 'identity' }
  }

  private objectTerm(): Node {
    const entries: { key: Node; value: Node }[] = []
    if (this.isOp('}')) {
      this.i++
      return { k: 'object', entries }
    }
    for (;;) {
      const t = this.next()
      let key: Node
      let value: Node | undefined
      if (t.t === 'var') {
        key = { k: 'literal', v: t.v }
        value = { k: 'var', name: t.v }
      } else if (t.t === 'ident' || t.t === 'kw') key = { k: 'literal', v: t.v }
      else if (t.t === 'str') key = this.stringNode(t)
      else if (t.t === 'num') key = { k: 'literal', v: t.v }
      else if (t.t === 'format' && this.peek().t === 'str') key = this.stringNode(this.next() as Extract<Tok, { t: 'str' }>, t.v)
      else if (t.t === 'op' && t.v === '(') {
        key = this.pipe()
        this.expect(')')
      } else {
        this.i--
        return this.fail()
      }
      if (this.isOp(':')) {
        this.i++
        value = this.objVal()
      } else if (!value) value = { k: 'index', target: { k: 'identity' }, index: key }
      entries.push({ key, value })
      if (this.isOp(',')) {
        this.i++
        continue
      }
      if (!this.isOp('}')) this.fail("'}'")
      this.i++
      return { k: 'object', entries }
    }
  }

  private objVal(): Node {
    let n = this.unary()
    while (this.isOp('|')) {
      this.i++
      n = { k: 'pipe', left: n, right: this.unary() }
    }
    return n
  }
}
