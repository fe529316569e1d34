// Word expansion in bash's order (subst.c): brace expansion (braces.ts), then tilde, parameters,
// command substitution, arithmetic, word splitting of unquoted results on blanks, pathname
// expansion of fields with unquoted pattern characters (glob.ts, through the context) and quote
// removal.

import { transform } from './transform'
import { DEFAULTING, expandElement, type ElementOps } from './expandArrays'
import { byteLength, canonical } from '../common/bytes'
import { asBytes, bytePattern, byteWise, fromBytes } from './locale'
import type { List, ParamOp, Word, WordPart } from './parser/ast'
import { matchPattern, removePrefix, removeSuffix, replacePattern, type PatternPiece } from './pattern'
import type { ShellDialect, ShellEnv } from './types'
import { evalArithmetic } from './arith'
import { parseArithmeticText } from './parser/parser'
import { DEFAULT_LIMITS, expansionTooLong } from './limits'
import { BraceLimit, braceExpand, mayBrace } from './braces'
import type { Runtime } from './runtime'
import { positionalFields, specialParameter, unbound } from './params'

/** An expansion error: bash prints `bash: MESSAGE` and the command does not run (status 1). */
export class ExpansionError {
  /** `hint` is a lab-only line printed after bash's message, for mistakes the lesson invites. */
  /**
   * `fatal` errors (bad substitutions, arithmetic, `${V:?}`) abort the whole command line, as in
   * bash; a shell that is not interactive ends on one (dash and ash on each; bash on `ends`: an
   * unset variable under `set -u`, and `${V:?}`).
   */
  constructor(
    readonly message: string,
    readonly hint?: string,
    readonly fatal = false,
    readonly ends = false,
  ) {}
}

const fatal = (message: string) => new ExpansionError(message, undefined, true)
/** A fatal error that also ends a bash that is not interactive. */
const endsScript = (message: string) => new ExpansionError(message, undefined, true, true)

export interface ExpandContext {
  env: ShellEnv
  /** Whose words the shell's own errors use (a container's ash or dash words a failed redirection otherwise). */
  dialect?: ShellDialect
  lastStatus(): number
  /** Run a command substitution in a subshell; resolves to its standard output and status. */
  substitute(list: List): Promise<{ stdout: string; status: number }>
  /** `<(LIST)` / `>(LIST)`: the name of the file that stands for the list's output or input (absent: none, as in dash). */
  procsub?(dir: '<' | '>', body: List): Promise<string>
  /** Status of the last command substitution, for `A=$(false)` and commands made only of assignments. */
  substStatus?: number
  /** Longest word an expansion may produce (the lab's limit; DEFAULT_LIMITS.maxValue if absent). */
  maxValue?: number
  /** Print a message of an error that does not stop the expansion (already prefixed, as `bash: a: bad array subscript`). */
  warn?(text: string): void
  /** Spend one step of the command line's budget (throws when it is spent or Ctrl+C came). */
  step?(): void
  /** Pathname expansion of one field (glob.ts); absent: no globbing. Undefined for no pattern, [] when nothing matches. */
  glob?(field: PatternPiece[]): string[] | undefined
  /** Most words one brace expansion may produce. */
  maxFields?: number
  /** The shell's positional parameters, options, `$RANDOM` and pids (absent: bare defaults). */
  runtime?: Runtime
}

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

export interface Piece {
  text: string
  /** Unquoted expansion results are split into fields. */
  split: boolean
  /** Unquoted text (literal or expanded) whose `*`, `?` and `[` are pattern characters. */
  glob?: boolean
  /** Between two parameters of "$@": the field ends here (its text joins them in strings). */
  boundary?: boolean
}

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
        pieces.push({ text: part.text, split: false, glob: !part.quoted })
        break
      case 'tilde': {
        const home = part.user === '' || part.user === 'root' ? (ctx.env.get('HOME') ?? '/root') : undefined
        pieces.push({ text: home ?? '~' + part.user, split: false })
        break
      }
      case 'names': {
        // `${!PREFIX@}` quoted: a field each; `${!PREFIX*}` quoted: one, joined by IFS's first character
        const names = variableNames(ctx.env).filter((n) => n.startsWith(part.prefix))
        if (part.quoted && !part.at) pieces.push({ text: names.join((ctx.env.get('IFS') ?? ' ').slice(0, 1)), split: false })
        else names.forEach((n, i) => {
          if (i > 0) pieces.push({ text: ' ', split: false, boundary: true })
          pieces.push({ text: n, split: !part.quoted, glob: !part.quoted })
        })
        break
      }
      case 'var': {
        const v = part.indirect ? indirectPart(part, ctx) : part
        if (v.index !== undefined) {
          await expandElement(v, ctx, pieces, ELEMENT_OPS)
          break
        }
        const fields = v.quoted && !v.op ? positionalFields(v.name, ctx) : undefined
        if (fields) {
          // "$@": one field per parameter (none at all when there are none).
          fields.forEach((f, i) => {
            if (i > 0) pieces.push({ text: ' ', split: false, boundary: true })
            pieces.push({ text: f, split: false })
          })
          break
        }
        // an unquoted ${V:-word} (-, :+, +) that takes its word: the word's own quoted parts stay whole
        // ("${u:-"a  b"}" is one field), the rest is split and globbed as the expansion is
        const word = !v.quoted && v.op ? await wordTaken(v.name, v.op, ctx) : undefined
        if (word) {
          for (const p of await expandParts(word, ctx)) pieces.push(p.boundary ? p : { ...p, split: p.split || p.glob === true })
          break
        }
        const value = await expandVar(v.name, v.op, ctx)
        pieces.push({ text: value, split: !v.quoted, glob: !v.quoted })
        break
      }
      case 'cmdsub': {
        const r = await ctx.substitute(part.body)
        ctx.substStatus = r.status
        pieces.push({ text: r.stdout.replace(/\n+$/, ''), split: !part.quoted, glob: !part.quoted })
        break
      }
      case 'arith': {
        // `$[expr]` is bash's alone: dash and busybox ash leave it as it is written
        if (part.old && ctx.dialect !== undefined && ctx.dialect !== 'bash') pieces.push({ text: `$[${part.expr}]`, split: !part.quoted, glob: !part.quoted })
        else pieces.push({ text: String(await arith(part.expr, ctx)), split: !part.quoted, glob: !part.quoted })
        break
      }
      case 'procsub': {
        // (dash has none: its parser stops there)
        if (!ctx.procsub) throw fatal('Syntax error: "(" unexpected')
        pieces.push({ text: await ctx.procsub(part.dir, part.body), split: false, glob: false })
        break
      }
      case 'badsub':
        throw fatal(`${part.text}: bad substitution`)
    }
    size += pieces[pieces.length - 1]?.text.length ?? 0
    if (size > max) throw new ExpansionError(expansionTooLong(max))
  }
  return pieces
}

