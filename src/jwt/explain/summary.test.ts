import { describe, expect, it } from 'vitest'
import type { Fact } from '../../cluster/events/facts'
import { claimRows } from './describe'
import { groupClaims, podState, summarize, verdictSentence } from './summary'
import { IAT, podPayload } from './testTokens'

const POD_UID = '48656805-1038-442d-adee-7270bd0e0c4b'
const created: Fact = { at: 1, type: 'pod.created', namespace: 'sa-demo', name: 'app', uid: POD_UID }
const deleted: Fact = { at: 2, type: 'pod.deleted', namespace: 'sa-demo', name: 'app', uid: POD_UID }
const again: Fact = { at: 3, type: 'pod.created', namespace: 'sa-demo', name: 'app', uid: 'other-uid' }

describe('the decoder summary', () => {
  it('says who the token is, what it is bound to, and its times against the lab clock', () => {
    const now = (IAT + 60) * 1000
    const s = summarize({
      payload: podPayload(),
      badge: { key: 'valid', label: 'Valid', tone: 'ok', reason: 'The API server accepts it.' },
      nowMs: now,
      facts: [created],
    })
    expect(s.sentence).toBe('Valid: the API server accepts it.')
    expect(s.who).toBe('ServiceAccount default in namespace sa-demo')
    expect(s.bound).toBe('pod app on node worker-0')
    expect(s.boundState).toBe('alive')
    expect(s.times.map((t) => [t.name, t.relative])).toEqual([
      ['refresh', 'in 47 min 5 s'],
      ['warnafter', 'in 59 min 7 s'],
      ['exp', 'in 364 days 23 h'],
    ])
    // 80 % of the 3607 s the kubelet asked for: 2885.6 s
    expect(s.times[0].atMs).toBe((IAT + 2885.6) * 1000)
    expect(s.times.map((t) => [t.label, t.fromIssue])).toEqual([
      ['Kubelet refresh', '48 min 5 s after issue'],
      ['Stale from (warnafter)', '1 h 0 min after issue'],
      ['Expires (exp)', '365 days after issue'],
    ])
  })

  it('a token whose pod is gone: no refresh is offered, the binding says gone', () => {
    const s = summarize({ payload: podPayload(), nowMs: IAT * 1000, facts: [created, deleted], refreshAt: (IAT + 2880) * 1000 })
    expect(s.boundState).toBe('gone')
    expect(s.boundNote).toMatch(/gone/)
    expect(s.times.map((t) => t.name)).toEqual(['warnafter', 'exp'])
  })

  it('a pod recreated with the same name is another pod', () => {
    expect(podState([created, again], 'sa-demo', 'app', POD_UID)).toBe('gone')
    expect(podState([created], 'sa-demo', 'app', POD_UID)).toBe('alive')
    expect(podState([], 'sa-demo', 'app', POD_UID)).toBe('unknown')
    expect(podState([{ ...deleted, type: 'pod.deletionRequested' }], 'sa-demo', 'app', POD_UID)).toBe('deleting')
  })

  it('times already passed say "ago"', () => {
    const s = summarize({ payload: podPayload(), nowMs: (IAT + 3 * 3600) * 1000 })
    expect(s.times.find((t) => t.name === 'warnafter')).toMatchObject({ past: true, relative: '1 h 59 min ago' })
  })

  it('without a verdict yet, says so', () => {
    expect(verdictSentence(undefined)).toMatch(/not checked yet/i)
  })
})

describe('claims in the order a student needs them', () => {
  it('who, for whom, when, identity; the kubernetes.io object itself left to its entries', () => {
    const groups = groupClaims(claimRows(podPayload()))
    expect(groups.map((g) => g.group)).toEqual(['who', 'for-whom', 'when', 'identity'])
    expect(groups.map((g) => g.rows.map((r) => r.path))).toEqual([
      ['sub', 'kubernetes.io.serviceaccount', 'kubernetes.io.namespace'],
      ['iss', 'aud'],
      ['iat', 'nbf', 'kubernetes.io.warnafter', 'exp'],
      ['kubernetes.io.pod', 'kubernetes.io.node', 'jti'],
    ])
  })
  it('unknown claims go last', () => {
    const groups = groupClaims(claimRows({ ...podPayload(), extra: 1 }))
    expect(groups.at(-1)).toMatchObject({ group: 'other' })
  })
})
