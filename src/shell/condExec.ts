// Running bash's `[[ expression ]]` (execute_cmd.c execute_cond_node): words are expanded without
// field splitting or pathname expansion; `==` and `!=` match the right side as a pattern (its
// quoted parts literally), `=~` as an extended regular expression (quoted parts literally; the
// match in BASH_REMATCH), `-eq` and the other integer operators evaluate both sides as arithmetic;
// `&&` and `||` stop early. Under `set -x` each test is shown as it runs.

import type { CondCommand, CondExpr, Word } from './parser/ast'
import { expandPattern, expandString, type ExpandContext } from './expand'
import { matchPattern, type PatternPiece } from './pattern'
import { asBytes, bytePattern, byteWise } from './locale'
import { evalArithmetic } from './arith'
import { unaryTest } from './commands/test'
import { translate } from './commands/regex'
import { compileMatcher } from './commands/matcher'
import type { IO, Sink } from './redirect'
import type { HomeFs, ShellEnv } from './types'
import type { Runtime } from './runtime'
import { IndexedArray, setArray } from './arrays'

/** What `[[ ]]` needs of the executor. */
export interface CondRunner {
  expandContext(env: ShellEnv, io: IO): ExpandContext
  trace(io: IO, text: string): void
  write(sink: Sink, text: string): void
  fs: HomeFs
  rt: Runtime
}

/**
 * Does `subject` match the pattern? The C locale matches bytes (`?` is one byte of "é"), a UTF-8 one
 * characters. With shopt's nocasematch (`nocase`) letters match either case.
 */
export function patternMatches(env: ShellEnv, subject: string, pieces: PatternPiece[], nocase = false): boolean {
  if (nocase) return patternMatches(env, subject.toLowerCase(), pieces.map((p) => ({ ...p, text: p.text.toLowerCase() })))
  return byteWise(env, subject, ...pieces.map((x) => x.text))
    ? matchPattern(bytePattern(pieces), asBytes(subject))
    : matchPattern(pieces, subject)
}

/** An error that ends the test with a status (bash's: 1 for an arithmetic error, 2 for a bad regular expression). */
class CondFailure {
  constructor(readonly status: number) {}
}

const ERE_SPECIAL = /[\\^$.[\]|()*+?{}]/g

export async function runCond(h: CondRunner, cmd: CondCommand, io: IO, env: ShellEnv): Promise<number> {
  // dash has no `[[`: it looks for a program of that name
  if (h.rt.dialect === 'dash') {
    h.write(io.err, 'sh: 1: [[: not found\n')
    return 127
  }
  const ctx = h.expandContext(env, io)
  const text = (w: Word) => expandString(w.parts, ctx)
  const arith = (value: string) => {
    const r = evalArithmetic(value, env)
    if (typeof r !== 'string') return r
    h.write(io.err, `bash: [[: ${r}\n`)
    throw new CondFailure(1)
  }
  const test = async (e: CondExpr): Promise<boolean> => {
    switch (e.kind) {
      case 'not':
        return !(await test(e.expr))
      case 'and':
        return (await test(e.left)) && test(e.right)
      case 'or':
        return (await test(e.left)) || test(e.right)
      case 'unary': {
        const arg = await text(e.arg)
        h.trace(io, `[[ ${e.op} ${arg} ]]`)
        return unaryTest(e.op, arg, { fs: h.fs, env, stderr: (t) => h.write(io.err, t) })
      }
      case 'binary': {
        const left = await text(e.left)
        if (e.op === '==' || e.op === '=' || e.op === '!=') {
          const pieces = await expandPattern(e.right.parts, ctx)
          h.trace(io, `[[ ${left} ${e.op} ${pieces.map((p) => (p.quoted ? p.text.replace(/./gsu, '\\$&') : p.text)).join('')} ]]`)
          return patternMatches(env, left, pieces, h.rt.shopts.has('nocasematch')) === (e.op !== '!=')
        }
        if (e.op === '=~') {
          const pieces = await expandPattern(e.right.parts, ctx)
          const source = pieces.map((p) => (p.quoted ? p.text.replace(ERE_SPECIAL, '\\$&') : p.text)).join('')
          h.trace(io, `[[ ${left} =~ ${source} ]]`)
          const re = translate(source, true)
          if (!re.ok) throw new CondFailure(2)
          const m = await compileMatcher(re.source, h.rt.shopts.has('nocasematch'))
          const hit = m.test(left)
          // BASH_REMATCH: the match and its groups (a pattern with back-references: the match only)
          const first = hit ? m.matches(left)[0] : undefined
          const groups = hit ? (m.groups?.(left) ?? [first ? left.slice(first[0], first[1]) : '']) : []
          setArray(env, 'BASH_REMATCH', IndexedArray.list(groups))
          return hit
        }
        const right = await text(e.right)
        h.trace(io, `[[ ${left} ${e.op} ${right} ]]`)
        switch (e.op) {
          case '<': return left < right
          case '>': return left > right
          case '-eq': return arith(left) === arith(right)
          case '-ne': return arith(left) !== arith(right)
          case '-lt': return arith(left) < arith(right)
          case '-le': return arith(left) <= arith(right)
          case '-gt': return arith(left) > arith(right)
          case '-ge': return arith(left) >= arith(right)
          default: return false // -nt -ot -ef: the lab's files keep no times or inodes
        }
      }
    }
  }
  try {
    return (await test(cmd.expr)) ? 0 : 1
  } catch (e) {
    if (e instanceof CondFailure) return e.status
    throw e
  }
}
