// Byte-faithful strings: the one place that knows how the lab keeps bytes in JS strings.
//
// Convention (Python's "surrogateescape"): a stream of bytes is held as its UTF-8 decoding in
// which every byte that is not part of a valid UTF-8 sequence becomes the lone surrogate
// U+DC00+byte (so U+DC80..U+DCFF for bytes 0x80..0xFF). Valid UTF-8 text is an ordinary string;
// the bytes come back exactly by encoding with the same rule. A lone surrogate outside
// U+DC80..U+DCFF (which no decoding produces) encodes as U+FFFD, as TextEncoder encodes it.

const encoder = new TextEncoder()
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

/** Any UTF-16 surrogate (paired or not). */
const SURROGATE = /[\ud800-\udfff]/
/** A surrogate that is not half of a pair. */
const LONE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

/** The bytes a string stands for (surrogateescape). */
export function bytesOf(s: string): Uint8Array {
  if (!SURROGATE.test(s)) return encoder.encode(s)
  const out = new Uint8Array(s.length * 3)
  let o = 0
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i)
    if (c < 0x80) {
      out[o++] = c
      continue
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) {
        const cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00)
        out[o++] = 0xf0 | (cp >> 18)
        out[o++] = 0x80 | ((cp >> 12) & 63)
        out[o++] = 0x80 | ((cp >> 6) & 63)
        out[o++] = 0x80 | (cp & 63)
        i++
        continue
      }
    }
    if (c >= 0xdc80 && c <= 0xdcff) {
      out[o++] = c - 0xdc00
      continue
    }
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd
    if (c < 0x800) {
      out[o++] = 0xc0 | (c >> 6)
      out[o++] = 0x80 | (c & 63)
    } else {
      out[o++] = 0xe0 | (c >> 12)
      out[o++] = 0x80 | ((c >> 6) & 63)
      out[o++] = 0x80 | (c & 63)
    }
  }
  return out.slice(0, o)
}

/** Length of the valid UTF-8 sequence starting at `i`, or 0 when the byte there starts none. */
function sequenceAt(b: Uint8Array, i: number): number {
  const x = b[i]
  if (x < 0x80) return 1
  const end = b.length
  const c1 = i + 1 < end ? b[i + 1] : -1
  if (x >= 0xc2 && x <= 0xdf) return c1 >= 0x80 && c1 <= 0xbf ? 2 : 0
  let n: number
  let lo = 0x80
  let hi = 0xbf
  if (x >= 0xe0 && x <= 0xef) {
    n = 3
    if (x === 0xe0) lo = 0xa0
    else if (x === 0xed) hi = 0x9f
  } else if (x >= 0xf0 && x <= 0xf4) {
    n = 4
    if (x === 0xf0) lo = 0x90
    else if (x === 0xf4) hi = 0x8f
  } else return 0
  if (c1 < lo || c1 > hi || i + n > end) return 0
  const c2 = b[i + 2]
  if (c2 < 0x80 || c2 > 0xbf) return 0
  if (n === 4 && (b[i + 3] < 0x80 || b[i + 3] > 0xbf)) return 0
  return n
}

/** The string standing for `bytes` (surrogateescape): valid UTF-8 decodes, other bytes escape. */
export function stringOfBytes(bytes: Uint8Array): string {
  try {
    return strict.decode(bytes)
  } catch {
    // not valid UTF-8: decode piece by piece below
  }
  // UTF-16 code units into a typed array, then text a chunk at a time (a decoder call per
  // short run is slow: random bytes are mostly short runs). Never more units than bytes.
  const units = new Uint16Array(bytes.length)
  let u = 0
  let i = 0
  while (i < bytes.length) {
    const x = bytes[i]
    const n = x < 0x80 ? 1 : sequenceAt(bytes, i)
    if (n === 0) units[u++] = 0xdc00 + x
    else if (n === 1) units[u++] = x
    else if (n === 2) units[u++] = ((x & 0x1f) << 6) | (bytes[i + 1] & 0x3f)
    else if (n === 3) units[u++] = ((x & 0x0f) << 12) | ((bytes[i + 1] & 0x3f) << 6) | (bytes[i + 2] & 0x3f)
    else {
      const cp = (((x & 0x07) << 18) | ((bytes[i + 1] & 0x3f) << 12) | ((bytes[i + 2] & 0x3f) << 6) | (bytes[i + 3] & 0x3f)) - 0x10000
      units[u++] = 0xd800 + (cp >> 10)
      units[u++] = 0xdc00 + (cp & 0x3ff)
    }
    i += n === 0 ? 1 : n
  }
  let out = ''
  for (let k = 0; k < u; k += 8192) out += String.fromCharCode(...units.subarray(k, Math.min(u, k + 8192)))
  return out
}

