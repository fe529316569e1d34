// The keys that verify service-account tokens, found by the token's `kid`, and RS256 verification.
// Imitates: k8s pkg/serviceaccount/jwt.go (PublicKeysGetter, StaticPublicKeysGetter) and go-jose's
// rsaEncrypterVerifier.verifyPayload (only RS256/PS* for an RSA key; anything else fails).

import { decodeBase64urlStrict } from '../../../../common/base64'

/** The public half of the signer, as the JWKS lists it. */
export interface VerifyingKey { kid: string; n: string; e: string }

export interface PublicKeysGetter {
  /** All keys when `kid` is empty, else the keys with that key id. */
  getPublicKeys(kid: string): VerifyingKey[]
}

export function staticPublicKeysGetter(keys: () => VerifyingKey[]): PublicKeysGetter {
  return {
    getPublicKeys(kid) {
      const all = keys()
      return kid === '' ? all : all.filter((k) => k.kid === kid)
    },
  }
}

/** go-jose ErrCryptoFailure: every signature failure (wrong alg, wrong key, bad bytes) reads the same. */
export const ERR_CRYPTO_FAILURE = 'go-jose/go-jose: error in cryptographic primitive'

const imported = new Map<string, Promise<CryptoKey>>()

function importKey(k: VerifyingKey): Promise<CryptoKey> {
  const id = `${k.n}.${k.e}`
  let p = imported.get(id)
  if (!p) {
    p = globalThis.crypto.subtle.importKey('jwk', { kty: 'RSA', n: k.n, e: k.e, alg: 'RS256', ext: true },
      { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['verify'])
    imported.set(id, p)
  }
  return p
}

/** Whether `signature` is a valid RS256 signature of `input` under `key` (only RS256 is ever accepted). */
export async function verifyRS256(key: VerifyingKey, alg: string, input: string, signature: Uint8Array): Promise<boolean> {
  if (alg !== 'RS256') return false
  const n = decodeBase64urlStrict(key.n)
  // an RSA signature is exactly as long as the modulus
  if (!n || signature.length !== n.length - (n[0] === 0 ? 1 : 0)) return false
  const ck = await importKey(key)
  return globalThis.crypto.subtle.verify('RSASSA-PKCS1-v1_5', ck, signature as Uint8Array<ArrayBuffer>, new TextEncoder().encode(input))
}
