// Reading a token's claims inside lessons (no verification: the API server's answer is in the audit record).

import { decodeBase64urlLenient } from '../common/base64'

export interface Claims {
  sub?: string
  aud?: string[] | string
  exp?: number
  iat?: number
  jti?: string
  'kubernetes.io'?: {
    namespace?: string
    pod?: { name: string; uid: string }
    node?: { name: string; uid: string }
    secret?: { name: string; uid: string }
    serviceaccount?: { name: string; uid: string }
    warnafter?: number
  }
  [claim: string]: unknown
}

function base64url(s: string): string | undefined {
  const r = decodeBase64urlLenient(s)
  if ('error' in r) return undefined
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(r.bytes)
  } catch {
    return undefined
  }
}

/** The header and payload of a JWT, or undefined when the text is not one. */
export function readJwt(text: string | undefined): { header: Record<string, unknown>; claims: Claims } | undefined {
  const parts = (text ?? '').trim().split('.')
  if (parts.length !== 3) return undefined
  try {
    const header = JSON.parse(base64url(parts[0]) ?? '') as unknown
    const claims = JSON.parse(base64url(parts[1]) ?? '') as unknown
    if (typeof header !== 'object' || header === null || typeof claims !== 'object' || claims === null) return undefined
    return { header: header as Record<string, unknown>, claims: claims as Claims }
  } catch {
    return undefined
  }
}

export const audiences = (c: Claims): string[] => (Array.isArray(c.aud) ? c.aud : typeof c.aud === 'string' ? [c.aud] : [])
