import { describe, expect, it } from 'vitest'
import { bindingSummary, claimRows, headerRows, jsonText } from './describe'
import { IAT, podPayload } from './testTokens'

describe('claim descriptions for this token', () => {
  const rows = claimRows(podPayload())
  const byPath = (p: string) => rows.find((r) => r.path === p)!

  it('every claim and kubernetes.io entry has a row, the nested ones after their parent', () => {
    expect(rows.map((r) => r.path)).toEqual([
      'aud', 'exp', 'iat', 'iss', 'jti', 'kubernetes.io', 'kubernetes.io.namespace', 'kubernetes.io.node',
      'kubernetes.io.pod', 'kubernetes.io.serviceaccount', 'kubernetes.io.warnafter', 'nbf', 'sub',
    ])
    expect(rows.filter((r) => r.depth === 1)).toHaveLength(5)
  })

  it('names the bound objects with their values', () => {
    expect(bindingSummary(podPayload()['kubernetes.io'])).toBe(
      'This token is bound to pod app (uid 48656805-1038-442d-adee-7270bd0e0c4b) on node worker-0 (uid 96d36892-9f48-45e3-b125-670acb77db0d), and speaks for ServiceAccount default (uid 1486b34f-9787-4ffe-a10b-6b149e954bdf) in namespace sa-demo.',
    )
    expect(byPath('kubernetes.io.pod').specific).toContain('pod app (uid 48656805-')
    expect(byPath('kubernetes.io.node').specific).toContain('not checked')
    expect(byPath('sub').specific).toContain('ServiceAccount default in namespace sa-demo')
    expect(byPath('aud').specific).toBe('Meant only for https://10.0.1.10:6443.')
    expect(byPath('jti').specific).toContain('JTI=6a597411-93f7-44c5-9080-877546e4fb43')
  })

  it('time claims carry their seconds and their distance from iat', () => {
    expect(byPath('kubernetes.io.warnafter').time).toEqual({ name: 'warnafter', seconds: IAT + 3607, fromIat: 'iat + 3607 s (1 h 0 min 7 s)' })
    expect(byPath('exp').time?.fromIat).toBe('iat + 31536000 s (365 days)')
    expect(byPath('exp').specific).toBe('Refused after this moment (plus a minute of leeway), 365 days after issue.')
    expect(byPath('nbf').specific).toBe('Valid from the moment it was issued.')
    expect(byPath('iat').time).toEqual({ name: 'iat', seconds: IAT })
  })

  it('generic explanations come from src/jwt/claims.ts', () => {
    expect(byPath('kubernetes.io.warnafter').title).toBe('Warn after')
    expect(byPath('sub').generic).toMatch(/Who the token speaks for/)
  })

  it('unknown claims, markup and odd values are described as text', () => {
    const r = claimRows({ sub: '<img src=x onerror=alert(1)>', extra: 1, exp: 'soon' })
    expect(r[0].json).toBe('"<img src=x onerror=alert(1)>"')
    expect(r[0].specific).toContain('not a ServiceAccount name')
    expect(r[1].specific).toMatch(/Not a claim Kubernetes sets/)
    expect(r[2].time).toBeUndefined()
    expect(claimRows('x')).toEqual([])
    expect(jsonText({ a: '[{ x }]', b: [1, { c: null }] })).toBe('{"a": "[{ x }]", "b": [1, {"c": null}]}')
  })

  it('header: alg and whether the cluster publishes the kid', () => {
    const h = headerRows({ alg: 'RS256', kid: 'k1' }, {}, { kids: ['k1'] })
    expect(h[1].specific).toMatch(/The cluster publishes a key with this ID/)
    expect(headerRows({ kid: 'k2' }, {}, { kids: ['k1'] })[0].specific).toMatch(/No key the cluster publishes/)
    expect(headerRows({ alg: 'none' }, {})[0].specific).toMatch(/not signed/)
  })
})
