// The jq 1.6 evaluator (src/execute.c semantics): every filter is a generator of outputs; paths are
// tracked alongside values when a path expression is needed (path(), |=, del, paths), and a
// non-path value used as one fails as jq does ("Invalid path expression with result ...").

import type { Node, Pattern } from './parser'
import { arith, delpaths, getpath, index, setpath } from './data'
import { JqError, errRepr, isObj, truthy, typeOf, type JObj, type V } from './values'

export { arith, delpaths, getpath, index, setpath, sliceBounds, splitStr } from './data'

/** A path being tracked (array of keys), null when not tracking, undefined when lost. */
export type P = V[] | null | undefined
export type Out = [V, P]

export type FnDef =
  | { kind: 'def'; params: string[]; body: Node; scope: Scope }
  | { kind: 'closure'; node: Node; scope: Scope }
  | { kind: 'value'; value: V }

export interface Scope {
  varName?: string
  varValue?: V
  fnKey?: string
  fn?: FnDef
  label?: string
  labelId?: object
  parent: Scope | null
}

export interface NativeCtx {
  ev(n: Node, input: V, p: P, scope: Scope): Generator<Out>
  args: Node[]
  scope: Scope
}
export type Native = (input: V, p: P, c: NativeCtx) => Generator<Out>

export class BreakSignal {
  constructor(public id: object) {}
}

export class Evaluator {
  constructor(private natives: Map<string, Native>) {}

  *ev(n: Node, input: V, p: P, s: Scope): Generator<Out> {
    const np: P = p === null ? null : undefined
    switch (n.k) {
      case 'identity':
        yield [input, p]
        return
      case 'literal':
        yield [n.v, np]
        return
      case 'var': {
        if (n.name === '__loc__') {
          yield [new Map<string, V>([['file', '<stdin>'], ['line', 1]]), np]
          return
        }
        let sc: Scope | null = s
        while (sc && sc.varName !== n.name) sc = sc.parent
        if (!sc) throw new JqError(`$${n.name} is not defined`)
        yield [sc.varValue!, np]
        return
      }
      case 'index':
        for (const [k] of this.ev(n.index, input, null, s)) {
          for (const [t, tp] of this.ev(n.target, input, p, s)) {
            if (tp === undefined) throw new JqError(`Invalid path expression with result ${errRepr(t)}`)
            yield [index(t, k), tp === null ? null : [...tp, k]]
          }
        }
        return
      case 'slice':
        for (const [to] of n.to ? this.ev(n.to, input, null, s) : [[null, null] as Out]) {
          for (const [from] of n.from ? this.ev(n.from, input, null, s) : [[null, null] as Out]) {
            for (const [t, tp] of this.ev(n.target, input, p, s)) {
              if (tp === undefined) throw new JqError(`Invalid path expression with result ${errRepr(t)}`)
              const key: V = new Map<string, V>([['start', from], ['end', to]])
              yield [index(t, key), tp === null ? null : [...tp, key]]
            }
          }
        }
        return
      case 'iterate':
        for (const [t, tp] of this.ev(n.target, input, p, s)) {
          if (tp === undefined) throw new JqError(`Invalid path expression with result ${errRepr(t)}`)
          if (Array.isArray(t)) for (let i = 0; i < t.length; i++) yield [t[i], tp === null ? null : [...tp, i]]
          else if (isObj(t)) for (const [k, v] of t) yield [v, tp === null ? null : [...tp, k]]
          else throw new JqError(`Cannot iterate over ${typeOf(t)} (${errRepr(t)})`)
        }
        return
      case 'pipe':
        for (const [v, vp] of this.ev(n.left, input, p, s)) yield* this.ev(n.right, v, vp, s)
        return
      case 'comma':
        yield* this.ev(n.left, input, p, s)
        yield* this.ev(n.right, input, p, s)
        return
      case 'neg':
        for (const [v] of this.ev(n.body, input, null, s)) {
          if (typeof v !== 'number') throw new JqError(`${typeOf(v)} (${errRepr(v)}) cannot be negated`)
          yield [-v, np]
        }
        return
      case 'array': {
        const arr: V[] = []
        if (n.body) for (const [v] of this.ev(n.body, input, null, s)) arr.push(v)
        yield [arr, np]
        return
      }
      case 'object':
        for (const o of this.objectEntries(n.entries, 0, input, s, new Map())) yield [o, np]
        return
      case 'string':
        for (const str of this.interpolate(n.parts, 0, input, s, n.format ?? 'text')) yield [str, np]
        return
      case 'format':
        yield [applyFormat(n.name, input), np]
        return
      case 'if':
        for (const [c] of this.ev(n.cond, input, null, s)) yield* this.ev(truthy(c) ? n.thenB : n.elseB, input, p, s)
        return
      case 'try':
        yield* this.tryEval(n.body, n.catch, input, p, s)
        return
      case 'binop':
        yield* this.binop(n, input, p, s)
        return
      case 'as':
        for (const [v] of this.ev(n.source, input, null, s)) {
          for (const sc of this.bind(n.pats[0], v, s)) yield* this.ev(n.body, input, p, sc)
        }
        return
      case 'reduce': {
        let accs: Out[] = [...this.ev(n.init, input, null, s)]
        for (const [v] of this.ev(n.source, input, null, s)) {
          for (const sc of this.bind(n.pat, v, s)) {
            const nextAccs: Out[] = []
            for (const [acc] of accs) {
              const outs = [...this.ev(n.update, acc, null, sc)]
              if (outs.length) nextAccs.push(outs[outs.length - 1])
            }
            accs = nextAccs
          }
        }
        for (const [a] of accs) yield [a, np]
        return
      }
      case 'foreach':
        for (const [init] of this.ev(n.init, input, null, s)) {
          let acc = init
          for (const [v] of this.ev(n.source, input, null, s)) {
            for (const sc of this.bind(n.pat, v, s)) {
              for (const [a] of this.ev(n.update, acc, null, sc)) {
                acc = a
                if (n.extract) for (const [x] of this.ev(n.extract, a, null, sc)) yield [x, np]
                else yield [a, np]
              }
            }
          }
        }
        return
      case 'def': {
        const def: FnDef = { kind: 'def', params: n.params, body: n.body, scope: s }
        const sc: Scope = { fnKey: `${n.name}/${n.params.length}`, fn: def, parent: s }
        def.scope = sc
        yield* this.ev(n.rest, input, p, sc)
        return
      }
      case 'label': {
        const id = {}
        try {
          yield* this.ev(n.body, input, p, { label: n.name, labelId: id, parent: s })
        } catch (e) {
          if (e instanceof BreakSignal && e.id === id) return
          throw e
        }
        return
      }
      case 'break': {
        let sc: Scope | null = s
        while (sc && sc.label !== n.name) sc = sc.parent
        if (!sc) throw new JqError('$*label-' + n.name + ' is not defined')
        throw new BreakSignal(sc.labelId!)
      }
      case 'call':
        yield* this.call(n.name, n.args, input, p, s)
        return
    }
  }

