// Reading a compact JWS without trusting it: strict base64url (Go's RawURLEncoding), the protected
// header, the payload, the signature. Sizes and format are checked before any crypto runs.
// Imitates: gopkg.in/go-jose/go-jose.v2 jws.go (ParseSigned, parseSignedCompact) and
// k8s pkg/serviceaccount/jwt.go (hasCorrectIssuer).

import { decodeBase64urlStrict as rawURLDecode } from '../../../../common/base64'

const utf8 = new TextDecoder('utf-8', { fatal: false })

function parseJSONObject(bytes: Uint8Array): Record<string, unknown> | undefined {
  try {
    const v = JSON.parse(utf8.decode(bytes)) as unknown
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

/** The unverified payload of a compact JWT, or undefined when it is not one (hasCorrectIssuer's checks). */
export function peekPayload(token: string): Record<string, unknown> | undefined {
  if (token.trimStart().startsWith('{')) return undefined
  const parts = token.split('.', 4)
  if (parts.length !== 3) return undefined
  const payload = rawURLDecode(parts[1])
  return payload ? parseJSONObject(payload) : undefined
}

export interface ParsedJWS {
  header: { alg: string; kid: string; crit?: unknown }
  payload: Record<string, unknown>
  /** `<header>.<payload>` as sent: what the signature covers. */
  signingInput: string
  signature: Uint8Array
}

/** jwt.ParseSigned: the three parts must decode and the header must be a JSON object. */
export function parseSigned(token: string): ParsedJWS | undefined {
  const parts = token.split('.', 4)
  if (parts.length !== 3) return undefined
  const rawHeader = rawURLDecode(parts[0])
  const rawPayload = rawURLDecode(parts[1])
  const signature = rawURLDecode(parts[2])
  if (!rawHeader || !rawPayload || !signature) return undefined
  const h = parseJSONObject(rawHeader)
  const payload = parseJSONObject(rawPayload)
  if (!h || !payload) return undefined
  const alg = typeof h.alg === 'string' ? h.alg : ''
  const kid = typeof h.kid === 'string' ? h.kid : ''
  return { header: { alg, kid, ...(h.crit !== undefined ? { crit: h.crit } : {}) }, payload, signingInput: `${parts[0]}.${parts[1]}`, signature }
}
