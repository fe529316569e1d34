// `openssl base64 -d` as OpenSSL 3.0 decodes (crypto/evp/bio_b64.c b64_read over
// crypto/evp/encode.c): with -A the input is cut into reads of 1024 bytes, each decoded whole by
// EVP_DecodeBlock up to a multiple of 4 characters (so a segment that is not padded loses its
// tail, and a newline or space inside stops everything); without -A the decoder starts at the
// first line ending in a newline that decodes to something, then EVP_DecodeUpdate keeps only
// whole groups of four (64 characters at a time, and what is left at the end only when it is a
// multiple of 4). Garbage gives no output and no error, as OpenSSL gives.

import { base64Value } from '../../common/base64'

const WS = -2 // space, tab
const EOLN = -3 // \n, \r
const EOF = -4 // '-'
const ERR = -5

function cls(c: number): number {
  if (c === 0x3d) return 0 // '=' decodes as zero bits
  const v = base64Value(c)
  if (v >= 0) return v
  if (c === 0x20 || c === 0x09) return WS
  if (c === 0x0a || c === 0x0d) return EOLN
  if (c === 0x2d) return EOF
  return ERR
}

/** Three bytes for every four characters (all of them base64 or '='). */
function block(chars: number[]): number[] {
  const out: number[] = []
  for (let i = 0; i + 3 < chars.length; i += 4) {
    const [a, b, c, d] = chars.slice(i, i + 4).map(cls)
    const v = (a << 18) | (b << 12) | (c << 6) | d
    out.push((v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff)
  }
  return out
}

/** EVP_DecodeBlock: trims, then -1 unless what is left is whole groups of base64. */
function decodeBlock(s: number[]): number[] | undefined {
  let f = 0
  let n = s.length
  while (n > 0 && cls(s[f]) === WS) {
    f++
    n--
  }
  while (n > 3 && cls(s[f + n - 1]) < 0) n--
  if (n % 4) return undefined
  const chars = s.slice(f, f + n)
  if (chars.some((c) => cls(c) < 0)) return undefined
  return block(chars)
}

function decodeOneLine(input: number[]): number[] {
  const out: number[] = []
  let tmp: number[] = []
  let pos = 0
  for (;;) {
    const read = input.slice(pos, pos + 1024 - tmp.length)
    pos += read.length
    if (read.length === 0 && tmp.length === 0) break
    const i = [...tmp, ...read]
    const jj = i.length & ~3
    const z = decodeBlock(i.slice(0, jj))
    if (!z) break
    let len = z.length
    if (jj > 2 && i[jj - 1] === 0x3d) len -= i[jj - 2] === 0x3d ? 2 : 1
    out.push(...z.slice(0, Math.max(0, len)))
    tmp = i.slice(jj)
    if (read.length === 0) break
  }
  return out
}

/** EVP_DecodeUpdate on a fresh context: the status and the bytes. */
function decodeUpdate(input: number[]): { rv: number; out: number[] } {
  const out: number[] = []
  let d: number[] = []
  let eof = 0
  let seof = false
  for (const c of input) {
    const v = cls(c)
    if (v === ERR) return { rv: -1, out }
    if (c === 0x3d) eof++
    else if (eof > 0 && v >= 0) return { rv: -1, out }
    if (eof > 2) return { rv: -1, out }
    if (v === EOF) {
      seof = true
      break
    }
    if (v >= 0) d.push(c)
    if (d.length === 64) {
      out.push(...block(d).slice(0, 48 - eof))
      d = []
    }
  }
  if (d.length > 0) {
    if (d.length % 4 === 0) {
      const b = block(d)
      out.push(...b.slice(0, b.length - eof))
      d = []
    } else if (seof) return { rv: -1, out }
  }
  return { rv: seof || (d.length === 0 && eof) ? 0 : 1, out }
}

function decodeLines(input: number[]): number[] {
  let start = 0
  for (let j = 0; j < input.length; j++) {
    if (input[j] !== 0x0a) continue
    const { rv, out } = decodeUpdate(input.slice(start, j + 1))
    if (rv > 0 || out.length > 0) return decodeUpdate(input.slice(start)).out
    start = j + 1
  }
  return []
}

/** The bytes `openssl base64 -d [-A]` writes for `input`. */
export function opensslDecode(input: Uint8Array, oneLine: boolean): Uint8Array {
  const bytes = Array.from(input)
  return Uint8Array.from(oneLine ? decodeOneLine(bytes) : decodeLines(bytes))
}
