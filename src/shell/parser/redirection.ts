// One redirection as parse.y's redirection rule reads it: an optional fd number, the operator and
// its word. `<<` and `<<-` only register a pending here-document (heredoc.ts reads the body).

import type { RedirOp, Redirect, Word } from './ast'
import { lineAt, type PendingHeredoc } from './heredoc'
import { heredocDelimiter, unexpected } from './syntax'

export interface RedirectSource {
  readonly src: string
  pos: number
  pending: PendingHeredoc[]
  skipBlanks(): void
  peekOp(): string
  readWord(): Word
}

export function parseRedirect(p: RedirectSource): Redirect {
  let fd: number | undefined
  const digits = /^[0-9]+/.exec(p.src.slice(p.pos, p.pos + 12))
  if (digits) {
    fd = Number(digits[0])
    p.pos += digits[0].length
  }
  const m = /^(&>>|&>|>>|>\||>&|<<<|<<-|<<|<&|<>|>|<)/.exec(p.src.slice(p.pos, p.pos + 3))!
  p.pos += m[0].length
  let op = m[1] as RedirOp | '>|' | '<<-' | '<>'
  p.skipBlanks()
  const next = p.peekOp()
  if (next !== 'word') throw unexpected(next === 'eof' ? 'newline' : next)
  const target = p.readWord()
  if (op === '>|') op = '>'
  if (op === '<>') op = '<'
  if (op === '<<' || op === '<<-') {
    const redirect: Redirect = { fd: fd ?? 0, op: '<<', heredoc: { body: [], delimiter: '' } }
    const { text, quoted } = heredocDelimiter(target)
    redirect.heredoc!.delimiter = text
    p.pending.push({ redirect, delimiter: text, expand: !quoted, stripTabs: op === '<<-', line: lineAt(p.src, p.pos) })
    return redirect
  }
  if (op === '>&' && fd === undefined && !/^([0-9]+|-)$/.test(target.raw)) return { fd: 1, op: '&>', target }
  const defaultFd = op === '<' || op === '<&' || op === '<<<' ? 0 : 1
  return { fd: fd ?? defaultFd, op, target }
}
