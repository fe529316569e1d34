// The words of an array assignment, `NAME=(WORD...)`, read after the `(` up to the `)`: newlines
// between them are allowed; an operator is bash's syntax error.

import type { Assignment, SimpleCommand, Word } from './ast'
import { ParseError } from './scanner'
import { asAssignment, lit, plainText, unexpected } from './syntax'

interface Host {
  peek(): string
  readWord(): Word
  advance(n: number): void
  skipNewlines(): void
  /** The character at the parser's position. */
  position(): number
  slice(from: number, to: number): string
}

/** The builtins whose arguments may be array assignments (`declare -a a=(1 2)`, `local b=(x)`). */
const DECLARATIONS = new Set(['declare', 'typeset', 'local', 'readonly', 'export'])

const atParen = (h: Host) => h.slice(h.position(), h.position() + 1) === '('

/** `NAME=(`: read the array's words into the assignment (before a command's words). */
export function arrayAssignment(h: Host, a: Assignment): void {
  if (a.value.raw === '' && a.index === undefined && atParen(h)) a.array = readArrayWords(h)
}

/**
 * `declare [-a] NAME=(...)` and the like: the array goes to the command's `arrays` (assigned around
 * the builtin, executor.ts), and its name stays an argument. Whether `word` was one.
 */
export function declarationArray(h: Host, cmd: SimpleCommand, word: Word): boolean {
  const name = cmd.words.length > 0 ? plainText(cmd.words[0]) : undefined
  if (name === undefined || !DECLARATIONS.has(name)) return false
  const a = asAssignment(word)
  if (!a || a.value.raw !== '' || a.index !== undefined || !atParen(h)) return false
  a.array = readArrayWords(h)
  ;(cmd.arrays ??= []).push(a)
  cmd.words.push(lit(a.name))
  return true
}

/** At the `(` right after `NAME=`: the words, the `)` consumed. */
export function readArrayWords(h: Host): Word[] {
  h.advance(1)
  const words: Word[] = []
  for (;;) {
    h.skipNewlines()
    const op = h.peek()
    if (op === ')') {
      h.advance(1)
      return words
    }
    if (op === 'eof') throw new ParseError("unexpected EOF while looking for matching `)'", true)
    if (op !== 'word') throw unexpected(op)
    words.push(h.readWord())
  }
}
