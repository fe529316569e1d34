// Imitates: the POSIX awk grammar (awkgram.y of onetrue-awk, as mawk reads it): pattern-action
// items, functions, statements and expressions with awk's precedence (assignment, ?:, ||, &&, in,
// ~, comparison, concatenation, + -, * / %, unary, ^, ++ --, $). In `print`, a top-level `>` is a
// redirection.

import type { Dest, Expr, Program, Stmt } from './ast'
import { AwkSyntaxError, lex, type Tok } from './lexer'

export function parseAwk(src: string): Program {
  const lines: number[] = []
  const toks = lex(src, lines)
  return new P(toks, lines).program()
}

class P {
  private i = 0
  private noGt = 0
  private noIn = 0
  constructor(private toks: Tok[], private lines: number[]) {}
  private braces = 0

  private get tok(): Tok {
    return this.toks[this.i]
  }
  private is(t: Tok['t'], v?: string): boolean {
    const k = this.tok
    return k.t === t && (v === undefined || ('v' in k && k.v === v))
  }
  private op(v: string): boolean {
    return this.is('op', v)
  }
  private take(v: string): void {
    if (!this.op(v) && !this.is('kw', v)) this.fail()
    this.i++
  }
  private fail(): never {
    const k = this.tok as { t: string; v?: string | number }
    const line = this.lines[this.i]
    if (k.t === 'eof' && this.braces > 0) throw new AwkSyntaxError(`line ${line}: missing } near end of file`)
    const text = k.t === 'eof' ? 'end of file' : k.t === 'nl' ? 'end of line' : k.t === 'str' ? `"${k.v}"` : String(k.v ?? k.t)
    throw new AwkSyntaxError(`line ${line}: syntax error at or near ${text}`)
  }
  private nls(): void {
    while (this.is('nl')) this.i++
  }
  private terms(): void {
    while (this.is('nl') || this.op(';')) this.i++
  }

  program(): Program {
    const prog: Program = { begin: [], end: [], rules: [], funcs: new Map() }
    this.terms()
    while (!this.is('eof')) {
      if (this.is('kw', 'BEGIN')) {
        this.i++
        prog.begin.push(this.block())
      } else if (this.is('kw', 'END')) {
        this.i++
        prog.end.push(this.block())
      } else if (this.is('kw', 'function')) {
        this.i++
        const name = this.tok
        if (name.t !== 'name' && name.t !== 'funcname') this.fail()
        this.i++
        this.take('(')
        const params: string[] = []
        while (!this.op(')')) {
          const p = this.tok
          if (p.t !== 'name') this.fail()
          params.push(p.v)
          this.i++
          if (this.op(',')) { this.i++; this.nls() }
        }
        this.i++
        this.nls()
        prog.funcs.set(name.v, { params, body: this.block() })
      } else {
        let pattern: Expr | undefined
        let range: [Expr, Expr] | undefined
        if (!this.op('{')) {
          pattern = this.expr()
          if (this.op(',')) {
            this.i++
            this.nls()
            range = [pattern, this.expr()]
            pattern = undefined
          }
        }
        prog.rules.push({ pattern, range, body: this.op('{') ? this.block() : undefined })
      }
      this.terms()
    }
    return prog
  }

  private block(): Stmt[] {
    this.nls()
    this.take('{')
    this.braces++
    const body: Stmt[] = []
    this.terms()
    while (!this.op('}')) {
      body.push(this.stmt())
      this.terms()
    }
    this.i++
    this.braces--
    return body
  }

  private simpleEnd(): void {
    if (this.op(';') || this.is('nl')) this.i++
    else if (!this.op('}') && !this.is('eof')) this.fail()
  }

