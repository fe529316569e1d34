import { describe, expect, it } from 'vitest'
import { chainJitter, keyFunc, refreshThreshold, requiresRefresh } from './tokenManager'
import type { KubeletState } from '../state'
import { T0, podObject, firstNodeKubelet } from '../testing'
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
  const { ctx, kubelet } = await firstNodeKubelet(seed)
  ctx.store.create('pods', podObject(ctx, opts))
  await ctx.runDue(T0 + 5000)
  const cat = async (path: string) => ((await kubelet.exec('sa-demo', 'app', 'app', ['cat', path])) as ExecResult).stdout
  const ls = async () => ((await kubelet.exec('sa-demo', 'app', 'app', ['ls', '-a', '/var/run/secrets/kubernetes.io/serviceaccount'])) as ExecResult).stdout
  const entry = () => Object.values((kubelet.snapshot() as KubeletState).tokens)[0]
  /** When the current token's refresh falls due (the first ms at which requiresRefresh holds). */
  const nextRefresh = () => { const e = entry(); return refreshThreshold({ expirationSeconds: e.spec.expirationSeconds, expirationTime: e.expirationTime }, e.jitter) + 1 }
  return { ctx, kubelet, cat, ls, entry, nextRefresh }
}

const TOKEN = '/var/run/secrets/kubernetes.io/serviceaccount/token'

describe('token manager in the kubelet', () => {
  it('refreshes at iat + 2886 s - jitter (<= 9 s) and swaps ..data to a new token with a new jti', async () => {
    const { ctx, cat, ls, entry, nextRefresh } = await running()
    const first = await cat(TOKEN)
    const c1 = claims(first)
    expect(c1.exp - c1.iat).toBe(31536000)
    expect(entry().jitter).toBe(chainJitter(entry().chainSeed, 0))
    const at = nextRefresh()
    const offset = (at - 1 - c1.iat * 1000) / 1000
    expect(offset).toBeGreaterThanOrEqual(2877)
    expect(offset).toBeLessThanOrEqual(2886)
    const lsBefore = await ls()

    await ctx.runDue(at - 1)
    expect(await cat(TOKEN)).toBe(first)
    await ctx.runDue(at)
    const second = await cat(TOKEN)
    const c2 = claims(second)
    expect(second).not.toBe(first)
    expect(c2.jti).not.toBe(c1.jti)
    expect(c2.iat - c1.iat).toBe(offset)
    expect(c2['kubernetes.io'].warnafter - c2.iat).toBe(3607)
    expect(c2['kubernetes.io'].pod).toEqual(c1['kubernetes.io'].pod)
    expect(c2['kubernetes.io'].node).toEqual(c1['kubernetes.io'].node)
    const lsAfter = await ls()
    expect(lsAfter).not.toBe(lsBefore)
    expect(lsAfter).toMatch(/^\.\n\.\.\n\.\.2026_11_29_\d\d_\d\d_\d\d\.\d+\n\.\.data\nca\.crt\nnamespace\ntoken\n$/)
    const issued = ctx.facts.filter((f) => f.type === 'token.issued')
    expect(issued.map((f) => (f as { jti: string }).jti)).toEqual([c1.jti, c2.jti])
    expect(issued[1]).toMatchObject({ at, source: 'kubelet', iat: c2.iat, pod: { name: 'app' } })
    // the same token however often it is read
    expect(await cat(TOKEN)).toBe(second)
  })

  it('a user-written 3600 s projection gets a real one-hour token, refreshed after 2880 s - jitter', async () => {
    const { cat, nextRefresh } = await running('tm2', { expirationSeconds: 3600 })
    const c = claims(await cat(TOKEN))
    expect(c.exp - c.iat).toBe(3600)
    expect(c['kubernetes.io'].warnafter).toBeUndefined()
    const offset = (nextRefresh() - 1 - c.iat * 1000) / 1000
    expect(offset).toBeGreaterThanOrEqual(2871)
    expect(offset).toBeLessThanOrEqual(2880)
  })

  it('a year with 50 pods schedules and signs no refresh; a read gets the latest token', async () => {
    const { ctx, kubelet } = await firstNodeKubelet('year')
    for (let i = 0; i < 50; i++) ctx.store.create('pods', podObject(ctx, { name: `p${i}` }))
    await ctx.runDue(T0 + 10_000)
    const year = 365 * 24 * 3600_000
    await ctx.runDue(T0 + year)
    expect(ctx.clock.pending().filter((w) => w.type.startsWith('kubelet.'))).toHaveLength(0)
    // 50 pods, a refresh every 2877-2886 s
    const n = kubelet.refreshesBetween(T0 + 10_000, T0 + year)
    expect(n).toBeGreaterThan(50 * Math.floor(year / 2886_001))
    expect(n).toBeLessThanOrEqual(50 * Math.ceil(year / 2877_000))
    const state = kubelet.snapshot() as KubeletState
    expect(Object.values(state.tokens).every((e) => e.index === 0)).toBe(true)
    const c = claims(((await kubelet.exec('sa-demo', 'p7', 'p7', ['cat', TOKEN])) as ExecResult).stdout)
    expect(T0 / 1000 + year / 1000 - c.iat).toBeLessThan(2887)
    expect(c.exp - c.iat).toBe(31536000)
  })

  it('a refresh that would fail (ServiceAccount gone) keeps the old token; a recreated ServiceAccount gets the next one', async () => {
    const { ctx, cat, nextRefresh } = await running('tm3')
    const first = await cat(TOKEN)
    const sa = ctx.store.get('serviceaccounts', 'sa-demo', 'default')!
    ctx.store.delete('serviceaccounts', 'sa-demo', 'default')
    const at = nextRefresh()
    await ctx.runDue(at)
    expect(await cat(TOKEN)).toBe(first)
    ctx.store.create('serviceaccounts', { ...sa, metadata: { ...sa.metadata, uid: 'new-uid', resourceVersion: '' } })
    const again = claims(await cat(TOKEN))
    expect(again['kubernetes.io'].serviceaccount.uid).toBe('new-uid')
  })
})

describe('refresh times for the timeline', () => {
  it('are the same whether walked from the mount or from the current token', async () => {
    const { ctx, kubelet } = await firstNodeKubelet('times')
    ctx.store.create('pods', podObject(ctx))
    await ctx.runDue(T0 + 5000)
    const all = kubelet.tokenSchedules(T0, T0 + 10 * 3600_000)[0].refreshes
    expect(all.length).toBeGreaterThanOrEqual(12)
    // read the token after 5 hours: the entry moves to a later refresh
    await ctx.runDue(T0 + 5 * 3600_000)
    await kubelet.exec('sa-demo', 'app', 'app', ['cat', TOKEN])
    expect(kubelet.tokenSchedules(T0, T0 + 10 * 3600_000)[0].refreshes).toEqual(all)
    expect(kubelet.tokenSchedules(T0 + 5 * 3600_000, T0 + 10 * 3600_000)[0].refreshes).toEqual(all.filter((t) => t >= T0 + 5 * 3600_000))
    expect(kubelet.tokenSchedules(T0, T0 + 10 * 3600_000, 3)[0].refreshes).toEqual(all.slice(0, 3))
  })
})