/** Whether the string holds bytes that are not valid UTF-8 (escaped bytes or stray surrogates). */
export function hasRawBytes(s: string): boolean {
  LONE.lastIndex = 0
  return LONE.test(s)
}

/**
 * The canonical string for the same bytes: where escaped bytes meet (two writes of half a UTF-8
 * character each), they become the character. Cheap when the string holds no escaped byte.
 */
export function canonical(s: string): string {
  return hasRawBytes(s) ? stringOfBytes(bytesOf(s)) : s
}

/** Number of bytes the string stands for. */
export function byteLength(s: string): number {
  if (!SURROGATE.test(s)) {
    let n = 0
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i)
      n += c < 0x80 ? 1 : c < 0x800 ? 2 : 3
    }
    return n
  }
  return bytesOf(s).length
}

/** Bytes `start` to `end` (exclusive, as Array.slice, negative from the end) of the string. */
export function sliceBytes(s: string, start: number, end?: number): string {
  return stringOfBytes(bytesOf(s).slice(start, end))
}

/** Number of characters in a UTF-8 locale (GNU wc -m): bytes outside valid sequences do not count. */
export function utf8CharCount(s: string): number {
  let n = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) {
        n++
        i++
        continue
      }
    }
    if (c >= 0xd800 && c <= 0xdfff) continue
    n++
  }
  return n
}

/** What a UTF-8 terminal shows for the string (display.ts, kept small for the first screen). */
export { displayText } from './display'

/** One byte as a string: ASCII as itself, 0x80..0xFF escaped (pass the result through canonical). */
export function byteChar(b: number): string {
  return String.fromCharCode(b < 0x80 ? b : 0xdc00 + (b & 0xff))
}

/** The bytes of `s` one character each (U+0000..U+00FF), for byte-wise tools written over strings (tr). */
export function latin1Of(s: string): string {
  const b = bytesOf(s)
  let out = ''
  for (let i = 0; i < b.length; i += 8192) out += String.fromCharCode(...b.subarray(i, i + 8192))
  return out
}

/** Back from latin1Of: characters U+0000..U+00FF as bytes, to the byte-faithful string. */
export function stringOfLatin1(l: string): string {
  const b = new Uint8Array(l.length)
  for (let i = 0; i < l.length; i++) b[i] = l.charCodeAt(i)
  return stringOfBytes(b)
}

const isEscapedByte = (c: number) => c >= 0xdc80 && c <= 0xdcff

/** `a + b` for byte streams written one after the other: escaped bytes meeting at the join become
 *  their character when they spell UTF-8 (the common case, no escaped byte at the join, is `a + b`). */
export function joinBytes(a: string, b: string): string {
  if (a === '' || b === '' || !isEscapedByte(a.charCodeAt(a.length - 1)) || !isEscapedByte(b.charCodeAt(0))) return a + b
  // A character made at the join has at most 3 of its bytes on either side, all of them escaped.
  let i = a.length
  while (i > 0 && a.length - i < 3 && isEscapedByte(a.charCodeAt(i - 1))) i--
  let j = 0
  while (j < b.length && j < 3 && isEscapedByte(b.charCodeAt(j))) j++
  return a.slice(0, i) + stringOfBytes(bytesOf(a.slice(i) + b.slice(0, j))) + b.slice(j)
}

/** Order of the bytes the strings stand for (the C locale's collation: sort, uniq). */
export function compareBytes(a: string, b: string): number {
  // Without surrogates, UTF-16 order is code point order, which UTF-8 keeps.
  if (!SURROGATE.test(a) && !SURROGATE.test(b)) return a < b ? -1 : a > b ? 1 : 0
  const x = bytesOf(a)
  const y = bytesOf(b)
  const n = Math.min(x.length, y.length)
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1
  return x.length === y.length ? 0 : x.length < y.length ? -1 : 1
}

/** Lower-case hex, two digits a byte (Go's hex.EncodeToString). */
export function hexOf(bytes: Uint8Array): string {
  let s = ''
  for (const b of bytes) s += b.toString(16).padStart(2, '0')
  return s
}
