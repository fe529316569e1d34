// A word's parts expanded into pieces, in bash's order (subst.c): tilde, parameters and their
// operators (`${V:-w}`, `#`, `%`, `/`, `^^`, `:offset`, `@Q` ...), `${!NAME}` and `${!PREFIX*}`,
// command and process substitution, and arithmetic; then expandString and expandPattern over them.
// Word splitting and pathname expansion of the pieces are expand.ts's.

import { transform } from './transform'
import { DEFAULTING, expandElement, type ElementOps } from './expandArrays'
import { byteLength } from '../common/bytes'
import { asBytes, bytePattern, byteWise, fromBytes } from './locale'
import type { ParamOp, WordPart } from './parser/ast'
import { matchPattern, removePrefix, removeSuffix, replacePattern, type PatternPiece } from './pattern'
import type { ShellEnv } from './types'
import { evalArithmetic } from './arith'
import { parseArithmeticText } from './parser/parser'
import { DEFAULT_LIMITS, expansionTooLong } from './limits'
import { positionalFields, specialParameter, unbound } from './params'
import { ExpansionError, endsScript, fatal, type ExpandContext, type Piece } from './expandContext'

/** Expand a word into one string, without splitting (assignments, here-documents, `[[`-like uses). */
export async function expandString(parts: WordPart[], ctx: ExpandContext): Promise<string> {
  const pieces = await expandParts(parts, ctx)
  return pieces.map((p) => p.text).join('')
}

export async function expandParts(parts: WordPart[], ctx: ExpandContext): Promise<Piece[]> {
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
