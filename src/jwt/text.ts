// Finding JWTs in text (terminal lines, shell variables) and checking pasted text before it is
// decoded: a real service-account token is about a kilobyte, so anything far bigger is refused
// without being decoded, to keep the page responsive.

/** Three base64url segments, the first starting with `eyJ` (`{"` encoded); the signature may be empty. */
const JWT_SOURCE = String.raw`eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*`

/** Longest text the decoder accepts (a real token is about 1 KB; legacy ones the same). */
export const MAX_TOKEN_CHARS = 16 * 1024

/** Lines longer than this are not searched for tokens. */
const MAX_SCAN_CHARS = 256 * 1024

/** The JWTs in a piece of text, in order, each once. */
export function findJwts(text: string): string[] {
  if (text.length > MAX_SCAN_CHARS || !text.includes('eyJ')) return []
  const re = new RegExp(`(?<![A-Za-z0-9_.-])${JWT_SOURCE}(?![A-Za-z0-9_-]|\\.[A-Za-z0-9_-])`, 'g')
  const out: string[] = []
  for (const m of text.matchAll(re)) if (!out.includes(m[0])) out.push(m[0])
  return out
}

/** Whether the whole text (ignoring surrounding white space) is one JWT. */
export function isJwt(text: string): boolean {
  const t = text.trim()
  return t.length <= MAX_TOKEN_CHARS && new RegExp(`^${JWT_SOURCE}$`).test(t)
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
