import { describe, expect, it } from 'vitest'
import { classifyToken, tokenKind } from './inspect'
import type { DecodedJwt } from './decode'
import type { AuthError, AuthFailureCode } from '../cluster/apiserver/authentication/authenticator'

const pod = { iss: 'https://10.0.1.10:6443', 'kubernetes.io': { namespace: 'sa-demo', pod: { name: 'app', uid: 'p1' }, serviceaccount: { name: 'default', uid: 's1' } } }
const legacy = { iss: 'kubernetes/serviceaccount', sub: 'system:serviceaccount:sa-demo:x' }
const decoded = (payload: unknown): DecodedJwt => ({ header: { alg: 'RS256' }, payload, segments: ['a', 'b', 'c'], problems: [] })
const refused = (error: string, code: AuthFailureCode = 'invalid-bearer-token', uids?: AuthError['uids']) => ({
  ok: false, error: `[invalid bearer token, ${error}]`, annotations: {},
  failures: [{ code: 'invalid-bearer-token' as const, message: 'invalid bearer token' }, { code, message: error, ...(uids ? { uids } : {}) }],
})

describe('token verdicts (from the API server\'s typed failures; messages are the real ones)', () => {
  it.each([
    ['service account token has expired', 'expired', 'expired'],
    ['service account token is not valid yet', 'not-yet-valid', 'not-yet-valid'],
    ['service account token is issued in the future', 'not-yet-valid', 'not-yet-valid'],
    ['go-jose/go-jose: error in cryptographic primitive', 'signature-invalid', 'signature-invalid'],
    ['service account token has been invalidated', 'bound-object-gone', 'rejected'],
    ['pod UID (p2) does not match service account pod ref claim (p1)', 'pod-recreated', 'rejected'],
    ['service account UID (s2) does not match claim (s1)', 'serviceaccount-recreated', 'rejected'],
    ['token audiences ["x"] is invalid for the target audiences ["https://10.0.1.10:6443"]', 'audience', 'rejected'],
  ] as const)('%s (%s) -> %s', (error, code, verdict) => {
    expect(classifyToken(decoded(pod), refused(error, code)).verdict).toBe(verdict)
  })

  it('names the pod when its token died with it, and the new uid when it was recreated', () => {
    expect(classifyToken(decoded(pod), refused('service account token has been invalidated', 'bound-object-gone')).reason).toContain('Pod app')
    expect(classifyToken(decoded(pod), refused('pod UID (p2) does not match service account pod ref claim (p1)', 'pod-recreated', { current: 'p2', claimed: 'p1' })).reason)
      .toContain('it now has uid p2, the token names the old one (p1)')
  })

  it('reads the code, not the words: a message alone decides nothing', () => {
    expect(classifyToken(decoded(pod), refused('service account token has expired')).verdict).toBe('rejected')
    expect(classifyToken(decoded(pod), refused('some other words', 'expired')).verdict).toBe('expired')
  })

  it('accepted tokens: valid, stale (with the seconds), legacy', () => {
    expect(classifyToken(decoded(pod), { ok: true, username: 'system:serviceaccount:sa-demo:default', annotations: {} })).toMatchObject({ verdict: 'valid', kind: 'pod-bound' })
    const stale = classifyToken(decoded(pod), { ok: true, annotations: { 'authentication.k8s.io/stale-token': 'subject: system:serviceaccount:sa-demo:default, seconds after warning threshold: 57' } })
    expect(stale.verdict).toBe('stale')
    expect(stale.reason).toContain('57 s past warnafter')
    expect(classifyToken(decoded(legacy), { ok: true, annotations: {} }).verdict).toBe('legacy')
  })

  it('a token that does not decode is malformed, whatever the server says', () => {
    expect(classifyToken({ segments: ['x'], problems: ['it has 1 part, a JWT has 3'] }, refused('x')).verdict).toBe('malformed')
  })

  it('kinds', () => {
    expect(tokenKind(pod)).toBe('pod-bound')
    expect(tokenKind(legacy)).toBe('legacy')
    expect(tokenKind({ iss: 'i', 'kubernetes.io': { namespace: 'n', serviceaccount: {} } })).toBe('unbound')
    expect(tokenKind('nope')).toBe('unknown')
  })
})
