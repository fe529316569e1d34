// One redirection as parse.y's redirection rule reads it: an optional fd number, the operator and
// its word. `<<` and `<<-` only register a pending here-document (heredoc.ts reads the body).

import type { RedirOp, Redirect, Word } from './ast'
import type { PendingHeredoc } from './heredoc'
import { heredocDelimiter, unexpected } from './syntax'

export interface RedirectSource {
  readonly src: string
  pos: number
  pending: PendingHeredoc[]
  skipBlanks(): void
  peekOp(): string
  readWord(): Word
  /** The line of a position (Scanner.lineAt), and the line the source starts on. */
  lineAt(pos: number): number
  readonly firstLine: number
}

/** A redirection operator at the start of the text (after its fd digits). */
const REDIRECT_OP = /^(&>>|&>|>>|>\||>&|<<<|<<-|<<|<&|<>|>|<)/

/**
 * The operator the text starts with: a redirection (`2>` gives `>`), `&&`, `|`, `;;`, `(`... or
 * `word` (`<(` and `>(` begin a word: process substitution).
 */
export function operatorAt(text: string): string {
  if (/^[<>]\(/.test(text)) return 'word'
  const redir = REDIRECT_OP.exec(text.replace(/^[0-9]+/, ''))
  if (redir) return redir[1]!
  const m = /^(&&|\|\||\|&|;;&|;;|;&|\||;|&|\(|\))/.exec(text)
  return m ? m[1]! : 'word'
}

export function parseRedirect(p: RedirectSource): Redirect {
  let fd: number | undefined
  const digits = /^[0-9]+/.exec(p.src.slice(p.pos, p.pos + 12))
  if (digits) {
    fd = Number(digits[0])
    p.pos += digits[0].length
  }
  const m = REDIRECT_OP.exec(p.src.slice(p.pos, p.pos + 3))!
  p.pos += m[0].length
  let op = m[1] as RedirOp | '>|' | '<<-' | '<>'
  p.skipBlanks()
  const next = p.peekOp()
  if (next !== 'word') throw unexpected(next === 'eof' ? 'newline' : next)
  const target = p.readWord()
  const typed = op === '>|' ? { force: true as const } : op === '<>' ? { readWrite: true as const } : {}
  if (op === '>|') op = '>'
  if (op === '<>') op = '<'
  if (op === '<<' || op === '<<-') {
    const { text, quoted } = heredocDelimiter(target)
    const redirect: Redirect = { fd: fd ?? 0, op: '<<', heredoc: { body: [], delimiter: text, typed: target.raw } }
    // (the end-of-file warning counts lines within this input)
    p.pending.push({ redirect, delimiter: text, expand: !quoted, stripTabs: op === '<<-', line: p.lineAt(p.pos) - p.firstLine + 1 })
    return redirect
  }
  if (op === '>&' && fd === undefined && !/^([0-9]+|-)$/.test(target.raw)) return { fd: 1, op: '&>', target }
  const defaultFd = op === '<' || op === '<&' || op === '<<<' ? 0 : 1
  return { fd: fd ?? defaultFd, op, target, ...typed }
}
