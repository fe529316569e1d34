// Word expansion in bash's order (subst.c): tilde, parameters, command substitution, arithmetic,
// then word splitting of unquoted results on blanks and quote removal. No pathname expansion:
// the lab has no globbing, so `*` stays a literal `*`.

import type { List, Word, WordPart } from './parser/ast'
import type { ShellEnv } from './types'
import { evalArithmetic } from './arith'
import { DEFAULT_LIMITS, expansionTooLong } from './limits'

/** An expansion error: bash prints `bash: MESSAGE` and the command does not run (status 1). */
export class ExpansionError {
  /** `hint` is a lab-only line printed after bash's message, for mistakes the lesson invites. */
  constructor(readonly message: string, readonly hint?: string) {}
}

export interface ExpandContext {
  env: ShellEnv
  lastStatus(): number
  /** Run a command substitution in a subshell; resolves to its standard output and status. */
  substitute(list: List): Promise<{ stdout: string; status: number }>
  /** Status of the last command substitution, for `A=$(false)` and commands made only of assignments. */
  substStatus?: number
  /** Longest word an expansion may produce (the lab's limit; DEFAULT_LIMITS.maxValue if absent). */
  maxValue?: number
  /** Spend one step of the command line's budget (throws when it is spent or Ctrl+C came). */
  step?(): void
}

const IFS_WHITESPACE = new Set([' ', '\t', '\n'])

interface Piece {
  text: string
  /** Unquoted expansion results are split into fields. */
  split: boolean
}

/** Expand words into argv fields (with word splitting). */
export async function expandWords(words: Word[], ctx: ExpandContext): Promise<string[]> {
  const out: string[] = []
  for (const w of words) out.push(...(await expandFields(w, ctx)))
  return out
}

export async function expandFields(word: Word, ctx: ExpandContext): Promise<string[]> {
  const pieces = await expandParts(word.parts, ctx)
  const fields: string[] = []
  let cur = ''
  let have = false
  for (const p of pieces) {
    if (!p.split) {
      cur += p.text
      have = true
      continue
    }
    for (const ch of p.text) {
      if (IFS_WHITESPACE.has(ch)) {
        if (have) fields.push(cur)
        cur = ''
        have = false
      } else {
        cur += ch
        have = true
      }
    }
  }
  if (have) fields.push(cur)
  return fields
}

/** Expand a word into one string, without splitting (assignments, here-documents, `[[`-like uses). */
export async function expandString(parts: WordPart[], ctx: ExpandContext): Promise<string> {
  const pieces = await expandParts(parts, ctx)
  return pieces.map((p) => p.text).join('')
}

async function expandParts(parts: WordPart[], ctx: ExpandContext): Promise<Piece[]> {
  const pieces: Piece[] = []
  const max = ctx.maxValue ?? DEFAULT_LIMITS.maxValue
  let size = 0
  for (const part of parts) {
    ctx.step?.()
    switch (part.kind) {
      case 'lit':
        pieces.push({ text: part.text, split: false })
        break
      case 'tilde': {
        const home = part.user === '' || part.user === 'root' ? (ctx.env.get('HOME') ?? '/root') : undefined
        pieces.push({ text: home ?? '~' + part.user, split: false })
        break
      }
      case 'var': {
        const value = await expandVar(part.name, part.op, ctx)
        pieces.push({ text: value, split: !part.quoted })
        break
      }
      case 'cmdsub': {
        const r = await ctx.substitute(part.body)
        ctx.substStatus = r.status
        pieces.push({ text: r.stdout.replace(/\n+$/, ''), split: !part.quoted })
        break
      }
      case 'arith': {
        const expr = await expandString(parseArithText(part.expr), ctx)
        const r = evalArithmetic(expr, ctx.env)
        if (typeof r === 'string') throw new ExpansionError(r)
        pieces.push({ text: String(r), split: !part.quoted })
        break
      }
      case 'badsub':
        throw new ExpansionError(`${part.text}: bad substitution`)
    }
    size += pieces[pieces.length - 1].text.length
    if (size > max) throw new ExpansionError(expansionTooLong(max))
  }
  return pieces
}

async function expandVar(name: string, op: { op: string; word: WordPart[] } | undefined, ctx: ExpandContext): Promise<string> {
  const value = special(name, ctx) ?? ctx.env.get(name)
  if (!op) return value ?? ''
  switch (op.op) {
    case '#len':
      return String([...(value ?? '')].length)
    case ':-':
      return value ? value : expandString(op.word, ctx)
    case '-':
      return value !== undefined ? value : expandString(op.word, ctx)
    case ':+':
      return value ? expandString(op.word, ctx) : ''
    case '+':
      return value !== undefined ? expandString(op.word, ctx) : ''
    case ':=':
    case '=': {
      if (op.op === ':=' ? value : value !== undefined) return value!
      const v = await expandString(op.word, ctx)
      ctx.env.set(name, v)
      return v
    }
  }
  return value ?? ''
}

function special(name: string, ctx: ExpandContext): string | undefined {
  switch (name) {
    case '?':
      return String(ctx.lastStatus())
    case '$':
      return '1'
    case '#':
      return '0'
    case '0':
      return 'bash'
    case '-':
      return 'himBH'
    case '!':
    case '@':
    case '*':
      return ''
  }
  if (/^[1-9]$/.test(name)) return ''
  return undefined
}

/** `$((...))` text may hold `$VAR` and `$(...)`: parse it like a double-quoted string. */
function parseArithText(expr: string): WordPart[] {
  // Only `$NAME`/`${NAME}` are substituted textually; bare names are resolved by the evaluator.
  const parts: WordPart[] = []
  const re = /\$\{?([A-Za-z_][A-Za-z0-9_]*|\?)\}?/g
  let last = 0
  for (let m = re.exec(expr); m; m = re.exec(expr)) {
    parts.push({ kind: 'lit', text: expr.slice(last, m.index), quoted: true })
    parts.push({ kind: 'var', name: m[1], quoted: true })
    last = m.index + m[0].length
  }
  parts.push({ kind: 'lit', text: expr.slice(last), quoted: true })
  return parts
}
