// Imitates: bash/subst.c array_value and parameter_brace_expand for arrays. `${a[i]}`, `${a[@]}`,
// `${#a[@]}`, `${!a[@]}` and their operators, of an indexed array (the subscript is arithmetic) and
// of an associative one (it is the key's text, in bash's order): pieces as for a variable, and
// "${a[@]}" one field each. The operators themselves are expandParts.ts's, handed in (ElementOps).

import type { ExpandContext, Piece } from './expand'
import type { ParamOp, WordPart } from './parser/ast'
import { elementsOf, resolveIndex } from './arrays'
import type { AssocArray } from './assocArray'
import { transformArray, transformAssoc } from './transform'
import { unbound } from './params'

type VarPart = Extract<WordPart, { kind: 'var' }>

/** What an element's expansion needs of expandParts.ts: an operator on a value, arithmetic, a fatal error. */
export interface ElementOps {
  applyOp(name: string, value: string | undefined, op: ParamOp | undefined, ctx: ExpandContext): Promise<string>
  arith(text: string, ctx: ExpandContext): Promise<bigint>
  fail(message: string): Error | object
  /** An unset element under `set -u`: fatal, and it ends a bash that is not interactive. */
  unset(message: string): Error | object
  /** A subscript expanded as text (an associative array's key). */
  subscriptText(text: string, ctx: ExpandContext): Promise<string>
}

/** The operators that give a value to an unset parameter (set -u lets them through). */
export const DEFAULTING = new Set([':-', '-', ':+', '+', ':=', '=', ':?', '?'])

/** `${a[i]}`, `${a[@]}`, `${#a[@]}`, `${!a[@]}` and their operators (arrays.ts): pieces as for a variable, "${a[@]}" one field each. */
export async function expandElement(part: VarPart, ctx: ExpandContext, pieces: Piece[], ops: ElementOps): Promise<void> {
  const assoc = ctx.env.assoc(part.name)
  if (assoc) return expandAssocElement(part, assoc, ctx, pieces, ops)
  const els = elementsOf(ctx.env, part.name)
  if (part.index !== '@' && part.index !== '*') {
    const index = resolveIndex(els, await ops.arith(part.index ?? '0', ctx), !ctx.env.array(part.name))
    // (bash reports a bad subscript and goes on with no value)
    if (index === undefined) ctx.warn?.(`bash: ${part.name}: bad array subscript\n`)
    return pushElement(part, index === undefined ? undefined : els.get(index), ctx, pieces, ops)
  }
  if (part.op?.op === '#len') {
    pieces.push({ text: String(els.size), split: false })
    return
  }
  const letter = part.op?.op === '@' ? part.op.letter : undefined
  if ((letter === 'A' || letter === 'K' || letter === 'k') && ctx.env.array(part.name)) {
    pushWholeArray(part, letter, transformArray(letter, part.name, els, ctx), pieces)
    return
  }
  const sorted = els.sorted()
  await pushValues(part, part.keys ? sorted.map(([i]) => String(i)) : sorted.map(([, v]) => v), ctx, pieces, ops)
}

/** `${m[KEY]}`, `${m[@]}`, `${!m[@]}`, `${#m[@]}` of an associative array (keys are text, in bash's order). */
async function expandAssocElement(part: VarPart, m: AssocArray, ctx: ExpandContext, pieces: Piece[], ops: ElementOps): Promise<void> {
  if (part.index !== '@' && part.index !== '*') {
    return pushElement(part, m.get(await ops.subscriptText(part.index ?? '0', ctx)), ctx, pieces, ops)
  }
  if (part.op?.op === '#len') {
    pieces.push({ text: String(m.size), split: false })
    return
  }
  const letter = part.op?.op === '@' ? part.op.letter : undefined
  if (letter === 'A' || letter === 'K' || letter === 'k') {
    pushWholeArray(part, letter, transformAssoc(letter, part.name, m, ctx), pieces)
    return
  }
  const ordered = m.ordered()
  await pushValues(part, part.keys ? ordered.map(([k]) => k) : ordered.map(([, v]) => v), ctx, pieces, ops)
}

/** One element's value (undefined: unset, an error under set -u) through the part's operator. */
async function pushElement(part: VarPart, value: string | undefined, ctx: ExpandContext, pieces: Piece[], ops: ElementOps): Promise<void> {
  if (value === undefined && ctx.runtime?.has('nounset') && !(part.op && DEFAULTING.has(part.op.op))) throw ops.unset(unbound(`${part.name}[${part.index}]`))
  pieces.push({ text: await ops.applyOp(part.name, value, part.op, ctx), split: !part.quoted, glob: !part.quoted })
}

/** `${a[@]@A}`, `@K` (one word) and `@k` (a word for each key and each value): the whole array at once. */
function pushWholeArray(part: VarPart, letter: string, words: string[], pieces: Piece[]): void {
  words.forEach((w, i) => {
    if (i > 0) pieces.push({ text: ' ', split: !part.quoted, boundary: part.quoted })
    pieces.push({ text: w, split: !part.quoted && letter === 'k', glob: !part.quoted })
  })
}

/** An array's values (or keys) as `${a[@]}` gives them: one field each when quoted with @, else joined. */
async function pushValues(part: VarPart, all: string[], ctx: ExpandContext, pieces: Piece[], ops: ElementOps): Promise<void> {
  let values = all
  if (part.op?.op === 'substr') {
    let from = await ops.arith(part.op.offset ?? '0', ctx)
    if (from < 0n) from += BigInt(values.length)
    const length = part.op.length === undefined ? undefined : await ops.arith(part.op.length, ctx)
    if (length !== undefined && length < 0n) throw ops.fail(`${part.op.length}: substring expression < 0`)
    values = from < 0n ? [] : values.slice(Number(from), length === undefined ? undefined : Number(from + length))
  } else if (part.op) {
    const op = part.op
    values = await Promise.all(values.map((v) => ops.applyOp(part.name, v, op, ctx)))
  }
  if (part.quoted && part.index === '@') {
    values.forEach((f, i) => {
      if (i > 0) pieces.push({ text: ' ', split: false, boundary: true })
      pieces.push({ text: f, split: false })
    })
    return
  }
  const ifs = ctx.env.get('IFS')
  const sep = part.quoted ? (ifs === undefined ? ' ' : ifs.slice(0, 1)) : ' '
  pieces.push({ text: values.join(sep), split: !part.quoted, glob: !part.quoted })
}
