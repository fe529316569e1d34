// awk's number-to-string conversion (CONVFMT/OFMT, "%.6g") and printf/sprintf formats as C's
// printf does them: %d %i %o %x %X %u %c %s %e %E %f %F %g %G %%, flags `-+ #0`, width,
// precision and `*`.

import { toExponentialC, toFixedC } from '../../../common/cFloat'

export type Arg = { num(): number; str(): string }

function expo(n: number, prec: number, upper: boolean): string {
  const s = toExponentialC(n, prec)
  const m = /^(-?[0-9.]+)e([-+])([0-9]+)$/.exec(s)!
  const out = `${m[1]}e${m[2]}${m[3].padStart(2, '0')}`
  return upper ? out.toUpperCase() : out
}

function general(n: number, prec: number, alt: boolean, upper: boolean): string {
  const p = prec === 0 ? 1 : prec
  if (n === 0) return alt ? (0).toFixed(p - 1) : '0'
  const x = Math.floor(Math.log10(Math.abs(Number(n.toExponential(p - 1)))))
  let s = x < -4 || x >= p ? expo(n, p - 1, upper) : toFixedC(n, Math.max(0, p - 1 - x))
  if (!alt) {
    if (s.includes('e') || s.includes('E')) s = s.replace(/\.?0+([eE])/, '$1')
    else if (s.includes('.')) s = s.replace(/\.?0+$/, '')
  }
  return s
}

function special(n: number, upper: boolean): string | undefined {
  if (Number.isNaN(n)) return upper ? 'NAN' : 'nan'
  if (!Number.isFinite(n)) return (n < 0 ? '-' : '') + (upper ? 'INF' : 'inf')
  return undefined
}

/** A number as mawk prints it: integers that fit a C int whole, others through CONVFMT/OFMT. */
export function numToStr(n: number, fmt = '%.6g'): string {
  if (Number.isInteger(n) && Math.abs(n) <= 0x7fffffff) return String(n)
  return sprintf(fmt, [{ num: () => n, str: () => String(n) }])
}

/** printf ran out of arguments: mawk stops there (what was formatted so far is printed). */
export class NotEnoughArgs {
  constructor(readonly partial: string) {}
}

const MAX_INT = 0x7fffffff
const MAX_UINT = 0xffffffff

/**
 * mawk 1.3.4's d_to_I and d_to_U: %d and %i take a C int, clamped to ±(2^31-1) (NaN is the least),
 * %o %x %X %u an unsigned one, clamped to 0..2^32-1.
 */
function mawkInteger(n: number, signed: boolean): number {
  if (signed) return n >= MAX_INT ? MAX_INT : n > -MAX_INT ? Math.trunc(n) : -MAX_INT
  return n >= MAX_UINT ? MAX_UINT : n > 0 ? Math.trunc(n) : 0
}

/** `mawkInts`: integers as mawk converts them (mawkInteger); otherwise whole, and inf and nan as words. */
export function sprintf(fmt: string, args: Arg[], mawkInts = false): string {
  let out = ''
  let ai = 0
  const next = () => {
    if (ai >= args.length) throw new NotEnoughArgs(out)
    return args[ai++]
  }
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i]
    if (c !== '%') {
      out += c
      continue
    }
    const m = /^%([-+ #0]*)(\*|[0-9]+)?(?:\.(\*|[0-9]*))?([hlLqjzt]*)([a-zA-Z%])/.exec(fmt.slice(i))
    if (!m) {
      out += c
      continue
    }
    i += m[0].length - 1
    const flags = m[1]
    let width = m[2] === '*' ? Math.trunc(next().num()) : m[2] ? Number(m[2]) : 0
    let left = flags.includes('-')
    if (width < 0) {
      left = true
      width = -width
    }
    const precArg = m[3] === '*' ? Math.trunc(next().num()) : m[3] !== undefined ? Number(m[3] || '0') : undefined
    const prec = precArg !== undefined && precArg < 0 ? undefined : precArg
    const conv = m[5]
    let body: string
    let sign = ''
    let numeric = true
    switch (conv) {
      case '%':
        out += '%'
        continue
      case 'c': {
        const a = next()
        const s = a.str()
        const n = a.num()
        body = /^-?[0-9.]/.test(s) && !Number.isNaN(Number(s)) ? String.fromCharCode(Math.trunc(n) & 0xff) : [...s][0] ?? ''
        numeric = false
        break
      }
      case 's': {
        const s = next().str()
        body = prec !== undefined ? [...s].slice(0, prec).join('') : s
        numeric = false
        break
      }
      case 'd':
      case 'i':
      case 'o':
      case 'x':
      case 'X':
      case 'u': {
        const n = mawkInts ? mawkInteger(next().num(), conv === 'd' || conv === 'i') : next().num()
        const sp = special(n, conv === 'X')
        if (sp) {
          body = sp
          break
        }
        let v = BigInt(Math.trunc(n))
        if (v < 0n && conv !== 'd' && conv !== 'i') v = BigInt.asUintN(64, v)
        if (v < 0n) {
          sign = '-'
          v = -v
        } else if (conv === 'd' || conv === 'i') sign = flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : ''
        body = conv === 'o' ? v.toString(8) : conv === 'x' ? v.toString(16) : conv === 'X' ? v.toString(16).toUpperCase() : v.toString()
        if (prec !== undefined) body = prec === 0 && v === 0n ? '' : body.padStart(prec, '0')
        if (flags.includes('#') && v !== 0n) body = conv === 'o' ? '0' + body : conv === 'x' ? '0x' + body : conv === 'X' ? '0X' + body : body
        break
      }
      default: {
        if (!'eEfFgG'.includes(conv)) {
          out += m[0]
          continue
        }
        const n = next().num()
        const upper = conv === conv.toUpperCase()
        const sp = special(n, upper)
        const a = Math.abs(n)
        const p = prec ?? 6
        body = sp ?? (conv === 'f' || conv === 'F' ? toFixedC(a, p) : conv === 'e' || conv === 'E' ? expo(a, p, upper) : general(a, p, flags.includes('#'), upper))
        if (sp) body = body.replace(/^-/, '')
        sign = n < 0 || Object.is(n, -0) ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : ''
      }
    }
    const len = [...sign + body].length
    if (len >= width) out += sign + body
    else if (left) out += sign + body + ' '.repeat(width - len)
    else if (numeric && flags.includes('0') && (prec === undefined || !'diouxX'.includes(conv))) out += sign + '0'.repeat(width - len) + body
    else out += ' '.repeat(width - len) + sign + body
  }
  return out
}
