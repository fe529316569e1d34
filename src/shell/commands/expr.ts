// expr: evaluate an expression given as arguments, print its value, and exit 1 when that value is
// null or zero. GNU's (the workstation's and a Debian image's) and busybox's (a busybox-based
// image's) share the grammar and differ in their numbers, their null values, their laziness and
// their words.
// Imitates: coreutils 9.1 src/expr.c (integers of any size; `|` and `&` leave the side they do not
// need unevaluated; a string is null when it is empty or all zeros with an optional minus; errors
// exit 2 with their own words) and busybox 1.36.1 coreutils/expr.c (64-bit integers read by
// strtoll, so ` 1` and `+1` are numbers and too large ones saturate; both sides always evaluated;
// only "" and "0" are null; every syntax error is `syntax error`; `quote` where GNU has `+`).

import type { CommandContext, CommandSpec } from '../types'
import { compileMatcher } from './matcher'
import { translate } from './regex'
import { coreutilsFooter, coreutilsVersion } from './util'
import { COREUTILS_AUTHORS } from './coreutilsVersion'

type Dialect = 'gnu' | 'busybox'
type Value = { int: bigint } | { str: string }

class ExprError extends Error {}

const INT = /^-?\d+$/
const MAX = 2n ** 63n - 1n
const MIN = -(2n ** 63n)

const HELP = `Usage: expr EXPRESSION
  or:  expr OPTION

      --help        display this help and exit
      --version     output version information and exit

Print the value of EXPRESSION, given as separate arguments, on standard output. From the
loosest binding to the tightest:

  ARG1 | ARG2       ARG1 when it is neither null nor 0, else ARG2
  ARG1 & ARG2       ARG1 when neither argument is null or 0, else 0
  ARG1 < ARG2 (also <=, =, ==, !=, >=, >)
                    1 when the comparison holds, else 0: as numbers when both are
                    integers, else as strings
  ARG1 + ARG2, ARG1 - ARG2
  ARG1 * ARG2, ARG1 / ARG2, ARG1 % ARG2
                    integer arithmetic
  STRING : REGEXP   a match anchored at the start of STRING (a basic regular
                    expression): what \\( \\) captured, or else how many characters matched
  match STRING REGEXP, substr STRING POS LENGTH, index STRING CHARS, length STRING
  + TOKEN           TOKEN as a string, even when it is a keyword or an operator
  ( EXPRESSION )    grouping

Operators such as * < > | & ( ) must be quoted or escaped for the shell. The exit status is 0
when the value is neither null nor 0, 1 when it is, 2 for an invalid expression.
${coreutilsFooter('expr')}`

/** Whether `s` reads as an integer: GNU's looks_like_integer; busybox's strtoll over the whole string. */
function integerOf(s: string, dialect: Dialect): bigint | undefined {
  if (dialect === 'gnu') return INT.test(s) ? BigInt(s) : undefined
  const m = /^[ \t\n\v\f\r]*([+-]?\d+)$/.exec(s)
  if (!m) return undefined
  const n = BigInt(m[1])
  return n > MAX ? MAX : n < MIN ? MIN : n
}

const text = (v: Value) => ('str' in v ? v.str : String(v.int))

function isNull(v: Value, dialect: Dialect): boolean {
  if ('int' in v) return v.int === 0n
  return dialect === 'gnu' ? /^-?0*$/.test(v.str) && (v.str === '' || /0/.test(v.str)) : v.str === '' || v.str === '0'
}

