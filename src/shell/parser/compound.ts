// Bash's compound commands (parse.y): if/elif/else/fi, while/until, for (both forms), case,
// groups `{ ...; }`, `(( ))` and function definitions. The grammar host (parser.ts) reads
// words, lists and redirections; this module knows the shapes between the reserved words.

import type { Command, List, Redirect, Word } from './ast'
import { ParseError } from './scanner'
import { plainText, unexpected } from './syntax'
import { parseCond, type CondHost } from './cond'

export interface GrammarHost extends CondHost {
  /** A list of commands up to (not including) one of the reserved words `stops` at command position. */
  listUntil(stops: string[]): List
  /** The next token: an operator, 'word', 'newline' or 'eof'. */
  peek(): string
  /** The plain text of the next word (reserved-word check), or undefined. */
  peekReserved(): string | undefined
  readWord(): Word
  skipNewlines(): void
  advance(n: number): void
  /** The `((...))` text starting at the current `((`; consumes it. */
  readDoubleParen(): string
  redirects(): Redirect[]
  command(): Command
}

/** The next word, after blanks. */
function nextWord(h: GrammarHost): Word {
  h.peek()
  return h.readWord()
}

export const COMPOUND_START = new Set(['if', 'while', 'until', 'for', 'case', '{', 'function', '[['])

function expect(h: GrammarHost, wanted: string): void {
  const w = h.peekReserved()
  if (w !== wanted) {
    const op = h.peek()
    if (op === 'eof') throw new ParseError('syntax error: unexpected end of file', true)
    throw unexpected(op === 'word' ? (w ?? nextWord(h).raw) : op)
  }
  nextWord(h)
}

/** Separator before a reserved word on the same line: `;` or newlines. */
function separator(h: GrammarHost): void {
  const op = h.peek()
  if (op === ';') h.advance(1)
  h.skipNewlines()
}

export function parseCompound(h: GrammarHost, reserved: string): Command {
  nextWord(h)
  switch (reserved) {
    case '[[': {
      const { expr, raw } = parseCond(h)
      return { kind: 'cond', expr, raw, redirects: h.redirects() }
    }
    case 'if': {
      const clauses: { cond: List; body: List }[] = []
      let elseBody: List | undefined
      for (;;) {
        const cond = h.listUntil(['then'])
        expect(h, 'then')
        const body = h.listUntil(['elif', 'else', 'fi'])
        clauses.push({ cond, body })
        const w = h.peekReserved()
        nextWord(h)
        if (w === 'elif') continue
        if (w === 'else') {
          elseBody = h.listUntil(['fi'])
          expect(h, 'fi')
        }
        break
      }
      return { kind: 'if', clauses, elseBody, redirects: h.redirects() }
    }
    case 'while':
    case 'until': {
      const cond = h.listUntil(['do'])
      expect(h, 'do')
      const body = h.listUntil(['done'])
      expect(h, 'done')
      return { kind: 'while', until: reserved === 'until', cond, body, redirects: h.redirects() }
    }
    case 'for': {
      if (h.peek() === '(') {
        const text = h.readDoubleParen()
        const parts = text.split(';')
        if (parts.length !== 3) throw unexpected('newline')
        separator(h)
        const body = doGroup(h)
        return { kind: 'arithfor', init: parts[0], cond: parts[1], update: parts[2], body, redirects: h.redirects() }
      }
      const nameWord = nextWord(h)
      const name = plainText(nameWord)
      if (!name || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new ParseError(`\`${nameWord.raw}': not a valid identifier`)
      let words: Word[] | undefined
      h.skipNewlines()
      if (h.peekReserved() === 'in') {
        nextWord(h)
        words = []
        while (h.peek() === 'word') words.push(nextWord(h))
      }
      separator(h)
      return { kind: 'for', name, words, body: doGroup(h), redirects: h.redirects() }
    }
    case 'case': {
      const subject = nextWord(h)
      h.skipNewlines()
      expect(h, 'in')
      const items: { patterns: Word[]; body: List; term: ';;' | ';&' | ';;&' }[] = []
      for (;;) {
        h.skipNewlines()
        if (h.peekReserved() === 'esac') break
        if (h.peek() === 'eof') throw new ParseError('syntax error: unexpected end of file', true)
        if (h.peek() === '(') h.advance(1)
        const patterns: Word[] = []
        for (;;) {
          if (h.peek() !== 'word') throw unexpected(h.peek())
          patterns.push(nextWord(h))
          const op = h.peek()
          if (op === '|') {
            h.advance(1)
            continue
          }
          if (op !== ')') throw unexpected(op === 'eof' ? 'newline' : op)
          h.advance(1)
          break
        }
        const body = h.listUntil(['esac'])
        const term = h.peek()
        if (term === ';;' || term === ';&' || term === ';;&') {
          h.advance(term.length)
          items.push({ patterns, body, term })
          continue
        }
        items.push({ patterns, body, term: ';;' })
        break
      }
      h.skipNewlines()
      expect(h, 'esac')
      return { kind: 'case', word: subject, items, redirects: h.redirects() }
    }
    case '{': {
      const body = h.listUntil(['}'])
      expect(h, '}')
      return { kind: 'group', body, redirects: h.redirects() }
    }
    case 'function': {
      const nameWord = nextWord(h)
      const name = nameWord.raw
      if (h.peek() === '(') {
        h.advance(1)
        if (h.peek() !== ')') throw unexpected(h.peek())
        h.advance(1)
      }
      h.skipNewlines()
      return { kind: 'funcdef', name, body: h.command(), redirects: [] }
    }
  }
  throw unexpected(reserved)
}

function doGroup(h: GrammarHost): List {
  const w = h.peekReserved()
  if (w === '{') {
    nextWord(h)
    const body = h.listUntil(['}'])
    expect(h, '}')
    return body
  }
  expect(h, 'do')
  const body = h.listUntil(['done'])
  expect(h, 'done')
  return body
}
