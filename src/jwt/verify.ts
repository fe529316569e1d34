// Check a token's signature against a JWKS (the API server's /openid/v1/jwks), with jose.

import { compactVerify, createLocalJWKSet, errors, type JSONWebKeySet } from 'jose'

export async function verifyJwt(token: string, jwks: { keys: JsonWebKey[] } | JSONWebKeySet): Promise<{ ok: boolean; reason?: string }> {
  try {
    const keySet = createLocalJWKSet(jwks as JSONWebKeySet)
    await compactVerify(token.trim(), keySet, { algorithms: ['RS256', 'ES256', 'ES384', 'ES512'] })
    return { ok: true }
  } catch (e) {
    if (e instanceof errors.JWKSNoMatchingKey) return { ok: false, reason: 'no key in the JWKS matches the token\'s kid' }
    if (e instanceof errors.JWKSMultipleMatchingKeys) return { ok: false, reason: 'several keys in the JWKS match the token\'s kid and none verifies it' }
    if (e instanceof errors.JWSSignatureVerificationFailed) return { ok: false, reason: 'the signature does not match: the token was changed or signed with another key' }
    if (e instanceof errors.JOSEAlgNotAllowed) return { ok: false, reason: 'the token\'s alg is not one the API server signs with' }
    if (e instanceof errors.JWSInvalid) return { ok: false, reason: `not a signed JWT: ${(e as Error).message}` }
    return { ok: false, reason: (e as Error).message || String(e) }
  }
}