  private *tryEval(body: Node, handler: Node | null, input: V, p: P, s: Scope): Generator<Out> {
    const it = this.ev(body, input, p, s)
    for (;;) {
      let r: IteratorResult<Out>
      try {
        r = it.next()
      } catch (e) {
        if (!(e instanceof JqError)) throw e
        if (handler) yield* this.ev(handler, e.value, null, s)
        return
      }
      if (r.done) return
      yield r.value
    }
  }

  private *binop(n: Extract<Node, { k: 'binop' }>, input: V, p: P, s: Scope): Generator<Out> {
    const np: P = p === null ? null : undefined
    const op = n.op
    if (op === 'and' || op === 'or') {
      for (const [a] of this.ev(n.left, input, null, s)) {
        if (op === 'and' ? !truthy(a) : truthy(a)) {
          yield [op === 'or', np]
          continue
        }
        for (const [b] of this.ev(n.right, input, null, s)) yield [truthy(b), np]
      }
      return
    }
    if (op === '//') {
      let any = false
      try {
        for (const [v, vp] of this.ev(n.left, input, p, s)) {
          if (truthy(v)) {
            any = true
            yield [v, vp]
          }
        }
      } catch (e) {
        if (!(e instanceof JqError)) throw e
      }
      if (!any) yield* this.ev(n.right, input, p, s)
      return
    }
    if (op.endsWith('=') && !['==', '!=', '<=', '>='].includes(op)) {
      yield* this.assign(op, n.left, n.right, input, s)
      return
    }
    for (const [b] of this.ev(n.right, input, null, s)) {
      for (const [a] of this.ev(n.left, input, null, s)) yield [arith(op, a, b), np]
    }
  }

