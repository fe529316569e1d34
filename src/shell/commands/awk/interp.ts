// Imitates: mawk's execute.c/field.c (Debian's awk). Runs a parsed program over records: fields
// split on FS (a blank: runs of blanks; one other character: itself; longer: a regular
// expression), $0 rebuilt with OFS when a field or NF changes, strnum comparisons, arrays with
// SUBSEP, user functions (arrays by reference), and the common builtins.

import type { Expr, Func, Program, Stmt } from './ast'
import { compileAwkRegex } from './regex'
import { NotEnoughArgs, sprintf, type Arg } from './format'
import { awkBuiltin } from './builtins'
import { AwkRuntimeError, Fields, StrNum, type Val } from './fields'
import { AwkStreams, type AwkHost } from './streams'

export { AwkRuntimeError, StrNum, type Val }

class Next {}
class ExitProg {
  constructor(readonly code: number) {}
}
class Brk {}
class Cont {}
class Ret {
  constructor(readonly v: Val) {}
}


const MAX_STEPS = 20_000_000

export interface AwkIO {
  write(text: string): void
  writeFile(path: string, text: string, append: boolean): void
  readFile(path: string): string | undefined
  check(): void
  /** Lab time, milliseconds since the epoch (systime, strftime). */
  now?(): number
}

export class Interp extends Fields {
  arrays = new Map<string, Map<string, Val>>()
  frames: { locals: Map<string, Val | Map<string, Val>> }[] = []
  opened = new Set<string>()
  steps = 0
  rangeOn: boolean[] = []
  exitCode = 0
  readonly streams: AwkStreams

  constructor(private prog: Program, private io: AwkIO, init: [string, string][], environ: Record<string, string>, host?: AwkHost) {
    super()
    this.streams = new AwkStreams(this, host)
    for (const [k, v] of [['FS', ' '], ['OFS', ' '], ['ORS', '\n'], ['RS', '\n'], ['NR', 0], ['NF', 0], ['FNR', 0], ['SUBSEP', '\x1c'], ['CONVFMT', '%.6g'], ['OFMT', '%.6g'], ['RSTART', 0], ['RLENGTH', -1], ['FILENAME', '']] as [string, Val][]) this.vars.set(k, v)
    this.arrays.set('ENVIRON', new Map(Object.entries(environ)))
    for (const [k, v] of init) this.vars.set(k, new StrNum(v))
  }

  /** mawk's second line of a run-time error. */
  where(): string {
    const v = (k: string) => this.str(this.vars.get(k) ?? '')
    return `\tFILENAME="${v('FILENAME')}" FNR=${v('FNR')} NR=${v('NR')}\n`
  }

  assignOperand(name: string, value: string): void {
    this.vars.set(name, new StrNum(value))
  }

  // ---- variables ----
  local(name: string): Map<string, Val | Map<string, Val>> | undefined {
    const f = this.frames[this.frames.length - 1]
    return f && f.locals.has(name) ? f.locals : undefined
  }
  getVar(name: string): Val {
    if (name === 'NF') return this.nf
    const l = this.local(name)
    if (l) {
      const v = l.get(name)
      return v instanceof Map ? '' : (v ?? new StrNum(''))
    }
    return this.vars.get(name) ?? new StrNum('')
  }
  setVar(name: string, v: Val): void {
    if (name === 'NF') {
      this.nf = Math.max(0, Math.trunc(this.num(v)))
      while (this.fields.length <= this.nf) this.fields.push('')
      this.rebuild()
      return
    }
    const l = this.local(name)
    if (l) l.set(name, v)
    else this.vars.set(name, v)
  }
  array(name: string): Map<string, Val> {
    const l = this.local(name)
    if (l) {
      let a = l.get(name)
      if (!(a instanceof Map)) l.set(name, (a = new Map()))
      return a
    }
    let a = this.arrays.get(name)
    if (!a) this.arrays.set(name, (a = new Map()))
    return a
  }
  async key(subs: Expr[]): Promise<string> {
    return (await this.evalAll(subs)).map((v) => this.str(v)).join(this.str(this.vars.get('SUBSEP')!))
  }

  /** Evaluate expressions left to right. */
  async evalAll(es: Expr[]): Promise<Val[]> {
    const out: Val[] = []
    for (const e of es) out.push(await this.eval(e))
    return out
  }

