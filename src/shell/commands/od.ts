// od (coreutils 9.1 src/od.c) over the UTF-8 bytes of its input: -A RADIX, -t TYPE (a, c, d, o, u,
// x with sizes 1, 2, 4, 8 or C, S, I, L, and the z trailer), the traditional -b -c -d -o -s -x,
// -j, -N, -w, -v, with od's column arithmetic (every type of a line padded to the widest) and
// `*` for repeated lines. Floating-point types are not in the lab.

import type { CommandContext, CommandSpec } from '../types'
import { readOperand, toBytes } from './util'

interface Spec {
  kind: 'a' | 'c' | 'd' | 'o' | 'u' | 'x'
  size: number
  width: number
  trailer: boolean
  pad: number
}

const WIDTH: Record<string, Record<number, number>> = {
  d: { 1: 4, 2: 6, 4: 11, 8: 20 },
  u: { 1: 3, 2: 5, 4: 10, 8: 20 },
  o: { 1: 3, 2: 6, 4: 11, 8: 22 },
  x: { 1: 2, 2: 4, 4: 8, 8: 16 },
}
const SIZE_LETTER: Record<string, number> = { C: 1, S: 2, I: 4, L: 8 }
const NAMES = ['nul', 'soh', 'stx', 'etx', 'eot', 'enq', 'ack', 'bel', 'bs', 'ht', 'nl', 'vt', 'ff', 'cr', 'so', 'si', 'dle', 'dc1', 'dc2', 'dc3', 'dc4', 'nak', 'syn', 'etb', 'can', 'em', 'sub', 'esc', 'fs', 'gs', 'rs', 'us', 'sp']
const ESC: Record<number, string> = { 0: '\\0', 7: '\\a', 8: '\\b', 12: '\\f', 10: '\\n', 13: '\\r', 9: '\\t', 11: '\\v' }
const printable = (c: number) => c >= 0x20 && c < 0x7f

/** The specs of one -t argument, or the error message. */
function parseType(t: string): Spec[] | string {
  const out: Spec[] = []
  let i = 0
  while (i < t.length) {
    const kind = t[i++]
    if (kind === 'a' || kind === 'c') out.push({ kind, size: 1, width: 3, trailer: false, pad: 0 })
    else if ('doux'.includes(kind)) {
      let size = 4
      const m = /^[0-9]+/.exec(t.slice(i))
      if (m) {
        size = Number(m[0])
        i += m[0].length
        if (!WIDTH[kind][size]) return `invalid type string '${t}';\nthis system doesn't provide a ${size}-byte integral type`
      } else if (SIZE_LETTER[t[i]]) size = SIZE_LETTER[t[i++]]
      out.push({ kind: kind as Spec['kind'], size, width: WIDTH[kind][size], trailer: false, pad: 0 })
    } else return `invalid character '${kind}' in type string '${t}'`
    if (t[i] === 'z') {
      out[out.length - 1].trailer = true
      i++
    }
  }
  return out
}

function field(s: Spec, bytes: Uint8Array, at: number): string {
  const c = bytes[at]
  if (s.kind === 'c') return ESC[c] ?? (printable(c) ? String.fromCharCode(c) : c.toString(8).padStart(3, '0'))
  if (s.kind === 'a') {
    const b = c & 0x7f
    return b === 0x7f ? 'del' : b <= 0x20 ? NAMES[b] : String.fromCharCode(b)
  }
  let v = 0n
  for (let k = s.size - 1; k >= 0; k--) v = v * 256n + BigInt(bytes[at + k])
  if (s.kind === 'd' && v >= 1n << BigInt(8 * s.size - 1)) v -= 1n << BigInt(8 * s.size)
  return s.kind === 'x' ? v.toString(16).padStart(s.width, '0') : s.kind === 'o' ? v.toString(8).padStart(s.width, '0') : v.toString()
}

/** One line of one spec: od's PRINT_FIELDS spreading the spec's pad over its fields. */
function line(s: Spec, block: Uint8Array, n: number, perBlock: number): string {
  const fields = perBlock / s.size
  const blank = Math.floor((perBlock - n) / s.size)
  let out = ''
  let remaining = s.pad
  for (let i = fields, at = 0; i > blank; i--, at += s.size) {
    const next = Math.floor((s.pad * (i - 1)) / fields)
    out += field(s, block, at).padStart(remaining - next + s.width)
    remaining = next
  }
  if (s.trailer) {
    out += ' '.repeat(blank * s.width + Math.floor((s.pad * blank) / fields))
    out += '  >' + Array.from(block.subarray(0, n), (c) => (printable(c) ? String.fromCharCode(c) : '.')).join('') + '<'
  }
  return out
}

