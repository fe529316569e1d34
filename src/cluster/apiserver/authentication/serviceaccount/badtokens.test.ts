// Every way a presented token can be wrong is answered 401 (never downgraded to anonymous), and
// the audit record says why, in the real server's words.
import { describe, expect, it } from 'vitest'
import type { Cluster } from '../../../cluster'
import {
  asAdmin, b64url, decodePart, labWithPod, mintPodToken, mintToken, otherKey, podSpec, publicKeyPEM, signHS256, signRS256, withToken,
} from '../../testing'

const UNAUTHORIZED = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'Unauthorized', reason: 'Unauthorized', code: 401 }
const CRYPTO = '[invalid bearer token, go-jose/go-jose: error in cryptographic primitive]'

type Case = [name: string, make: (c: Cluster) => Promise<string>, reason: string | ((c: Cluster) => Promise<string>)]

/** Claims like the cluster's own, for tokens signed with the cluster's key but with chosen times. */
async function claimsLike(c: Cluster, patch: Record<string, unknown>): Promise<Record<string, unknown>> {
  return { ...decodePart(await mintToken(c), 1), ...patch }
}
const kidOf = async (c: Cluster) => decodePart(await mintToken(c), 0).kid as string
const now = (c: Cluster) => Math.floor(c.now() / 1000)

const cases: Case[] = [
  ['no signature', async (c) => (await mintToken(c)).replace(/\.[^.]*$/, '.'), CRYPTO],
  ['alg: none', async (c) => {
    const [, p] = (await mintToken(c)).split('.')
    return `${b64url(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${p}.`
  }, CRYPTO],
  ['HS256 signed with the public key as HMAC secret', async (c) =>
    signHS256({ alg: 'HS256', kid: await kidOf(c) }, await claimsLike(c, {}), publicKeyPEM()), CRYPTO],
  ['a changed claim (payload re-encoded)', async (c) => {
    const [h, , s] = (await mintToken(c)).split('.')
    return `${h}.${b64url(JSON.stringify(await claimsLike(c, { sub: 'system:serviceaccount:kube-system:default' })))}.${s}`
  }, CRYPTO],
  ['an unknown kid', async (c) => signRS256({ alg: 'RS256', kid: 'not-our-key' }, await claimsLike(c, {}), otherKey()),
    '[invalid bearer token, invalid signature, no keys found]'],
  ['our kid, signed by another key', async (c) => signRS256({ alg: 'RS256', kid: await kidOf(c) }, await claimsLike(c, {}), otherKey()), CRYPTO],
  ['another issuer', async (c) => signRS256({ alg: 'RS256', kid: await kidOf(c) }, await claimsLike(c, { iss: 'https://evil.example.com' })),
    'invalid bearer token'],
  ['another audience', (c) => mintToken(c, { audiences: ['vault'] }),
    '[invalid bearer token, token audiences ["vault"] is invalid for the target audiences ["https://10.0.1.10:6443"]]'],
  ['expired (past exp + 60 s)', async (c) => {
    const t = await mintToken(c, { expirationSeconds: 600 })
    await c.advanceTo(c.now() + 661_000)
    return t
  }, '[invalid bearer token, service account token has expired]'],
  ['not yet valid (nbf > now + 60 s)', async (c) => signRS256({ alg: 'RS256', kid: await kidOf(c) }, await claimsLike(c, { nbf: now(c) + 61 })),
    '[invalid bearer token, service account token is not valid yet]'],
  ['issued in the future (iat > now + 60 s)', async (c) => signRS256({ alg: 'RS256', kid: await kidOf(c) }, await claimsLike(c, { iat: now(c) + 120 })),
    '[invalid bearer token, service account token is issued in the future]'],
  ['pod deleted', async (c) => {
    const t = await mintPodToken(c)
    await asAdmin(c, 'DELETE', '/api/v1/namespaces/sa-demo/pods/app', { gracePeriodSeconds: 0 })
    await c.advanceTo(c.now() + 5_000)
    return t
  }, '[invalid bearer token, service account token has been invalidated]'],
  ['pod recreated under the same name (new uid)', async (c) => {
    const t = await mintPodToken(c)
    await asAdmin(c, 'DELETE', '/api/v1/namespaces/sa-demo/pods/app', { gracePeriodSeconds: 0 })
    await c.advanceTo(c.now() + 5_000)
    await asAdmin(c, 'POST', '/api/v1/namespaces/sa-demo/pods', podSpec('app'))
    return t
  }, async (c) => {
    const pod = (await asAdmin(c, 'GET', '/api/v1/namespaces/sa-demo/pods/app')).body as { metadata: { uid: string } }
    const claim = (decodePart(lastToken, 1)['kubernetes.io'] as { pod: { uid: string } }).pod.uid
    return `[invalid bearer token, pod UID (${pod.metadata.uid}) does not match service account pod ref claim (${claim})]`
  }],
  ['ServiceAccount recreated (new uid)', async (c) => {
    await asAdmin(c, 'POST', '/api/v1/namespaces/sa-demo/serviceaccounts', { metadata: { name: 'robot' } })
    const t = await mintToken(c, {}, 'robot')
    await asAdmin(c, 'DELETE', '/api/v1/namespaces/sa-demo/serviceaccounts/robot')
    await asAdmin(c, 'POST', '/api/v1/namespaces/sa-demo/serviceaccounts', { metadata: { name: 'robot' } })
    return t
  }, async (c) => {
    const sa = (await asAdmin(c, 'GET', '/api/v1/namespaces/sa-demo/serviceaccounts/robot')).body as { metadata: { uid: string } }
    const claim = (decodePart(lastToken, 1)['kubernetes.io'] as { serviceaccount: { uid: string } }).serviceaccount.uid
    return `[invalid bearer token, service account UID (${sa.metadata.uid}) does not match claim (${claim})]`
  }],
  ['ServiceAccount deleted', async (c) => {
    await asAdmin(c, 'POST', '/api/v1/namespaces/sa-demo/serviceaccounts', { metadata: { name: 'robot' } })
    const t = await mintToken(c, {}, 'robot')
    await asAdmin(c, 'DELETE', '/api/v1/namespaces/sa-demo/serviceaccounts/robot')
    return t
  }, '[invalid bearer token, serviceaccounts "robot" not found]'],
  ['Secret deleted (secret-bound token)', async (c) => {
    const s = (await asAdmin(c, 'POST', '/api/v1/namespaces/sa-demo/secrets', { metadata: { name: 'anchor' } })).body as { metadata: { uid: string } }
    const t = await mintToken(c, { boundObjectRef: { kind: 'Secret', apiVersion: 'v1', name: 'anchor', uid: s.metadata.uid } })
    await asAdmin(c, 'DELETE', '/api/v1/namespaces/sa-demo/secrets/anchor')
    return t
  }, '[invalid bearer token, service account token has been invalidated]'],
  ['Secret deleted (legacy token)', async (c) => {
    await asAdmin(c, 'POST', '/api/v1/namespaces/sa-demo/secrets', {
      metadata: { name: 'legacy', annotations: { 'kubernetes.io/service-account.name': 'default' } }, type: 'kubernetes.io/service-account-token',
    })
    const s = (await asAdmin(c, 'GET', '/api/v1/namespaces/sa-demo/secrets/legacy')).body as { data: { token: string } }
    await asAdmin(c, 'DELETE', '/api/v1/namespaces/sa-demo/secrets/legacy')
    return Buffer.from(s.data.token, 'base64').toString()
  }, '[invalid bearer token, Token has been invalidated]'],
  ['truncated', async (c) => { const t = await mintToken(c); return t.slice(0, t.indexOf('.') + 30) }, 'invalid bearer token'],
  ['not base64', async (c) => { const [h, , s] = (await mintToken(c)).split('.'); return `${h}.!!not*base64!!.${s}` }, 'invalid bearer token'],
  ['a megabyte of garbage', async () => 'x'.repeat(1 << 20), 'invalid bearer token'],
  ['a megabyte of dots and base64', async () => `${'a'.repeat(1 << 19)}.${'b'.repeat(1 << 19)}.c`, 'invalid bearer token'],
]

