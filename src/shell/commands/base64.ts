// base64 (coreutils src/basenc.c with gnulib base64.c): encode wrapping at 76 columns (-w), decode
// (-d) exactly as GNU does: newlines are skipped, everything decodable is written, and then an
// unpadded or garbled input ends with `base64: invalid input` and status 1 — so a JWT segment
// (unpadded base64url) still decodes, up to the first `-` or `_`.

import { base64Value, encodeBase64 } from '../../common/base64'
import type { CommandSpec, FlagSpec } from '../types'
import { fromBytes, getopt, has, helpText, lastValue, readOperand, tableFromFlags, toBytes, usageError } from './util'

const flags: FlagSpec[] = [
  { name: 'decode', short: 'd', takesValue: false, help: 'decode data' },
  { name: 'ignore-garbage', short: 'i', takesValue: false, help: 'when decoding, ignore non-alphabet characters' },
  { name: 'wrap', short: 'w', takesValue: true, help: 'wrap encoded lines after COLS character (default 76); 0 disables' },
  { name: 'help', takesValue: false, help: 'display this help and exit' },
]

const inAlphabet = (c: number) => base64Value(c) >= 0
const NL = 10
const EQ = 61

export const base64: CommandSpec = {
  name: 'base64',
  summary: 'Base64 encode or decode FILE, or standard input, to standard output.',
  usage: 'base64 [OPTION]... [FILE]',
  flags,
  async run(ctx) {
    const p = getopt(ctx.argv.slice(1), tableFromFlags(flags))
    if ('error' in p) return usageError(ctx, 'base64', p.error)
    if (has(p, 'help')) {
      ctx.stdout(helpText(this.usage, this.summary, flags))
      return 0
    }
    if (p.operands.length > 1) return usageError(ctx, 'base64', `extra operand '${p.operands[1]}'`)
    const wrapArg = lastValue(p, 'wrap')
    let wrap = 76
    if (wrapArg !== undefined) {
      if (!/^[0-9]+$/.test(wrapArg)) {
        ctx.stderr(`base64: invalid wrap size: '${wrapArg}'\n`)
        return 1
      }
      wrap = Number(wrapArg)
    }
    const r = readOperand(ctx, p.operands[0] ?? '-')
    if (!r.ok) {
      ctx.stderr(`base64: ${r.message}\n`)
      return 1
    }
    if (!has(p, 'decode')) {
      ctx.stdout(encode(toBytes(r.text), wrap))
      return 0
    }
    let input = toBytes(r.text)
    if (has(p, 'ignore-garbage')) input = input.filter((b) => inAlphabet(b) || b === EQ)
    const { bytes, ok } = decode(input)
    ctx.stdout(fromBytes(bytes))
    if (!ok) {
      ctx.stderr('base64: invalid input\n')
      return 1
    }
    return 0
  },
}

export function encode(bytes: Uint8Array, wrap: number): string {
  const s = encodeBase64(bytes)
  if (s === '') return ''
  if (wrap === 0) return s
  let out = ''
  for (let i = 0; i < s.length; i += wrap) out += s.slice(i, i + wrap) + '\n'
  return out
}

/** gnulib decode_4: decode up to 4 characters, writing what it can before failing. */
function decode4(chars: number[], out: number[]): boolean {
  const n = chars.length
  if (n < 2) return false
  const [a, b, c, d] = chars
  if (!inAlphabet(a) || !inAlphabet(b)) return false
  out.push(((base64Value(a) << 2) | (base64Value(b) >> 4)) & 0xff)
  if (n === 2) return false
  if (c === EQ) return n === 4 && d === EQ
  if (!inAlphabet(c)) return false
  out.push(((base64Value(b) << 4) & 0xf0) | (base64Value(c) >> 2))
  if (n === 3) return false
  if (d === EQ) return n === 4
  if (!inAlphabet(d)) return false
  out.push(((base64Value(c) << 6) & 0xc0) | base64Value(d))
  return true
}

/**
 * gnulib base64_decode_ctx over the whole input, then the final flush call that basenc's
 * do_decode makes at end of file. Newlines are ignored wherever they are.
 */
export function decode(input: Uint8Array): { bytes: Uint8Array; ok: boolean } {
  const out: number[] = []
  const ctxBuf: number[] = []
  let pos = 0
  let ok = true
  // (one array for every quad of the fast path)
  const four = [0, 0, 0, 0]
  // First call: the whole buffer.
  for (;;) {
    if (ctxBuf.length === 0) {
      // Fast path: whole quads with no newline.
      while (pos + 4 <= input.length) {
        for (let k = 0; k < 4; k++) four[k] = input[pos + k]
        if (four.includes(NL)) break
        const mark = out.length
        if (!decode4(four, out)) {
          out.length = mark
          break
        }
        pos += 4
      }
    }
    if (pos >= input.length) break
    if (input[pos] === NL) {
      pos++
      continue
    }
    // get_4: gather up to four non-newline characters into the context buffer.
    if (ctxBuf.length === 4) ctxBuf.length = 0
    while (pos < input.length && ctxBuf.length < 4) {
      const c = input[pos++]
      if (c !== NL) ctxBuf.push(c)
    }
    if (ctxBuf.length < 4) break // kept for the flush call
    const quad = ctxBuf.splice(0, 4)
    if (!decode4(quad, out)) {
      ok = false
      break
    }
  }
  if (ok && ctxBuf.length > 0) {
    // The flush call at end of input: a partial quad decodes what it can, then fails.
    if (!decode4(ctxBuf, out)) ok = false
  }
  return { bytes: Uint8Array.from(out), ok }
}
