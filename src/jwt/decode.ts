// Decode a JWT as far as it goes, for the decoder panel: never throws, and says what is wrong
// (wrong number of parts, bad base64url, not JSON) in plain words.

import { decodeBase64urlLenient } from '../common/base64'

export interface DecodedJwt {
  header?: unknown
  payload?: unknown
  /** The third segment as it was given (base64url). */
  signature?: string
  segments: string[]
  problems: string[]
}

/** Segments longer than this are not decoded (real tokens are about 1 KB). */
const MAX_SEGMENT = 64 * 1024

function decodeSegment(name: string, seg: string, problems: string[]): unknown {
  if (seg === '') {
    problems.push(`the ${name} is empty`)
    return undefined
  }
  if (seg.length > MAX_SEGMENT) {
    problems.push(`the ${name} is ${seg.length} characters long; it was not decoded (a real token is about a kilobyte)`)
    return undefined
  }
  const r = decodeBase64urlLenient(seg)
  if ('error' in r) {
    problems.push(`the ${name} is not base64url: ${r.error}`)
    return undefined
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(r.bytes)
  } catch {
    problems.push(`the ${name} does not decode to UTF-8 text`)
    return undefined
  }
  try {
    const v: unknown = JSON.parse(text)
    if (typeof v !== 'object' || v === null || Array.isArray(v)) problems.push(`the ${name} is JSON but not an object`)
    return v
  } catch (e) {
    problems.push(`the ${name} is not JSON (${(e as Error).message})`)
    return undefined
  }
}

export function decodeJwt(token: string): DecodedJwt {
  const problems: string[] = []
  let t = String(token ?? '')
  const trimmed = t.trim()
  if (trimmed !== t) t = trimmed
  if (/^bearer\s+/i.test(t)) {
    problems.push('the text starts with "Bearer "; the token is what follows it')
    t = t.replace(/^bearer\s+/i, '')
  }
  if (t === '') return { segments: [], problems: ['there is no token'] }
  const segments = t.split('.', 4)
  if (segments.length !== 3) {
    const count = t.split('.').length
    problems.push(`a JWT has 3 parts separated by dots; this has ${count}`)
  }
  const out: DecodedJwt = { segments, problems }
  if (segments.length >= 1) out.header = decodeSegment('header', segments[0], problems)
  if (segments.length >= 2) out.payload = decodeSegment('payload', segments[1], problems)
  if (segments.length >= 3) {
    const sig = segments[2]
    out.signature = sig
    if (sig === '') problems.push('the signature is empty (an unsigned token)')
    else if (sig.length > MAX_SEGMENT || 'error' in decodeBase64urlLenient(sig)) problems.push('the signature is not base64url')
  }
  const h = out.header as { alg?: unknown } | undefined
  if (h && typeof h === 'object' && h.alg === 'none') problems.push('the header says alg "none": the token is not signed')
  return out
}

/** The payload of a token (also an unverified or broken one) when it decodes to a JSON object. */
export function payloadOf(token: string): Record<string, unknown> | undefined {
  const p = decodeJwt(token).payload
  return typeof p === 'object' && p !== null && !Array.isArray(p) ? (p as Record<string, unknown>) : undefined
}

/** The jti claim of a token, if its payload decodes and has one. */
export function jtiOf(token: string | undefined): string | undefined {
  if (!token) return undefined
  const jti = payloadOf(token)?.jti
  return typeof jti === 'string' ? jti : undefined
}