let lastToken = ''

describe('bad tokens are refused with 401 and the reason in the audit record', () => {
  it.each(cases)('%s', async (_name, make, reason) => {
    const c = await labWithPod()
    const token = await make(c)
    lastToken = token
    const want = typeof reason === 'string' ? reason : await reason(c)
    const t0 = performance.now()
    const res = await withToken(c, token)
    const elapsed = performance.now() - t0
    expect(res.status).toBe(401)
    expect(res.body).toEqual(UNAUTHORIZED)
    const entry = c.audit().findLast((e) => e.requestURI === '/api/v1/namespaces/sa-demo/pods' && e.source === 'curl')!
    expect(entry.code).toBe(401)
    expect(entry.authentication).toEqual({ decision: 'deny', reason: want })
    expect(entry.user).toBeUndefined()
    expect(c.facts().findLast((f) => f.type === 'request')).toMatchObject({ code: 401, reason: want })
    // Refused at once: a scan quadratic in the megabyte would take many seconds (the bench times it closely).
    expect(elapsed).toBeLessThan(1000)
  })

  it('records the jti and pod of a refused service-account token', async () => {
    const c = await labWithPod()
    const t = await mintPodToken(c)
    await asAdmin(c, 'DELETE', '/api/v1/namespaces/sa-demo/pods/app', { gracePeriodSeconds: 0 })
    await c.advanceTo(c.now() + 5_000)
    await withToken(c, t)
    const jti = decodePart(t, 1).jti as string
    expect(c.audit().at(-1)!.token).toMatchObject({ jti, pod: 'app', subject: 'system:serviceaccount:sa-demo:default' })
    expect(c.facts().at(-1)).toMatchObject({ type: 'request', code: 401, jti })
  })

  it('never treats a bad token as anonymous, even where anonymous may go', async () => {
    const c = await labWithPod()
    expect((await withToken(c, 'garbage', '/version')).status).toBe(401)
    expect((await c.handle({ method: 'GET', path: '/version', headers: {} })).status).toBe(200)
  })

  it('tries the client certificate before the bearer token, as the real chain does', async () => {
    const c = await labWithPod()
    const res = await asAdmin(c, 'GET', '/api/v1/namespaces/sa-demo/pods', undefined, { authorization: 'Bearer garbage' })
    expect(res.status).toBe(200)
    expect(c.audit().at(-1)!.authentication).toEqual({ decision: 'allow', authenticator: 'x509' })
  })
})
