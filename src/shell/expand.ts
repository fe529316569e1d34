// Word expansion in bash's order (subst.c): brace expansion (braces.ts), then tilde, parameters,
// command substitution, arithmetic (expandParts.ts), word splitting of unquoted results on blanks,
// pathname expansion of fields with unquoted pattern characters (glob.ts, through the context) and
// quote removal.

import { canonical } from '../common/bytes'
import type { Word, WordPart } from './parser/ast'
import type { PatternPiece } from './pattern'
import { BraceLimit, braceExpand, mayBrace } from './braces'
import { fatal, type ExpandContext } from './expandContext'
import { expandParts } from './expandParts'
export { ExpansionError, type ExpandContext, type Piece } from './expandContext'
export { expandPattern, expandString } from './expandParts'

/**
 * What a command substitution keeps of its output before trailing newlines go: the bytes as one
 * stream, NUL bytes dropped with bash's warning (a shell variable cannot hold them).
 */
export function substitutionOutput(out: string, stderr: (text: string) => void): string {
  const text = canonical(out)
  if (!text.includes('\0')) return text
  stderr('bash: warning: command substitution: ignored null byte in input\n')
  return text.replaceAll('\0', '')
}

const IFS_WHITESPACE = new Set([' ', '\t', '\n'])

/** Expand words into argv fields: braces, expansions, word splitting, pathnames, quote removal. */
export async function expandWords(words: Word[], ctx: ExpandContext): Promise<string[]> {
  const out: string[] = []
  for (const w of words) {
    if (!mayBrace(w.parts)) {
      append(out, await expandFields(w, ctx))
      continue
    }
    let variants: WordPart[][]
    try {
      variants = braceExpand(w.parts, ctx.maxFields ?? DEFAULT_MAX_FIELDS)
    } catch (e) {
      if (e instanceof BraceLimit) throw fatal(`brace expansion: ${e.count} words is more than the lab allows`)
      throw e
    }
    for (const parts of variants) append(out, await expandFields({ parts, raw: w.raw }, ctx))
  }
  return out
}

const DEFAULT_MAX_FIELDS = 100_000

/** `out.push(...more)` without spreading: a word may give more fields than a call takes arguments (`$(seq 200000)`). */
function append(out: string[], more: readonly string[]): void {
  for (const m of more) out.push(m)
}

export async function expandFields(word: Word, ctx: ExpandContext): Promise<string[]> {
  const pieces = await expandParts(word.parts, ctx)
  const fields: PatternPiece[][] = []
  let cur: PatternPiece[] = []
  let have = false
  // Field splitting (POSIX 2.6.5, bash's list_string): IFS unset splits at space, tab and newline;
  // IFS empty does not split. Runs of IFS white space delimit, and are dropped at either end; any
  // other IFS character delimits one field, with the white space around it.
  const ifs = ctx.env.get('IFS') ?? ' \t\n'
  let endedByWhite = false
  for (const p of pieces) {
    if (p.boundary) {
      fields.push(cur)
      cur = []
      have = true
      endedByWhite = false
      continue
    }
    if (!p.split) {
      cur.push({ text: p.text, quoted: !p.glob })
      have = true
      endedByWhite = false
      continue
    }
    let run = ''
    for (const ch of p.text) {
      if (!ifs.includes(ch)) {
        run += ch
        have = true
        endedByWhite = false
        continue
      }
      if (run) cur.push({ text: run, quoted: false })
      run = ''
      const white = IFS_WHITESPACE.has(ch)
      // a field ends here; a delimiter with none before it (`a,,b`, a leading `,`) makes an empty one,
      // except the IFS character that follows the white space which ended a field (`a , b`)
      if (have || (!white && !endedByWhite)) fields.push(cur)
      if (have && white) endedByWhite = true
      else if (!white) endedByWhite = false
      cur = []
      have = false
    }
    if (run) cur.push({ text: run, quoted: false })
  }
  if (have) fields.push(cur)
  const out: string[] = []
  for (const f of fields) {
    const paths = ctx.glob?.(f)
    const word = () => f.map((p) => p.text).join('')
    if (paths?.length) append(out, paths)
    // no match: the word as it is, unless shopt's nullglob drops it or failglob fails the command
    else if (paths && ctx.runtime?.shopts.has('failglob')) throw fatal(`no match: ${word()}`)
    else if (!paths || !ctx.runtime?.shopts.has('nullglob')) out.push(word())
  }
  return out
}
