// The grammar of bash's parse.y, cut down to the lab's subset: lists (`;` `&` newline), and-or
// lists (`&&` `||`), pipelines (`|`, `!`), simple commands with assignments and redirections,
// subshells `( ... )` and here-documents. `parse()` never throws: errors are values carrying
// bash's own message.

import type { AndOr, Command, List, ParseResult, Pipeline, Redirect, Script, WordPart } from './ast'
export type { Script } from './ast'
import { ParseError, Scanner, isMeta } from './scanner'
import { COMPOUND_START, parseCompound, type GrammarHost } from './compound'
import { arrayAssignment, declarationArray } from './arrayWords'
import { readHeredoc, type PendingHeredoc } from './heredoc'
import { operatorAt, parseRedirect } from './redirection'
import { AliasState } from './alias'
import { addRedirect, asAssignment, scanDoubleParen, isRedirectOp, lit, plainText, unexpected } from './syntax'
import { readTime } from './timeWord'

const RESERVED_UNEXPECTED = new Set(['then', 'else', 'elif', 'fi', 'do', 'done', 'esac', '}', 'in'])
const MAX_DEPTH = 64
const MAX_SUBSHELLS = 1000

type Op = string // '&&', '||', '|', '|&', ';', ';;', '&', '(', ')', 'newline', 'eof', or a redirection

class Parser extends Scanner implements GrammarHost {
  pending: PendingHeredoc[] = []
  readonly warnings: string[] = []
  heredocAtEof = false
  private subshells = 0

  private aliasing: AliasState

  constructor(
    src: string,
    private depth = 0,
    aliases?: ReadonlyMap<string, string>,
    firstLine = 1,
  ) {
    super(src, firstLine)
    this.aliasing = new AliasState(aliases)
    if (depth > MAX_DEPTH) throw new ParseError('expression nesting level exceeded')
  }

  parseProgram(): List {
    const chunks = this.parseChunks()
    return { items: chunks.flatMap((c) => c.items) }
  }

  /** Top-level commands one line at a time, as bash reads them: chunks parsed before an error are kept. */
  readonly chunks: List[] = []
  /** Where each chunk ends in the source as given (before alias substitution). */
  readonly chunkEnds: number[] = []

  parseChunks(): List[] {
    for (;;) {
      this.skipNewlines()
      if (this.peekOp() === 'eof') break
      const items: AndOr[] = []
      for (;;) {
        items.push(this.parseAndOr())
        const next = this.peekOp()
        if (next === ';' || next === '&') {
          if (next === '&') items[items.length - 1].background = true
          this.pos++
          const after = this.peekOp()
          if (after === 'eof') break
          if (after === 'newline') {
            this.consumeNewline()
            break
          }
          continue
        }
        if (next === 'newline') {
          this.consumeNewline()
          break
        }
        if (next === 'eof') break
        throw unexpected(next === 'word' ? this.peekWordText() : next)
      }
      this.chunks.push({ items })
      this.chunkEnds.push(this.pos - this.aliasing.grown)
    }
    this.finishHeredocs()
    return this.chunks
  }

  protected parseCommandSubstitution(): List {
    if (++this.depth > MAX_DEPTH) throw new ParseError('expression nesting level exceeded')
    const list = this.parseList('cmdsub')
    this.depth--
    this.skipBlanks()
    this.pos++ // the `)` parseList stopped at
    return list
  }

  protected parseNested(text: string): List {
    const p = new Parser(text, this.depth + 1, this.aliasing.aliases, this.lineAt(this.pos))
    const list = p.parseProgram()
    this.warnings.push(...p.warnings)
    return list
  }

  private parseList(context: 'cmdsub' | 'subshell'): List {
    const items: AndOr[] = []
    for (;;) {
      this.skipNewlines()
      const op = this.peekOp()
      if (op === 'eof') {
        if (context === 'cmdsub') throw new ParseError("unexpected EOF while looking for matching `)'", true)
        throw new ParseError('syntax error: unexpected end of file', true)
      }
      if (op === ')') break
      items.push(this.parseAndOr())
      const next = this.peekOp()
      if (next === ';' || next === '&' || next === 'newline') {
        if (next === '&') items[items.length - 1].background = true
        if (next === 'newline') this.consumeNewline()
        else this.pos += 1
        continue
      }
      if (next === 'eof' || next === ')') continue
      throw unexpected(next === 'word' ? this.peekWordText() : next)
    }
    return { items }
  }

  private parseAndOr(): AndOr {
    const first = this.parsePipeline()
    const rest: AndOr['rest'] = []
    for (;;) {
      const op = this.peekOp()
      if (op !== '&&' && op !== '||') break
      this.pos += 2
      this.skipNewlines()
      rest.push({ op, pipeline: this.parsePipeline() })
    }
    return { first, rest }
  }

