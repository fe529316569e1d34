// Imitates: the expression part of the POSIX awk grammar (onetrue-awk awkgram.y): assignment,
// ?:, ||, &&, in, ~ !~, comparison (a top-level `>` in `print` is a redirection), concatenation,
// + -, * / %, unary ! - +, ^ (right-associative), ++ --, $ and grouping; plus the token helpers
// the statement parser (parser.ts) shares.

import type { Expr } from './ast'
import { AwkSyntaxError, type Tok } from './lexer'

export class ExprParser {
  protected i = 0
  protected noGt = 0
  protected noIn = 0
  constructor(protected toks: Tok[], protected lines: number[]) {}
  protected braces = 0

  protected get tok(): Tok {
    return this.toks[this.i]
  }
  protected is(t: Tok['t'], v?: string): boolean {
    const k = this.tok
    return k.t === t && (v === undefined || ('v' in k && k.v === v))
  }
  protected op(v: string): boolean {
    return this.is('op', v)
  }
  protected take(v: string): void {
    if (!this.op(v) && !this.is('kw', v)) this.fail()
    this.i++
  }
  protected fail(): never {
    const k = this.tok as { t: string; v?: string | number }
    const line = this.lines[this.i]
    if (k.t === 'eof' && this.braces > 0) throw new AwkSyntaxError(`line ${line}: missing } near end of file`)
    const text = k.t === 'eof' ? 'end of file' : k.t === 'nl' ? 'end of line' : k.t === 'str' ? `"${k.v}"` : String(k.v ?? k.t)
    throw new AwkSyntaxError(`line ${line}: syntax error at or near ${text}`)
  }
  protected nls(): void {
    while (this.is('nl')) this.i++
  }
  protected terms(): void {
    while (this.is('nl') || this.op(';')) this.i++
  }

  protected subscripts(): Expr[] {
    this.take('[')
    const subs = [this.expr()]
    while (this.op(',')) {
      this.i++
      subs.push(this.expr())
    }
    this.take(']')
    return subs
  }

  expr(): Expr {
    const lhs = this.ternary()
    const t = this.tok
    if (t.t === 'op' && ['=', '+=', '-=', '*=', '/=', '%=', '^='].includes(t.v) && (lhs.k === 'var' || lhs.k === 'field' || lhs.k === 'idx')) {
      this.i++
      this.nls()
      return { k: 'assign', op: t.v, target: lhs, e: this.expr() }
    }
    return lhs
  }

  protected ternary(): Expr {
    const c = this.or()
    if (!this.op('?')) return c
    this.i++
    this.nls()
    const a = this.expr()
    this.nls()
    this.take(':')
    this.nls()
    return { k: 'cond', c, a, b: this.expr() }
  }

  protected or(): Expr {
    let a = this.and()
    while (this.op('||')) {
      this.i++
      this.nls()
      a = { k: 'or', a, b: this.and() }
    }
    return a
  }

  protected and(): Expr {
    let a = this.inExpr()
    while (this.op('&&')) {
      this.i++
      this.nls()
      a = { k: 'and', a, b: this.inExpr() }
    }
    return a
  }

  protected inExpr(): Expr {
    let a = this.matchExpr()
    while (this.is('kw', 'in') && !this.noIn) {
      this.i++
      const n = this.tok
      if (n.t !== 'name') this.fail()
      this.i++
      a = { k: 'in', subs: [a], name: n.v }
    }
    return a
  }

  protected matchExpr(): Expr {
    let a = this.compare()
    while (this.op('~') || this.op('!~')) {
      const neg = this.op('!~')
      this.i++
      a = { k: 'match', neg, e: a, re: this.compare() }
    }
    return a
  }

  protected compare(): Expr {
    let a = this.concat()
    // `"cmd" | getline [var]`: below concatenation, above comparison (POSIX's unary_expr '|' simple_get).
    while (this.op('|') && this.toks[this.i + 1]?.t === 'kw' && (this.toks[this.i + 1] as { v: string }).v === 'getline') {
      this.i += 2
      const target = this.is('name') || this.op('$') ? this.postfix() : undefined
      a = { k: 'getline', target, cmd: a }
    }
    const t = this.tok
    if (t.t === 'op' && ['<', '<=', '!=', '==', '>=', '>'].includes(t.v) && !(t.v === '>' && this.noGt)) {
      this.i++
      return { k: 'bin', op: t.v, a, b: this.concat() }
    }
    return a
  }

