import { describe, expect, it } from 'vitest'
import type { AuditEntry } from '../cluster/audit/audit'
import { resolveFocus } from './focus'
import type { LessonView } from './types'

const b64 = (o: unknown) => btoa(JSON.stringify(o)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')
// the claims of the article's pod token
const TOKEN = `${b64({ alg: 'RS256' })}.${b64({ iat: 1779578851, exp: 1811114851, jti: 'j1', 'kubernetes.io': { warnafter: 1779582458 } })}.sig`
const entry = (code: number, jti?: string) => ({ code, ...(jti ? { token: { jti } } : {}) }) as AuditEntry

function view(vars: Record<string, string>, audit: AuditEntry[] = []): LessonView {
  return { objects: () => [], get: () => undefined, audit: () => audit, facts: () => [], nowMs: () => 0, variable: (n) => vars[n], file: () => undefined }
}

describe('panel focus', () => {
  it('opens the token of a variable in the decoder, once the variable holds one', () => {
    expect(resolveFocus({ panel: 'decoder', variable: 'TOK' }, view({}))).toBeUndefined()
    expect(resolveFocus({ panel: 'decoder', variable: 'TOK' }, view({ TOK: 'nope' }))).toBeUndefined()
    expect(resolveFocus({ panel: 'decoder', variable: 'TOK' }, view({ TOK: TOKEN }))).toEqual({ panel: 'decoder', token: TOKEN })
  })

  it('moves the timeline to a time claim, or to the refresh point at 80% of the way to warnafter', () => {
    const v = view({ TOK: TOKEN })
    expect(resolveFocus({ panel: 'timeline', variable: 'TOK', mark: 'warnafter' }, v)).toEqual({ panel: 'timeline', atMs: 1779582458000, token: TOKEN })
    expect(resolveFocus({ panel: 'timeline', variable: 'TOK', mark: 'exp' }, v)).toMatchObject({ atMs: 1811114851000 })
    // 3607 s * 0.8 = 2885.6 s after iat
    expect(resolveFocus({ panel: 'timeline', variable: 'TOK', mark: 'refresh' }, v)).toMatchObject({ atMs: 1779581736600 })
  })

  it('selects the latest matching request for the Why panel', () => {
    const audit = [entry(403, 'j1'), entry(401, 'other'), entry(200)]
    expect(resolveFocus({ panel: 'why', variable: 'TOK' }, view({ TOK: TOKEN }, audit))).toEqual({ panel: 'why', auditIndex: 0 })
    expect(resolveFocus({ panel: 'why', code: 401 }, view({}, audit))).toEqual({ panel: 'why', auditIndex: 1 })
    expect(resolveFocus({ panel: 'why' }, view({}, audit))).toEqual({ panel: 'why', auditIndex: 2 })
    expect(resolveFocus({ panel: 'why', code: 500 }, view({}, audit))).toBeUndefined()
  })
})
