// Reads words the way bash's read_token_word (parse.y) does: quotes, backslashes, `$` expansions,
// backticks and `$(...)`. The grammar (parser.ts) builds on it. `*`, `?` and `[` stay in unquoted
// literal parts: brace and pathname expansion happen later (braces.ts, glob.ts).

import { canonical } from '../../common/bytes'
import { ansiEscape } from './ansiC'
import type { List, ParamOp, Word, WordPart } from './ast'

/** Thrown inside the parser only; `parse()` turns it into a value. */
export class ParseError {
  constructor(
    readonly message: string,
    readonly incomplete = false,
    /** bash leaves `$?` as it was after this error (those of `[[ ]]`); the message may be empty. */
    readonly keepStatus = false,
  ) {}
}

const META = new Set([' ', '\t', '\n', ';', '&', '|', '<', '>', '(', ')'])
const NAME_START = /[A-Za-z_]/
const NAME_CHAR = /[A-Za-z0-9_]/
const SPECIAL_PARAMS = new Set(['?', '$', '#', '!', '-', '@', '*', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9'])

export type ScanMode = 'word' | 'dquote' | 'brace' | 'bracepat' | 'heredoc' | 'regex'

export function isMeta(ch: string | undefined): boolean {
  return ch === undefined || META.has(ch)
}

/** `@Q}` and the other transformations bash 5.2 knows (transform.ts); any other letter is a bad substitution. */
const TRANSFORM = /^@([QEPAKaULuk])\}/

export abstract class Scanner {
  pos = 0
  /** The line of `pos` last asked for (lineAt counts on from there). */
  private lineMark: { pos: number; line: number }
  /** Set when the input ends with an unquoted `\` (bash -c keeps it literally). */
  trailingBackslash = false

  /** `firstLine`: the line the source starts on (a script's piece, the terminal's next line). */
  constructor(public src: string, readonly firstLine = 1) {
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

  /** Parse `$( ... )` starting after `$(`; must consume the closing `)`. */
  protected abstract parseCommandSubstitution(): List
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

  private readDollar(quoted: boolean, mode: ScanMode): WordPart {
    const n = this.src[this.pos + 1]
    if (n === '(' && this.src[this.pos + 2] === '(') return this.readArithmetic(quoted)
    if (n === '[') return this.readOldArithmetic(quoted)
    if (n === '(') {
      this.pos += 2
      return { kind: 'cmdsub', body: this.parseCommandSubstitution(), quoted }
    }
    if (n === '{') return this.readBraced(quoted)
    // extquote (on by default): $'...' and $"..." are quoting inside ${...} too, even within double quotes
    const quoting = mode === 'word' || mode === 'brace' || mode === 'bracepat'
    if (n === "'" && quoting) return this.readAnsiC()
    if (n === '"' && quoting) {
      this.pos++ // `$"..."` (locale translation) is the same as "..."
      return { kind: 'lit', text: '', quoted: false }
    }
    if (n !== undefined && SPECIAL_PARAMS.has(n)) {
      this.pos += 2
      return { kind: 'var', name: n, quoted }
    }
    if (n !== undefined && NAME_START.test(n)) {
      let end = this.pos + 2
      while (end < this.src.length && NAME_CHAR.test(this.src[end])) end++
      const name = this.src.slice(this.pos + 1, end)
      this.pos = end
      return { kind: 'var', name, quoted, bare: true }
    }
    this.pos++
    return { kind: 'lit', text: '$', quoted }
  }

  private readArithmetic(quoted: boolean): WordPart {
    let depth = 0
    let i = this.pos + 3
    for (; i < this.src.length; i++) {
      const c = this.src[i]
      if (c === '(') depth++
      else if (c === ')') {
        if (depth === 0 && this.src[i + 1] === ')') break
        if (depth > 0) depth--
      }
    }
    if (i >= this.src.length) throw new ParseError("unexpected EOF while looking for matching `)'", true)
    const expr = this.src.slice(this.pos + 3, i)
    this.pos = i + 2
    return { kind: 'arith', expr, quoted }
  }

  /** `$[expr]`: bash's old form of `$((expr))`, still expanded (brackets inside it nest). */
  private readOldArithmetic(quoted: boolean): WordPart {
    let depth = 0
    let i = this.pos + 2
    for (; i < this.src.length; i++) {
      const c = this.src[i]
      if (c === '[') depth++
      else if (c === ']') {
        if (depth === 0) break
        depth--
      }
    }
    if (i >= this.src.length) throw new ParseError("unexpected EOF while looking for matching `]'", true)
    const expr = this.src.slice(this.pos + 2, i)
    this.pos = i + 1
    return { kind: 'arith', expr, quoted, old: true }
  }

  private readBraced(quoted: boolean): WordPart {
    const start = this.pos
    this.pos += 2
    // an array's element, `${a[1]}`, `${a[@]}`, `${#a[@]}`, `${!a[@]}` (then an operator, as for a variable)
    const el = /^([#!]?)([A-Za-z_][A-Za-z0-9_]*)\[([^\]]*)\]/.exec(this.src.slice(this.pos, this.pos + 512))
    if (el) {
      const after = this.src.slice(this.pos + el[0].length)
      const base = { kind: 'var' as const, name: el[2], quoted, index: el[3], ...(el[1] === '!' ? { keys: true as const } : {}) }
      if (after.startsWith('}')) {
        this.pos += el[0].length + 1
        return el[1] === '#' ? { ...base, op: { op: '#len', word: [] } } : base
      }
      const at = el[1] ? null : TRANSFORM.exec(after)
      if (at) {
        this.pos += el[0].length + 3
        return { ...base, op: { op: '@', word: [], letter: at[1] } }
      }
      const op = el[1] ? undefined : /^(:-|:\+|:=|:\?|-|\+|=|\?|##|#|%%|%|\/\/|\/#|\/%|\/|\^\^|\^|,,|,|~~|~|:)/.exec(after)
      if (op) {
        this.pos += el[0].length + op[0].length
        return { ...base, op: this.readParamOp(op[0], quoted) }
      }
    }
    // `${!PREFIX*}`, `${!PREFIX@}`: variable names
    const names = /^!([A-Za-z_][A-Za-z0-9_]*)([*@])\}/.exec(this.src.slice(this.pos, this.pos + 256))
    if (names) {
      this.pos += names[0].length
      return { kind: 'names', prefix: names[1], at: names[2] === '@', quoted }
    }
    const m = /^([#!]?)([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[?$#!@*-])/.exec(this.src.slice(this.pos, this.pos + 256))
    if (m) {
      const name = m[2]
      const after = this.src.slice(this.pos + m[0].length)
      const indirect = m[1] === '!' ? { indirect: true as const } : {}
      if (after.startsWith('}')) {
        this.pos += m[0].length + 1
        return m[1] === '#' ? { kind: 'var', name, quoted, op: { op: '#len', word: [] } } : { kind: 'var', name, quoted, ...indirect }
      }
      const at = m[1] === '#' ? null : TRANSFORM.exec(after)
      if (at) {
        this.pos += m[0].length + 3
        return { kind: 'var', name, quoted, op: { op: '@', word: [], letter: at[1] }, ...indirect }
      }
      const op = m[1] === '#' ? undefined : /^(:-|:\+|:=|:\?|-|\+|=|\?|##|#|%%|%|\/\/|\/#|\/%|\/|\^\^|\^|,,|,|~~|~|:)/.exec(after)
      if (op) {
        this.pos += m[0].length + op[0].length
        return { kind: 'var', name, quoted, op: this.readParamOp(op[0], quoted), ...indirect }
      }
    }
    // Anything else is a "bad substitution" when expanded; find the closing brace first.
    let depth = 0
    let i = this.pos
    for (; i < this.src.length; i++) {
      const c = this.src[i]
      if (c === '{') depth++
      else if (c === '}') {
        if (depth === 0) break
        depth--
      }
    }
    if (i >= this.src.length) throw new ParseError("unexpected EOF while looking for matching `}'", true)
    this.pos = i + 1
    return { kind: 'badsub', text: this.src.slice(start, i + 1) }
  }

  private readParamOp(op: string, quoted: boolean): ParamOp {
    if (op === ':') {
      const offset = this.readArithUntil(':}')
      let length: string | undefined
      if (this.ch === ':') {
        this.pos++
        length = this.readArithUntil('}')
      }
      this.pos++ // `}`
      return { op: 'substr', word: [], offset, length }
    }
    const pattern = /^[#%/^,~]/.test(op)
    if (op.startsWith('/')) {
      const word = this.readParts('bracepat', false)
      let replacement: WordPart[] = []
      if (this.ch === '/') {
        this.pos++
        replacement = this.readParts('brace', false)
      }
      this.pos++ // `}`
      return { op: op as ParamOp['op'], word, replacement }
    }
    const word = this.readParts('brace', pattern ? false : quoted)
    this.pos++ // `}`
    return { op: op as ParamOp['op'], word }
  }

  /** Arithmetic text of `${V:offset:length}`, up to one of `stops` outside parentheses. */
  private readArithUntil(stops: string): string {
    const start = this.pos
    let depth = 0
    for (;;) {
      const c = this.ch
      if (c === undefined) throw new ParseError("unexpected EOF while looking for matching `}'", true)
      if (c === '(') depth++
      else if (c === ')') depth--
      else if (depth === 0 && stops.includes(c)) break
      this.pos++
    }
    return this.src.slice(start, this.pos)
  }

  private readAnsiC(): WordPart {
    let i = this.pos + 2
    let text = ''
    for (;;) {
      const c = this.src[i]
      if (c === undefined) throw new ParseError("unexpected EOF while looking for matching `''", true)
      if (c === "'") break
      if (c === '\\' && i + 1 < this.src.length) {
        const [s, len] = ansiEscape(this.src, i + 1)
        text += s
        i += 1 + len
        continue
      }
      text += c
      i++
    }
    this.pos = i + 1
    // \xHH and \NNN are bytes: escaped bytes that spell UTF-8 join into their character.
    return { kind: 'lit', text: canonical(text), quoted: true }
  }
}
