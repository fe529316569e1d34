// What a student sees with service-account tokens: the article's 403, the stale-token annotation,
// the OIDC discovery documents, the review APIs, legacy Secret tokens, and the audit record.
import { createPublicKey, verify } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { asAdmin, decodePart, labWithPod, mintPodToken, mintToken, withToken } from './testing'

const SA_USER = 'system:serviceaccount:sa-demo:default'
const SA_GROUPS = ['system:serviceaccounts', 'system:serviceaccounts:sa-demo', 'system:authenticated']

describe('a pod token', () => {
  it('authenticates, and is refused listing pods with the article\'s 403', async () => {
    const c = await labWithPod()
    const res = await withToken(c, await mintPodToken(c))
    expect(res.status).toBe(403)
    expect(res.body).toEqual({
      kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure',
      message: 'pods is forbidden: User "system:serviceaccount:sa-demo:default" cannot list resource "pods" in API group "" in the namespace "sa-demo"',
      reason: 'Forbidden', details: { kind: 'pods' }, code: 403,
    })
    const e = c.audit().at(-1)!
    expect(e).toMatchObject({
      code: 403, verb: 'list', source: 'curl', user: { username: SA_USER, groups: SA_GROUPS },
      authentication: { decision: 'allow', authenticator: 'serviceaccount' }, authorization: { decision: 'forbid', reason: '' },
      objectRef: { resource: 'pods', namespace: 'sa-demo', apiVersion: 'v1' }, token: { pod: 'app' },
    })
  })

  it('still works after warnafter, with the stale-token annotation', async () => {
    const c = await labWithPod()
    const t = await mintPodToken(c)
    const warnafter = (decodePart(t, 1)['kubernetes.io'] as { warnafter: number }).warnafter
    await c.advanceTo((warnafter + 100) * 1000)
    const res = await withToken(c, t, '/version')
    expect(res.status).toBe(200)
    expect(c.audit().at(-1)!.annotations).toMatchObject({
      'authentication.k8s.io/stale-token': `subject: ${SA_USER}, seconds after warning threshold: 100`,
      'authorization.k8s.io/decision': 'allow',
      'authorization.k8s.io/reason': 'RBAC: allowed by ClusterRoleBinding "system:discovery" of ClusterRole "system:discovery" to Group "system:authenticated"',
    })
  })

  it('is seen by SelfSubjectReview with the pod and node extras, keys sorted', async () => {
    const c = await labWithPod()
    const t = await mintPodToken(c)
    const claims = decodePart(t, 1) as { jti: string; 'kubernetes.io': { pod: { uid: string }; node: { name: string; uid: string }; serviceaccount: { uid: string } } }
    const res = await withToken(c, t, '/apis/authentication.k8s.io/v1/selfsubjectreviews', 'POST', { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' })
    expect(res.status).toBe(201)
    const k = claims['kubernetes.io']
    expect(res.body).toEqual({
      kind: 'SelfSubjectReview', apiVersion: 'authentication.k8s.io/v1', metadata: {},
      status: {
        userInfo: {
          username: SA_USER, uid: k.serviceaccount.uid, groups: SA_GROUPS,
          extra: {
            'authentication.kubernetes.io/credential-id': [`JTI=${claims.jti}`],
            'authentication.kubernetes.io/node-name': [k.node.name],
            'authentication.kubernetes.io/node-uid': [k.node.uid],
            'authentication.kubernetes.io/pod-name': ['app'],
            'authentication.kubernetes.io/pod-uid': [k.pod.uid],
          },
        },
      },
    })
    expect(Object.keys((res.body as any).status.userInfo.extra)).toEqual(Object.keys((res.body as any).status.userInfo.extra).sort())
  })
})

describe('TokenReview', () => {
  it('answers authenticated, the user and the audiences', async () => {
    const c = await labWithPod()
    const t = await mintToken(c)
    const res = await asAdmin(c, 'POST', '/apis/authentication.k8s.io/v1/tokenreviews', { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenReview', spec: { token: t } })
    expect(res.status).toBe(201)
    const body = res.body as any
    expect(Object.keys(body)).toEqual(['kind', 'apiVersion', 'metadata', 'spec', 'status'])
    expect(body.status).toMatchObject({ authenticated: true, user: { username: SA_USER, groups: SA_GROUPS }, audiences: ['https://10.0.1.10:6443'] })
    expect(body.status.user.extra).toEqual({ 'authentication.kubernetes.io/credential-id': [`JTI=${decodePart(t, 1).jti}`] })
  })

  it('answers the error of a refused token, and requires a token', async () => {
    const c = await labWithPod()
    const t = await mintToken(c, { audiences: ['vault'] })
    const bad = (await asAdmin(c, 'POST', '/apis/authentication.k8s.io/v1/tokenreviews', { spec: { token: t } })).body as any
    expect(bad.status).toEqual({ user: {}, error: '[invalid bearer token, token audiences ["vault"] is invalid for the target audiences ["https://10.0.1.10:6443"]]' })
    const ok = (await asAdmin(c, 'POST', '/apis/authentication.k8s.io/v1/tokenreviews', { spec: { token: t, audiences: ['vault'] } })).body as any
    expect(ok.status).toMatchObject({ authenticated: true, audiences: ['vault'] })
    const none = await asAdmin(c, 'POST', '/apis/authentication.k8s.io/v1/tokenreviews', { spec: {} })
    expect(none.status).toBe(400)
    expect((none.body as any).message).toBe('token is required for TokenReview in authentication')
  })
})

describe('access reviews', () => {
  it('SelfSubjectAccessReview says no to pods and yes to whoami, with the RBAC reason', async () => {
    const c = await labWithPod()
    const t = await mintToken(c)
    const ssar = (attrs: Record<string, unknown>) =>
      withToken(c, t, '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', 'POST', { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', spec: attrs })
    const no = (await ssar({ resourceAttributes: { namespace: 'sa-demo', verb: 'list', resource: 'pods' } })).body as any
    expect(no.status).toEqual({ allowed: false })
    const yes = (await ssar({ resourceAttributes: { verb: 'create', group: 'authentication.k8s.io', resource: 'selfsubjectreviews' } })).body as any
    expect(yes.status).toEqual({ allowed: true, reason: 'RBAC: allowed by ClusterRoleBinding "system:basic-user" of ClusterRole "system:basic-user" to Group "system:authenticated"' })
    const path = (await ssar({ nonResourceAttributes: { path: '/openid/v1/jwks', verb: 'get' } })).body as any
    expect(path.status.allowed).toBe(true)
  })

  it('SelfSubjectRulesReview lists the rules for `kubectl auth can-i --list`', async () => {
    const c = await labWithPod()
    const res = await withToken(c, await mintToken(c), '/apis/authorization.k8s.io/v1/selfsubjectrulesreviews', 'POST', { spec: { namespace: 'sa-demo' } })
    const st = (res.body as any).status
    expect(st.incomplete).toBe(false)
    expect(st.resourceRules).toContainEqual({ verbs: ['create'], apiGroups: ['authentication.k8s.io'], resources: ['selfsubjectreviews'] })
    expect(st.nonResourceRules).toContainEqual({ verbs: ['get'], nonResourceURLs: ['/.well-known/openid-configuration', '/.well-known/openid-configuration/', '/openid/v1/jwks', '/openid/v1/jwks/'] })
  })
})

describe('OIDC discovery', () => {
  it('serves the discovery document and a JWKS that verifies a lab token (node:crypto)', async () => {
    const c = await labWithPod()
    const t = await mintPodToken(c)
    const conf = await withToken(c, t, '/.well-known/openid-configuration')
    expect(conf.headers).toMatchObject({ 'content-type': 'application/json', 'cache-control': 'public, max-age=3600' })
    expect(conf.body).toBe('{"issuer":"https://10.0.1.10:6443","jwks_uri":"https://10.0.1.10:6443/openid/v1/jwks","response_types_supported":["id_token"],"subject_types_supported":["public"],"id_token_signing_alg_values_supported":["RS256"]}')
    const res = await withToken(c, t, '/openid/v1/jwks')
    expect(res.headers).toMatchObject({ 'content-type': 'application/jwk-set+json', 'cache-control': 'public, max-age=3600' })
    const body = res.body as string
    expect(body).toMatch(/^\{"keys":\[\{"use":"sig","kty":"RSA","kid":"[A-Za-z0-9_-]{43}","alg":"RS256","n":"[A-Za-z0-9_-]+","e":"AQAB"\}\]\}$/)
    const jwk = JSON.parse(body).keys[0]
    expect(jwk.kid).toBe(decodePart(t, 0).kid)
    const [h, p, s] = t.split('.')
    expect(verify('RSA-SHA256', Buffer.from(`${h}.${p}`), createPublicKey({ key: jwk, format: 'jwk' }), Buffer.from(s, 'base64url'))).toBe(true)
  })

  it('refuses anonymous callers, and `/` too', async () => {
    const c = await labWithPod()
    const anon = (path: string) => c.handle({ method: 'GET', path, headers: { 'user-agent': 'curl/7.88.1' } })
    expect((await anon('/.well-known/openid-configuration')).body).toEqual({
      kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure',
      message: 'forbidden: User "system:anonymous" cannot get path "/.well-known/openid-configuration"', reason: 'Forbidden', details: {}, code: 403,
    })
    expect((await anon('/')).body).toMatchObject({ message: 'forbidden: User "system:anonymous" cannot get path "/"', details: {}, code: 403 })
    for (const p of ['/version', '/healthz', '/livez', '/readyz']) expect((await anon(p)).status).toBe(200)
    expect((await anon('/healthz')).body).toBe('ok')
  })
})

describe('TokenRequest in the audit record', () => {
  it('annotates the issued credential id', async () => {
    const c = await labWithPod()
    const t = await mintToken(c)
    expect(c.audit().at(-1)!.annotations).toMatchObject({ 'authentication.kubernetes.io/issued-credential-id': `JTI=${decodePart(t, 1).jti}` })
  })
})