  protected startsOperand(): boolean {
    const t = this.tok
    if (t.t === 'num' || t.t === 'str' || t.t === 'ere' || t.t === 'name' || t.t === 'funcname' || t.t === 'builtin') return true
    if (t.t === 'op') return ['$', '!', '(', '-', '+', '++', '--'].includes(t.v) && t.v !== '-' && t.v !== '+' && t.v !== '!'
    return false
  }

  protected concat(): Expr {
    let a = this.additive()
    while (this.startsOperand() && !this.is('kw', 'in')) a = { k: 'bin', op: ' ', a, b: this.additive() }
    return a
  }

  protected additive(): Expr {
    let a = this.mul()
    while (this.op('+') || this.op('-')) {
      const op = (this.tok as { v: string }).v
      this.i++
      a = { k: 'bin', op, a, b: this.mul() }
    }
    return a
  }

  protected mul(): Expr {
    let a = this.unary()
    while (this.op('*') || this.op('/') || this.op('%')) {
      const op = (this.tok as { v: string }).v
      this.i++
      a = { k: 'bin', op, a, b: this.unary() }
    }
    return a
  }

  protected unary(): Expr {
    if (this.op('!') || this.op('-') || this.op('+')) {
      const op = (this.tok as { v: string }).v
      this.i++
      return { k: 'un', op, e: this.unary() }
    }
    return this.power()
  }

  protected power(): Expr {
    const a = this.postfix()
    if (this.op('^')) {
      this.i++
      return { k: 'bin', op: '^', a, b: this.op('-') || this.op('+') || this.op('!') ? this.unary() : this.power() }
    }
    return a
  }

  protected postfix(): Expr {
    if (this.op('++') || this.op('--')) {
      const op = (this.tok as { v: string }).v as '++' | '--'
      this.i++
      return { k: 'incdec', op, prefix: true, target: this.postfix() }
    }
    const e = this.primary()
    if ((this.op('++') || this.op('--')) && (e.k === 'var' || e.k === 'field' || e.k === 'idx')) {
      const op = (this.tok as { v: string }).v as '++' | '--'
      this.i++
      return { k: 'incdec', op, prefix: false, target: e }
    }
    return e
  }

  protected primary(): Expr {
    const t = this.tok
    switch (t.t) {
      case 'num':
        this.i++
        return { k: 'num', v: t.v }
      case 'str':
        this.i++
        return { k: 'str', v: t.v }
      case 'ere':
        this.i++
        return { k: 're', src: t.v }
      case 'name':
        this.i++
        if (this.op('[')) return { k: 'idx', name: t.v, subs: this.subscripts() }
        return { k: 'var', name: t.v }
      case 'funcname':
      case 'builtin': {
        this.i++
        const builtin = t.t === 'builtin'
        if (!this.op('(')) {
          if (builtin && t.v === 'length') return { k: 'call', name: 'length', args: [], builtin }
          this.fail()
        }
        this.i++
        const args: Expr[] = []
        const saveGt = this.noGt
        this.noGt = 0
        while (!this.op(')')) {
          args.push(this.expr())
          if (this.op(',')) {
            this.i++
            this.nls()
          } else if (!this.op(')')) this.fail()
        }
        this.i++
        this.noGt = saveGt
        return { k: 'call', name: t.v, args, builtin }
      }
      case 'kw':
        if (t.v === 'getline') {
          this.i++
          let target: Expr | undefined
          if (this.is('name') || this.op('$')) target = this.postfix()
          let file: Expr | undefined
          if (this.op('<')) {
            this.i++
            file = this.primary()
          }
          return { k: 'getline', target, file }
        }
        break
      case 'op':
        if (t.v === '$') {
          this.i++
          return { k: 'field', e: this.op('++') || this.op('--') || this.op('-') ? this.unary() : this.primary() }
        }
        if (t.v === '(') {
          this.i++
          const saveGt = this.noGt
          this.noGt = 0
          const e = this.expr()
          if (this.op(',')) {
            // (a, b) in arr
            const subs = [e]
            while (this.op(',')) {
              this.i++
              subs.push(this.expr())
            }
            this.take(')')
            this.noGt = saveGt
            if (!this.is('kw', 'in')) this.fail()
            this.i++
            const n = this.tok
            if (n.t !== 'name') this.fail()
            this.i++
            return { k: 'in', subs, name: n.v }
          }
          this.take(')')
          this.noGt = saveGt
          return e
        }
    }
    this.fail()
  }
}
