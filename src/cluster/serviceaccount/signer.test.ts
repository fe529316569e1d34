import { describe, expect, it } from 'vitest'
import { createHash, createPublicKey, createVerify } from 'node:crypto'
import { createSigner, restoreSigner } from './signer'
import { FIXED_SA_SIGNING_JWK } from '../pki/fixed'

const b64 = (s: string) => Buffer.from(s, 'base64url').toString('utf8')

describe('signer', () => {
  it('kid is base64url-no-pad SHA-256 of the DER SPKI (cross-checked with node:crypto)', async () => {
    const s = await createSigner({ deterministic: true })
    const der = createPublicKey({ key: { kty: 'RSA', n: FIXED_SA_SIGNING_JWK.n, e: FIXED_SA_SIGNING_JWK.e }, format: 'jwk' }).export({ type: 'spki', format: 'der' })
    const expected = createHash('sha256').update(der).digest('base64url')
    expect(s.kid).toBe(expected)
    expect(s.kid).toMatch(/^[A-Za-z0-9_-]{43}$/)
  })

  it('header is exactly {"alg":"RS256","kid":...} and payload keys are sorted', async () => {
    const s = await createSigner({ deterministic: true })
    const tok = await s.sign({ sub: 'x', aud: ['a'], 'kubernetes.io': { serviceaccount: { uid: 'u', name: 'n' }, namespace: 'ns' }, iat: 1 })
    const [h, p] = tok.split('.')
    expect(b64(h)).toBe(`{"alg":"RS256","kid":"${s.kid}"}`)
    expect(tok.startsWith('eyJhbGciOiJSUzI1NiIsImtpZCI6')).toBe(true)
    expect(b64(p)).toBe('{"aud":["a"],"iat":1,"kubernetes.io":{"namespace":"ns","serviceaccount":{"name":"n","uid":"u"}},"sub":"x"}')
  })

  it('a token verifies with node:crypto against publicJwk() (no jose)', async () => {
    const s = await createSigner({ deterministic: true })
    const tok = await s.sign({ sub: 'system:serviceaccount:sa-demo:default' })
    const [h, p, sig] = tok.split('.')
    const jwk = s.publicJwk()
    expect(Object.keys(jwk)).toEqual(['use', 'kty', 'kid', 'alg', 'n', 'e'])
    const key = createPublicKey({ key: { kty: 'RSA', n: jwk.n!, e: jwk.e! }, format: 'jwk' })
    const ok = createVerify('RSA-SHA256').update(`${h}.${p}`).verify(key, Buffer.from(sig, 'base64url'))
    expect(ok).toBe(true)
  })

  it('deterministic signing is byte-identical; snapshot/restore keeps the key', async () => {
    const a = await createSigner({ deterministic: true })
    const b = await restoreSigner(JSON.parse(JSON.stringify(a.snapshot())))
    expect(b.kid).toBe(a.kid)
    expect(await b.sign({ x: 1 })).toBe(await a.sign({ x: 1 }))
  })

  it('non-deterministic mode makes a fresh RSA-2048 key', async () => {
    const s = await createSigner({ deterministic: false })
    const fixed = await createSigner({ deterministic: true })
    expect(s.kid).not.toBe(fixed.kid)
    expect(Buffer.from(s.publicJwk().n!, 'base64url').length).toBe(256)
  })
})
