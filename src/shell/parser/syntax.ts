// Small pieces of the grammar shared by the parser: bash's "unexpected token" error, assignment
// words (NAME=value), here-document delimiters and literal words.

import type { Assignment, Command, Redirect, Word, WordPart } from './ast'
import { ParseError } from './scanner'

export function unexpected(token: string): ParseError {
  return new ParseError(`syntax error near unexpected token \`${token === 'eof' ? 'newline' : token}'`)
}

export function isRedirectOp(op: string): boolean {
  return /^(&>>|&>|>>|>\||>&|<<<|<<-|<<|<&|<>|>|<)$/.test(op)
}

export function lit(text: string): Word {
  return { parts: [{ kind: 'lit', text, quoted: false }], raw: text }
}

export function addRedirect(cmd: Command, r: Redirect): void {
  cmd.redirects.push(r)
}

/** The word's text if it is made only of unquoted literal characters. */
export function plainText(word: Word): string | undefined {
  if (word.parts.length !== 1) return undefined
  const p = word.parts[0]
  return p.kind === 'lit' && !p.quoted ? p.text : undefined
}

export function asAssignment(word: Word): Assignment | undefined {
  const first = word.parts[0]
  if (!first || first.kind !== 'lit' || first.quoted) return undefined
  // NAME=, NAME+=, NAME[SUBSCRIPT]= and NAME[SUBSCRIPT]+= (a subscript typed as it is, without expansions)
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:\[([^\]]*)\])?(\+?)=/.exec(first.text)
  if (!m) return elementAssignment(word)
  const restText = first.text.slice(m[0].length)
  const parts: WordPart[] = restText ? [{ kind: 'lit', text: restText, quoted: false }, ...word.parts.slice(1)] : word.parts.slice(1)
  return { name: m[1], value: { parts, raw: word.raw.slice(m[0].length) }, ...(m[3] ? { append: true as const } : {}), ...(m[2] !== undefined ? { index: m[2] } : {}) }
}

/**
 * `NAME[SUBSCRIPT]=VALUE` with an expansion in the subscript (`a[$i]=x`): the subscript's text as
 * typed (it is arithmetic, expanded when assigned), the value the parts after `]=`.
 */
function elementAssignment(word: Word): Assignment | undefined {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)\[([^\]]*)\](\+?)=/.exec(word.raw)
  if (!m || !(word.parts[0].kind === 'lit' && word.parts[0].text.startsWith(`${m[1]}[`))) return undefined
  // the unquoted literal part where the subscript's `]=` is
  const at = word.parts.findIndex((p, i) => i > 0 && p.kind === 'lit' && !p.quoted && /^[^\]]*\]\+?=/.test(p.text))
  if (at < 0) return undefined
  const end = word.parts[at] as { kind: 'lit'; text: string; quoted: boolean }
  const rest = end.text.slice(end.text.indexOf('=') + 1)
  const parts: WordPart[] = [...(rest ? [{ kind: 'lit' as const, text: rest, quoted: false }] : []), ...word.parts.slice(at + 1)]
  return { name: m[1], index: m[2], value: { parts, raw: word.raw.slice(m[0].length) }, ...(m[3] ? { append: true as const } : {}) }
}

export function heredocDelimiter(word: Word): { text: string; quoted: boolean } {
  // The delimiter is the word after quote removal; any quoting turns expansion off in the body.
  const quoted = /["'\\]/.test(word.raw)
  let text = ''
  for (const p of word.parts) {
    if (p.kind === 'lit') text += p.text
    else if (p.kind === 'var') text += '$' + p.name
    else if (p.kind === 'tilde') text += '~' + p.user
  }
  return { text, quoted }
}


/** The text of `(( ... ))` starting at `pos` (at the `((`), and the position after its `))`. */
export function scanDoubleParen(src: string, pos: number): { text: string; end: number } {
  let depth = 0
  let i = pos + 2
  for (; i < src.length; i++) {
    const c = src[i]
    if (c === '(') depth++
    else if (c === ')') {
      if (depth === 0 && src[i + 1] === ')') break
      if (depth > 0) depth--
    }
  }
  if (i >= src.length) throw new ParseError("unexpected EOF while looking for matching `)'", true)
  return { text: src.slice(pos + 2, i), end: i + 2 }
}
