// The signing key of a seedless lab, generated ahead: RSA-2048 generation takes from tens to
// hundreds of milliseconds, at random. A host that knows a seedless lab is coming starts it ahead:
// the built page as it spawns the lab's worker (the key then comes by message), or the worker as
// it starts, before its main code has even loaded; createSigner then takes it instead of
// generating its own. Deterministic labs never use it (they sign with the
// repository's fixed key).

/** An RSA key pair as WebCrypto makes it. */
export interface SigningKeyPair {
  privateKey: CryptoKey
  publicKey: CryptoKey
}

let pending: Promise<SigningKeyPair> | undefined
/** Settles the key promised by the page (expectSigningKey), when its message comes. */
let promised: ((pair: SigningKeyPair | undefined) => void) | undefined

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

/**
 * The page is generating the next seedless lab's key (the built page's <head> starts it before
 * this worker's thread even exists, scripts/vite/earlyWorker.ts): the key to give out is the one
 * receiveSigningKey gets, or, if the page could not make one, a key generated here then. (The
 * host gives up waiting some time: receiveSigningKey(undefined).)
 */
export function expectSigningKey(): void {
  if (pending) return
  pending = new Promise<SigningKeyPair | undefined>((resolve) => (promised = resolve)).then((pair) => pair ?? generateSigningKey())
  pending.catch(() => {})
}

/** The page's key (undefined: its generation failed), as expectSigningKey said. A key nobody said was coming is dropped. */
export function receiveSigningKey(pair: SigningKeyPair | undefined): void {
  const settle = promised
  promised = undefined
  settle?.(isKeyPair(pair) ? pair : undefined)
}

/** A pair of CryptoKeys (what a message carries is not trusted to be one). */
function isKeyPair(x: unknown): x is SigningKeyPair {
  const CryptoKeyClass = (globalThis as { CryptoKey?: abstract new () => CryptoKey }).CryptoKey
  const k = x as Partial<SigningKeyPair> | undefined
  const { privateKey, publicKey } = k ?? {}
  return (
    CryptoKeyClass !== undefined && privateKey instanceof CryptoKeyClass && publicKey instanceof CryptoKeyClass &&
    privateKey.type === 'private' && publicKey.type === 'public' &&
    privateKey.algorithm.name === 'RSASSA-PKCS1-v1_5' && privateKey.extractable
  )
}

/** The key generated ahead, if any: given out once. */
export function takePrefetchedKey(): Promise<SigningKeyPair> | undefined {
  const p = pending
  pending = undefined
  return p
}
