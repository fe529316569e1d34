import { describe, expect, it } from 'vitest'
import { decodeJwt } from './decode'
import { verifyJwt } from './verify'
import { CLAIM_EXPLANATIONS, explainClaim, timeClaims } from './claims'
import { createSigner } from '../cluster/serviceaccount/signer'

describe('decodeJwt', () => {
  it('decodes a signed token', async () => {
    const s = await createSigner({ deterministic: true })
    const tok = await s.sign({ sub: 'system:serviceaccount:sa-demo:default', exp: 2 })
    const d = decodeJwt(tok)
    expect(d.problems).toEqual([])
    expect(d.header).toEqual({ alg: 'RS256', kid: s.kid })
    expect(d.payload).toEqual({ exp: 2, sub: 'system:serviceaccount:sa-demo:default' })
    expect(d.segments).toHaveLength(3)
    expect(d.signature).toBe(tok.split('.')[2])
  })

  it('accepts padding and a Bearer prefix, and reports what is wrong', () => {
    const h = Buffer.from('{"alg":"RS256"}').toString('base64')
    const p = Buffer.from('{"a":1}').toString('base64')
    const padded = decodeJwt(`${h}.${p}.c2ln`)
    expect(padded.payload).toEqual({ a: 1 })
    expect(padded.problems).toEqual([])
    expect(decodeJwt(`Bearer ${h}.${p}.c2ln`).problems).toEqual(['the text starts with "Bearer "; the token is what follows it'])
    expect(decodeJwt('abc').problems).toContain('a JWT has 3 parts separated by dots; this has 1')
    expect(decodeJwt('a!b.c.d').problems[0]).toMatch(/^the header is not base64url: illegal character "!"/)
    expect(decodeJwt(`${Buffer.from('nope').toString('base64url')}.${p}.x`).problems[0]).toMatch(/^the header is not JSON/)
    expect(decodeJwt('').problems).toEqual(['there is no token'])
  })

  it('a megabyte of garbage returns quickly with a problem', () => {
    const junk = 'x'.repeat(1_000_000) + '.' + 'y'.repeat(10)
    const t = performance.now()
    const d = decodeJwt(junk)
    expect(performance.now() - t).toBeLessThan(500)
    expect(d.problems.length).toBeGreaterThan(0)
    expect(d.header).toBeUndefined()
  })
})

describe('verifyJwt', () => {
  it('verifies against the JWKS and explains failures', async () => {
    const s = await createSigner({ deterministic: true })
    const jwks = { keys: [s.publicJwk()] }
    const tok = await s.sign({ a: 1 })
    expect(await verifyJwt(tok, jwks)).toEqual({ ok: true })
    const [h, , sig] = tok.split('.')
    const forged = `${h}.${Buffer.from('{"a":2}').toString('base64url')}.${sig}`
    expect(await verifyJwt(forged, jwks)).toEqual({ ok: false, reason: 'the signature does not match: the token was changed or signed with another key' })
    const other = await createSigner({ deterministic: false })
    expect((await verifyJwt(await other.sign({ a: 1 }), jwks)).ok).toBe(false)
    expect((await verifyJwt('garbage', jwks)).ok).toBe(false)
  })
})

describe('claim explanations', () => {
  it('cover every claim of a pod token', () => {
    for (const n of ['aud', 'exp', 'iat', 'iss', 'jti', 'kubernetes.io', 'kubernetes.io.namespace', 'kubernetes.io.node', 'kubernetes.io.pod', 'kubernetes.io.serviceaccount', 'kubernetes.io.warnafter', 'nbf', 'sub', 'header.alg', 'header.kid']) {
      expect(explainClaim(n)?.text.length).toBeGreaterThan(10)
    }
    expect(new Set(CLAIM_EXPLANATIONS.map((e) => e.name)).size).toBe(CLAIM_EXPLANATIONS.length)
  })

  it('time claims as UTC and relative to the lab clock', () => {
    const iat = 1717671355
    const t = timeClaims({ iat, nbf: iat, exp: iat + 31536000, 'kubernetes.io': { warnafter: iat + 3607 } }, (iat + 60) * 1000)
    expect(t.map((c) => `${c.name} ${c.utc} ${c.relative}`)).toEqual([
      'iat 2024-06-06T10:55:55Z 1m ago',
      'nbf 2024-06-06T10:55:55Z 1m ago',
      'warnafter 2024-06-06T11:56:02Z in 59m7s',
      'exp 2025-06-06T10:55:55Z in 364d23h',
    ])
  })
})
