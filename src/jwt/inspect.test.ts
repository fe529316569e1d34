import { describe, expect, it } from 'vitest'
import { classifyToken, tokenKind } from './inspect'
import type { DecodedJwt } from './decode'

const pod = { iss: 'https://10.0.1.10:6443', 'kubernetes.io': { namespace: 'sa-demo', pod: { name: 'app', uid: 'p1' }, serviceaccount: { name: 'default', uid: 's1' } } }
const legacy = { iss: 'kubernetes/serviceaccount', sub: 'system:serviceaccount:sa-demo:x' }
const decoded = (payload: unknown): DecodedJwt => ({ header: { alg: 'RS256' }, payload, segments: ['a', 'b', 'c'], problems: [] })
const refused = (error: string) => ({ ok: false, error: `[invalid bearer token, ${error}]`, annotations: {} })

describe('token verdicts (from the API server\'s real error strings)', () => {
  it.each([
    ['service account token has expired', 'expired'],
    ['service account token is not valid yet', 'not-yet-valid'],
    ['service account token is issued in the future', 'not-yet-valid'],
    ['go-jose/go-jose: error in cryptographic primitive', 'signature-invalid'],
    ['service account token has been invalidated', 'rejected'],
    ['pod UID (p2) does not match service account pod ref claim (p1)', 'rejected'],
    ['service account UID (s2) does not match claim (s1)', 'rejected'],
    ['token audiences ["x"] is invalid for the target audiences ["https://10.0.1.10:6443"]', 'rejected'],
  ])('%s -> %s', (error, verdict) => {
    expect(classifyToken(decoded(pod), refused(error)).verdict).toBe(verdict)
  })

  it('names the pod when its token died with it, and the new uid when it was recreated', () => {
    expect(classifyToken(decoded(pod), refused('service account token has been invalidated')).reason).toContain('Pod app')
    expect(classifyToken(decoded(pod), refused('pod UID (p2) does not match service account pod ref claim (p1)')).reason).toContain('uid p2')
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