const usage = (ctx: CommandContext, msg: string) => {
  ctx.stderr(`od: ${msg}\nTry 'od --help' for more information.\n`)
  return 1
}

const fail = (ctx: CommandContext, msg: string) => {
  ctx.stderr(`od: ${msg}\n`)
  return 1
}

export const od: CommandSpec = {
  name: 'od',
  summary: 'Dump bytes in octal, hex, decimal or as characters (od -c, od -An -tx1).',
  usage: 'od [-A RADIX] [-t TYPE] [-j SKIP] [-N BYTES] [-w[BYTES]] [-v] [-bcdosx] [FILE]...',
  async run(ctx) {
    const args = ctx.argv.slice(1)
    let radix = 'o'
    let skip = 0
    let limit = Infinity
    let perBlock = 16
    let verbose = false
    const specs: Spec[] = []
    const files: string[] = []
    const TRAD: Record<string, string> = { b: 'o1', c: 'c', d: 'u2', o: 'o2', s: 'd2', x: 'x2', i: 'dI', l: 'dL' }
    for (let i = 0; i < args.length; i++) {
      const a = args[i]
      if (a === '--') {
        files.push(...args.slice(i + 1))
        break
      }
      if (!a.startsWith('-') || a === '-') {
        files.push(a)
        continue
      }
      for (let j = 1; j < a.length; j++) {
        const c = a[j]
        const value = () => (j + 1 < a.length ? a.slice(j + 1) : args[++i])
        if (c in TRAD) specs.push(...(parseType(TRAD[c]) as Spec[]))
        else if (c === 'v') verbose = true
        else if (c === 'w') {
          perBlock = j + 1 < a.length ? Number(a.slice(j + 1)) : 32
          break
        } else if ('AtjN'.includes(c)) {
          const v = value()
          if (v === undefined) return usage(ctx, `option requires an argument -- '${c}'`)
          if (c === 'A') {
            if (!/^[doxn]$/.test(v)) return fail(ctx, `invalid output address radix '${v}'; it must be one character from [doxn]`)
            radix = v
          } else if (c === 't') {
            const t = parseType(v)
            if (typeof t === 'string') return fail(ctx, t)
            specs.push(...t)
          } else {
            const n = /^(0x[0-9a-f]+|[0-9]+)$/i.test(v) ? Number(v) : NaN
            if (Number.isNaN(n)) {
              return fail(ctx, `invalid -${c} argument '${v}'`)
            }
            if (c === 'j') skip = n
            else limit = n
          }
          break
        } else return usage(ctx, `invalid option -- '${c}'`)
      }
    }
    if (specs.length === 0) specs.push(...(parseType('o2') as Spec[]))
    let widest = 0
    for (const s of specs) widest = Math.max(widest, (s.width + 1) * (perBlock / s.size))
    for (const s of specs) s.pad = widest - s.width * (perBlock / s.size)
    let status = 0
    let data = ''
    for (const f of files.length ? files : ['-']) {
      const r = readOperand(ctx, f)
      if (r.ok) data += r.text
      else {
        ctx.stderr(`od: ${r.message}\n`)
        status = 1
      }
    }
    const bytes = toBytes(data).subarray(skip, skip + limit)
    const addr = (n: number) => (radix === 'n' ? '' : n.toString(radix === 'o' ? 8 : radix === 'd' ? 10 : 16).padStart(radix === 'x' ? 6 : 7, '0'))
    const addrPad = radix === 'n' ? 0 : radix === 'x' ? 6 : 7
    let out = ''
    let starred = false
    for (let at = 0; at < bytes.length; at += perBlock) {
      const n = Math.min(perBlock, bytes.length - at)
      const block = new Uint8Array(perBlock)
      block.set(bytes.subarray(at, at + n))
      if (!verbose && at > 0 && n === perBlock && bytes.subarray(at - perBlock, at).every((b, k) => b === block[k])) {
        if (!starred) out += '*\n'
        starred = true
        continue
      }
      starred = false
      specs.forEach((s, k) => {
        out += (k === 0 ? addr(skip + at) : ' '.repeat(addrPad)) + line(s, block, n, perBlock) + '\n'
      })
    }
    if (radix !== 'n') out += addr(skip + bytes.length) + '\n'
    ctx.stdout(out)
    return status
  },
}