/** The expression's value, or its complaint (ExprError); reads `args` left to right. */
async function evaluate(args: string[], dialect: Dialect, warn: (s: string) => void): Promise<Value> {
  let i = 0
  const gnu = dialect === 'gnu'
  const q = (s: string) => `'${s}'`
  const syntax = (gnuWords: string) => new ExprError(gnu ? `syntax error: ${gnuWords}` : 'syntax error')
  const next = (s: string) => (args[i] === s ? (i++, true) : false)
  const more = () => {
    if (i >= args.length) throw syntax(`missing argument after ${q(args[i - 1])}`)
  }
  const wrap = (n: bigint) => (gnu ? n : BigInt.asIntN(64, n))
  const arith = (l: Value, r: Value, op: string, run: boolean): Value => {
    if (!run) return { int: 0n }
    const a = 'int' in l ? l.int : integerOf(l.str, dialect)
    const b = 'int' in r ? r.int : integerOf(r.str, dialect)
    if (a === undefined || b === undefined) throw new ExprError(gnu ? 'non-integer argument' : 'non-numeric argument')
    if ((op === '/' || op === '%') && b === 0n) throw new ExprError('division by zero')
    return { int: wrap(op === '+' ? a + b : op === '-' ? a - b : op === '*' ? a * b : op === '/' ? a / b : a % b) }
  }
  const colon = async (s: Value, p: Value, run: boolean): Promise<Value> => {
    if (!run) return { int: 0n }
    const pattern = text(p)
    if (!gnu && pattern.startsWith('^')) warn(`expr: warning: '${pattern}': using '^' as the first character\nof a basic regular expression is not portable; it is ignored\n`)
    const t = translate(pattern, false)
    if (!t.ok) throw new ExprError(gnu ? t.message : `bad regex '${pattern}': ${t.message}`)
    const groups = (t.source.replace(/\\./g, '').match(/\((?!\?)/g) ?? []).length
    const m = await compileMatcher(`^(?:${t.source})`, false)
    const found = m.groups?.(text(s))
    if (!found) return groups > 0 ? { str: '' } : { int: 0n }
    return groups > 0 ? { str: found[1] ?? '' } : { int: BigInt(found[0].length) }
  }

  const primary = async (run: boolean): Promise<Value> => {
    more()
    if (next('(')) {
      const v = await or(run)
      if (i >= args.length) throw syntax(`expecting ')' after ${q(args[i - 1])}`)
      if (!next(')')) throw syntax(`expecting ')' instead of ${q(args[i])}`)
      return v
    }
    if (args[i] === ')') throw syntax("unexpected ')'")
    return { str: args[i++] }
  }
  const keyword = async (run: boolean): Promise<Value> => {
    if (next(gnu ? '+' : 'quote')) {
      more()
      return { str: args[i++] }
    }
    if (next('length')) {
      const v = await keyword(run)
      return { int: BigInt(text(v).length) }
    }
    if (next('match')) {
      const s = await keyword(run)
      return colon(s, await keyword(run), run)
    }
    if (next('index')) {
      const s = text(await keyword(run))
      const chars = text(await keyword(run))
      const at = [...s].findIndex((c) => chars.includes(c))
      return { int: BigInt(at + 1) }
    }
    if (next('substr')) {
      const s = text(await keyword(run))
      const pos = await keyword(run)
      const len = await keyword(run)
      const p = 'int' in pos ? pos.int : integerOf(pos.str, dialect)
      const n = 'int' in len ? len.int : integerOf(len.str, dialect)
      if (p === undefined || n === undefined || p <= 0n || n <= 0n || p > BigInt(s.length)) return { str: '' }
      return { str: s.slice(Number(p) - 1, Number(p - 1n + n)) }
    }
    return primary(run)
  }
  const match = async (run: boolean): Promise<Value> => {
    let l = await keyword(run)
    while (next(':')) l = await colon(l, await keyword(run), run)
    return l
  }
  const product = async (run: boolean): Promise<Value> => {
    let l = await match(run)
    for (let op = args[i]; op === '*' || op === '/' || op === '%'; op = args[i]) {
      i++
      l = arith(l, await match(run), op, run)
    }
    return l
  }
  const sum = async (run: boolean): Promise<Value> => {
    let l = await product(run)
    for (let op = args[i]; op === '+' || op === '-'; op = args[i]) {
      i++
      l = arith(l, await product(run), op, run)
    }
    return l
  }
  const compare = async (run: boolean): Promise<Value> => {
    let l = await sum(run)
    for (let op = args[i]; ['<', '<=', '=', '==', '!=', '>=', '>'].includes(op); op = args[i]) {
      i++
      const r = await sum(run)
      if (!run) continue
      const a = 'int' in l ? l.int : integerOf(l.str, dialect)
      const b = 'int' in r ? r.int : integerOf(r.str, dialect)
      // as numbers when both are; else as strings (the C locale's byte order)
      let c: number
      if (a !== undefined && b !== undefined) c = a < b ? -1 : a > b ? 1 : 0
      else {
        const x = a !== undefined && !gnu ? String(a) : text(l)
        const y = b !== undefined && !gnu ? String(b) : text(r)
        c = x < y ? -1 : x > y ? 1 : 0
      }
      const holds = op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '=' || op === '==' ? c === 0 : op === '!=' ? c !== 0 : op === '>=' ? c >= 0 : c > 0
      l = { int: holds ? 1n : 0n }
    }
    return l
  }
  const and = async (run: boolean): Promise<Value> => {
    let l = await compare(run)
    while (next('&')) {
      // GNU leaves the right side unevaluated when the left is null; busybox evaluates both
      const r = await compare(gnu ? run && !isNull(l, dialect) : run)
      if (isNull(l, dialect) || isNull(r, dialect)) l = { int: 0n }
    }
    return l
  }
  const or = async (run: boolean): Promise<Value> => {
    let l = await and(run)
    while (next('|')) {
      const r = await and(gnu ? run && isNull(l, dialect) : run)
      if (isNull(l, dialect)) l = gnu && isNull(r, dialect) ? { int: 0n } : r
    }
    return l
  }

  const v = await or(true)
  if (i < args.length) throw syntax(`unexpected argument ${q(args[i])}`)
  return v
}

/** expr as GNU (`usage` unset) or busybox (its usage text) has it. */
export function exprCommand(dialect: Dialect, usage = ''): CommandSpec {
  return {
    name: 'expr',
    summary: 'Evaluate an expression given as arguments and print its value (exit 1 when it is null or 0).',
    usage: 'expr EXPRESSION',
    async run(ctx: CommandContext) {
      let args = ctx.argv.slice(1)
      if (dialect === 'gnu') {
        if (args.length === 1 && (args[0] === '--help' || args[0] === '--version')) {
          ctx.stdout(args[0] === '--help' ? HELP : coreutilsVersion('expr', COREUTILS_AUTHORS.expr))
          return 0
        }
        if (args[0] === '--') args = args.slice(1)
        if (args.length === 0) {
          ctx.stderr("expr: missing operand\nTry 'expr --help' for more information.\n")
          return 2
        }
      } else {
        if (args[0] === '--help') {
          ctx.stderr(usage)
          return 0
        }
        if (args.length === 0) {
          ctx.stderr('expr: too few arguments\n')
          return 2
        }
      }
      try {
        const v = await evaluate(args, dialect, (s) => ctx.stderr(s))
        ctx.stdout(`${text(v)}\n`)
        return isNull(v, dialect) ? 1 : 0
      } catch (e) {
        if (!(e instanceof ExprError)) throw e
        ctx.stderr(`expr: ${e.message}\n`)
        return 2
      }
    },
  }
}