  // ---- running ----
  async runBegin(): Promise<boolean> {
    try {
      for (const b of this.prog.begin) await this.block(b)
      return true
    } catch (e) {
      if (e instanceof ExitProg) {
        this.exitCode = e.code
        return false
      }
      throw e
    }
  }
  /** One record through the rules; false after `exit`. */
  async record(text: string): Promise<boolean> {
    this.vars.set('NR', this.num(this.vars.get('NR')!) + 1)
    this.vars.set('FNR', this.num(this.vars.get('FNR')!) + 1)
    this.setRecord(text)
    try {
      for (const [i, r] of this.prog.rules.entries()) {
        let hit: boolean
        if (r.range) {
          if (!this.rangeOn[i]) {
            hit = this.bool(await this.cond(r.range[0]))
            if (hit) this.rangeOn[i] = !this.bool(await this.cond(r.range[1]))
          } else {
            hit = true
            if (this.bool(await this.cond(r.range[1]))) this.rangeOn[i] = false
          }
        } else hit = r.pattern ? this.bool(await this.cond(r.pattern)) : true
        if (!hit) continue
        if (r.body) await this.block(r.body)
        else this.io.write(this.fields[0] + this.str(this.vars.get('ORS')!))
      }
    } catch (e) {
      if (e instanceof Next) return true
      if (e instanceof ExitProg) {
        this.exitCode = e.code
        return false
      }
      throw e
    }
    return true
  }
  async runEnd(): Promise<void> {
    try {
      for (const b of this.prog.end) await this.block(b)
    } catch (e) {
      if (e instanceof ExitProg) this.exitCode = e.code
      else throw e
    }
  }
  /** ARGV and ARGC: the program's name, then its operands (strings that may read as numbers). */
  setArgv(list: string[]): void {
    this.arrays.set('ARGV', new Map(list.map((v, i) => [String(i), new StrNum(v)])))
    this.vars.set('ARGC', list.length)
  }
  /** mawk's ways (printf's integers, format.ts; substr's start, builtins.ts), not busybox awk's (a busybox image's). */
  mawk = true

  /** Seconds since the epoch, lab time. */
  seconds(): number {
    return Math.floor((this.io.now?.() ?? 0) / 1000)
  }
  setFilename(name: string): void {
    this.vars.set('FILENAME', name)
    this.vars.set('FNR', 0)
  }
  rs(): string {
    return this.str(this.vars.get('RS')!)
  }

  /** A pattern: a bare regular expression matches $0. */
  async cond(e: Expr): Promise<Val> {
    return await this.eval(e)
  }

  async block(body: Stmt[]): Promise<void> {
    for (const s of body) await this.stmt(s)
  }

  async stmt(s: Stmt): Promise<void> {
    if (++this.steps % 10000 === 0) {
      this.io.check()
      if (this.steps > MAX_STEPS) throw new AwkRuntimeError(`stopped: the program ran more than ${MAX_STEPS} steps (the lab's limit)`)
    }
    switch (s.k) {
      case 'print': {
        const text = s.args.length === 0 ? this.fields[0] : (await this.evalAll(s.args)).map((v) => this.outStr(v)).join(this.str(this.vars.get('OFS')!))
        return await this.emit(text + this.str(this.vars.get('ORS')!), s.dest)
      }
      case 'printf': {
        if (s.args.length === 0) throw new AwkRuntimeError('printf: no format')
        const [f, ...rest] = await this.evalAll(s.args)
        let text: string
        try {
          text = this.format(this.str(f), rest)
        } catch (e) {
          if (!(e instanceof NotEnoughArgs)) throw e
          await this.emit(e.partial, s.dest)
          throw new AwkRuntimeError(`not enough arguments passed to printf("${this.str(f)}")`)
        }
        return await this.emit(text, s.dest)
      }
      case 'expr':
        await this.eval(s.e)
        return
      case 'if':
        if (this.bool(await this.eval(s.c))) await this.stmt(s.yes)
        else if (s.no) await this.stmt(s.no)
        return
      case 'while':
        while (this.bool(await this.eval(s.c))) if (await this.loopBody(s.body)) break
        return
      case 'do':
        do if (await this.loopBody(s.body)) break
        while (this.bool(await this.eval(s.c)))
        return
      case 'for':
        if (s.init) await this.eval(s.init)
        while (!s.c || this.bool(await this.eval(s.c))) {
          if (await this.loopBody(s.body)) break
          if (s.step) await this.eval(s.step)
        }
        return
      case 'forin': {
        for (const k of Array.from(this.array(s.arr).keys())) {
          this.setVar(s.v, new StrNum(k))
          if (await this.loopBody(s.body)) break
        }
        return
      }
      case 'block':
        return await this.block(s.body)
      case 'next':
      case 'nextfile':
        throw new Next()
      case 'break':
        throw new Brk()
      case 'continue':
        throw new Cont()
      case 'exit':
        throw new ExitProg(s.e ? Math.trunc(this.num(await this.eval(s.e))) & 255 : this.exitCode)
      case 'return':
        throw new Ret(s.e ? await this.eval(s.e) : '')
      case 'delete':
        if (s.subs) this.array(s.name).delete(await this.key(s.subs))
        else this.array(s.name).clear()
        return
    }
  }

  /** Run a loop body; true when it breaks. */
  async loopBody(body: Stmt): Promise<boolean> {
    try {
      await this.stmt(body)
    } catch (e) {
      if (e instanceof Brk) return true
      if (e instanceof Cont) return false
      throw e
    }
    return false
  }

  async emit(text: string, dest: { mode: string; e: Expr } | undefined): Promise<void> {
    if (!dest) return this.io.write(text)
    const target = this.str(await this.eval(dest.e))
    if (dest.mode === '|') throw new AwkRuntimeError(`cannot run "${target}": the lab's awk has no pipes to commands`)
    if (target === '/dev/stdout' || target === '-') return this.io.write(text)
    const append = dest.mode === '>>' || this.opened.has(target)
    this.opened.add(target)
    this.io.writeFile(target, text, append)
  }

