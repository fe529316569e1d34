// The words of an array assignment, `NAME=(WORD...)`, read after the `(` up to the `)`: newlines
// between them are allowed; an operator is bash's syntax error.

import type { Word } from './ast'
import { ParseError } from './scanner'
import { unexpected } from './syntax'

interface Host {
  peek(): string
  readWord(): Word
  advance(n: number): void
  skipNewlines(): void
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