type VarPart = Extract<WordPart, { kind: 'var' }>

/** `${!NAME}`: NAME's value names the parameter (`x`, `1`, `a[2]`) expanded in its place, with the operator. */
function indirectPart(part: VarPart, ctx: ExpandContext): VarPart {
  const ref = specialParameter(part.name, ctx) ?? ctx.env.get(part.name)
  if (ref === undefined) throw fatal(`${part.name}: invalid indirect expansion`)
  const m = /^(?:([A-Za-z_][A-Za-z0-9_]*)(?:\[([^\]]*)\])?|([0-9]+|[?$#!@*-]))$/.exec(ref)
  if (!m) throw fatal(`${ref}: invalid variable name`)
  return { kind: 'var', name: m[1] ?? m[3], quoted: part.quoted, ...(part.op ? { op: part.op } : {}), ...(m[2] !== undefined ? { index: m[2] } : {}) }
}

/** Every variable's name, arrays too, in C order (bash's `${!PREFIX*}`). */
function variableNames(env: ShellEnv): string[] {
  const names = new Set([...Object.keys(env.all?.() ?? env.exported()), ...(env.arrayNames?.() ?? [])])
  return [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
}

/** The word of `${V:-word}`, `${V-word}`, `${V:+word}` or `${V+word}` when the expansion is that word; else undefined. */
async function wordTaken(name: string, op: ParamOp, ctx: ExpandContext): Promise<WordPart[] | undefined> {
  if (!['-', ':-', '+', ':+'].includes(op.op) || !/^[A-Za-z_]/.test(name)) return undefined
  const value = ctx.env.get(name)
  const set = value !== undefined
  const taken = op.op === ':-' ? !value : op.op === '-' ? !set : op.op === ':+' ? !!value : set
  return taken ? op.word : undefined
}

async function expandVar(name: string, op: ParamOp | undefined, ctx: ExpandContext): Promise<string> {
  const value = specialParameter(name, ctx) ?? ctx.env.get(name)
  if (value === undefined && ctx.runtime?.has('nounset') && !(op && DEFAULTING.has(op.op)) && name !== '@' && name !== '*') {
    throw endsScript(unbound(name))
  }
  return applyOp(name, value, op, ctx)
}

/** What expandArrays.ts uses of this module. */
const ELEMENT_OPS: ElementOps = {
  applyOp,
  arith,
  fail: fatal,
  unset: endsScript,
  subscriptText: (text, ctx) => expandString(parseArithmeticText(text), ctx),
}

/**
 * The operators of bash that a container's shell lacks: dash has POSIX's alone (defaults and the
 * `#` and `%` trims), busybox ash has the substitutions and `:offset` too. They are a bad substitution there.
 */
const LACKS: Record<'dash' | 'ash', ReadonlySet<ParamOp['op']>> = {
  dash: new Set(['/', '//', '/#', '/%', '^^', '^', ',,', ',', '~~', '~', 'substr', '@']),
  ash: new Set(['^^', '^', ',,', ',', '~~', '~', '@']),
}

/** A parameter's operator (`:-`, `#`, `/`, `^^`, `:offset` ...) on its value. */
async function applyOp(name: string, value: string | undefined, op: ParamOp | undefined, ctx: ExpandContext): Promise<string> {
  if (!op) return value ?? ''
  if ((ctx.dialect === 'dash' || ctx.dialect === 'ash') && LACKS[ctx.dialect].has(op.op)) throw fatal(`\${${name}}: bad substitution`)
  const v = value ?? ''
  switch (op.op) {
    case '#len':
      if ((name === '@' || name === '*') && ctx.runtime) return String(ctx.runtime.positional.length)
      return String(byteWise(ctx.env, v) ? byteLength(v) : [...v].length)
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
      const w = await expandString(op.word, ctx)
      ctx.env.set(name, w)
      return w
    }
    case ':?':
    case '?': {
      if (op.op === ':?' ? value : value !== undefined) return value!
      const msg = await expandString(op.word, ctx)
      throw endsScript(`${name}: ${msg || (op.op === ':?' ? 'parameter null or not set' : 'parameter not set')}`)
    }
    case '#':
    case '##': {
      const pattern = await expandPattern(op.word, ctx)
      return byteWise(ctx.env, v, ...pattern.map((p) => p.text))
        ? fromBytes(removePrefix(asBytes(v), bytePattern(pattern), op.op === '##'))
        : removePrefix(v, pattern, op.op === '##')
    }
    case '%':
    case '%%': {
      const pattern = await expandPattern(op.word, ctx)
      return byteWise(ctx.env, v, ...pattern.map((p) => p.text))
        ? fromBytes(removeSuffix(asBytes(v), bytePattern(pattern), op.op === '%%'))
        : removeSuffix(v, pattern, op.op === '%%')
    }
    case '/':
    case '//':
    case '/#':
    case '/%': {
      const pattern = await expandPattern(op.word, ctx)
      const rep = await expandPattern(op.replacement ?? [], ctx)
      return byteWise(ctx.env, v, ...pattern.map((p) => p.text), ...rep.map((p) => p.text))
        ? fromBytes(replacePattern(asBytes(v), bytePattern(pattern), bytePattern(rep), op.op))
        : replacePattern(v, pattern, rep, op.op)
    }
    case '^^':
    case '^':
    case ',,':
    case ',':
    case '~~':
    case '~': {
      const pattern = op.word.length ? await expandPattern(op.word, ctx) : undefined
      return byteWise(ctx.env, v, ...(pattern ?? []).map((p) => p.text))
        ? fromBytes(changeCase(asBytes(v), op.op, pattern && bytePattern(pattern), true))
        : changeCase(v, op.op, pattern, false)
    }
    case '@':
      return transform(op.letter ?? 'Q', name, value, ctx)
    case 'substr':
      return byteWise(ctx.env, v) ? fromBytes(await substring(asBytes(v), op, ctx)) : substring(v, op, ctx)
  }
  return v
}

async function arith(text: string, ctx: ExpandContext): Promise<bigint> {
  const expr = await expandString(parseArithmeticText(text), ctx)
  const r = evalArithmetic(expr, ctx.env, (m) => ctx.warn?.(`bash: ${m}\n`))
  if (typeof r === 'string') throw fatal(r)
  return r
}

async function substring(v: string, op: ParamOp, ctx: ExpandContext): Promise<string> {
  const chars = [...v]
  const len = BigInt(chars.length)
  let start = await arith(op.offset ?? '', ctx)
  if (start < 0n) start += len
  if (start < 0n || start > len) return ''
  let end = len
  if (op.length !== undefined) {
    const l = await arith(op.length, ctx)
    if (l < 0n) {
      end = len + l
      if (end < start) throw fatal(`${op.length}: substring expression < 0`)
    } else end = start + l > len ? len : start + l
  }
  return chars.slice(Number(start), Number(end)).join('')
}

/** `${V^^}`, `${V,,}`, `${V~~}` and kin; `asciiOnly` (the C locale, over bytes) changes A-Z and a-z only, as toupper does there. */
function changeCase(v: string, op: '^^' | '^' | ',,' | ',' | '~~' | '~', pattern: PatternPiece[] | undefined, asciiOnly: boolean): string {
  const all = op.length === 2
  const keep = (c: string) => (pattern !== undefined && !matchPattern(pattern, c)) || (asciiOnly && !/[A-Za-z]/.test(c))
  // `~~` and `~` toggle: upper to lower, lower to upper
  const change = (c: string) => (op[0] === '^' ? c.toUpperCase() : op[0] === ',' ? c.toLowerCase() : c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())
  const conv = (c: string) => (keep(c) ? c : change(c))
  const chars = [...v]
  return all ? chars.map(conv).join('') : chars.length ? conv(chars[0]) + chars.slice(1).join('') : ''
}

/** A pattern word: quoted text matches itself, unquoted text and unquoted expansions are patterns (also `case` and `[[ == ]]`). */
export async function expandPattern(parts: WordPart[], ctx: ExpandContext): Promise<PatternPiece[]> {
  const out: PatternPiece[] = []
  for (const p of parts) {
    const pieces = await expandParts([p], ctx)
    const quoted = p.kind === 'tilde' || p.kind === 'procsub' ? true : p.kind === 'badsub' ? false : p.quoted
    for (const piece of pieces) out.push({ text: piece.text, quoted })
  }
  return out
}
