import { spawnSync } from 'node:child_process'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { byteChar, byteLength, hasRawBytes, bytesOf, canonical, displayText, joinBytes, latin1Of, sliceBytes, stringOfBytes, stringOfLatin1, utf8CharCount } from './bytes'

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex')
const B = (...xs: number[]) => Uint8Array.from(xs)

/** Python's own surrogateescape decoding of each byte string (one python3 process for all). */
function pythonDecode(samples: Uint8Array[]): string[] {
  const script = `import sys, json
for line in sys.stdin.read().split():
    b = bytes.fromhex(line[1:])
    print(json.dumps([ord(c) for c in b.decode('utf-8', 'surrogateescape')]))`
  const r = spawnSync('python3', ['-c', script], { input: samples.map((s) => `x${hex(s)}`).join('\n'), encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`python3 failed: ${r.stderr || r.error?.message}`)
  return r.stdout.trim().split('\n').map((l) => (JSON.parse(l) as number[]).map((c) => String.fromCodePoint(c)).join(''))
}

// Edge cases of UTF-8 validity: overlongs, surrogates, past U+10FFFF, truncated sequences, BOM.
const EDGES: Uint8Array[] = [
  B(), B(0x41), B(0xff), B(0xff, 0xfe, 0x00, 0x80), B(0xc3, 0xa9), B(0xc3), B(0xc3, 0x41), B(0xc0, 0x80), B(0xc1, 0xbf),
  B(0xe0, 0x80, 0x80), B(0xe0, 0xa0, 0x80), B(0xed, 0xa0, 0x80), B(0xed, 0x9f, 0xbf), B(0xef, 0xbf, 0xbd), B(0xef, 0xbb, 0xbf, 0x41),
  B(0xf0, 0x8f, 0xbf, 0xbf), B(0xf0, 0x90, 0x80, 0x80), B(0xf4, 0x8f, 0xbf, 0xbf), B(0xf4, 0x90, 0x80, 0x80), B(0xf5, 0x80, 0x80, 0x80),
  B(0xe2, 0x82), B(0xe2, 0x82, 0xac), B(0xf0, 0x9f, 0x98), B(0xf0, 0x9f, 0x98, 0x80, 0xff), B(0x80, 0xbf, 0xc2, 0xa0),
]

describe('byte-faithful strings (surrogateescape)', () => {
  it('decode as Python decodes with errors="surrogateescape", edge cases and random bytes', () => {
    const random = fc.sample(fc.uint8Array({ maxLength: 40 }), { numRuns: 300, seed: 12 })
    const weighted = fc.sample(fc.array(fc.constantFrom(0x41, 0x80, 0xbf, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xed, 0xa0, 0xf0, 0x9f, 0x98, 0xf4, 0x90, 0xff), { maxLength: 20 }).map((a) => Uint8Array.from(a)), { numRuns: 300, seed: 7 })
    const samples = [...EDGES, ...random, ...weighted]
    const expected = pythonDecode(samples)
    samples.forEach((s, i) => expect(stringOfBytes(s), hex(s)).toBe(expected[i]))
  })

  it('bytesOf(stringOfBytes(b)) is b, for every byte string', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (b) => hex(bytesOf(stringOfBytes(b))) === hex(b)), { numRuns: 500 })
    for (const e of EDGES) expect(hex(bytesOf(stringOfBytes(e)))).toBe(hex(e))
  })

  it('leaves valid UTF-8 text an ordinary string, and its bytes its UTF-8', () => {
    for (const t of ['', 'grüße ✓', 'a\u0000b', '\ufeffbom', '😀', 'x'.repeat(1000)]) {
      expect(stringOfBytes(Buffer.from(t, 'utf8'))).toBe(t)
      expect(hex(bytesOf(t))).toBe(Buffer.from(t, 'utf8').toString('hex'))
      expect(byteLength(t)).toBe(Buffer.byteLength(t, 'utf8'))
    }
  })

  it('a lone surrogate outside U+DC80..U+DCFF encodes as U+FFFD (as TextEncoder does)', () => {
    expect(hex(bytesOf('\ud800'))).toBe('efbfbd')
    expect(hex(bytesOf('\udc10a'))).toBe('efbfbd61')
    expect(hex(bytesOf('\ud83d\ude00\udcff'))).toBe('f09f9880ff')
  })

  it('counts, slices and joins bytes', () => {
    const s = stringOfBytes(B(0x61, 0xc3, 0xa9, 0xff, 0x62))
    expect(s).toBe('aé\udcffb')
    expect(byteLength(s)).toBe(5)
    expect(sliceBytes(s, 0, 2)).toBe('a\udcc3')
    expect(sliceBytes(s, -2)).toBe('\udcffb')
    expect(utf8CharCount(s)).toBe(3)
    expect(joinBytes('x\udcc3', '\udca9y')).toBe('xéy')
    expect(joinBytes('x\udcc3', 'y')).toBe('x\udcc3y')
    expect(canonical(byteChar(0xe2) + byteChar(0x82) + byteChar(0xac))).toBe('€')
    expect(stringOfLatin1(latin1Of(s))).toBe(s)
    expect(latin1Of('é')).toBe('\u00c3\u00a9')
  })

  it('joinBytes(a, b) is the string of the bytes of a then b, for every a and b', () => {
    const bytes = fc.array(fc.constantFrom(0x41, 0x80, 0x82, 0xa9, 0xac, 0xbf, 0xc3, 0xe2, 0xf0, 0x9f, 0x98, 0xff), { maxLength: 8 }).map((a) => Uint8Array.from(a))
    fc.assert(fc.property(bytes, bytes, (x, y) => {
      const joined = joinBytes(stringOfBytes(x), stringOfBytes(y))
      return joined === stringOfBytes(Uint8Array.from([...x, ...y]))
    }), { numRuns: 2000 })
  })

  it('shows each byte that is not UTF-8 as U+FFFD, as a UTF-8 terminal does', () => {
    expect(displayText(stringOfBytes(B(0xff, 0xfe, 0x41, 0xc3, 0xa9)))).toBe('\ufffd\ufffdAé')
    expect(displayText('😀 ok')).toBe('😀 ok')
    expect(displayText('\udcc3' + '\udca9\udcff')).toBe('é\ufffd')
  })

  it('survives JSON and structuredClone (saves, exports, the worker) unchanged', () => {
    const s = stringOfBytes(B(0xff, 0xfe, 0x00, 0x80, 0xc3, 0xa9, 0xed, 0xa0, 0x80))
    const back = JSON.parse(JSON.stringify({ s })) as { s: string }
    expect(back.s).toBe(s)
    // lone surrogates are written as \udcXX escapes, so UTF-8 text holds them (share links encode it)
    expect(hasRawBytes(JSON.stringify(s))).toBe(false)
    expect(JSON.stringify(s)).toContain('\\udcff')
    expect(structuredClone({ s }).s).toBe(s)
    expect(hex(bytesOf(back.s))).toBe('fffe0080c3a9eda080')
  })
})
