// The signing key of a seedless lab, generated ahead: RSA-2048 generation takes from tens to
// hundreds of milliseconds, at random. A host that knows a seedless lab is coming (the lab's
// worker, as it starts, before its main code has even loaded) starts it here; createSigner then
// takes it instead of generating its own. Deterministic labs never use it (they sign with the
// repository's fixed key).

/** An RSA key pair as WebCrypto makes it. */
export interface SigningKeyPair {
  privateKey: CryptoKey
  publicKey: CryptoKey
}

let pending: Promise<SigningKeyPair> | undefined

/** A fresh RS256 key pair (RSASSA-PKCS1-v1_5, SHA-256, e = 65537), extractable, as jose makes it. */
export function generateSigningKey(): Promise<SigningKeyPair> {
  return globalThis.crypto.subtle.generateKey(
    { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
    true,
    ['sign', 'verify'],
  ) as Promise<SigningKeyPair>
}

/** Start generating the next seedless lab's key now (once; a key not yet taken is kept). */
export function prefetchSigningKey(): void {
  if (pending) return
  pending = generateSigningKey()
  // Taken later, or never (a saved lab was restored): a failure here is the taker's to see.
  pending.catch(() => {})
}

/** The key generated ahead, if any: given out once. */
export function takePrefetchedKey(): Promise<SigningKeyPair> | undefined {
  const p = pending
  pending = undefined
  return p
}
