import { describe, expect, it } from 'vitest'
import { decodeJwt } from '../decode'
import type { TokenInspection } from '../inspect'
import { verdictBadge } from './verdict'

const inspection = (token: string, over: Partial<TokenInspection>): TokenInspection => ({
  decoded: decodeJwt(token),
  signature: { ok: true },
  server: { ok: true, annotations: {} },
  verdict: 'valid',
  kind: 'pod-bound',
  reason: 'r',
  ...over,
})

describe('the verdict badge', () => {
  it('names the real problem of a malformed token, not the Bearer prefix', () => {
    const b = verdictBadge(inspection('Bearer eyJhbGciOiJSUzI1NiJ9.bm90LWpzb24.x!y.z', { verdict: 'malformed' }))
    expect(b).toMatchObject({ key: 'malformed', label: 'Malformed', tone: 'bad' })
    expect(b.reason).toBe('Not a readable JWT: a JWT has 3 parts separated by dots; this has 4.')
  })
  it('an unsigned token is called unsigned, whatever the server said', () => {
    const b = verdictBadge(inspection('eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.', { verdict: 'rejected', signature: { ok: false }, server: { ok: false, annotations: {} } }))
    expect(b.key).toBe('unsigned')
  })
  it('a generic refusal with a failed signature check is a signature problem; a pod refusal stays rejected', () => {
    const tok = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln'
    const sig = verdictBadge(inspection(tok, { verdict: 'rejected', signature: { ok: false, reason: 'no key in the JWKS matches the token\'s kid' }, server: { ok: false, error: '[invalid bearer token]', annotations: {} } }))
    expect(sig).toMatchObject({ key: 'signature-invalid', reason: 'Its signature does not check against the keys the cluster publishes: no key in the JWKS matches the token\'s kid.' })
    const pod = verdictBadge(inspection(tok, { verdict: 'rejected', reason: 'Pod app is gone', server: { ok: false, annotations: {} } }))
    expect(pod).toMatchObject({ key: 'rejected', label: 'Rejected', reason: 'Pod app is gone' })
    expect(verdictBadge(inspection(tok, { verdict: 'stale' })).label).toBe('Stale (still accepted)')
  })
})
