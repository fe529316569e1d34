import { describe, expect, it } from 'vitest'
import { createTokenRequest } from './tokenrequest'
import { createSigner } from './signer'
import { makeContext, podObject, seedCluster } from '../kubelet/testing'

const decode = (tok: string) => JSON.parse(Buffer.from(tok.split('.')[1], 'base64url').toString('utf8'))

async function setup() {
  const ctx = makeContext('tr')
  seedCluster(ctx)
  ctx.store.create('pods', podObject(ctx))
  return { ctx, signer: await createSigner({ deterministic: true }) }
}

const podRef = (ctx: ReturnType<typeof makeContext>) => {
  const p = ctx.store.get('pods', 'sa-demo', 'app')!
  return { apiVersion: 'v1', kind: 'Pod', name: 'app', uid: p.metadata.uid }
}

describe('createTokenRequest', () => {
  it('defaults: 3600 s, API audiences, unbound; response shape of the real server', async () => {
    const { ctx, signer } = await setup()
    const r = await createTokenRequest(ctx, signer, { namespace: 'sa-demo', serviceAccountName: 'default', body: { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', spec: {} } })
    if (!r.ok) throw new Error(r.status.message)
    const o = r.object as any
    expect(Object.keys(o)).toEqual(['kind', 'apiVersion', 'metadata', 'spec', 'status'])
    // 1.35: creationTimestamp is omitzero (apimachinery v0.35.0 types.go), so a zero time is not printed
    expect(o.metadata).toEqual({ name: 'default', namespace: 'sa-demo' })
    expect(o.spec).toEqual({ audiences: ['https://10.0.1.10:6443'], expirationSeconds: 3600, boundObjectRef: null })
    expect(o.status.expirationTimestamp).toBe('2026-11-29T16:31:57Z')
    const c = decode(o.status.token)
    expect(c.exp - c.iat).toBe(3600)
    expect(c.iat).toBe(Date.UTC(2026, 10, 29, 15, 31, 57) / 1000)
    expect(c.nbf).toBe(c.iat)
    expect(c.iss).toBe('https://10.0.1.10:6443')
    expect(c.jti).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(c['kubernetes.io'].warnafter).toBeUndefined()
    expect(ctx.facts).toEqual([expect.objectContaining({ type: 'token.issued', jti: c.jti, iat: c.iat, exp: c.exp, source: 'TokenRequest', serviceAccount: 'default' })])
  })

  it('pod-bound 3607 with API audiences is extended to a year with warnafter and the node claim', async () => {
    const { ctx, signer } = await setup()
    const ref = podRef(ctx)
    const r = await createTokenRequest(ctx, signer, { namespace: 'sa-demo', serviceAccountName: 'default', source: 'kubelet', body: { spec: { expirationSeconds: 3607, boundObjectRef: ref } } })
    if (!r.ok) throw new Error(r.status.message)
    const o = r.object as any
    const c = decode(o.status.token)
    expect(c.exp - c.iat).toBe(31536000)
    expect(c['kubernetes.io'].warnafter - c.iat).toBe(3607)
    const node = ctx.store.get('nodes', undefined, 'worker-0')!
    expect(c['kubernetes.io'].node).toEqual({ name: 'worker-0', uid: node.metadata.uid })
    expect(c['kubernetes.io'].pod).toEqual({ name: 'app', uid: ref.uid })
    expect(Object.keys(c['kubernetes.io'])).toEqual(['namespace', 'node', 'pod', 'serviceaccount', 'warnafter'])
    // status reports the requested 3607 s, not the JWT exp
    expect(o.status.expirationTimestamp).toBe('2026-11-29T16:32:04Z')
    expect(o.spec.boundObjectRef).toEqual({ kind: 'Pod', apiVersion: 'v1', name: 'app', uid: ref.uid })
    expect(ctx.facts[0]).toMatchObject({ source: 'kubelet', pod: { name: 'app', uid: ref.uid }, warnafter: c['kubernetes.io'].warnafter })
  })

  it('no extension for 3600, for unbound 3607, or for a foreign audience', async () => {
    const { ctx, signer } = await setup()
    const ref = podRef(ctx)
    const cases = [
      { expirationSeconds: 3600, boundObjectRef: ref },
      { expirationSeconds: 3607 },
      { expirationSeconds: 3607, boundObjectRef: ref, audiences: ['vault'] },
    ]
    for (const spec of cases) {
      const r = await createTokenRequest(ctx, signer, { namespace: 'sa-demo', serviceAccountName: 'default', body: { spec } })
      if (!r.ok) throw new Error(r.status.message)
      const c = decode((r.object as any).status.token)
      expect(c.exp - c.iat).toBe(spec.expirationSeconds)
      expect(c['kubernetes.io'].warnafter).toBeUndefined()
    }
  })

  it('validation messages: the Invalid Status on TokenRequest with an empty name', async () => {
    const { ctx, signer } = await setup()
    const r = await createTokenRequest(ctx, signer, { namespace: 'sa-demo', serviceAccountName: 'default', body: { spec: { expirationSeconds: 60 } } })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.status.message).toBe('TokenRequest.authentication.k8s.io "" is invalid: spec.expirationSeconds: Invalid value: 60: may not specify a duration less than 10 minutes')
    expect(r.status).toMatchObject({ reason: 'Invalid', code: 422, details: { group: 'authentication.k8s.io', kind: 'TokenRequest' } })
    expect(r.status.details!.name).toBeUndefined()
    const big = await createTokenRequest(ctx, signer, { namespace: 'sa-demo', serviceAccountName: 'default', body: { spec: { expirationSeconds: 2 ** 32 + 1 } } })
    expect(!big.ok && big.status.message).toBe('TokenRequest.authentication.k8s.io "" is invalid: spec.expirationSeconds: Invalid value: 4294967297: may not specify a duration larger than 2^32 seconds')
    expect(ctx.facts).toEqual([])
  })

  it('lookup errors', async () => {
    const { ctx, signer } = await setup()
    const msg = async (name: string, spec: unknown) => {
      const r = await createTokenRequest(ctx, signer, { namespace: 'sa-demo', serviceAccountName: name, body: { spec } })
      return r.ok ? 'ok' : `${r.status.code} ${r.status.reason}: ${r.status.message}`
    }
    expect(await msg('nope', {})).toBe('404 NotFound: serviceaccounts "nope" not found')
    expect(await msg('default', { boundObjectRef: { apiVersion: 'v1', kind: 'Pod', name: 'x' } })).toBe('404 NotFound: pods "x" not found')
    expect(await msg('default', { boundObjectRef: { apiVersion: 'v1', kind: 'Secret', name: 's' } })).toBe('404 NotFound: secrets "s" not found')
    expect(await msg('default', { boundObjectRef: { apiVersion: 'v1', kind: 'ConfigMap', name: 'kube-root-ca.crt' } })).toBe('400 BadRequest: cannot bind token to object of type /v1, Kind=ConfigMap')
    expect(await msg('default', { boundObjectRef: { apiVersion: 'v1', kind: 'Pod', name: 'app', uid: 'other' } })).toBe(
      '409 Conflict: Operation cannot be fulfilled on Pod "app": the UID in the bound object reference (other) does not match the UID in record. The object might have been deleted and then recreated')
    ctx.store.create('serviceaccounts', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'other', namespace: 'sa-demo', uid: 'u', resourceVersion: '', creationTimestamp: '' } })
    expect(await msg('other', { boundObjectRef: { apiVersion: 'v1', kind: 'Pod', name: 'app' } })).toBe(
      '400 BadRequest: cannot bind token for serviceaccount "other" to pod running with different serviceaccount name.')
  })

  it('node-bound tokens carry the node and no pod', async () => {
    const { ctx, signer } = await setup()
    const r = await createTokenRequest(ctx, signer, { namespace: 'sa-demo', serviceAccountName: 'default', body: { spec: { boundObjectRef: { apiVersion: 'v1', kind: 'Node', name: 'worker-1' } } } })
    if (!r.ok) throw new Error(r.status.message)
    const c = decode((r.object as any).status.token)
    expect(c['kubernetes.io'].node.name).toBe('worker-1')
    expect(c['kubernetes.io'].pod).toBeUndefined()
  })
})
