import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  base64Value, base64urlValue, decodeBase64, decodeBase64Binary, decodeBase64Text, decodeBase64urlLenient, decodeBase64urlStrict,
  encodeBase64, encodeBase64Text, encodeBase64url, encodeBase64urlText,
} from './base64'

// Node's Buffer and the platform's atob/btoa are the references the lab's own codec must agree with.
const atobOrUndefined = (s: string) => {
  try {
    return atob(s)
  } catch {
    return undefined
  }
}

describe('encoding', () => {
  it('agrees with Buffer for any bytes, padded and unpadded', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 70 }), (bytes) => {
      expect(encodeBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'))
      expect(encodeBase64url(bytes)).toBe(Buffer.from(bytes).toString('base64url'))
    }))
  })
  it('encodes the UTF-8 bytes of text', () => {
    expect(encodeBase64Text('sa-demo')).toBe('c2EtZGVtbw==')
    expect(encodeBase64Text('grüße ✓')).toBe(Buffer.from('grüße ✓', 'utf8').toString('base64'))
    expect(encodeBase64urlText('{"alg":"RS256"}')).toBe('eyJhbGciOiJSUzI1NiJ9')
  })
})

describe('decoding', () => {
  it('decodeBase64 accepts and refuses exactly what atob does', () => {
    const samples = ['', 'YQ', 'YQ=', 'YQ==', 'YQ===', 'Y Q = =', 'YWJj\nZGVm', 'YW-j', 'YW_j', 'Y', 'YQ=a', '=', '====', '\tYWJj ', 'YWJ\u00e9', 'YR==', 'ab\u000bcd']
    for (const s of samples) expect(decodeBase64Binary(s), JSON.stringify(s)).toBe(atobOrUndefined(s))
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...'AZaz09+/= \n-_.'.split('')), maxLength: 20 }), (s) => {
      expect(decodeBase64Binary(s)).toBe(atobOrUndefined(s))
    }))
  })
  it('decodeBase64Text reads UTF-8, replacing malformed bytes', () => {
    expect(decodeBase64Text(Buffer.from('grüße', 'utf8').toString('base64'))).toBe('grüße')
    expect(decodeBase64Text('/w==')).toBe('\ufffd')
    expect(decodeBase64Text('*')).toBeUndefined()
    expect(decodeBase64(' YWI= ')).toEqual(new Uint8Array([97, 98]))
  })
  it('decodeBase64urlStrict is Go RawURLEncoding: URL alphabet, no padding', () => {
    expect(decodeBase64urlStrict('eyJhIjoxfQ')).toEqual(new Uint8Array(Buffer.from('{"a":1}')))
    expect(decodeBase64urlStrict('eyJhIjoxfQ==')).toBeUndefined()
    expect(decodeBase64urlStrict('a+b/')).toBeUndefined()
    expect(decodeBase64urlStrict('abcde')).toBeUndefined()
    expect(decodeBase64urlStrict('')).toEqual(new Uint8Array())
    fc.assert(fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
      expect(decodeBase64urlStrict(Buffer.from(bytes).toString('base64url'))).toEqual(bytes)
    }))
  })
  it('decodeBase64urlLenient takes both alphabets and padding, and says what is wrong', () => {
    expect(decodeBase64urlLenient('eyJhIjoxfQ==')).toEqual({ bytes: new Uint8Array(Buffer.from('{"a":1}')) })
    expect(decodeBase64urlLenient('-_+/')).toEqual({ bytes: new Uint8Array([0xfb, 0xff, 0xbf]) })
    expect(decodeBase64urlLenient('abcde')).toEqual({ error: 'invalid length 5' })
    expect(decodeBase64urlLenient('ab*d')).toEqual({ error: 'illegal character "*" at offset 2' })
    expect(decodeBase64urlLenient('ab\u00e9d')).toEqual({ error: 'illegal character "é" at offset 2' })
  })
  it('base64Value and base64urlValue know their alphabets', () => {
    expect([base64urlValue(45), base64urlValue(95), base64urlValue(43), base64urlValue(122)]).toEqual([62, 63, -1, 51])
    expect([base64Value(65), base64Value(43), base64Value(47), base64Value(45), base64Value(61), base64Value(300)]).toEqual([0, 62, 63, -1, -1, -1])
  })
})
