// The `$` forms inside a word, read as bash's read_token_word (parse.y) reads them after a `$`:
// `${...}` with its operators and transformations, `$((...))`, `$[...]`, `$'...'`, `$"..."`,
// `$(...)` (parsed by the grammar) and `$NAME`. scanner.ts's word loop extends this class.

import { canonical } from '../../common/bytes'
import { ansiEscape } from './ansiC'
import type { List, ParamOp, WordPart } from './ast'
import { ParseError } from './parseError'

const NAME_START = /[A-Za-z_]/
const NAME_CHAR = /[A-Za-z0-9_]/
const SPECIAL_PARAMS = new Set(['?', '$', '#', '!', '-', '@', '*', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9'])

export type ScanMode = 'word' | 'dquote' | 'brace' | 'bracepat' | 'heredoc' | 'regex'

/** `@Q}` and the other transformations bash 5.2 knows (transform.ts); any other letter is a bad substitution. */
const TRANSFORM = /^@([QEPAKaULuk])\}/

export abstract class DollarScanner {
  abstract pos: number
  abstract src: string
  protected abstract get ch(): string | undefined
  abstract readParts(mode: ScanMode, quoted: boolean): WordPart[]

  /** Parse `$( ... )` starting after `$(`; must consume the closing `)`. */
  protected abstract parseCommandSubstitution(): List

  protected readDollar(quoted: boolean, mode: ScanMode): WordPart {
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
