// Bash arithmetic (expr.c) in 64-bit signed integers that wrap as bash's intmax_t does:
// numbers in bases 8, 10, 16 and BASE#DIGITS, variables (whose values are evaluated in turn),
// assignments (= += -= ...), ++/--, unary and binary operators, ?: and the comma. Errors come
// back as bash's message text, quoting the expression and the text from the offending token on.
// An array element (`a[i]`, `a[i]+=2`) is a variable too; a subscript out of range is reported
// through `warn` and reads as 0, as bash does.

import type { ShellEnv } from './types'
import { assocToVariable, elementsOf, firstToVariable, resolveIndex, writableArray, writableAssoc } from './arrays'

const BINARY: Record<string, number> = {
  '||': 1, '&&': 2, '|': 3, '^': 4, '&': 5, '==': 6, '!=': 6,
  '<': 7, '>': 7, '<=': 7, '>=': 7, '<<': 8, '>>': 8, '+': 9, '-': 9, '*': 10, '/': 10, '%': 10,
}
const ASSIGN = new Set(['=', '*=', '/=', '%=', '+=', '-=', '<<=', '>>=', '&=', '^=', '|='])
const TOKEN = /[0-9][0-9A-Za-z_@#]*|[A-Za-z_][A-Za-z0-9_]*|<<=|>>=|\*\*|\+\+|--|<<|>>|<=|>=|==|!=|&&|\|\||[*/%+\-&^|]=|[-+*/%()<>!~&|^=?:,]|./g
const MAX_RECURSION = 1024

const wrap = (v: bigint) => BigInt.asIntN(64, v)

class ArithError {
  constructor(readonly message: string) {}
}

interface Tok {
  text: string
  index: number
}

/** A variable or one element of an array (`index` is the subscript's value). */
interface Ref {
  name: string
  index?: bigint
  /** The subscript as written, for messages. */
  subscript?: string
}

/**
 * Evaluate; returns the value or an error message (without the `bash: ` prefix). `warn` gets the
 * messages of errors that do not stop the evaluation (a bad array subscript), also without it.
 */
export function evalArithmetic(expr: string, env: ShellEnv, warn: (message: string) => void = () => {}): bigint | string {
  try {
    return evaluate(expr, env, 0, warn)
  } catch (e) {
    if (e instanceof ArithError) return e.message
    return `${expr.trim()}: expression recursion level exceeded (error token is "${expr.trim()}")`
  }
}

function evaluate(expr: string, env: ShellEnv, depth: number, warn: (message: string) => void): bigint {
  if (depth > MAX_RECURSION) throw new ArithError(`${expr}: expression recursion level exceeded (error token is "${expr}")`)
  const toks: Tok[] = []
  TOKEN.lastIndex = 0
  for (let m = TOKEN.exec(expr); m; m = TOKEN.exec(expr)) if (!/^\s$/.test(m[0])) toks.push({ text: m[0], index: m.index })
  let i = 0
  let noeval = 0
  const peek = () => toks[i]?.text
  const fail = (msg: string): never => {
    // bash quotes the text from the current token on (the last one read when at the end).
    const at = toks[i] ?? toks[toks.length - 1]
    const rest = at ? expr.slice(at.index) : ''
    throw new ArithError(`${expr.replace(/^\s+/, '')}: ${msg} (error token is "${rest}")`)
  }
  /** NAME, or NAME[SUBSCRIPT] when a `[` follows the name at once (the name's token just read). */
  const reference = (name: string): Ref => {
    const open = toks[i]
    if (open?.text !== '[' || open.index !== toks[i - 1]!.index + name.length) return { name }
    let nest = 0
    let close = -1
    for (let k = open.index; k < expr.length && close < 0; k++) {
      if (expr[k] === '[') nest++
      else if (expr[k] === ']' && --nest === 0) close = k
    }
    if (close < 0) {
      const from = expr.slice(toks[i - 1]!.index)
      throw new ArithError(`${expr.replace(/^\s+/, '')}: bad array subscript (error token is "${from}")`)
    }
    const subscript = expr.slice(open.index + 1, close)
    while (i < toks.length && toks[i]!.index <= close) i++
    // (an empty subscript is bash's bad subscript, reported where the element is used)
    // (an associative array's subscript is its key, not arithmetic)
    const index = env.assoc(name) ? 0n : subscript.trim() === '' ? -(2n ** 63n) : evaluate(subscript, env, depth + 1, warn)
    return { name, index, subscript }
  }
  /** Where the element is (undefined: a bad subscript); reading a plain variable has no negative subscripts. */
  const element = (ref: Ref, reading: boolean) => {
    const els = elementsOf(env, ref.name)
    return { els, at: ref.index === undefined ? undefined : resolveIndex(els, ref.index, reading && !env.array(ref.name)) }
  }
  const variable = (ref: Ref): bigint => {
    let raw: string
    const assoc = ref.subscript !== undefined ? env.assoc(ref.name) : undefined
    if (assoc) raw = assoc.get(ref.subscript!.trim()) ?? ''
    else if (ref.index === undefined) raw = env.get(ref.name) ?? ''
    else {
      const { els, at } = element(ref, true)
      if (at === undefined) {
        const empty = ref.subscript?.trim() === ''
        // (bash reports an empty subscript twice)
        for (let n = empty ? 2 : 1; n > 0; n--) warn(`${empty ? `${ref.name}[]` : ref.name}: bad array subscript`)
        return 0n
      }
      raw = els.get(at) ?? ''
    }
    raw = raw.trim()
    if (raw === '') return 0n
    return evaluate(raw, env, depth + 1, warn)
  }
  const number = (t: string): bigint => {
    // a bad constant: bash shows the expression up to it, and the constant as the error token
    const fail = (msg: string): never => {
      const end = (toks[i]?.index ?? 0) + t.length
      throw new ArithError(`${expr.slice(0, end).replace(/^\s+/, '')}: ${msg} (error token is "${t}")`)
    }
    let base = 10
    let digits = t
    const hash = t.indexOf('#')
    if (hash >= 0) {
      base = Number(t.slice(0, hash))
      digits = t.slice(hash + 1)
      if (!/^[0-9]+$/.test(t.slice(0, hash)) || base < 2 || base > 64) fail('invalid arithmetic base')
      if (digits === '') fail('invalid integer constant')
    } else if (/^0[xX]/.test(t)) {
      base = 16
      digits = t.slice(2)
    } else if (t.startsWith('0')) base = 8
    let v = 0n
    for (const ch of digits) {
      let d: number
      if (/[0-9]/.test(ch)) d = ch.charCodeAt(0) - 48
      else if (/[a-z]/.test(ch)) d = ch.charCodeAt(0) - 87
      else if (/[A-Z]/.test(ch)) d = ch.charCodeAt(0) - (base <= 36 ? 55 : 29)
      else if (ch === '@') d = 62
      else if (ch === '_') d = 63
      else d = 99
      if (d >= base) fail('value too great for base')
      v = wrap(v * BigInt(base) + BigInt(d))
    }
    return v
  }
  const assign = (ref: Ref, v: bigint): bigint => {
    if (noeval !== 0) return v
    if (ref.index === undefined) {
      env.set(ref.name, String(v))
      return v
    }
    if (env.assoc(ref.name)) {
      // (an associative array's key is the subscript's text)
      const m = writableAssoc(env, ref.name)
      const key = ref.subscript!.trim()
      m.set(key, String(v))
      if (key === '0') assocToVariable(env, ref.name, m)
      return v
    }
    const { at } = element(ref, false)
    if (at === undefined) {
      warn(ref.subscript?.trim() === '' ? `\`${ref.name}[]': not a valid identifier` : `${ref.name}[${ref.subscript}]: bad array subscript`)
      return v
    }
    const els = writableArray(env, ref.name)
    els.set(at, String(v))
    if (at === 0) firstToVariable(env, ref.name, els)
    return v
  }
  const primary = (): bigint => {
    const t = peek()
    if (t === undefined) return fail('syntax error: operand expected')
    if (t === '(') {
      i++
      const v = comma()
      if (peek() !== ')') fail("missing `)'")
      i++
      return v
    }
    if (t === '++' || t === '--') {
      i++
      const name = peek()
      if (name === undefined || !/^[A-Za-z_]/.test(name)) return fail('syntax error: operand expected')
      i++
      const ref = reference(name)
      return assign(ref, wrap(variable(ref) + (t === '++' ? 1n : -1n)))
    }
    if (t === '-' || t === '+' || t === '!' || t === '~') {
      i++
      const v = primary()
      return t === '-' ? wrap(-v) : t === '+' ? v : t === '!' ? BigInt(v === 0n) : wrap(~v)
    }
    if (/^[0-9]/.test(t)) {
      const v = number(t)
      i++
      return v
    }
    if (/^[A-Za-z_]/.test(t)) {
      i++
      const ref = reference(t)
      const next = peek()
      if (next !== undefined && ASSIGN.has(next)) {
        i++
        const right = assignment()
        if (next === '=') return assign(ref, right)
        return assign(ref, apply(next.slice(0, -1), variable(ref), right))
      }
      if (next === '++' || next === '--') {
        i++
        const old = variable(ref)
        assign(ref, wrap(old + (next === '++' ? 1n : -1n)))
        return old
      }
      return variable(ref)
    }
    return fail('syntax error: operand expected')
  }
  const power = (): bigint => {
    const base = primary()
    if (peek() !== '**') return base
    i++
    const exp = power()
    if (exp < 0n) return noeval ? 1n : fail('exponent less than 0')
    let r = 1n
    let b = base
    let e = exp
    while (e > 0n) {
      if (e & 1n) r = wrap(r * b)
      b = wrap(b * b)
      e >>= 1n
    }
    return r
  }
  const binary = (minPrec: number): bigint => {
    let left = power()
    for (;;) {
      const op = peek()
      const prec = op === undefined ? undefined : BINARY[op]
      if (prec === undefined || prec < minPrec) return left
      i++
      if (op === '&&' || op === '||') {
        const skip = op === '&&' ? left === 0n : left !== 0n
        if (skip) noeval++
        const right = binary(prec + 1)
        if (skip) noeval--
        left = BigInt(op === '&&' ? left !== 0n && right !== 0n : left !== 0n || right !== 0n)
        continue
      }
      const rightAt = toks[i]?.index
      left = apply(op!, left, binary(prec + 1), rightAt)
    }
  }
  const apply = (op: string, a: bigint, b: bigint, rightAt?: number): bigint => {
    switch (op) {
      case '+': return wrap(a + b)
      case '-': return wrap(a - b)
      case '*': return wrap(a * b)
      case '/':
      case '%':
        if (b === 0n) {
          if (noeval) return 0n
          // bash quotes the text from the divisor on.
          const rest = rightAt === undefined ? '' : expr.slice(rightAt)
          throw new ArithError(`${expr.replace(/^\s+/, '')}: division by 0 (error token is "${rest}")`)
        }
        if (b === -1n) return op === '/' ? wrap(-a) : 0n
        return op === '/' ? a / b : a % b
      case '<': return BigInt(a < b)
      case '>': return BigInt(a > b)
      case '<=': return BigInt(a <= b)
      case '>=': return BigInt(a >= b)
      case '==': return BigInt(a === b)
      case '!=': return BigInt(a !== b)
      case '&': return a & b
      case '|': return a | b
      case '^': return a ^ b
      case '<<': return wrap(a << (b & 63n))
      case '>>': return a >> (b & 63n)
    }
    return 0n
  }
  const ternary = (): bigint => {
    const cond = binary(1)
    if (peek() !== '?') return cond
    i++
    if (cond === 0n) noeval++
    const a = assignment()
    if (cond === 0n) noeval--
    if (peek() !== ':') fail("`:' expected for conditional expression")
    i++
    if (cond !== 0n) noeval++
    const b = ternary()
    if (cond !== 0n) noeval--
    return cond !== 0n ? a : b
  }
  const assignment = (): bigint => {
    const t = peek()
    const next = toks[i + 1]?.text
    if (t !== undefined && next !== undefined && ASSIGN.has(next) && !/^[A-Za-z_]/.test(t)) {
      i++
      fail('attempted assignment to non-variable')
    }
    return ternary()
  }
  const comma = (): bigint => {
    let v = assignment()
    while (peek() === ',') {
      i++
      v = assignment()
    }
    return v
  }
  if (toks.length === 0) return 0n
  const v = comma()
  // (a character that is no operator at all is bash's invalid operator)
  if (i < toks.length) fail(/^[^-+*/%()<>!~&|^=?:,\w]$/.test(toks[i]!.text) ? 'syntax error: invalid arithmetic operator' : 'syntax error in expression')
  return v
}

/** `NAME` or `NAME[SUBSCRIPT]`, as `printf -v` and `read` take a name. */
export const VARIABLE_OR_ELEMENT = /^([A-Za-z_][A-Za-z0-9_]*)(?:\[([\s\S]+)\])?$/

/**
 * Give VALUE to a variable or to one element (`a[i+1]`, `a[-1]`, `m[some key]`) as `printf -v` and
 * `read` do; TARGET matches VARIABLE_OR_ELEMENT. The message (without `bash: `) when the subscript is bad.
 */
export function assignVariableOrElement(env: ShellEnv, target: string, value: string): string | undefined {
  const [, name, sub] = VARIABLE_OR_ELEMENT.exec(target) ?? []
  if (name === undefined) return `\`${target}': not a valid identifier`
  if (sub === undefined) {
    env.set(name, value)
    return undefined
  }
  if (env.assoc(name)) {
    const m = writableAssoc(env, name)
    m.set(sub, value)
    if (sub === '0') assocToVariable(env, name, m)
    return undefined
  }
  if (sub === '@' || sub === '*') return `${target}: bad array subscript`
  const r = evalArithmetic(sub, env)
  if (typeof r === 'string') return r
  const index = resolveIndex(elementsOf(env, name), r)
  if (index === undefined) return `${target}: bad array subscript`
  const els = writableArray(env, name)
  els.set(index, value)
  if (index === 0) firstToVariable(env, name, els)
  return undefined
}
