// Finding JWTs in text (terminal output, shell variables) and checking pasted text before it is
// decoded: a real service-account token is about a kilobyte, so anything far bigger is refused
// without being decoded, to keep the page responsive. The one token finder of the lab.

import { base64urlValue } from '../common/base64'

/** Longest text the decoder accepts (a real token is about 1 KB; legacy ones the same). */
export const MAX_TOKEN_CHARS = 16 * 1024

/** Only the first this many characters of a text are searched for tokens. */
export const MAX_SCAN_CHARS = 1024 * 1024

/** At most this many different tokens are reported from one text. */
export const MAX_TOKENS_PER_SCAN = 500

export interface ScanOptions {
  maxChars?: number
  maxTokens?: number
  /** Counts the characters the scanner looked at (for the test that it is linear). */
  stats?: { steps: number }
}

// A JWT in text is three base64url segments, the first starting with `eyJ` (`{"` encoded), the
// signature possibly empty, standing alone: not preceded by a base64url character or a dot, and not
// followed by one or by a dot and another segment (that would be a fourth part). The scan is one
// pass over the text with no backtracking, so `eyJ`-like text of any shape costs linear time.

const DOT = 46
const isRunChar = (c: number) => c === DOT || base64urlValue(c) >= 0

/** The first dot in text[from, e), or e; never looks past the run. */
function dotIn(text: string, from: number, e: number): number {
  let i = from
  while (i < e && text.charCodeAt(i) !== DOT) i++
  return i
}

/** The token at the start of the run text[s, e) (only base64url characters and dots), if there is one. */
function tokenOfRun(text: string, s: number, e: number): string | undefined {
  if (!text.startsWith('eyJ', s)) return undefined
  const d1 = dotIn(text, s + 3, e)
  if (d1 === e) return undefined
  const d2 = dotIn(text, d1 + 1, e)
  if (d2 === e || d2 === d1 + 1) return undefined
  const d3 = dotIn(text, d2 + 1, e)
  if (d3 === e) return text.slice(s, e)
  // A dot after the signature ends the token only when no fourth segment follows it.
  return d3 + 1 === e || text.charCodeAt(d3 + 1) === DOT ? text.slice(s, d3) : undefined
}

/** The JWTs in a piece of text, in order, each once; linear in the text's length. */
export function findJwts(text: string, options: ScanOptions = {}): string[] {
  const end = Math.min(text.length, options.maxChars ?? MAX_SCAN_CHARS)
  const maxTokens = options.maxTokens ?? MAX_TOKENS_PER_SCAN
  const stats = options.stats
  // Search only the capped prefix, even when it holds no token (a huge output is not read to its end).
  const head = end < text.length ? text.slice(0, end) : text
  const out = new Set<string>()
  let i = 0
  while (i < end && out.size < maxTokens) {
    const j = head.indexOf('eyJ', i)
    if (j < 0 || j + 3 > end) break
    let k = j + 3
    while (k < end && isRunChar(text.charCodeAt(k))) k++
    if (stats) stats.steps += k - i
    if (k === end && end < text.length && isRunChar(text.charCodeAt(end))) break // cut by the cap
    if (j === 0 || !isRunChar(text.charCodeAt(j - 1))) {
      const t = tokenOfRun(text, j, k)
      if (stats) stats.steps += k - j
      if (t !== undefined) out.add(t)
    }
    i = k
  }
  return [...out]
}

/** Whether the whole text (ignoring surrounding white space) is one JWT. */
export function isJwt(text: string): boolean {
  const t = text.trim()
  if (t.length > MAX_TOKEN_CHARS) return false
  for (let i = 0; i < t.length; i++) if (!isRunChar(t.charCodeAt(i))) return false
  return tokenOfRun(t, 0, t.length) === t
}

/** The shell variables whose value is a JWT, by name. */
export function jwtVariables(vars: Record<string, string>): { name: string; token: string }[] {
  return Object.entries(vars)
    .filter(([, v]) => typeof v === 'string' && isJwt(v))
    .map(([name, v]) => ({ name, token: v.trim() }))
    .sort((a, b) => a.name.localeCompare(b.name))
}

export type PasteCheck = { ok: true; token: string } | { ok: false; message: string } | { ok: 'empty' }

const count = (n: number) => n.toLocaleString('en-US')

/** Decide about pasted text before decoding it: too long is refused with a message. */
export function checkPasted(text: string): PasteCheck {
  if (text.length > MAX_TOKEN_CHARS) {
    return {
      ok: false,
      message: `Not decoded: the pasted text is ${count(text.length)} characters long. A service-account token is about 1,000; the decoder takes at most ${count(MAX_TOKEN_CHARS)}.`,
    }
  }
  const t = text.trim()
  return t === '' ? { ok: 'empty' } : { ok: true, token: t }
}
