// busybox base64 -d: garbage skipped, a partial group at the end `truncated input`; the rest of
// base64 (encoding, its errors) is the GNU module's, reworded.
// Imitates: busybox libbb/uuencode.c (read_base64, decode_base64).

import type { CommandSpec } from '../shell/types'
import { bytesOf, stringOfBytes } from '../common/bytes'
import { base64Value } from '../common/base64'

/** read_base64: 80-byte chunks split at control characters and spaces, other garbage skipped; a partial quad at the end is `truncated input`. */
export function busyboxDecode64(input: Uint8Array): { bytes: number[]; truncated: boolean } {
  const out: number[] = []
  let pending: number[] = []
  let pos = 0
  for (;;) {
    let ended = false
    const buf = [...pending]
    while (buf.length < 80) {
      if (pos >= input.length) { ended = true; break }
      const c = input[pos++]
      if (c <= 0x20) break
      buf.push(c)
    }
    pending = decodeChunk(buf, out)
    if (ended) return { bytes: out, truncated: pending.length > 0 }
  }
}

/** decode_base64: what it writes, and the characters left undecoded (a partial quad, or what follows a padded one). */
function decodeChunk(src: number[], out: number[]): number[] {
  let ch = 0
  let i = 0
  let k = 0
  while (k < src.length) {
    const c = src[k++]
    let t = base64Value(c)
    if (t < 0) {
      if (c === 0x3d && (i === 3 || (i === 2 && src[k] === 0x3d))) t = 0x1000000
      else continue
    }
    ch = ch * 64 + t
    i = (i + 1) & 3
    if (i === 0) {
      const pad = ch >= 0x1000000 * 64 ? 2 : ch >= 0x1000000 ? 1 : 0
      const v = ch % 0x1000000
      out.push((v >> 16) & 255, (v >> 8) & 255, v & 255)
      if (pad) {
        out.length -= pad
        return src.slice(k)
      }
      ch = 0
    }
  }
  return src.slice(k - i)
}

/** base64: decoding as busybox does (garbage skipped, `truncated input`); encoding and errors from the GNU module, reworded. */
export function busyboxBase64(other: CommandSpec): CommandSpec {
  return {
    name: 'base64', summary: 'base64', usage: 'base64',
    async run(ctx) {
      const args = ctx.argv.slice(1)
      const operands = args.filter((a) => !a.startsWith('-') || a === '-')
      if (!args.includes('-d') || args.some((a) => a.startsWith('-') && a !== '-d' && a !== '-') || operands.length > 1) return other.run(ctx)
      const name = operands[0] ?? '-'
      // a directory opens, and its first read fails: fgetc's EOF, so nothing and no error
      const text = name === '-' ? ctx.stdin : ctx.fs.isDir(name) ? '' : ctx.fs.readFile(name)
      if (text === undefined) {
        ctx.stderr(`base64: ${name}: No such file or directory\n`)
        return 1
      }
      const r = busyboxDecode64(bytesOf(text))
      ctx.stdout(stringOfBytes(Uint8Array.from(r.bytes)))
      if (!r.truncated) return 0
      ctx.stderr('base64: truncated input\n')
      return 1
    },
  }
}
