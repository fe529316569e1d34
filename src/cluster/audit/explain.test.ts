import { describe, expect, it } from 'vitest'
import type { AuditEntry } from './audit'
import { explainRequest } from './explain'

const base: AuditEntry = {
  at: 0,
  method: 'GET',
  verb: 'list',
  requestURI: '/api/v1/namespaces/sa-demo/pods',
  source: 'curl',
  objectRef: { resource: 'pods', namespace: 'sa-demo', apiVersion: 'v1' },
  authentication: { decision: 'allow', authenticator: 'serviceaccount' },
  user: { username: 'system:serviceaccount:sa-demo:default', groups: ['system:serviceaccounts', 'system:authenticated'] },
  token: { jti: 'j', pod: 'app', subject: 'system:serviceaccount:sa-demo:default' },
  authorization: { decision: 'forbid', reason: '' },
  code: 403,
  responseStatus: { reason: 'Forbidden', message: 'pods is forbidden: User "system:serviceaccount:sa-demo:default" cannot list resource "pods" in API group "" in the namespace "sa-demo"' },
}

describe('explainRequest', () => {
  it('403: authenticated as the service account, refused by RBAC, admission not reached', () => {
    const [authn, authz, adm] = explainRequest(base)
    expect(authn).toMatchObject({ verdict: 'allowed', summary: 'Authenticated as system:serviceaccount:sa-demo:default.' })
    expect(authz.verdict).toBe('refused')
    expect(authz.summary).toContain('cannot list resource "pods"')
    expect(authz.details.join(' ')).toContain('RBAC denies by default')
    expect(adm.verdict).toBe('not reached')
  })

  it('401: authentication refused with the reason, the rest not reached', () => {
    const e: AuditEntry = { ...base, user: undefined, authorization: undefined, code: 401, authentication: { decision: 'deny', reason: '[invalid bearer token, service account token has been invalidated]' } }
    const [authn, authz, adm] = explainRequest(e)
    expect(authn.verdict).toBe('refused')
    expect(authn.summary).toContain('service account token has been invalidated')
    expect(authz.verdict).toBe('not reached')
    expect(adm.verdict).toBe('not reached')
  })

  it('allowed by a binding; admission applies only to changes', () => {
    const reason = 'RBAC: allowed by ClusterRoleBinding "x" of ClusterRole "view" to ServiceAccount "default/sa-demo"'
    const ok = explainRequest({ ...base, code: 200, authorization: { decision: 'allow', reason } })
    expect(ok[1]).toMatchObject({ verdict: 'allowed', summary: `Allowed: ${reason}.` })
    expect(ok[2].verdict).toBe('not applicable')
    const admin = explainRequest({ ...base, verb: 'create', method: 'POST', code: 201, user: { username: 'admin', groups: ['system:masters', 'system:authenticated'] }, authorization: { decision: 'allow', reason: '' }, admission: { decision: 'allow' } })
    expect(admin[1].summary).toContain('system:masters')
    expect(admin[2].verdict).toBe('allowed')
    const denied = explainRequest({ ...base, verb: 'create', code: 403, authorization: { decision: 'allow', reason }, admission: { decision: 'deny', reason: 'PodSecurity: violates' } })
    expect(denied[2]).toMatchObject({ verdict: 'refused', summary: 'Refused: PodSecurity: violates.' })
  })
})