  format(f: string, args: Val[]): string {
    return sprintf(f, args.map((v): Arg => ({ num: () => this.num(v), str: () => this.outStrForS(v) })), this.mawk)
  }
  outStrForS(v: Val): string {
    return this.str(v)
  }

  // ---- expressions ----
  async regexOf(e: Expr): Promise<ReturnType<typeof compileAwkRegex>> {
    return compileAwkRegex(e.k === 're' ? e.src : this.str(await this.eval(e)))
  }

  async lvalueSet(t: Expr, v: Val): Promise<Val> {
    if (t.k === 'var') this.setVar(t.name, v)
    else if (t.k === 'field') this.setField(Math.trunc(this.num(await this.eval(t.e))), this.str(v))
    else if (t.k === 'idx') this.array(t.name).set(await this.key(t.subs), v)
    return v
  }

  compare(op: string, a: Val, b: Val): boolean {
    let c: number
    if (this.looksNum(a) && this.looksNum(b)) c = this.num(a) - this.num(b)
    else {
      const x = this.str(a)
      const y = this.str(b)
      c = x < y ? -1 : x > y ? 1 : 0
    }
    return op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : op === '>=' ? c >= 0 : op === '==' ? c === 0 : c !== 0
  }

  arith(op: string, x: number, y: number): number {
    switch (op) {
      case '+': return x + y
      case '-': return x - y
      case '*': return x * y
      case '/':
        return x / y
      case '%':
        return x % y
      default: return x ** y
    }
  }

  async eval(e: Expr): Promise<Val> {
    switch (e.k) {
      case 'num': return e.v
      case 'str': return e.v
      case 're': return compileAwkRegex(e.src).test(this.fields[0]) ? 1 : 0
      case 'var': return this.getVar(e.name)
      case 'field': return this.getField(Math.trunc(this.num(await this.eval(e.e))))
      case 'idx': {
        const a = this.array(e.name)
        const k = await this.key(e.subs)
        if (!a.has(k)) a.set(k, new StrNum(''))
        return a.get(k)!
      }
      case 'assign': {
        const v = await this.eval(e.e)
        if (e.op === '=') return await this.lvalueSet(e.target, v instanceof StrNum || typeof v === 'string' ? v : v)
        return await this.lvalueSet(e.target, this.arith(e.op[0], this.num(await this.eval(e.target)), this.num(v)))
      }
      case 'cond': return this.bool(await this.eval(e.c)) ? await this.eval(e.a) : await this.eval(e.b)
      case 'or': return this.bool(await this.eval(e.a)) || this.bool(await this.eval(e.b)) ? 1 : 0
      case 'and': return this.bool(await this.eval(e.a)) && this.bool(await this.eval(e.b)) ? 1 : 0
      case 'in': return this.array(e.name).has(await this.key(e.subs)) ? 1 : 0
      case 'match': return (await this.regexOf(e.re)).test(this.str(await this.eval(e.e))) !== e.neg ? 1 : 0
      case 'bin': {
        if (e.op === ' ') return this.str(await this.eval(e.a)) + this.str(await this.eval(e.b))
        const a = await this.eval(e.a)
        const b = await this.eval(e.b)
        if (['<', '<=', '>', '>=', '==', '!='].includes(e.op)) return this.compare(e.op, a, b) ? 1 : 0
        return this.arith(e.op, this.num(a), this.num(b))
      }
      case 'un':
        if (e.op === '!') return this.bool(await this.eval(e.e)) ? 0 : 1
        return e.op === '-' ? -this.num(await this.eval(e.e)) : this.num(await this.eval(e.e))
      case 'incdec': {
        const old = this.num(await this.eval(e.target))
        const now = e.op === '++' ? old + 1 : old - 1
        await this.lvalueSet(e.target, now)
        return e.prefix ? now : old
      }
      case 'call': return e.builtin ? await awkBuiltin(this, e.name, e.args) : await this.call(e.name, e.args)
      case 'getline': return this.streams.getline(e)
    }
  }

  async call(name: string, args: Expr[]): Promise<Val> {
    const f: Func | undefined = this.prog.funcs.get(name)
    if (!f) throw new AwkRuntimeError(`function ${name} never defined`)
    if (this.frames.length > 1000) throw new AwkRuntimeError('function call nesting too deep')
    const locals = new Map<string, Val | Map<string, Val>>()
    for (const [i, p] of f.params.entries()) {
      const a = args[i]
      const unsetName = a?.k === 'var' && !this.vars.has(a.name) && !this.local(a.name)
      if (!a) locals.set(p, new StrNum(''))
      else if (a.k === 'var' && (this.arrays.has(a.name) || this.local(a.name)?.get(a.name) instanceof Map || unsetName)) locals.set(p, this.array(a.name))
      else locals.set(p, await this.eval(a))
    }
    this.frames.push({ locals })
    try {
      await this.block(f.body)
      return ''
    } catch (e) {
      if (e instanceof Ret) return e.v
      throw e
    } finally {
      this.frames.pop()
    }
  }
}
