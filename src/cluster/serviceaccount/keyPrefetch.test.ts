import { afterEach, describe, expect, it, vi } from 'vitest'
import { createVerify, createPublicKey } from 'node:crypto'
import { expectSigningKey, generateSigningKey, prefetchSigningKey, receiveSigningKey, takePrefetchedKey, type SigningKeyPair } from './keyPrefetch'
import { createSigner } from './signer'

afterEach(() => {
  receiveSigningKey(undefined)
  takePrefetchedKey()
  vi.restoreAllMocks()
})

const nOf = async (k: CryptoKey) => ((await globalThis.crypto.subtle.exportKey('jwk', k)) as JsonWebKey).n

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

  it('promised by the page: the next seedless signer waits for the page\'s key and generates none', async () => {
    const pair = await generateSigningKey()
    const generate = vi.spyOn(globalThis.crypto.subtle, 'generateKey')
    expectSigningKey()
    prefetchSigningKey() // main.tsx's `prepare` comes after: the page's key stands
    const signer = createSigner({ deterministic: false })
    receiveSigningKey(pair)
    expect((await signer).publicJwk().n).toBe(await nOf(pair.publicKey))
    expect(generate).not.toHaveBeenCalled()
  })

  it('promised by the page, which could not make it (or sent something else): generated here', async () => {
    const page = await generateSigningKey()
    for (const sent of [undefined, { privateKey: 'x', publicKey: 'y' }, { privateKey: page.publicKey, publicKey: page.publicKey }]) {
      const generate = vi.spyOn(globalThis.crypto.subtle, 'generateKey')
      expectSigningKey()
      receiveSigningKey(sent as never)
      const signer = await createSigner({ deterministic: false })
      expect(generate, JSON.stringify(sent)).toHaveBeenCalledTimes(1)
      expect(signer.publicJwk().n).not.toBe(await nOf(page.publicKey))
      generate.mockRestore()
    }
  })

  it('a key nobody said was coming is dropped', async () => {
    const stray = await generateSigningKey()
    receiveSigningKey(stray)
    expect(takePrefetchedKey()).toBeUndefined()
    const signer = await createSigner({ deterministic: false })
    expect(signer.publicJwk().n).not.toBe(await nOf(stray.publicKey))
  })
})
