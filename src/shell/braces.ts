// Imitates: bash/braces.c (brace_expand). Brace expansion runs first, on a word's unquoted
// characters: `a{b,c}d`, nested braces, sequences `{1..5}`, `{05..1..2}`, `{a..e}`. Quoted text
// and `$` expansions take no part: they are atoms carried into every result unchanged. A `{`
// without a matching `}`, or whose inside has no top-level comma and is no sequence, stays literal.

import type { WordPart } from './parser/ast'

/** One unquoted character, or an atom (quoted text, an expansion) that brace syntax cannot touch. */
type Tok = string | WordPart

/** Thrown when a word would grow into more words than the lab allows. */
export class BraceLimit {
  constructor(readonly count: number) {}
}

/** Whether a word can need brace expansion at all (cheap test before the real work). */
export function mayBrace(parts: WordPart[]): boolean {
  return parts.some((p) => p.kind === 'lit' && !p.quoted && p.text.includes('{'))
}

/** The words a word's parts expand into; `limit` bounds how many words there may be. */
export function braceExpand(parts: WordPart[], limit: number): WordPart[][] {
  const toks: Tok[] = []
  for (const p of parts) {
    if (p.kind === 'lit' && !p.quoted) toks.push(...p.text)
    else toks.push(p)
  }
  return expand(toks, limit).map(rebuild)
}

function rebuild(toks: Tok[]): WordPart[] {
  const out: WordPart[] = []
  let lit = ''
  for (const t of toks) {
    const prev = out[out.length - 1]
    if (typeof t === 'string' && lit === '' && prev?.kind === 'var' && prev.bare && !prev.quoted && /[A-Za-z0-9_]/.test(t)) {
      // Brace expansion is textual in bash: `$HOME{a,b}` becomes `$HOMEa $HOMEb`.
      out[out.length - 1] = { ...prev, name: prev.name + t }
      continue
    }
    if (typeof t === 'string') lit += t
    else {
      if (lit) out.push({ kind: 'lit', text: lit, quoted: false })
      lit = ''
      out.push(t)
    }
  }
  if (lit) out.push({ kind: 'lit', text: lit, quoted: false })
  return out
}

function expand(toks: Tok[], limit: number): Tok[][] {
  for (let i = 0; i < toks.length; i++) {
    if (toks[i] !== '{') continue
    const close = matching(toks, i)
    if (close < 0) continue
    const inner = toks.slice(i + 1, close)
    const alternatives = splitCommas(inner) ?? sequence(inner, limit)
    if (!alternatives) continue
    const pre = toks.slice(0, i)
    const middles: Tok[][] = []
    for (const alt of alternatives) middles.push(...expand(alt, limit))
    const posts = expand(toks.slice(close + 1), limit)
    if (middles.length * posts.length > limit) throw new BraceLimit(middles.length * posts.length)
    const out: Tok[][] = []
    for (const m of middles) for (const p of posts) out.push([...pre, ...m, ...p])
    return out
  }
  return [toks]
}

/** Index of the `}` closing the `{` at `open`, or -1. */
function matching(toks: Tok[], open: number): number {
  let depth = 0
  for (let i = open; i < toks.length; i++) {
    if (toks[i] === '{') depth++
    else if (toks[i] === '}' && --depth === 0) return i
  }
  return -1
}

/** The comma-separated alternatives at depth 0, or undefined when there is no such comma. */
function splitCommas(inner: Tok[]): Tok[][] | undefined {
  const out: Tok[][] = []
  let cur: Tok[] = []
  let depth = 0
  for (const t of inner) {
    if (t === '{') depth++
    else if (t === '}') depth--
    if (t === ',' && depth === 0) {
      out.push(cur)
      cur = []
    } else cur.push(t)
  }
  out.push(cur)
  return out.length > 1 ? out : undefined
}

const INT = /^[-+]?[0-9]+$/

/** `x..y` or `x..y..incr` over integers or single characters, as bash's expand_seqterm. */
function sequence(inner: Tok[], limit: number): Tok[][] | undefined {
  if (inner.some((t) => typeof t !== 'string')) return undefined
  const parts = (inner as string[]).join('').split('..')
  if (parts.length !== 2 && parts.length !== 3) return undefined
  const [a, b, c] = parts
  if (c !== undefined && !INT.test(c)) return undefined
  let step = c === undefined ? 1 : Math.abs(Number(c)) || 1
  const count = (from: number, to: number) => Math.floor(Math.abs(to - from) / step) + 1
  if (INT.test(a) && INT.test(b)) {
    const from = Number(a)
    const to = Number(b)
    const padded = (s: string) => /^[-+]?0[0-9]/.test(s)
    const width = padded(a) || padded(b) ? Math.max(a.length, b.length) : 0
    if (count(from, to) > limit) throw new BraceLimit(count(from, to))
    const out: Tok[][] = []
    step = from <= to ? step : -step
    for (let n = from; from <= to ? n <= to : n >= to; n += step) out.push([...pad(n, width)])
    return out
  }
  if ([...a].length === 1 && [...b].length === 1 && /[A-Za-z]/.test(a) && /[A-Za-z]/.test(b)) {
    const from = a.codePointAt(0)!
    const to = b.codePointAt(0)!
    step = from <= to ? step : -step
    const out: Tok[][] = []
    for (let n = from; from <= to ? n <= to : n >= to; n += step) out.push([String.fromCodePoint(n)])
    return out
  }
  return undefined
}

function pad(n: number, width: number): string {
  const digits = String(Math.abs(n))
  const sign = n < 0 ? '-' : ''
  return sign + digits.padStart(width - sign.length, '0')
}
