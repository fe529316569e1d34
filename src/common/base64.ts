// Base64 (RFC 4648 §4) and base64url (§5): the one place the lab encodes and decodes them.
// Decoders come in the strictness their callers need: the browser's forgiving decode (what
// `atob` accepts), Go's RawURLEncoding (what the API server accepts in a JWS), and a lenient
// base64url decoder for the token decoder that says why it failed.

const STD = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

/** Value of each ASCII code in the standard alphabet, -1 outside it. */
const STD_VALUE = new Int16Array(128).fill(-1)
/** Value of each ASCII code in the URL alphabet, -1 outside it. */
const URL_VALUE = new Int16Array(128).fill(-1)
/** Either alphabet (the lenient decoder takes both). */
const ANY_VALUE = new Int16Array(128).fill(-1)
for (let i = 0; i < 64; i++) {
  STD_VALUE[STD.charCodeAt(i)] = i
  URL_VALUE[URL.charCodeAt(i)] = i
  ANY_VALUE[STD.charCodeAt(i)] = i
  ANY_VALUE[URL.charCodeAt(i)] = i
}

import { bytesOf, stringOfBytes } from './bytes'

const utf8Lenient = new TextDecoder('utf-8', { fatal: false })

/** The value (0-63) of a character code in the standard base64 alphabet, or -1. */
export function base64Value(code: number): number {
  return code >= 0 && code < 128 ? STD_VALUE[code] : -1
}

/** The value (0-63) of a character code in the base64url alphabet, or -1. */
export function base64urlValue(code: number): number {
  return code >= 0 && code < 128 ? URL_VALUE[code] : -1
}

function encodeWith(alphabet: string, bytes: Uint8Array, pad: boolean): string {
  let out = ''
  let i = 0
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2]
    out += alphabet[n >> 18] + alphabet[(n >> 12) & 63] + alphabet[(n >> 6) & 63] + alphabet[n & 63]
  }
  const rest = bytes.length - i
  if (rest === 1) {
    const n = bytes[i] << 16
    out += alphabet[n >> 18] + alphabet[(n >> 12) & 63] + (pad ? '==' : '')
  } else if (rest === 2) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8)
    out += alphabet[n >> 18] + alphabet[(n >> 12) & 63] + alphabet[(n >> 6) & 63] + (pad ? '=' : '')
  }
  return out
}

/** Bytes to standard base64 with `=` padding (Go's StdEncoding, `btoa`). */
export function encodeBase64(bytes: Uint8Array): string {
  return encodeWith(STD, bytes, true)
}

/**
 * The bytes of `text` as standard base64 (how Secret data and kubeconfigs hold text): its UTF-8,
 * with the raw bytes a byte-faithful string holds (src/common/bytes.ts) as themselves.
 */
export function encodeBase64Text(text: string): string {
  return encodeBase64(bytesOf(text))
}

/** Bytes to base64url without padding (Go's RawURLEncoding, JWS compact serialisation). */
export function encodeBase64url(bytes: Uint8Array): string {
  return encodeWith(URL, bytes, false)
}

/** The bytes of `text` (as encodeBase64Text) as base64url without padding. */
export function encodeBase64urlText(text: string): string {
  return encodeBase64url(bytesOf(text))
}

/** Decode `length` characters of `s` (already checked) through `values`, 6 bits each. */
function decodeBits(s: string, values: Int16Array): Uint8Array | undefined {
  const out = new Uint8Array(Math.floor((s.length * 3) / 4))
  let o = 0, acc = 0, bits = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    const v = c < 128 ? values[c] : -1
    if (v < 0) return undefined
    acc = ((acc << 6) | v) & 0xffffff
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out[o++] = (acc >> bits) & 0xff
    }
  }
  return out.subarray(0, o)
}

/**
 * Standard base64 as the browser's `atob` decodes it (WHATWG forgiving-base64): ASCII white
 * space is ignored, padding is optional, leftover bits are dropped; undefined where `atob` throws.
 */
export function decodeBase64(s: string): Uint8Array | undefined {
  let t = s.replace(/[\t\n\f\r ]+/g, '')
  if (t.length % 4 === 0) t = t.endsWith('==') ? t.slice(0, -2) : t.endsWith('=') ? t.slice(0, -1) : t
  if (t.length % 4 === 1) return undefined
  return decodeBits(t, STD_VALUE)
}

/** decodeBase64, each byte as one character (the string `atob` returns). */
export function decodeBase64Binary(s: string): string | undefined {
  const bytes = decodeBase64(s)
  if (!bytes) return undefined
  let out = ''
  for (const b of bytes) out += String.fromCharCode(b)
  return out
}

/** decodeBase64, then the bytes as UTF-8 text (malformed sequences become U+FFFD). */
export function decodeBase64Text(s: string): string | undefined {
  const bytes = decodeBase64(s)
  return bytes ? utf8Lenient.decode(bytes) : undefined
}

/** decodeBase64, the bytes as a byte-faithful string (src/common/bytes.ts): nothing is lost. */
export function decodeBase64Bytes(s: string): string | undefined {
  const bytes = decodeBase64(s)
  return bytes ? stringOfBytes(bytes) : undefined
}

/** Go's base64.RawURLEncoding.DecodeString: no padding, URL alphabet only; undefined when illegal. */
export function decodeBase64urlStrict(s: string): Uint8Array | undefined {
  if (s.length % 4 === 1) return undefined
  return decodeBits(s, URL_VALUE)
}

/**
 * Decode base64url or standard base64, with or without `=` padding, for showing a token that
 * may be broken: says which character or length is wrong instead of throwing.
 */
export function decodeBase64urlLenient(s: string): { bytes: Uint8Array } | { error: string } {
  const t = s.replace(/=+$/, '')
  if (t.length % 4 === 1) return { error: `invalid length ${s.length}` }
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i)
    if (c >= 128 || ANY_VALUE[c] < 0) return { error: `illegal character ${JSON.stringify(t[i])} at offset ${i}` }
  }
  return { bytes: decodeBits(t, ANY_VALUE)! }
}
