// Imitates: the POSIX awk grammar (awkgram.y of onetrue-awk, as mawk reads it): pattern-action
// items, functions, statements and expressions with awk's precedence (assignment, ?:, ||, &&, in,
// ~, comparison, concatenation, + -, * / %, unary, ^, ++ --, $). In `print`, a top-level `>` is a
// redirection.

import type { Dest, Expr, Program, Stmt } from './ast'
import { lex } from './lexer'
import { ExprParser } from './exprParser'

export function parseAwk(src: string): Program {
  const lines: number[] = []
  const toks = lex(src, lines)
  return new P(toks, lines).program()
}

class P extends ExprParser {
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
            return { k: 'if', c, yes: then, no: this.stmt() }
          }
          this.i = save
          return { k: 'if', c, yes: then }
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
}