  /** `=`, `|=` and the arithmetic updates, over the paths of the left-hand side. */
  private *assign(op: string, lhs: Node, rhs: Node, input: V, s: Scope): Generator<Out> {
    const paths = () => [...this.ev(lhs, input, [], s)].map(([v, pp]) => {
      if (pp === undefined || pp === null) throw new JqError(`Invalid path expression with result ${errRepr(v)}`)
      return pp
    })
    if (op === '|=') {
      let out = input
      for (const path of paths()) {
        const first = this.ev(rhs, getpath(out, path), null, s).next()
        out = first.done ? delpaths(out, [path]) : setpath(out, path, first.value[0])
      }
      yield [out, null]
      return
    }
    for (const [v] of this.ev(rhs, input, null, s)) {
      let out = input
      for (const path of paths()) {
        const cur = getpath(out, path)
        let nv: V
        if (op === '=') nv = v
        else if (op === '//=') nv = truthy(cur) ? cur : v
        else nv = arith(op.slice(0, -1), cur, v)
        out = setpath(out, path, nv)
      }
      yield [out, null]
    }
  }

  private *objectEntries(entries: { key: Node; value: Node }[], i: number, input: V, s: Scope, acc: JObj): Generator<JObj> {
    if (i === entries.length) {
      yield new Map(acc)
      return
    }
    for (const [k] of this.ev(entries[i].key, input, null, s)) {
      if (typeof k !== 'string') throw new JqError(`Object keys must be strings`)
      for (const [v] of this.ev(entries[i].value, input, null, s)) {
        const next = new Map(acc)
        next.set(k, v)
        yield* this.objectEntries(entries, i + 1, input, s, next)
      }
    }
  }

  private *interpolate(parts: (string | Node)[], i: number, input: V, s: Scope, format: string): Generator<string> {
    if (i === parts.length) {
      yield ''
      return
    }
    const part = parts[i]
    if (typeof part === 'string') {
      for (const rest of this.interpolate(parts, i + 1, input, s, format)) yield part + rest
      return
    }
    for (const [v] of this.ev(part, input, null, s)) {
      const text = applyFormat(format, v) as string
      for (const rest of this.interpolate(parts, i + 1, input, s, format)) yield text + rest
    }
  }

  *bind(pat: Pattern, v: V, s: Scope): Generator<Scope> {
    if (pat.k === 'var') {
      yield { varName: pat.name, varValue: v, parent: s }
      return
    }
    if (pat.k === 'array') {
      if (v !== null && !Array.isArray(v)) throw new JqError(`Cannot index ${typeOf(v)} with number`)
      let scopes: Scope[] = [s]
      pat.items.forEach((item, i) => {
        scopes = scopes.flatMap((sc) => [...this.bind(item, index(v, i), sc)])
      })
      yield* scopes
      return
    }
    let scopes: Scope[] = [s]
    for (const { key, pat: sub } of pat.entries) {
      const next: Scope[] = []
      for (const sc of scopes) {
        for (const [k] of this.ev(key, v, null, sc)) {
          next.push(...this.bind(sub, index(v, k), sc))
        }
      }
      scopes = next
    }
    yield* scopes
  }

  *call(name: string, args: Node[], input: V, p: P, s: Scope): Generator<Out> {
    const key = `${name}/${args.length}`
    let sc: Scope | null = s
    while (sc && sc.fnKey !== key) sc = sc.parent
    if (sc) {
      const fn = sc.fn!
      if (fn.kind === 'closure') {
        yield* this.ev(fn.node, input, p, fn.scope)
        return
      }
      if (fn.kind === 'value') {
        yield [fn.value, p === null ? null : undefined]
        return
      }
      yield* this.callDef(fn, args, 0, fn.scope, input, p, s)
      return
    }
    const native = this.natives.get(key)
    if (!native) throw new JqError(`${key} is not defined`)
    yield* native(input, p, { ev: (n, i, pp, scope) => this.ev(n, i, pp, scope), args, scope: s })
  }

  private *callDef(fn: Extract<FnDef, { kind: 'def' }>, args: Node[], i: number, scope: Scope, input: V, p: P, caller: Scope): Generator<Out> {
    if (i === fn.params.length) {
      yield* this.ev(fn.body, input, p, scope)
      return
    }
    const param = fn.params[i]
    if (param.startsWith('$')) {
      const name = param.slice(1)
      for (const [v] of this.ev(args[i], input, null, caller)) {
        const sc: Scope = { varName: name, varValue: v, parent: { fnKey: `${name}/0`, fn: { kind: 'value', value: v }, parent: scope } }
        yield* this.callDef(fn, args, i + 1, sc, input, p, caller)
      }
      return
    }
    const sc: Scope = { fnKey: `${param}/0`, fn: { kind: 'closure', node: args[i], scope: caller }, parent: scope }
    yield* this.callDef(fn, args, i + 1, sc, input, p, caller)
  }
}

/** Set by the builtins module (formats live there with the other string functions). */
export let applyFormat: (name: string, v: V) => V = () => null
export function setFormatter(f: (name: string, v: V) => V): void {
  applyFormat = f
}
