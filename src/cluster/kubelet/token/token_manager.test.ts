import { describe, expect, it } from 'vitest'
import { keyFunc, refreshThreshold, requiresRefresh } from './token_manager'
import { Kubelet } from '../kubelet'
import { createSigner } from '../../serviceaccount/signer'
import { T0, makeContext, podObject, seedCluster } from '../testing'
import type { ExecResult } from '../../apiserver/types'

const tr = (iat: number, expirationSeconds: number) => ({ expirationSeconds, expirationTime: iat + expirationSeconds * 1000 })
const claims = (tok: string) => JSON.parse(Buffer.from(tok.split('.')[1], 'base64url').toString('utf8'))

describe('requiresRefresh', () => {
  it('80% of 3607 s: refresh after iat + 2886 s - jitter', () => {
    const r = tr(T0, 3607)
    expect(refreshThreshold(r, 0) - T0).toBe(2886_000)
    expect(refreshThreshold(r, 9) - T0).toBe(2877_000)
    expect(requiresRefresh(r, T0 + 2886_000, 0)).toBe(false)
    expect(requiresRefresh(r, T0 + 2886_001, 0)).toBe(true)
    expect(requiresRefresh(r, T0 + 2877_001, 9)).toBe(true)
    expect(requiresRefresh(r, T0 + 1000, 9)).toBe(false)
  })
  it('24 h cap for long tokens, and a clock that went back', () => {
    const r = tr(T0, 7 * 24 * 3600)
    expect(refreshThreshold(r, 3) - T0).toBe(24 * 3600_000 - 3000)
    expect(requiresRefresh(r, T0 - 1, 0)).toBe(true)
  })
  it('keyFunc formats like %q/%q/%#v/%#v/%#v', () => {
    expect(keyFunc('default', 'sa-demo', { audiences: [], expirationSeconds: 3607, boundObjectRef: { apiVersion: 'v1', kind: 'Pod', name: 'app', uid: 'u' } }))
      .toBe('"default"/"sa-demo"/[]string{}/3607/&v1.BoundObjectReference{Kind:"Pod", APIVersion:"v1", Name:"app", UID:"u"}')
  })
})

async function running(seed = 'tm', opts: { expirationSeconds?: number } = {}) {
  const ctx = makeContext(seed)
  seedCluster(ctx)
  const signer = await createSigner({ deterministic: true })
  const kubelet = new Kubelet(ctx, signer, ctx.config.nodes[0])
  ctx.store.create('pods', podObject(ctx, opts))
  await ctx.runDue(T0 + 5000)
  const cat = (path: string) => kubelet.exec('sa-demo', 'app', 'app', ['cat', path]) as ExecResult
  return { ctx, kubelet, cat }
}

const TOKEN = '/var/run/secrets/kubernetes.io/serviceaccount/token'

describe('token manager in the kubelet', () => {
  it('refreshes at iat + 2886 s - jitter (<= 9 s) and swaps ..data to a new token with a new jti', async () => {
    const { ctx, kubelet, cat } = await running()
    const first = cat(TOKEN).stdout
    const c1 = claims(first)
    expect(c1.exp - c1.iat).toBe(31536000)
    const refresh = ctx.clock.pending().find((w) => w.type === 'kubelet.refreshToken')!
    const offset = (refresh.at - 1 - c1.iat * 1000) / 1000
    expect(offset).toBeGreaterThanOrEqual(2877)
    expect(offset).toBeLessThanOrEqual(2886)
    const lsBefore = (kubelet.exec('sa-demo', 'app', 'app', ['ls', '-a', '/var/run/secrets/kubernetes.io/serviceaccount']) as ExecResult).stdout

    await ctx.runDue(refresh.at - 1)
    expect(cat(TOKEN).stdout).toBe(first)
    await ctx.runDue(refresh.at)
    const second = cat(TOKEN).stdout
    const c2 = claims(second)
    expect(second).not.toBe(first)
    expect(c2.jti).not.toBe(c1.jti)
    expect(c2.iat - c1.iat).toBe(offset)
    expect(c2['kubernetes.io'].warnafter - c2.iat).toBe(3607)
    expect(c2['kubernetes.io'].pod).toEqual(c1['kubernetes.io'].pod)
    expect(c2['kubernetes.io'].node).toEqual(c1['kubernetes.io'].node)
    const lsAfter = (kubelet.exec('sa-demo', 'app', 'app', ['ls', '-a', '/var/run/secrets/kubernetes.io/serviceaccount']) as ExecResult).stdout
    expect(lsAfter).not.toBe(lsBefore)
    expect(lsAfter).toMatch(/^\.\n\.\.\n\.\.2026_11_29_\d\d_\d\d_\d\d\.\d+\n\.\.data\nca\.crt\nnamespace\ntoken\n$/)
    const issued = ctx.facts.filter((f) => f.type === 'token.issued')
    expect(issued.map((f) => (f as any).jti)).toEqual([c1.jti, c2.jti])
    expect(issued[1]).toMatchObject({ at: refresh.at, source: 'kubelet', iat: c2.iat, pod: { name: 'app' } })
    // the same token however often it is read
    expect(cat(TOKEN).stdout).toBe(second)
  })

  it('a user-written 3600 s projection gets a real one-hour token, refreshed after 2880 s - jitter', async () => {
    const { ctx, cat } = await running('tm2', { expirationSeconds: 3600 })
    const c = claims(cat(TOKEN).stdout)
    expect(c.exp - c.iat).toBe(3600)
    expect(c['kubernetes.io'].warnafter).toBeUndefined()
    const refresh = ctx.clock.pending().find((w) => w.type === 'kubelet.refreshToken')!
    const offset = (refresh.at - 1 - c.iat * 1000) / 1000
    expect(offset).toBeGreaterThanOrEqual(2871)
    expect(offset).toBeLessThanOrEqual(2880)
  })

  it('a year of refreshes with 50 pods signs nothing and keeps one refresh pending per pod', async () => {
    const ctx = makeContext('year')
    seedCluster(ctx)
    const signer = await createSigner({ deterministic: true })
    const kubelet = new Kubelet(ctx, signer, ctx.config.nodes[0])
    for (let i = 0; i < 50; i++) ctx.store.create('pods', podObject(ctx, { name: `p${i}` }))
    await ctx.runDue(T0 + 10_000)
    const days = 30
    const ran = await ctx.runDue(T0 + days * 24 * 3600_000)
    expect(ran).toBeGreaterThan(50 * days * 29)
    const state = kubelet.snapshot() as any
    expect(Object.values(state.tokens).every((e: any) => e.token === undefined)).toBe(true)
    expect(ctx.clock.pending().filter((w) => w.type === 'kubelet.refreshToken')).toHaveLength(50)
    const tok = (kubelet.exec('sa-demo', 'p7', 'p7', ['cat', TOKEN]) as ExecResult).stdout
    const c = claims(tok)
    expect(T0 / 1000 + days * 24 * 3600 - c.iat).toBeLessThan(2887)
  })

  it('a refresh that fails (ServiceAccount gone) keeps the old token and retries', async () => {
    const { ctx, cat } = await running('tm3')
    const first = cat(TOKEN).stdout
    ctx.store.delete('serviceaccounts', 'sa-demo', 'default')
    const refresh = ctx.clock.pending().find((w) => w.type === 'kubelet.refreshToken')!
    await ctx.runDue(refresh.at)
    expect(cat(TOKEN).stdout).toBe(first)
    const retry = ctx.clock.pending().find((w) => w.type === 'kubelet.refreshToken')!
    expect(retry.at - refresh.at).toBe(60_000)
  })
})
