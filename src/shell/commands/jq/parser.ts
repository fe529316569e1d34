// The jq 1.6 grammar (src/parser.y): the entry point and the terms: literals, strings with their
// interpolations and @formats, variables, calls, `(...)`, arrays, objects, and `if`, `try`,
// `reduce`, `foreach` and `def` as terms. The operators around them, by precedence climbing, are
// operatorParser.ts's.

import { JqSyntaxError, type Tok } from './lexer'
import type { Node } from './ast'
import { OperatorParser } from './operatorParser'
export type { Node, Pattern } from './ast'

export class Parser extends OperatorParser {
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

  protected stringNode(t: Extract<Tok, { t: 'str' }>, format?: string): Node {
    if (t.parts.every((p) => typeof p === 'string') && !format) return { k: 'literal', v: (t.parts as string[]).join('') }
    return { k: 'string', format, parts: t.parts.map((p) => (typeof p === 'string' ? p : Parser.parse(p.src, true))) }
  }

  protected term(): Node {
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
