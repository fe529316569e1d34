// A small evaluator for bash arithmetic `$(( ))` (expr.c): integers, variables, + - * / % **,
// comparisons, ! ~ && || and parentheses. Errors come back as bash's message text.

import type { ShellEnv } from './types'

const BINARY: Record<string, number> = {
  '||': 1, '&&': 2, '|': 3, '^': 4, '&': 5, '==': 6, '!=': 6,
  '<': 7, '>': 7, '<=': 7, '>=': 7, '<<': 8, '>>': 8, '+': 9, '-': 9, '*': 10, '/': 10, '%': 10, '**': 11,
}

/** Evaluate; returns the number or an error message (without the `bash: ` prefix). */
export function evalArithmetic(expr: string, env: ShellEnv): number | string {
  const re = /\s+|[0-9]+|[A-Za-z_][A-Za-z0-9_]*|\*\*|<<|>>|<=|>=|==|!=|&&|\|\||[-+*/%()<>!~&|^]|./g
  const found = [...expr.matchAll(re)].filter((m) => !/^\s+$/.test(m[0]))
  const toks = found.map((m) => m[0])
  let i = 0
  const fail = (msg: string): never => {
    // bash quotes the expression without its leading blanks, and the text from the bad token on.
    const rest = i < found.length ? expr.slice(found[i].index) : ''
    throw new ArithError(`${expr.replace(/^\s+/, '')}: ${msg} (error token is "${rest}")`)
  }
  const primary = (): number => {
    const t = toks[i]
    if (t === undefined) return fail('syntax error: operand expected')
    if (t === '(') {
      i++
      const v = binary(0)
      if (toks[i] !== ')') fail("missing `)'")
      i++
      return v
    }
    if (t === '-' || t === '+' || t === '!' || t === '~') {
      i++
      const v = primary()
      return t === '-' ? -v : t === '+' ? v : t === '!' ? Number(v === 0) : ~v
    }
    if (/^[0-9]+$/.test(t)) {
      i++
      return Number(t)
    }
    if (/^[A-Za-z_]/.test(t)) {
      i++
      const raw = (env.get(t) ?? '').trim()
      if (raw === '') return 0
      return /^-?[0-9]+$/.test(raw) ? Number(raw) : fail('syntax error: operand expected')
    }
    return fail('syntax error: operand expected')
  }
  const binary = (minPrec: number): number => {
    let left = primary()
    for (;;) {
      const op = toks[i]
      const prec = op === undefined ? undefined : BINARY[op]
      if (prec === undefined || prec < minPrec) return left
      i++
      const right = binary(op === '**' ? prec : prec + 1)
      left = apply(op, left, right)
    }
  }
  const apply = (op: string, a: number, b: number): number => {
    switch (op) {
      case '+': return a + b
      case '-': return a - b
      case '*': return a * b
      case '/':
      case '%':
        if (b === 0) {
          i--
          return fail('division by 0')
        }
        return op === '/' ? Math.trunc(a / b) : a % b
      case '**': return a ** b
      case '<': return Number(a < b)
      case '>': return Number(a > b)
      case '<=': return Number(a <= b)
      case '>=': return Number(a >= b)
      case '==': return Number(a === b)
      case '!=': return Number(a !== b)
      case '&&': return Number(a !== 0 && b !== 0)
      case '||': return Number(a !== 0 || b !== 0)
      case '&': return a & b
      case '|': return a | b
      case '^': return a ^ b
      case '<<': return a << b
      case '>>': return a >> b
    }
    return 0
  }
  try {
    if (toks.length === 0) return 0
    const v = binary(0)
    if (i < toks.length) fail('syntax error in expression')
    return v
  } catch (e) {
    if (e instanceof ArithError) return e.message
    return `${expr.trim()}: expression recursion level exceeded`
  }
}

class ArithError {
  constructor(readonly message: string) {}
}