  private parsePipeline(): Pipeline {
    this.skipBlanks()
    const time = readTime(this)
    const timed = time?.timed
    if (time?.alone) return { negated: false, commands: [], timed }
    let negated = false
    while (this.ch === '!' && isMeta(this.src[this.pos + 1])) {
      negated = !negated
      this.pos++
      this.skipBlanks()
    }
    const commands = [this.parseCommand()]
    for (;;) {
      const op = this.peekOp()
      if (op !== '|' && op !== '|&') break
      this.pos += op.length
      if (op === '|&') addRedirect(commands[commands.length - 1], { fd: 2, op: '>&', target: lit('1') })
      this.skipNewlines()
      commands.push(this.parseCommand())
    }
    return timed ? { negated, commands, timed } : { negated, commands }
  }

  command(): Command {
    return this.parseCommand()
  }

  private parseCommand(): Command {
    if (this.peekOp() === 'word') while (this.aliasing.expand(this)) this.peekOp()
    const op = this.peekOp()
    if (op === 'eof') throw new ParseError('syntax error: unexpected end of file', true)
    if (op === '(' && this.src[this.pos + 1] === '(') return { kind: 'arith', expr: this.readDoubleParen(), redirects: this.redirects() }
    if (op === 'word') {
      const w = this.peekReserved()
      if (w !== undefined && COMPOUND_START.has(w)) {
        if (++this.depth > MAX_DEPTH) throw new ParseError('expression nesting level exceeded')
        const c = parseCompound(this, w)
        this.depth--
        return c
      }
    }
    if (op === '(') {
      this.pos++
      // Subshells nest far deeper than compound commands, but not without end: past this the
      // answer would depend on the engine's stack size.
      if (++this.subshells > MAX_SUBSHELLS) throw new ParseError('expression nesting level exceeded')
      const body = this.parseList('subshell')
      this.subshells--
      this.pos++ // `)`
      if (body.items.length === 0) throw unexpected(')')
      const redirects: Redirect[] = []
      for (;;) {
        const r = this.peekOp()
        if (isRedirectOp(r)) redirects.push(this.parseRedirect())
        else if (r === 'word') throw unexpected(this.peekWordText())
        else break
      }
      return { kind: 'subshell', body, redirects }
    }
    const cmd: Command = { kind: 'simple', assignments: [], words: [], redirects: [], line: this.lineAt(this.pos) }
    for (;;) {
      const next = this.peekOp()
      if (isRedirectOp(next)) {
        cmd.redirects.push(this.parseRedirect())
        continue
      }
      if (next === '(' && cmd.words.length === 1 && cmd.assignments.length === 0) {
        // `name ( ) compound-command` defines a function.
        this.pos++
        const after = this.peekOp()
        if (after !== ')') throw unexpected(after === 'word' ? this.peekWordText() : after)
        this.pos++
        this.skipNewlines()
        return { kind: 'funcdef', name: cmd.words[0].raw, body: this.parseCommand(), redirects: [] }
      }
      if (next !== 'word') break
      const word = this.readWord()
      if (declarationArray(this, cmd, word)) continue
      if (cmd.words.length === 0) {
        const assignment = asAssignment(word)
        if (assignment) {
          arrayAssignment(this, assignment)
          cmd.assignments.push(assignment)
          continue
        }
        const plain = plainText(word)
        if (cmd.assignments.length === 0 && cmd.redirects.length === 0 && plain !== undefined) {
          if (RESERVED_UNEXPECTED.has(plain)) throw unexpected(plain)
          if (plain === 'select') throw new ParseError('select: compound commands are not supported by the lab shell')
        }
      }
      cmd.words.push(word)
    }
    if (cmd.words.length === 0 && cmd.assignments.length === 0 && cmd.redirects.length === 0) {
      const bad = this.peekOp()
      throw unexpected(bad === 'word' ? this.peekWordText() : bad)
    }
    return cmd
  }

  private parseRedirect(): Redirect {
    return parseRedirect(this)
  }

  // ---- the grammar host of compound.ts ----

  listUntil(stops: string[]): List {
    const items: AndOr[] = []
    for (;;) {
      this.skipNewlines()
      const op = this.peekOp()
      if (op === 'eof') throw new ParseError('syntax error: unexpected end of file', true)
      if (op === ';;' || op === ';&' || op === ';;&') break
      const w = op === 'word' ? this.peekReserved() : undefined
      if (w !== undefined && stops.includes(w)) {
        if (items.length === 0 && !stops.includes('esac')) throw unexpected(w)
        break
      }
      items.push(this.parseAndOr())
      const next = this.peekOp()
      if (next === ';' || next === '&') {
        if (next === '&') items[items.length - 1].background = true
        this.pos++
      } else if (next === 'newline') this.consumeNewline()
      else if (next !== 'eof' && next !== ';;' && next !== ';&' && next !== ';;&') throw unexpected(next === 'word' ? this.peekWordText() : next)
    }
    return { items }
  }

