import { afterEach, describe, expect, it, vi } from 'vitest'
import { createVerify, createPublicKey } from 'node:crypto'
import { prefetchSigningKey, takePrefetchedKey, type SigningKeyPair } from './keyPrefetch'
import { createSigner } from './signer'

afterEach(() => {
  takePrefetchedKey()
  vi.restoreAllMocks()
})

describe('the signing key generated ahead', () => {
  it('is the key of the next seedless signer, given out once', async () => {
    const generate = vi.spyOn(globalThis.crypto.subtle, 'generateKey')
    prefetchSigningKey()
    prefetchSigningKey() // already pending: no second key
    expect(generate).toHaveBeenCalledTimes(1)
    const ahead = (await generate.mock.results[0]!.value) as SigningKeyPair
    const jwk = (await globalThis.crypto.subtle.exportKey('jwk', ahead.publicKey)) as JsonWebKey
    const signer = await createSigner({ deterministic: false })
    expect(generate).toHaveBeenCalledTimes(1)
    expect(signer.publicJwk()).toMatchObject({ kty: 'RSA', alg: 'RS256', n: jwk.n, e: 'AQAB' })
    // and it signs what the published key verifies
    const token = await signer.sign({ sub: 'x' })
    const [h, p, s] = token.split('.')
    const pub = createPublicKey({ key: signer.publicJwk() as never, format: 'jwk' })
    expect(createVerify('RSA-SHA256').update(`${h}.${p}`).verify(pub, Buffer.from(s!, 'base64url'))).toBe(true)
    // the next seedless signer makes its own
    const next = await createSigner({ deterministic: false })
    expect(generate).toHaveBeenCalledTimes(2)
    expect(next.publicJwk().n).not.toBe(jwk.n)
  })

  it('is left alone by a deterministic signer', async () => {
    const generate = vi.spyOn(globalThis.crypto.subtle, 'generateKey')
    prefetchSigningKey()
    const fixed = await createSigner({ deterministic: true })
    expect(takePrefetchedKey()).toBeDefined()
    expect(fixed.kid).toBe((await createSigner({ deterministic: true })).kid)
    expect(generate).toHaveBeenCalledTimes(1)
  })

  it('a failed generation ahead falls back to a fresh key', async () => {
    const real = globalThis.crypto.subtle.generateKey.bind(globalThis.crypto.subtle)
    const generate = vi.spyOn(globalThis.crypto.subtle, 'generateKey').mockRejectedValueOnce(new Error('busy'))
    prefetchSigningKey()
    generate.mockImplementation(real as never)
    const signer = await createSigner({ deterministic: false })
    expect(generate).toHaveBeenCalledTimes(2)
    expect(signer.publicJwk().n).toMatch(/^[\w-]{342}$/)
  })
})
