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

describe('finding tokens in hostile text', () => {
  // issue 8: 300 KB of `eyJ`-like text froze the page for a minute under a backtracking regex.
  const shapes: Record<string, (n: number) => string> = {
    'eyJ runs without dots': (n) => 'eyJ'.repeat(Math.ceil(n / 3)).slice(0, n),
    'eyJ words with one dot each': (n) => 'eyJab.cd '.repeat(Math.ceil(n / 9)).slice(0, n),
    'eyJ words and one dot at the very end': (n) => 'eyJabc '.repeat(Math.ceil(n / 7)).slice(0, n - 1) + '.',
    'dotted eyJ chains': (n) => 'eyJa.'.repeat(Math.ceil(n / 5)).slice(0, n),
  }
  for (const [name, make] of Object.entries(shapes)) {
    it(`looks at each character a bounded number of times: ${name}`, () => {
      for (const n of [75_000, 300_000]) {
        const stats = { steps: 0 }
        findJwts(make(n), { stats })
        expect(stats.steps).toBeLessThanOrEqual(2 * n)
      }
    })
  }

  it('300 KB of eyJ-like text costs 4x the steps of 75 KB, not 16x', () => {
    // Steps, not milliseconds: on a shared machine a wall-clock ratio is noise; the step count is exact.
    const steps = (text: string) => {
      const stats = { steps: 0 }
      findJwts(text, { stats })
      return stats.steps
    }
    const small = 'eyJ'.repeat(16_000) + ' eyJab.cd'.repeat(3_000)
    const big = small.repeat(4)
    expect(big.length).toBeGreaterThanOrEqual(300_000)
    expect(steps(big)).toBeLessThanOrEqual(4 * steps(small) + 10)
  })

  it('caps the text it reads and the tokens it reports', () => {
    const many = Array.from({ length: 30 }, (_, i) => makeToken(podPayload(1779578851 + i)))
    expect(findJwts(many.join(' '), { maxTokens: 10 })).toEqual(many.slice(0, 10))
    const text = `${many[0]} ${many[1]}`
    expect(findJwts(text, { maxChars: text.length - 1 })).toEqual([many[0]]) // the second is cut: not reported
    expect(findJwts(text, { maxChars: text.length })).toEqual([many[0], many[1]])
  })

  it('agrees with the anchored pattern it replaces on small cases', () => {
    const re = /(?<![A-Za-z0-9_.-])eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*(?![A-Za-z0-9_-]|\.[A-Za-z0-9_-])/g
    const pieces = ['eyJ', 'a', '.', '..', ' ', '-', '"', 'x', 'eyJb.c', '=']
    let seed = 7
    for (let k = 0; k < 3000; k++) {
      let s = ''
      for (let j = 0; j < 8; j++) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff
        s += pieces[seed % pieces.length]
      }
      const expected = [...new Set([...s.matchAll(re)].map((m) => m[0]))]
      expect(findJwts(s), JSON.stringify(s)).toEqual(expected)
    }
  })
})
