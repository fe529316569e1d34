// Synchronous RS256 (RSASSA-PKCS1-v1_5 with SHA-256, RFC 8017 §8.2) for lazily signed token files.
// PKCS#1 v1.5 signatures are deterministic, so this gives the same bytes as jose's CompactSign with
// the same key (tested); the kubelet uses it because exec reads a file synchronously and a refresh
// nobody reads is never signed. jose stays the signer of TokenRequest responses.

import { b64urlDecode, b64urlEncode, b64urlEncodeText } from '../../jwt/base64url'
import { sha256 } from './sha256'

/** The private RSA JWK members used (as exported by jose/WebCrypto). */
export interface RsaPrivateJwk {
  n: string; e: string; d: string; p: string; q: string; dp: string; dq: string; qi: string
}

interface ParsedKey { n: bigint; p: bigint; q: bigint; dp: bigint; dq: bigint; qi: bigint; k: number }

/** DER prefix of DigestInfo for SHA-256 (RFC 8017 §9.2 note 1). */
const DIGEST_INFO_SHA256 = [0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20]

const parsed = new Map<string, ParsedKey>()

function toBigInt(b64: string): bigint {
  const r = b64urlDecode(b64)
  if ('error' in r) throw new Error(`bad key member: ${r.error}`)
  let hex = ''
  for (const x of r.bytes) hex += x.toString(16).padStart(2, '0')
  return BigInt('0x' + (hex || '0'))
}

function parse(jwk: RsaPrivateJwk): ParsedKey {
  let key = parsed.get(jwk.n + jwk.d)
  if (!key) {
    const n = toBigInt(jwk.n)
    key = { n, p: toBigInt(jwk.p), q: toBigInt(jwk.q), dp: toBigInt(jwk.dp), dq: toBigInt(jwk.dq), qi: toBigInt(jwk.qi), k: Math.ceil(n.toString(16).length / 2) }
    parsed.set(jwk.n + jwk.d, key)
  }
  return key
}

function modPow(base: bigint, exp: bigint, mod: bigint): bigint {
  let result = 1n
  base %= mod
  while (exp > 0n) {
    if (exp & 1n) result = (result * base) % mod
    base = (base * base) % mod
    exp >>= 1n
  }
  return result
}

/** RSASSA-PKCS1-v1_5-SIGN(K, M) with SHA-256: the raw signature bytes. */
export function rsaPkcs1Sha256Sign(jwk: RsaPrivateJwk, message: Uint8Array): Uint8Array {
  const key = parse(jwk)
  const t = [...DIGEST_INFO_SHA256, ...sha256(message)]
  // EM = 0x00 || 0x01 || PS (0xff...) || 0x00 || T
  let hex = '0001' + 'ff'.repeat(key.k - t.length - 3) + '00'
  for (const x of t) hex += x.toString(16).padStart(2, '0')
  const m = BigInt('0x' + hex)
  // CRT: s1 = m^dp mod p, s2 = m^dq mod q, h = qi (s1 - s2) mod p, s = s2 + h q
  const s1 = modPow(m, key.dp, key.p)
  const s2 = modPow(m, key.dq, key.q)
  let h = (key.qi * (s1 - s2)) % key.p
  if (h < 0n) h += key.p
  const s = s2 + h * key.q
  const sh = s.toString(16).padStart(key.k * 2, '0')
  const out = new Uint8Array(key.k)
  for (let i = 0; i < key.k; i++) out[i] = parseInt(sh.slice(i * 2, i * 2 + 2), 16)
  return out
}

/** A compact JWS with the given protected header JSON and payload JSON (both used byte for byte). */
export function signCompactRS256Sync(jwk: RsaPrivateJwk, headerJson: string, payloadJson: string): string {
  const input = `${b64urlEncodeText(headerJson)}.${b64urlEncodeText(payloadJson)}`
  return `${input}.${b64urlEncode(rsaPkcs1Sha256Sign(jwk, new TextEncoder().encode(input)))}`
}
