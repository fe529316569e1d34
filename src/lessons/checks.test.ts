import { describe, expect, it } from 'vitest'
import type { KObject } from '../cluster/api/meta'
import type { AuditEntry } from '../cluster/audit/audit'
import { claimChecks, fileExists, legacyTokenSecret, namespaceGone, podRunning, requestWithToken, serviceAccountExists, variableToken } from './checks'
import type { LessonView } from './types'

const obj = (kind: string, namespace: string | undefined, name: string, rest: Record<string, unknown> = {}): KObject =>
  ({ apiVersion: 'v1', kind, metadata: { name, namespace, uid: 'u', resourceVersion: '1', creationTimestamp: '2026-05-23T23:27:30Z' }, ...rest })
const b64 = (o: unknown) => btoa(JSON.stringify(o)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')
const jwt = (claims: unknown) => `${b64({ alg: 'RS256' })}.${b64(claims)}.sig`

function view(objects: Record<string, KObject[]>, vars: Record<string, string> = {}, audit: AuditEntry[] = [], files: Record<string, string> = {}): LessonView {
  return {
    objects: (r, ns) => (objects[r] ?? []).filter((o) => ns === undefined || o.metadata.namespace === ns),
    get: (r, ns, name) => (objects[r] ?? []).find((o) => o.metadata.namespace === ns && o.metadata.name === name),
    audit: () => audit,
    facts: () => [],
    nowMs: () => 0,
    variable: (n) => vars[n],
    file: (p) => files[p],
  }
}

describe('checks say what they expected and what they found', () => {
  it('a namespace being deleted is not gone yet', () => {
    const v = view({ namespaces: [obj('Namespace', undefined, 'sa-demo', { status: { phase: 'Terminating' } })] })
    expect(namespaceGone('sa-demo').run(v)).toEqual({ ok: false, expected: 'no namespace sa-demo (deleting it takes its pods and ServiceAccounts along)', found: 'namespace sa-demo still exists' })
  })

  it('a pod being deleted is not running', () => {
    const v = view({ pods: [obj('Pod', 'sa-demo', 'app', { status: { phase: 'Running' }, metadata: { name: 'app', namespace: 'sa-demo', uid: 'u', resourceVersion: '1', creationTimestamp: 'x', deletionTimestamp: 'y' } })] })
    expect(podRunning('sa-demo', 'app').run(v)).toEqual({ ok: false, expected: 'pod sa-demo/app Running', found: 'pod sa-demo/app is being deleted' })
  })

  it('a ServiceAccount with the wrong automount setting', () => {
    const unset = view({ serviceaccounts: [obj('ServiceAccount', 'sa-demo', 'quiet')] })
    expect(serviceAccountExists('sa-demo', 'quiet', false).run(unset).found).toBe('ServiceAccount sa-demo/quiet does not set automountServiceAccountToken (so its pods get a token)')
    const v = view({ serviceaccounts: [obj('ServiceAccount', 'sa-demo', 'quiet', { automountServiceAccountToken: true })] })
    expect(serviceAccountExists('sa-demo', 'quiet', false).run(v)).toEqual({
      ok: false,
      expected: 'ServiceAccount sa-demo/quiet with automountServiceAccountToken: false',
      found: 'ServiceAccount sa-demo/quiet has automountServiceAccountToken: true',
    })
  })

  it('a Secret of another type is no legacy token', () => {
    const v = view({ secrets: [obj('Secret', 'sa-demo', 'robot-token', { type: 'Opaque', data: { token: 'eA==' } })] })
    expect(legacyTokenSecret('sa-demo', 'robot-token').run(v)).toMatchObject({ ok: false, found: 'Secret sa-demo/robot-token has type Opaque' })
  })

  it('token variables: unset, not a JWT, wrong claims, right claims', () => {
    const c = variableToken('T', 'a token for vault', claimChecks.audience('vault'))
    expect(c.run(view({})).found).toBe('$T is not set')
    expect(c.run(view({}, { T: 'hello' })).found).toBe('$T does not hold a JWT (5 characters)')
    expect(c.run(view({}, { T: jwt({ aud: ['https://10.0.1.10:6443'] }) })).found).toBe('its audience is ["https://10.0.1.10:6443"]')
    expect(c.run(view({}, { T: jwt({ aud: ['vault'] }) }))).toEqual({ ok: true, expected: '$T holding a token for vault', found: '$T holds a token for vault' })
  })

  it('requests with a token: matched by jti, the latest one counts, annotations when asked', () => {
    const T = jwt({ jti: 'j1' })
    const e = (code: number, annotations?: Record<string, string>): AuditEntry =>
      ({ at: 0, method: 'GET', verb: 'list', requestURI: '/api/v1/namespaces/sa-demo/pods', source: 'curl', authentication: { decision: code === 401 ? 'deny' : 'allow', reason: code === 401 ? 'token expired' : undefined }, authorization: code === 401 ? undefined : { decision: 'forbid', reason: 'no RBAC rule allows it' }, token: { jti: 'j1' }, code, ...(annotations ? { annotations } : {}) }) as AuditEntry
    const stale = requestWithToken('T', 403, { annotation: 'authentication.k8s.io/stale-token' })
    expect(stale.run(view({}, { T }, [])).found).toBe('no request for pods made with $T is in the audit record yet')
    expect(stale.run(view({}, { T }, [e(403)])).found).toBe('the latest request for pods with $T got 403 (no RBAC rule allows it), without the authentication.k8s.io/stale-token annotation')
    expect(stale.run(view({}, { T }, [e(403, { 'authentication.k8s.io/stale-token': 'x' })])).ok).toBe(true)
    expect(stale.run(view({}, { T }, [e(403, { 'authentication.k8s.io/stale-token': 'x' }), e(401)])).found).toBe('the latest request for pods with $T got 401 (token expired), without the authentication.k8s.io/stale-token annotation')
  })

  it('files of the workstation', () => {
    expect(fileExists('legacy.yaml').run(view({}))).toEqual({ ok: false, expected: 'a file legacy.yaml', found: 'there is no file legacy.yaml' })
    expect(fileExists('legacy.yaml').run(view({}, {}, [], { 'legacy.yaml': 'abc' })).found).toBe('legacy.yaml holds 3 bytes')
  })
})
