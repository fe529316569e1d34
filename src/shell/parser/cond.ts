// bash's conditional command `[[ expression ]]` (parse.y: cond_expr, cond_or, cond_and, cond_term):
// `!`, `( )`, `&&` and `||` are its own operators there, `<` and `>` compare strings instead of
// redirecting, and the right side of `=~` is read as a regular expression, parentheses and all.
// Its syntax errors are bash's; like bash, they leave `$?` as it was.

import type { CondExpr, Word } from './ast'
import { ParseError } from './scanner'
import { plainText } from './syntax'

/** What the conditional's grammar needs of the parser. */
export interface CondHost {
  /** The next token: an operator, 'word', 'newline' or 'eof' (blanks skipped). */
  peek(): string
  readWord(): Word
  /** A word read as `=~`'s right side (regex.ts: `(`, `)` and `|` are part of it). */
  readRegexWord(): Word
  advance(n: number): void
  /** Where the parser is in its source, and the source between two places. */
  position(): number
  slice(from: number, to: number): string
}

/** bash's unary (test_unop) and binary (test_binop) operators of `[[ ]]`. */
const UNARY = new Set(['-a', '-b', '-c', '-d', '-e', '-f', '-g', '-h', '-k', '-p', '-r', '-s', '-t', '-u', '-w', '-x', '-G', '-L', '-N', '-O', '-S', '-z', '-n', '-o', '-v', '-R'])
const BINARY = new Set(['==', '=', '!=', '=~', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef'])

/** A syntax error of the conditional: bash's message (none for some), and `$?` left alone. */
const condError = (message: string) => new ParseError(message, false, true)

/** One token inside `[[ ]]`: its text (`]]`, `!`, `(`, `&&`, `<`, a plain word ...) and the word, if it is one. */
interface Token { text: string; word?: Word }

function next(h: CondHost, regex = false): Token {
  const op = h.peek()
  // (a regular expression may start with a parenthesis)
  if (op === 'word' || (regex && op === '(')) {
    const word = regex ? h.readRegexWord() : h.readWord()
    return { text: plainText(word) ?? `\u0000${word.raw}`, word }
  }
  if (op === 'newline' || op === 'eof') return { text: op }
  h.advance(op.length)
  return { text: op }
}

/** What bash names a token in its messages. */
const shown = (t: Token) => (t.word ? t.word.raw : t.text === 'eof' ? 'newline' : t.text)

/** Parse after `[[` up to and including `]]`. */
export function parseCond(h: CondHost): { expr: CondExpr; raw: string } {
  const start = h.position()
  let peeked: Token | undefined
  const take = (regex = false): Token => {
    const t = peeked ?? next(h, regex)
    peeked = undefined
    return t
  }
  const look = (): Token => (peeked ??= next(h))
  let depth = 0

  const term = (): CondExpr => {
    const t = take()
    if (t.text === ']]') throw condError(depth > 0 ? "expected `)'" : '')
    if (t.text === '(') {
      depth++
      const inner = or()
      if (take().text !== ')') throw condError("expected `)'")
      depth--
      return inner
    }
    if (t.text === '!') return { kind: 'not', expr: term() }
    if (!t.word) throw condError(t.text === 'newline' || t.text === 'eof' ? '' : `syntax error in conditional expression: unexpected token \`${shown(t)}'`)
    if (UNARY.has(t.text)) {
      const arg = take()
      if (!arg.word || arg.text === ']]') throw condError(arg.text === 'newline' || arg.text === 'eof' ? 'unexpected argument to conditional unary operator' : `unexpected argument \`${shown(arg)}' to conditional unary operator`)
      return { kind: 'unary', op: t.text, arg: arg.word }
    }
    const op = look()
    if (BINARY.has(op.text) || op.text === '<' || op.text === '>') {
      take()
      const right = take(op.text === '=~')
      if (!right.word || right.text === ']]') throw condError(right.text === 'newline' || right.text === 'eof' ? 'unexpected argument to conditional binary operator' : `unexpected argument \`${shown(right)}' to conditional binary operator`)
      return { kind: 'binary', op: op.text, left: t.word, right: right.word }
    }
    if (op.text === ']]' || op.text === '&&' || op.text === '||' || op.text === ')') return { kind: 'unary', op: '-n', arg: t.word }
    throw condError(op.text === 'newline' || op.text === 'eof' ? "unexpected token `newline', conditional binary operator expected" : 'conditional binary operator expected')
  }
  const and = (): CondExpr => {
    let left = term()
    while (look().text === '&&') {
      take()
      left = { kind: 'and', left, right: term() }
    }
    return left
  }
  const or = (): CondExpr => {
    let left = and()
    while (look().text === '||') {
      take()
      left = { kind: 'or', left, right: and() }
    }
    return left
  }

  const expr = or()
  const end = take()
  if (end.text !== ']]') throw condError(end.text === ')' ? "syntax error in conditional expression: unexpected token `)'" : 'syntax error in conditional expression')
  return { expr, raw: h.slice(start, h.position()).replace(/\s*\]\]$/, '').trim() }
}
