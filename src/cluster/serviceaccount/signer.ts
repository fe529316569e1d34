// The service-account token signer: one RSA key, RS256 JWS with header {"alg":"RS256","kid":...}.
// Imitates: pkg/serviceaccount/jwt.go (JWTTokenGenerator, signerFromRSAPrivateKey, keyIDFromPublicKey).

import { CompactSign, exportJWK, importJWK } from 'jose'
import { FIXED_SA_SIGNING_JWK } from '../pki/fixed'
import { generateSigningKey, takePrefetchedKey } from './keyPrefetch'
import { encodeBase64url } from '../../common/base64'
import { sortedJson } from './claims'
import { deepFreeze } from '../../common/freeze'

export interface TokenSigner {
  kid: string
  /** A compact JWS of the payload; keys serialised in sorted order at every level. */
  sign(payload: Record<string, unknown>): Promise<string>
  /** The verifying key as the JWKS lists it: use, kty, kid, alg, n, e. */
  publicJwk(): JsonWebKey & { kid: string }
  snapshot(): SignerState
}

/** The members of an RSA private JWK (RFC 7518 §6.3), base64url. */
export interface RsaPrivateJwk { n: string; e: string; d: string; p: string; q: string; dp: string; dq: string; qi: string }

/** Plain JSON: the private key travels with a saved lab (it protects nothing outside the lab). */
export interface SignerState {
  alg: 'RS256'
  kid: string
  privateJwk: { kty: 'RSA' } & RsaPrivateJwk
}

/** The JWS protected header, byte for byte (`alg` then `kid`, no `typ`). */
export function headerJson(kid: string): string {
  return `{"alg":"RS256","kid":${JSON.stringify(kid)}}`
}

/** keyIDFromPublicKey: base64url-no-pad(SHA-256(DER PKIX of the public key)) — 43 characters. */
export async function keyIdFromJwk(jwk: { n: string; e: string }): Promise<string> {
  const pub = await globalThis.crypto.subtle.importKey(
    'jwk', { kty: 'RSA', n: jwk.n, e: jwk.e, alg: 'RS256', ext: true },
    { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, true, ['verify'])
  const spki = await globalThis.crypto.subtle.exportKey('spki', pub)
  const digest = await globalThis.crypto.subtle.digest('SHA-256', spki)
  return encodeBase64url(new Uint8Array(digest))
}

async function fromPrivateJwk(jwk: SignerState['privateJwk'], knownKid?: string): Promise<TokenSigner> {
  const kid = knownKid ?? (await keyIdFromJwk(jwk))
  const key = await importJWK({ ...jwk, alg: 'RS256' }, 'RS256')
  // (never changed: every snapshot shares it)
  const state: SignerState = deepFreeze({ alg: 'RS256', kid, privateJwk: { ...jwk } })
  return {
    kid,
    async sign(payload) {
      const bytes = new TextEncoder().encode(sortedJson(payload))
      return new CompactSign(bytes).setProtectedHeader({ alg: 'RS256', kid }).sign(key)
    },
    publicJwk() {
      return { use: 'sig', kty: 'RSA', kid, alg: 'RS256', n: jwk.n, e: jwk.e }
    },
    snapshot() {
      return state
    },
  }
}

/**
 * Deterministic mode signs with the repository's fixed key; otherwise a fresh RSA-2048 pair (the
 * one generated ahead if the host started one, keyPrefetch.ts).
 */
export async function createSigner(opts: { deterministic: boolean }): Promise<TokenSigner> {
  if (opts.deterministic) return fromPrivateJwk({ ...FIXED_SA_SIGNING_JWK })
  const ahead = takePrefetchedKey()
  const { privateKey } = await (ahead ? ahead.catch(() => generateSigningKey()) : generateSigningKey())
  const jwk = await exportJWK(privateKey)
  const { n, e, d, p, q, dp, dq, qi } = jwk as Required<typeof jwk>
  return fromPrivateJwk({ kty: 'RSA', n, e, d, p, q, dp, dq, qi })
}

export async function restoreSigner(s: SignerState): Promise<TokenSigner> {
  return fromPrivateJwk(s.privateJwk, s.kid)
}
