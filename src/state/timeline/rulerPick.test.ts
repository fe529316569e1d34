import { describe, expect, it } from 'vitest'
import type { Lane, TokenInfo } from './lanes'
import { fileToken, pickRulerToken } from './rulerPick'

const S = 1000
const iat = Date.UTC(2026, 4, 23, 23, 28, 5)
const first: TokenInfo = {
  key: 'j1', jti: 'j1', namespace: 'sa-demo', serviceAccount: 'default', source: 'kubelet', pod: { name: 'app', uid: 'u1' },
  iat, warnafter: iat + 3607 * S, exp: iat + 31_536_000 * S, refresh: { t: iat + 2882 * S, exact: true, afterGone: false }, requests: [],
}
const lane = (refreshes: number[], extra: Partial<Lane> = {}): Lane => ({
  id: 'pod:u1', kind: 'pod', title: 'sa-demo/app', tokens: [first], refreshes,
  pod: { namespace: 'sa-demo', name: 'app', uid: 'u1', events: [], createdAt: iat - 5 * S }, ...extra,
})
// refreshes every 2882 s from the first one (the schedule the kubelet computed)
const chain = Array.from({ length: 20 }, (_, i) => iat + (i + 1) * 2882 * S + 250)

describe('the ruler’s token', () => {
  it('is the recorded token while no refresh happened', () => {
    const p = pickRulerToken([lane(chain)], iat + 10 * 60 * S)!
    expect(p.title).toBe('token 1 of pod app')
    expect(p.tok).toEqual({ iat, refresh: iat + 2882 * S, warnafter: iat + 3607 * S, exp: iat + 31_536_000 * S })
  })

  it('after refreshes known only from the schedule, is the token in the file, with the same lifetimes', () => {
    const now = iat + 3 * 2882 * S + 60 * S // after the third refresh
    const p = fileToken(lane(chain), now)!
    const r3 = Math.floor(chain[2] / 1000) * 1000
    expect(p.title).toBe('the token in pod app’s file (written by kubelet refresh 3)')
    expect(p.tok).toEqual({ iat: r3, refresh: chain[3], warnafter: r3 + 3607 * S, exp: r3 + 31_536_000 * S })
    expect(pickRulerToken([lane(chain)], now)?.tok.iat).toBe(r3)
  })

  it('prefers the selected token, then the decoder’s', () => {
    const now = iat + 3 * 2882 * S + 60 * S
    expect(pickRulerToken([lane(chain)], now, 'j1')?.why).toBe('selected')
    expect(pickRulerToken([lane(chain)], now, undefined, 'j1')?.why).toBe('in the decoder')
  })

  it('marks a gone pod’s file token invalid from then', () => {
    const gone = iat + 2 * 2882 * S + 100 * S
    const l = lane(chain.slice(0, 2), { pod: { namespace: 'sa-demo', name: 'app', uid: 'u1', events: [], createdAt: iat, goneAt: gone } })
    expect(fileToken(l, gone + 3600 * S)?.tok.invalidAt).toBe(gone)
    expect(fileToken(l, gone + 3600 * S)?.tok.refresh).toBeUndefined()
  })
})
