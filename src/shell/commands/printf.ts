// The bash builtin printf (builtins/printf.def): the format is reused while arguments remain;
// %s %b %c %d %i %u %o %x %X %e %f %g %q %% and bash's %(FORMAT)T (strftime.ts); `-v VAR` assigns instead
// of printing.

import { formatTime } from './strftime'
import { byteLength, canonical, sliceBytes } from '../../common/bytes'
import type { CommandContext, CommandSpec } from '../types'
import { expandEscapes } from './escapes'
import { charValue } from './util'
import { assignVariableOrElement, VARIABLE_OR_ELEMENT } from '../arith'
import { toExponentialC, toFixedC } from '../../common/cFloat'

const CONVERSION = /%([-+ #0']*)(\*|[0-9]+)?(?:\.(\*|[0-9]*))?(?:\(([^)]*)\))?([a-zA-Z%])?/y

export const printf: CommandSpec = {
  name: 'printf',
  summary: 'Format and print arguments under control of the format.',
  usage: 'printf [-v var] format [arguments]',
  flags: [{ name: 'v', short: 'v', takesValue: true, help: 'assign the output to shell variable VAR' }],
  async run(ctx) {
    const args = ctx.argv.slice(1)
    let target: string | undefined
    if (args[0] === '-v') {
      target = args[1]
      args.splice(0, 2)
    } else if (args[0] === '--') args.shift()
    if (args.length === 0 || (target === undefined && ctx.argv[1] === '-v')) {
      ctx.stderr('printf: usage: printf [-v var] format [arguments]\n')
      return 2
    }
    if (args[0].startsWith('-') && args[0].length > 1 && ctx.argv[1] !== '--') {
      ctx.stderr(`bash: printf: ${args[0].slice(0, 2)}: invalid option\nprintf: usage: printf [-v var] format [arguments]\n`)
      return 2
    }
    if (target !== undefined && !VARIABLE_OR_ELEMENT.test(target)) {
      ctx.stderr(`bash: printf: \`${target}': not a valid identifier\n`)
      return 2
    }
    const [format, ...rest] = args
    const state = { status: 0, out: '' }
    const r = formatAll(format, rest, ctx, state)
    if (r !== undefined) return r
    // Escaped bytes written apart (`\xc3` then `\xa9`) join into their character.
    const out = canonical(state.out)
    if (target === undefined) ctx.stdout(out)
    else {
      const base = target.replace(/\[[\s\S]*$/, '')
      const bad = ctx.shell.isReadonly?.(base) ? `${base}: readonly variable` : assignVariableOrElement(ctx.env, target, out)
      if (bad !== undefined) {
        ctx.stderr(`bash: ${bad}\n`)
        return 1
      }
    }
    return state.status
  },
}

function formatAll(format: string, args: string[], ctx: CommandContext, state: { status: number; out: string }): number | undefined {
  let ai = 0
  const next = () => (ai < args.length ? args[ai++] : undefined)
  do {
    const startAi = ai
    let i = 0
    while (i < format.length) {
      const c = format[i]
      if (c === '\\') {
        // One escape at a time so `\c` cannot be misread across conversions.
        const m = /^\\(x[0-9A-Fa-f]{1,2}|u[0-9A-Fa-f]{1,4}|U[0-9A-Fa-f]{1,8}|[0-7]{1,3}|.)?/s.exec(format.slice(i))!
        if (m[1] === 'c') return undefined
        state.out += expandEscapes(m[0], 'format').text
        i += m[0].length
        continue
      }
      if (c !== '%') {
        state.out += c
        i++
        continue
      }
      CONVERSION.lastIndex = i
      const m = CONVERSION.exec(format)!
      i = CONVERSION.lastIndex
      const [, flags, widthSpec, precSpec, timeFormat, conv] = m
      if (timeFormat !== undefined && conv !== 'T') {
        // bash warns, prints the conversion as it is, and goes on
        ctx.stderr(`bash: printf: warning: \`${conv ?? format[i] ?? ''}': invalid time format specification\n`)
        state.out += m[0]
        continue
      }
      if (conv === undefined) {
        ctx.stderr("bash: printf: `%': missing format character\n")
        return 1
      }
      if (conv === '%') {
        // bash takes %% only bare: with a flag, width or precision it is no conversion
        if (m[0] !== '%%' && (ctx.shell.dialect ?? 'bash') === 'bash') {
          ctx.stderr("bash: printf: `%': invalid format character\n")
          return 1
        }
        state.out += '%'
        continue
      }
      // Widths and precisions are capped so a typo cannot allocate gigabytes in the browser.
      const width = cap(widthSpec === '*' ? toInt(next() ?? '0', ctx, state) : widthSpec ? Number(widthSpec) : undefined)
      const prec = cap(precSpec === '*' ? toInt(next() ?? '0', ctx, state) : precSpec !== undefined ? Number(precSpec || '0') : undefined)
      const arg = next()
      let body: string
      switch (conv) {
        case 'T': {
          if (timeFormat === undefined) {
            ctx.stderr("bash: printf: `T': invalid format character\n")
            return 1
          }
          // %(FORMAT)T: seconds since the epoch, -1 (or none) now, -2 when the shell started (here: now too)
          const n = arg === undefined || arg === '' ? -1 : toInt(arg, ctx, state)
          const sec = n === -1 || n === -2 ? Math.floor(ctx.lab.now() / 1000) : n
          body = formatTime(timeFormat, { sec, nsec: 0 })
          if (prec !== undefined) body = sliceBytes(body, 0, prec)
          break
        }
        case 's':
          body = arg ?? ''
          // C's printf counts bytes (the lab's locale is C).
          if (prec !== undefined) body = sliceBytes(body, 0, prec)
          break
        case 'b': {
          const r = expandEscapes(arg ?? '', 'b')
          body = prec !== undefined ? sliceBytes(r.text, 0, prec) : r.text
          if (r.stopped) {
            state.out += pad(body, width, flags)
            return undefined
          }
          break
        }
        case 'q':
          body = shellQuote(arg ?? '')
          break
        case 'c':
          // bash writes the first byte, whatever the locale.
          body = sliceBytes(arg ?? '', 0, 1)
          break
        case 'd':
        case 'i':
        case 'u':
        case 'o':
        case 'x':
        case 'X':
          body = formatInt(arg === undefined ? 0n : toInt64(arg, ctx, state, conv !== 'd' && conv !== 'i'), conv, flags, prec)
          break
        case 'e':
        case 'E':
        case 'f':
        case 'F':
        case 'g':
        case 'G':
          body = formatFloat(arg === undefined ? 0 : toFloat(arg, ctx, state), conv, flags, prec)
          break
        default:
          ctx.stderr(`bash: printf: \`${conv}': invalid format character\n`)
          return 1
      }
      state.out += pad(body, width, flags, /[diuoxXeEfFgG]/.test(conv))
    }
    if (ai === startAi) break
  } while (ai < args.length)
  return undefined
}

const MAX_WIDTH = 1 << 16

function cap(n: number | undefined): number | undefined {
  return n === undefined ? undefined : Math.max(-MAX_WIDTH, Math.min(MAX_WIDTH, n))
}

function pad(s: string, width: number | undefined, flags: string, numeric = false): string {
  const len = byteLength(s)
  if (width === undefined || len >= Math.abs(width)) return s
  if (flags.includes('-') || width < 0) return s + ' '.repeat(Math.abs(width) - len)
  if (numeric && flags.includes('0')) {
    const sign = /^[-+ ]/.test(s) ? s[0] : ''
    return sign + s.slice(sign.length).padStart(width - sign.length, '0')
  }
  return ' '.repeat(width - len) + s
}

/**
 * A number argument that does not read whole: bash and dash use what reads (dash calls it "not
 * completely converted", or "expected numeric value" when nothing does); busybox ash's printf uses
 * 0 (printf.c's multiconvert). The complaint is bash's; the container shells reword it (dialectWords.ts).
 */
function badNumber(arg: string, prefix: number | undefined, ctx: CommandContext, state: { status: number }, integer = false): number {
  const dialect = ctx.shell.dialect
  // bash's sh_invalidnum: a 0 then a digit was octal, a 0 then x hex (as typed: no sign, no space)
  const base = !integer ? '' : /^0\d/.test(arg) ? 'octal ' : arg.startsWith('0x') ? 'hex ' : ''
  const why = dialect === 'dash' ? (prefix === undefined ? 'expected numeric value' : 'not completely converted') : `invalid ${dialect === 'ash' ? '' : base}number`
  ctx.stderr(`bash: printf: ${arg}: ${why}\n`)
  state.status = 1
  return dialect === 'ash' ? 0 : (prefix ?? 0)
}

/** strtol's prefix of `t` in C's forms (`0x1f`, `017`, `42`, signed): the text it takes, its sign and its magnitude. */
function cInteger(t: string): { text: string; neg: boolean; magnitude: bigint } | undefined {
  const m = /^[-+]?(0[xX][0-9A-Fa-f]+|0[0-7]*|[1-9][0-9]*)/.exec(t)
  if (!m) return undefined
  const digits = m[0].replace(/^[-+]/, '')
  const magnitude = /^0[xX]/.test(digits) ? BigInt(digits) : /^0[0-7]+$/.test(digits) ? BigInt(`0o${digits.slice(1)}`) : BigInt(digits)
  return { text: m[0], neg: m[0].startsWith('-'), magnitude }
}

function toInt(arg: string, ctx: CommandContext, state: { status: number }): number {
  const t = arg.trim()
  if (/^['"]/.test(t)) return charValue(t.slice(1), ctx.env)
  // an empty argument is 0: bash and dash say nothing, busybox's strtoll finds no digits
  if (arg === '') return ctx.shell.dialect === 'ash' ? badNumber(arg, 0, ctx, state) : 0
  const n = cInteger(t)
  const value = n && (n.neg ? -Number(n.magnitude) : Number(n.magnitude))
  if (n && n.text.length === t.length) return value as number
  return badNumber(arg, value, ctx, state, true)
}

const INT64_MAX = 2n ** 63n - 1n
const UINT64_MAX = 2n ** 64n - 1n

/**
 * An argument of %d and %i (strtoimax) or %u, %o, %x and %X (strtoumax: `-1` is 2^64-1), exact to
 * 64 bits. A number out of range is clamped: bash warns "Numerical result out of range" and goes
 * on, dash says it and fails, busybox's printf calls it an invalid number and uses 0.
 */
function toInt64(arg: string, ctx: CommandContext, state: { status: number }, unsigned: boolean): bigint {
  const t = arg.trimStart()
  if (/^['"]/.test(t)) return BigInt(charValue(t.slice(1), ctx.env))
  if (arg === '') return BigInt(ctx.shell.dialect === 'ash' ? badNumber(arg, 0, ctx, state) : 0)
  const n = cInteger(t)
  if (!n) return BigInt(badNumber(arg, undefined, ctx, state, true))
  const { neg, magnitude } = n
  const limit = unsigned ? UINT64_MAX : neg ? INT64_MAX + 1n : INT64_MAX
  let v = unsigned && neg ? BigInt.asUintN(64, -magnitude) : neg ? -magnitude : magnitude
  if (magnitude > limit) {
    if (ctx.shell.dialect === 'ash') return BigInt(badNumber(arg, 0, ctx, state))
    ctx.stderr(`bash: printf: ${ctx.shell.dialect === 'dash' ? '' : 'warning: '}${arg}: Numerical result out of range\n`)
    if (ctx.shell.dialect === 'dash') state.status = 1
    v = unsigned ? UINT64_MAX : neg ? -limit : limit
  }
  if (n.text.length !== t.length) {
    const prefix = badNumber(arg, 0, ctx, state, true)
    if (ctx.shell.dialect === 'ash') return BigInt(prefix)
  }
  return v
}

function toFloat(arg: string, ctx: CommandContext, state: { status: number }): number {
  const t = arg.trim()
  if (/^['"]/.test(t)) return charValue(t.slice(1), ctx.env)
  // an empty argument is 0 in all three (busybox's strtod ends at once, at the string's end)
  if (arg === '') return 0
  const v = Number(t)
  if (t !== '' && !Number.isNaN(v)) return v
  const m = /^[-+]?[0-9]*\.?[0-9]+(e[-+]?[0-9]+)?/i.exec(t)
  return badNumber(arg, m ? Number(m[0]) : undefined, ctx, state)
}

function formatInt(v: bigint, conv: string, flags: string, prec?: number): string {
  const neg = v < 0n
  let digits = (neg ? -v : v).toString(conv === 'o' ? 8 : conv === 'x' || conv === 'X' ? 16 : 10)
  if (conv === 'X') digits = digits.toUpperCase()
  if (prec !== undefined) digits = digits.padStart(prec, '0')
  if (flags.includes('#') && conv === 'o' && !digits.startsWith('0')) digits = '0' + digits
  if (flags.includes('#') && (conv === 'x' || conv === 'X') && v !== 0n) digits = (conv === 'x' ? '0x' : '0X') + digits
  const signed = conv === 'd' || conv === 'i'
  const sign = signed && neg ? '-' : signed && flags.includes('+') ? '+' : signed && flags.includes(' ') ? ' ' : ''
  return sign + digits
}

function formatFloat(v: number, conv: string, flags: string, prec = 6): string {
  let s: string
  const lower = conv.toLowerCase()
  if (!Number.isFinite(v)) s = Number.isNaN(v) ? 'nan' : v < 0 ? '-inf' : 'inf'
  else if (lower === 'f') s = toFixedC(v, prec)
  else if (lower === 'e') s = cExp(toExponentialC(v, prec))
  else {
    const p = prec === 0 ? 1 : prec
    const exp = v === 0 ? 0 : Math.floor(Math.log10(Math.abs(Number(v.toPrecision(p)))))
    if (exp < -4 || exp >= p) s = cExp(toExponentialC(v, p - 1))
    else s = toFixedC(v, Math.max(0, p - 1 - exp))
    if (!flags.includes('#')) s = s.replace(/(\.[0-9]*?)0+(e|$)/, '$1$2').replace(/\.(e|$)/, '$1')
  }
  if (conv === conv.toUpperCase()) s = s.toUpperCase()
  if (v >= 0 && flags.includes('+')) s = '+' + s
  else if (v >= 0 && flags.includes(' ')) s = ' ' + s
  return s
}

/** JS writes 1e+5; C writes 1e+05. */
function cExp(s: string): string {
  return s.replace(/e([-+])([0-9])$/, 'e$10$2')
}

/** `%q`: quote so that bash reads the word back unchanged (backslash style, as bash does). */
export function shellQuote(s: string): string {
  if (s === '') return "''"
  // oxlint-disable-next-line no-control-regex -- control characters are what $'...' quoting is for
  if (/[\x00-\x1f\x7f]/.test(s)) {
    // oxlint-disable-next-line no-control-regex
    const body = s.replace(/[\\'\n\t\r\x00-\x1f\x7f]/g, (c) =>
      c === '\n' ? '\\n' : c === '\t' ? '\\t' : c === '\r' ? '\\r' : c === '\\' ? '\\\\' : c === "'" ? "\\'" : '\\' + c.charCodeAt(0).toString(8).padStart(3, '0'),
    )
    return `$'${body}'`
  }
  return s.replace(/[^A-Za-z0-9_.\-+/:=@%,^]/g, (c) => '\\' + c).replace(/^~/, '\\~')
}
