import { describe, expect, it } from 'vitest'
import { changedPaths, diffTokens, statusWords } from './diff'
import { IAT, makeToken, podPayload } from './testTokens'

describe('comparing two tokens', () => {
  it('marks what a kubelet refresh changes: jti, times, signature', () => {
    const before = makeToken(podPayload(IAT, 'jti-1'), undefined, 'sigA')
    const after = makeToken(podPayload(IAT + 2880, 'jti-2'), undefined, 'sigB')
    const rows = diffTokens(before, after)
    expect(changedPaths(rows)).toEqual(['exp', 'iat', 'jti', 'kubernetes.io.warnafter', 'nbf', 'signature'])
    const iat = rows.find((r) => r.path === 'iat')!
    expect(iat).toMatchObject({ a: String(IAT), b: String(IAT + 2880), aTime: '2026-05-23 23:27:31 UTC', status: 'changed' })
    expect(rows.find((r) => r.path === 'kubernetes.io.pod')!.status).toBe('same')
    expect(rows.at(-1)!.path).toBe('signature')
    const long = diffTokens(makeToken({}, undefined, 'A'.repeat(342)), makeToken({}, undefined, 'B'.repeat(342))).at(-1)!
    expect(long).toMatchObject({ status: 'changed', a: 'AAAAAAAAAA…AAAAAAAAAA (342 chars)' })
  })

  it('claims only on one side', () => {
    const rows = diffTokens(makeToken({ a: 1 }), makeToken({ b: 2 }))
    expect(rows.map((r) => [r.path, r.status])).toEqual([
      ['header.alg', 'same'], ['header.kid', 'same'], ['a', 'only-a'], ['b', 'only-b'], ['signature', 'same'],
    ])
    expect(statusWords('only-b')).toBe('only in B')
  })

  it('identical and broken tokens', () => {
    const t = makeToken(podPayload())
    expect(changedPaths(diffTokens(t, t))).toEqual([])
    expect(() => diffTokens('garbage', '...')).not.toThrow()
  })
})
