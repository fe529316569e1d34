// Reads words the way bash's read_token_word (parse.y) does: quotes, backslashes, backticks,
// tildes and process substitution here, `$` expansions and `$(...)` in dollarScanner.ts. The grammar
// (parser.ts) builds on it. `*`, `?` and `[` stay in unquoted literal parts: brace and pathname
// expansion happen later (braces.ts, glob.ts).

import type { List, Word, WordPart } from './ast'
import { DollarScanner, type ScanMode } from './dollarScanner'
import { ParseError } from './parseError'
export { ParseError } from './parseError'
export type { ScanMode } from './dollarScanner'

const META = new Set([' ', '\t', '\n', ';', '&', '|', '<', '>', '(', ')'])

export function isMeta(ch: string | undefined): boolean {
  return ch === undefined || META.has(ch)
}

export abstract class Scanner extends DollarScanner {
  pos = 0
  /** The line of `pos` last asked for (lineAt counts on from there). */
  private lineMark: { pos: number; line: number }
  /** Set when the input ends with an unquoted `\` (bash -c keeps it literally). */
  trailingBackslash = false

  /** `firstLine`: the line the source starts on (a script's piece, the terminal's next line). */
  constructor(public src: string, readonly firstLine = 1) {
    super()
    this.lineMark = { pos: 0, line: firstLine }
  }

  /** The line (from 1) that `at` is on in the source. */
  lineAt(at: number): number {
    let { pos, line } = this.lineMark
    if (at < pos) ({ pos, line } = { pos: 0, line: this.firstLine })
    for (let i = this.src.indexOf('\n', pos); i >= 0 && i < at; i = this.src.indexOf('\n', i + 1)) line++
    this.lineMark = { pos: at, line }
    return line
  }

  /** Parse the text of a backquoted command substitution. */
  protected abstract parseNested(text: string): List

  protected get ch(): string | undefined {
    return this.src[this.pos]
  }

  /** Read one word at the current position (caller checked it is not a metacharacter). */
  readWord(): Word {
    const start = this.pos
    const parts = this.readParts('word', false)
    return { parts, raw: this.src.slice(start, this.pos) }
  }

  /** `=~`'s right side in `[[ ]]`: parentheses, `|` and blanks inside parentheses belong to it. */
  readRegexWord(): Word {
    const start = this.pos
    const parts = this.readParts('regex', false)
    return { parts, raw: this.src.slice(start, this.pos) }
  }

  position(): number {
    return this.pos
  }

  slice(from: number, to: number): string {
    return this.src.slice(from, to)
  }

  readParts(mode: ScanMode, quoted: boolean): WordPart[] {
    const parts: WordPart[] = []
    let lit = ''
    let litQuoted = quoted
    const flush = () => {
      if (lit) parts.push({ kind: 'lit', text: lit, quoted: litQuoted })
      lit = ''
    }
    const addLit = (text: string, q: boolean) => {
      if (lit && litQuoted !== q) flush()
      litQuoted = q
      lit += text
    }
    const wordStart = this.pos
    // `[[ x =~ RE ]]`: parentheses and `|` belong to the expression, blanks too inside parentheses
    let parens = 0
    for (;;) {
      const c = this.ch
      if (c === undefined) {
        if (mode === 'dquote') throw new ParseError("unexpected EOF while looking for matching `\"'", true)
        if (mode === 'brace' || mode === 'bracepat') throw new ParseError("unexpected EOF while looking for matching `}'", true)
        break
      }
      if (mode === 'word' && (c === '<' || c === '>') && this.src[this.pos + 1] === '(') {
        flush()
        this.pos += 2
        parts.push({ kind: 'procsub', dir: c, body: this.parseCommandSubstitution() })
        continue
      }
      if (mode === 'word' && META.has(c)) break
      if (mode === 'regex' && META.has(c) && c !== '|') {
        if (c === '(') parens++
        else if (c === ')' && parens > 0) parens--
        else if (parens === 0 || c === '\n') break
        if (c !== ' ' && c !== '\t') {
          addLit(c, quoted)
          this.pos++
          continue
        }
      }
      if (mode === 'dquote' && c === '"') break
      if (mode === 'brace' && c === '}') break
      if (mode === 'bracepat' && (c === '}' || c === '/')) break
      if (c === '\\') {
        const n = this.src[this.pos + 1]
        if (n === undefined) {
          if (mode === 'word') this.trailingBackslash = true
          addLit('\\', quoted)
          this.pos++
          continue
        }
        if (n === '\n') {
          this.pos += 2
          continue
        }
        if (mode === 'dquote' || mode === 'heredoc') {
          // Inside double quotes (and here-documents) a backslash only escapes $ ` " \ and newline.
          const special = n === '$' || n === '`' || n === '\\' || (mode === 'dquote' && n === '"')
          addLit(special ? n : '\\' + n, true)
        } else addLit(n, true)
        this.pos += 2
        continue
      }
      if (c === "'" && (mode === 'word' || mode === 'brace' || mode === 'bracepat' || mode === 'regex')) {
        const end = this.src.indexOf("'", this.pos + 1)
        if (end < 0) throw new ParseError("unexpected EOF while looking for matching `''", true)
        if (end === this.pos + 1) {
          flush()
          parts.push({ kind: 'lit', text: '', quoted: true })
        } else addLit(this.src.slice(this.pos + 1, end), true)
        this.pos = end + 1
        continue
      }
      if (c === '"' && (mode === 'word' || mode === 'brace' || mode === 'bracepat' || mode === 'regex')) {
        this.pos++
        flush()
        const inner = this.readParts('dquote', true)
        this.pos++ // closing quote
        if (inner.length === 0) parts.push({ kind: 'lit', text: '', quoted: true })
        parts.push(...inner)
        continue
      }
      if (c === '`') {
        flush()
        parts.push({ kind: 'cmdsub', body: this.readBackquoted(), quoted })
        continue
      }
      if (c === '$') {
        const part = this.readDollar(quoted, mode)
        if (part.kind === 'lit') addLit(part.text, part.quoted)
        else {
          flush()
          parts.push(part)
        }
        continue
      }
      if (c === '~' && mode === 'word' && !quoted && this.tildeAllowed(wordStart)) {
        let end = this.pos + 1
        while (end < this.src.length && /[A-Za-z0-9_.-]/.test(this.src[end])) end++
        const after = this.src[end]
        if (after === undefined || after === '/' || isMeta(after)) {
          flush()
          parts.push({ kind: 'tilde', user: this.src.slice(this.pos + 1, end) })
          this.pos = end
          continue
        }
      }
      addLit(c, quoted)
      this.pos++
    }
    flush()
    return parts
  }

  /** `~` expands at the start of a word and right after the `=` of an assignment word. */
  private tildeAllowed(wordStart: number): boolean {
    if (this.pos === wordStart) return true
    const before = this.src.slice(wordStart, this.pos)
    return /^[A-Za-z_][A-Za-z0-9_]*=$/.test(before)
  }

  private readBackquoted(): List {
    let i = this.pos + 1
    let text = ''
    for (;;) {
      const c = this.src[i]
      if (c === undefined) throw new ParseError("unexpected EOF while looking for matching ``'", true)
      if (c === '`') break
      if (c === '\\' && (this.src[i + 1] === '`' || this.src[i + 1] === '\\' || this.src[i + 1] === '$')) {
        text += this.src[i + 1]
        i += 2
        continue
      }
      text += c
      i++
    }
    this.pos = i + 1
    return this.parseNested(text)
  }
}
