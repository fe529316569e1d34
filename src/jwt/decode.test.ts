import { describe, expect, it } from 'vitest'
import { jtiOf, payloadOf } from './decode'

const seg = (o: unknown) => Buffer.from(typeof o === 'string' ? o : JSON.stringify(o)).toString('base64url')

describe('the payload and jti of a token', () => {
  it('reads them from a signed, an unsigned or a Bearer-prefixed token', () => {
    const t = `${seg({ alg: 'RS256' })}.${seg({ jti: 'abc', sub: 'x' })}.c2ln`
    expect(payloadOf(t)).toEqual({ jti: 'abc', sub: 'x' })
    expect(jtiOf(t)).toBe('abc')
    expect(jtiOf(`Bearer ${t}\n`)).toBe('abc')
    expect(jtiOf(`${seg({ alg: 'none' })}.${seg({ jti: 'u' })}.`)).toBe('u')
  })
  it('has none where the payload is not a JSON object or has no string jti', () => {
    expect(payloadOf(`${seg({})}.${seg('[1]')}.x`)).toBeUndefined()
    expect(payloadOf(`${seg({})}.${seg('null')}.x`)).toBeUndefined()
    expect(payloadOf(`${seg({})}.***.x`)).toBeUndefined()
    expect(jtiOf(`${seg({})}.${seg({ jti: 7 })}.x`)).toBeUndefined()
    expect(jtiOf(undefined)).toBeUndefined()
    expect(jtiOf('')).toBeUndefined()
  })
})
