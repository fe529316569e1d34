import { describe, expect, it } from 'vitest'
import { createLab } from './lab'
import { LEDGER_LIMIT, TokenLedger } from './tokenLedger'

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url')
const jwt = (jti: string) => `${b64({ alg: 'RS256', kid: 'k' })}.${b64({ jti, sub: 'x' })}.c2lnbmF0dXJlLWJ5dGVz`

describe('the ledger of tokens the terminal showed', () => {
  it('keeps the JWTs printed by commands, by jti, and survives a snapshot', async () => {
    const lab = await createLab({ seed: 'ledger' })
    const printed = (await lab.run('kubectl create token default')).stdout.trim()
    const jti = JSON.parse(Buffer.from(printed.split('.')[1], 'base64url').toString()).jti
    expect(lab.seenTokens()).toEqual({ [jti]: printed })
    const again = await createLab({ state: JSON.parse(JSON.stringify(lab.snapshot())) })
    expect(again.seenTokens()).toEqual({ [jti]: printed })
  })

  it('treats a saved ledger as untrusted: entries whose jti does not match are dropped', () => {
    const l = new TokenLedger({ a: jwt('a'), b: jwt('not-b'), c: 42, d: '<img src=x>' })
    expect(Object.keys(l.entries())).toEqual(['a'])
    expect(Object.keys(new TokenLedger('nonsense').entries())).toEqual([])
  })

  it('is bounded, forgetting the oldest', () => {
    const l = new TokenLedger()
    for (let i = 0; i <= LEDGER_LIMIT; i++) l.scan(`token: ${jwt(`j${i}`)}\n`)
    const keys = Object.keys(l.entries())
    expect(keys).toHaveLength(LEDGER_LIMIT)
    expect(keys[0]).toBe('j1')
  })
})