  private stmt(): Stmt {
    const k = this.tok
    if (this.op('{')) return { k: 'block', body: this.block() }
    if (this.op(';')) {
      this.i++
      return { k: 'block', body: [] }
    }
    if (k.t === 'kw') {
      switch (k.v) {
        case 'if': {
          this.i++
          this.take('(')
          const c = this.expr()
          this.take(')')
          this.nls()
          const then = this.stmt()
          const save = this.i
          this.terms()
          if (this.is('kw', 'else')) {
            this.i++
            this.nls()
            return { k: 'if', c, then, else: this.stmt() }
          }
          this.i = save
          return { k: 'if', c, then }
        }
        case 'while': {
          this.i++
          this.take('(')
          const c = this.expr()
          this.take(')')
          if (this.op(';')) {
            this.i++
            return { k: 'while', c, body: { k: 'block', body: [] } }
          }
          this.nls()
          return { k: 'while', c, body: this.stmt() }
        }
        case 'do': {
          this.i++
          this.nls()
          const body = this.stmt()
          this.terms()
          this.take('while')
          this.take('(')
          const c = this.expr()
          this.take(')')
          this.simpleEnd()
          return { k: 'do', body, c }
        }
        case 'for': {
          this.i++
          this.take('(')
          const a = this.toks[this.i]
          const b = this.toks[this.i + 1]
          const c2 = this.toks[this.i + 2]
          const d = this.toks[this.i + 3]
          if (a.t === 'name' && b.t === 'kw' && b.v === 'in' && c2.t === 'name' && d.t === 'op' && d.v === ')') {
            this.i += 4
            this.nls()
            return { k: 'forin', v: a.v, arr: c2.v, body: this.stmt() }
          }
          const init = this.op(';') ? undefined : this.expr()
          this.take(';')
          this.nls()
          const c = this.op(';') ? undefined : this.expr()
          this.take(';')
          this.nls()
          const step = this.op(')') ? undefined : this.expr()
          this.take(')')
          if (this.op(';')) {
            this.i++
            return { k: 'for', init, c, step, body: { k: 'block', body: [] } }
          }
          this.nls()
          return { k: 'for', init, c, step, body: this.stmt() }
        }
        case 'next':
        case 'break':
        case 'continue':
        case 'nextfile':
          this.i++
          this.simpleEnd()
          return { k: k.v }
        case 'exit':
        case 'return': {
          this.i++
          const e = this.op(';') || this.op('}') || this.is('nl') || this.is('eof') ? undefined : this.expr()
          this.simpleEnd()
          return { k: k.v, e }
        }
        case 'delete': {
          this.i++
          const n = this.tok
          if (n.t !== 'name') this.fail()
          this.i++
          let subs: Expr[] | undefined
          if (this.op('[')) subs = this.subscripts()
          this.simpleEnd()
          return { k: 'delete', name: n.v, subs }
        }
        case 'print':
        case 'printf': {
          this.i++
          const args: Expr[] = []
          this.noGt++
          if (!(this.op(';') || this.op('}') || this.is('nl') || this.is('eof') || this.op('>') || this.op('>>') || this.op('|'))) {
            args.push(...this.exprList())
          }
          this.noGt--
          let dest: Dest | undefined
          if (this.op('>') || this.op('>>') || this.op('|')) {
            const mode = (this.tok as { v: string }).v as Dest['mode']
            this.i++
            dest = { mode, e: this.concat() }
          }
          this.simpleEnd()
          return { k: k.v, args, dest }
        }
      }
    }
    const e = this.expr()
    this.simpleEnd()
    return { k: 'expr', e }
  }

  private exprList(): Expr[] {
    // `print (a, b)`: a parenthesised list.
    if (this.op('(')) {
      const save = this.i
      this.i++
      const list = [this.expr()]
      while (this.op(',')) {
        this.i++
        this.nls()
        list.push(this.expr())
      }
      if (this.op(')') && list.length > 1) {
        this.i++
        if (this.op(';') || this.op('}') || this.is('nl') || this.is('eof') || this.op('>') || this.op('>>') || this.op('|')) return list
      }
      this.i = save
    }
    const list = [this.expr()]
    while (this.op(',')) {
      this.i++
      this.nls()
      list.push(this.expr())
    }
    return list
  }

  private subscripts(): Expr[] {
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

  private ternary(): Expr {
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

  private or(): Expr {
    let a = this.and()
    while (this.op('||')) {
      this.i++
      this.nls()
      a = { k: 'or', a, b: this.and() }
    }
    return a
  }

  private and(): Expr {
    let a = this.inExpr()
    while (this.op('&&')) {
      this.i++
      this.nls()
      a = { k: 'and', a, b: this.inExpr() }
    }
    return a
  }

  private inExpr(): Expr {
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

  private matchExpr(): Expr {
    let a = this.compare()
    while (this.op('~') || this.op('!~')) {
      const neg = this.op('!~')
      this.i++
      a = { k: 'match', neg, e: a, re: this.compare() }
    }
    return a
  }

  private compare(): Expr {
    const a = this.concat()
    const t = this.tok
    if (t.t === 'op' && ['<', '<=', '!=', '==', '>=', '>'].includes(t.v) && !(t.v === '>' && this.noGt)) {
      this.i++
      return { k: 'bin', op: t.v, a, b: this.concat() }
    }
    return a
  }

  private startsOperand(): boolean {
    const t = this.tok
    if (t.t === 'num' || t.t === 'str' || t.t === 'ere' || t.t === 'name' || t.t === 'funcname' || t.t === 'builtin') return true
    if (t.t === 'op') return ['$', '!', '(', '-', '+', '++', '--'].includes(t.v) && t.v !== '-' && t.v !== '+' && t.v !== '!'
    return false
  }

  private concat(): Expr {
    let a = this.additive()
    while (this.startsOperand() && !this.is('kw', 'in')) a = { k: 'bin', op: ' ', a, b: this.additive() }
    return a
  }

  private additive(): Expr {
    let a = this.mul()
    while (this.op('+') || this.op('-')) {
      const op = (this.tok as { v: string }).v
      this.i++
      a = { k: 'bin', op, a, b: this.mul() }
    }
    return a
  }

  private mul(): Expr {
    let a = this.unary()
    while (this.op('*') || this.op('/') || this.op('%')) {
      const op = (this.tok as { v: string }).v
      this.i++
      a = { k: 'bin', op, a, b: this.unary() }
    }
    return a
  }

  private unary(): Expr {
    if (this.op('!') || this.op('-') || this.op('+')) {
      const op = (this.tok as { v: string }).v
      this.i++
      return { k: 'un', op, e: this.unary() }
    }
    return this.power()
  }

  private power(): Expr {
    const a = this.postfix()
    if (this.op('^')) {
      this.i++
      return { k: 'bin', op: '^', a, b: this.op('-') || this.op('+') || this.op('!') ? this.unary() : this.power() }
    }
    return a
  }

  private postfix(): Expr {
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

  private primary(): Expr {
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
