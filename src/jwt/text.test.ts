import { describe, expect, it } from 'vitest'
import { checkPasted, findJwts, isJwt, jwtVariables, MAX_TOKEN_CHARS } from './text'
import { makeToken, podPayload } from './explain/testTokens'

const tok = makeToken(podPayload())
const unsigned = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiI8aW1nIHNyYz14IG9uZXJyb3I9YWxlcnQoMSk-In0.'

describe('finding tokens', () => {
  it('in terminal lines', () => {
    expect(findJwts(tok)).toEqual([tok])
    expect(findJwts(`Authorization: Bearer ${tok}`)).toEqual([tok])
    expect(findJwts(`TOKEN="${tok}" and again ${tok}.`)).toEqual([tok])
    expect(findJwts(unsigned)).toEqual([unsigned])
    expect(findJwts('eyJhbGciOi only one part')).toEqual([])
    expect(findJwts(`${tok}.more`)).toEqual([]) // 4 parts: not a JWT
  })
  it('in shell variables', () => {
    expect(jwtVariables({ TOK: `${tok}\n`, HOME: '/root', B: 'eyJ.x' })).toEqual([{ name: 'TOK', token: tok }])
    expect(isJwt(`  ${tok} `)).toBe(true)
  })
})

describe('pasted text', () => {
  it('a megabyte is refused before decoding, quickly', () => {
    const big = 'x'.repeat(1024 * 1024)
    checkPasted('y'.repeat(MAX_TOKEN_CHARS + 1)) // warm up number formatting
    const t0 = performance.now()
    const r = checkPasted(big)
    expect(performance.now() - t0).toBeLessThan(100)
    expect(r).toMatchObject({ ok: false })
    expect(r.ok === false && r.message).toContain('1,048,576 characters')
  })
  it('a token is trimmed; empty text is nothing', () => {
    expect(checkPasted(` ${tok}\n`)).toEqual({ ok: true, token: tok })
    expect(checkPasted('  ')).toEqual({ ok: 'empty' })
    expect(checkPasted('a'.repeat(MAX_TOKEN_CHARS)).ok).toBe(true)
  })
})