  peek(): string {
    return this.peekOp()
  }

  peekReserved(): string | undefined {
    if (this.peekOp() !== 'word') return undefined
    const save = this.pos
    try {
      return plainText(this.readWord())
    } catch {
      return undefined
    } finally {
      this.pos = save
    }
  }

  skipNewlines(): void {
    for (;;) {
      this.skipBlanks()
      if (this.ch !== '\n') return
      this.consumeNewline()
    }
  }

  advance(n: number): void {
    this.pos += n
  }

  readDoubleParen(): string {
    this.skipBlanks()
    const { text, end } = scanDoubleParen(this.src, this.pos)
    this.pos = end
    return text
  }

  redirects(): Redirect[] {
    const out: Redirect[] = []
    while (isRedirectOp(this.peekOp())) out.push(this.parseRedirect())
    return out
  }

  // ---- tokens ----

  /** Skip blanks, line continuations and comments (not newlines). */
  skipBlanks(): void {
    for (;;) {
      const c = this.ch
      if (c === ' ' || c === '\t') this.pos++
      else if (c === '\\' && this.src[this.pos + 1] === '\n') this.pos += 2
      else if (c === '#') {
        while (this.pos < this.src.length && this.ch !== '\n') this.pos++
      } else return
    }
  }


  /** What comes next, without consuming it: an operator, 'word', 'newline' or 'eof'. */
  peekOp(): Op {
    this.skipBlanks()
    const rest = this.src.slice(this.pos, this.pos + 16)
    if (rest === '') return 'eof'
    if (rest[0] === '\n') return 'newline'
    return operatorAt(rest)
  }

  private peekWordText(): string {
    const save = this.pos
    try {
      return this.readWord().raw
    } catch {
      return this.src.slice(save).split(/[\s;&|<>()]/)[0]
    } finally {
      this.pos = save
    }
  }

  private consumeNewline(): void {
    this.pos++
    const pending = this.pending
    this.pending = []
    for (const h of pending) this.readHeredoc(h)
  }

  private readHeredoc(h: PendingHeredoc): void {
    readHeredoc(this, h)
  }

  bodyParts(body: string): WordPart[] {
    return new Parser(body, this.depth + 1).heredocParts()
  }

  private finishHeredocs(): void {
    if (this.pending.length === 0) return
    const pending = this.pending
    this.pending = []
    for (const h of pending) this.readHeredoc(h)
  }

  heredocParts(): WordPart[] {
    return this.readParts('heredoc', true)
  }
}

/** Parse a whole input (several lines, here-documents included). Never throws. */
export function parse(src: string): ParseResult {
  const script = parseScript(src)
  if (script.error) return { ok: false, ...script.error }
  return { ok: true, list: { items: script.chunks.flatMap((c) => c.items) }, warnings: script.warnings, continues: script.continues }
}

/** Parse an input into top-level chunks (one per line, as bash reads them), its first line `firstLine`. Never throws. */
export function parseScript(src: string, aliases?: ReadonlyMap<string, string>, firstLine = 1): Script {
  const parser = new Parser(src, 0, aliases, firstLine)
  const original = src
  let error: Script['error']
  try {
    parser.parseChunks()
  } catch (e) {
    // Stack exhaustion on absurd nesting is reported like bash's too-deep expression.
    error = e instanceof ParseError ? { message: e.message, incomplete: e.incomplete, ...(e.keepStatus ? { keepStatus: true } : {}) } : { message: 'expression nesting level exceeded', incomplete: false }
  }
  return { chunks: parser.chunks, error, warnings: parser.warnings, continues: parser.heredocAtEof || parser.trailingBackslash, source: original, chunkEnds: parser.chunkEnds }
}

/** The text of `$(( ))` or `${V:o:l}` as parts: `$NAME`, `${...}` and `$(...)` inside it expand first. */
export function parseArithmeticText(text: string): WordPart[] {
  try {
    // as in double quotes, and the double quotes themselves go (`$(( "$a" + 1 ))`); `\"` is a quote
    return new Parser(text, 1).heredocParts().map((p) => (p.kind === 'lit' ? { ...p, text: p.text.replace(/\\"|"/g, (m) => (m === '"' ? '' : '"')) } : p))
  } catch {
    return [{ kind: 'lit', text, quoted: true }]
  }
}
