// seq (coreutils 9.1 src/seq.c): FIRST, INCREMENT and LAST as integers or decimals (decimals are
// printed with as many fraction digits as FIRST and INCREMENT have), -s SEP, -w, -f FORMAT.
// Output goes out in chunks so the shell's output budget can stop a huge sequence.

import type { CommandSpec, FlagSpec } from '../types'
import { helpText } from './util'
import { toExponentialC, toFixedC } from '../../common/cFloat'

const flags: FlagSpec[] = [
  { name: 'format', short: 'f', takesValue: true, help: 'use printf style floating-point FORMAT' },
  { name: 'separator', short: 's', takesValue: true, help: 'use STRING to separate numbers (default: \\n)' },
  { name: 'equal-width', short: 'w', takesValue: false, help: 'equalize width by padding with leading zeroes' },
  { name: 'help', takesValue: false, help: 'display this help and exit' },
]

const NUM = /^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/

function fractionDigits(s: string): number {
  const m = /^[+-]?[0-9]*(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?$/.exec(s)
  if (!m) return 0
  return Math.max(0, (m[1]?.length ?? 0) - Number(m[2] ?? 0))
}

/** C printf %e/%f/%g for one number, with flags, width and precision. */
export function cFormat(spec: string, x: number): string {
  const m = /^%([-+ 0#]*)([0-9]*)(?:\.([0-9]*))?([eEfFgGaA])$/.exec(spec)
  if (!m) return String(x)
  const [, fl, w, p, conv] = m
  const prec = p === undefined ? 6 : Number(p || 0)
  const expo = (v: number, pr: number) => {
    const [mant, e] = toExponentialC(v, pr).split('e')
    const n = Number(e)
    return `${mant}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`
  }
  let body: string
  const a = Math.abs(x)
  const c = conv.toLowerCase()
  if (c === 'f') body = toFixedC(a, prec)
  else if (c === 'e') body = expo(a, prec)
  else {
    const P = prec === 0 ? 1 : prec
    const X = a === 0 ? 0 : Number(a.toExponential(P - 1).split('e')[1])
    body = P > X && X >= -4 ? toFixedC(a, P - 1 - X) : expo(a, P - 1)
    if (!fl.includes('#')) body = body.replace(/\.?0+(?=e|$)/, (z) => (z.startsWith('.') || body.includes('.') ? '' : z))
  }
  if (conv === conv.toUpperCase()) body = body.toUpperCase()
  const sign = x < 0 || Object.is(x, -0) ? '-' : fl.includes('+') ? '+' : fl.includes(' ') ? ' ' : ''
  const width = Number(w || 0)
  if (fl.includes('-')) return (sign + body).padEnd(width)
  if (fl.includes('0')) return sign + body.padStart(width - sign.length, '0')
  return (sign + body).padStart(width)
}

export const seq: CommandSpec = {
  name: 'seq',
  summary: 'Print a sequence of numbers.',
  usage: 'seq [OPTION]... LAST\n  or:  seq [OPTION]... FIRST LAST\n  or:  seq [OPTION]... FIRST INCREMENT LAST',
  flags,
  async run(ctx) {
    const args = ctx.argv.slice(1)
    let sep = '\n'
    let fmt: string | undefined
    let width = false
    const ops: string[] = []
    const fail = (msg: string) => {
      ctx.stderr(`seq: ${msg}\nTry 'seq --help' for more information.\n`)
      return 1
    }
    for (let i = 0; i < args.length; i++) {
      const a = args[i]
      if (ops.length === 0 && a.startsWith('-') && a.length > 1 && !NUM.test(a)) {
        if (a === '--help') {
          ctx.stdout(helpText(this.usage, 'Print numbers from FIRST to LAST, in steps of INCREMENT.', flags))
          return 0
        }
        const name = a.startsWith('--') ? a.slice(2).split('=')[0] : a[1]
        const inline = a.startsWith('--') ? (a.includes('=') ? a.slice(a.indexOf('=') + 1) : undefined) : a.length > 2 ? a.slice(2) : undefined
        if (name === 'w' || name === 'equal-width') {
          width = true
          if (!a.startsWith('--') && a.length > 2) return fail(`invalid option -- '${a[2]}'`)
        } else if (name === 's' || name === 'separator' || name === 'f' || name === 'format') {
          const v = inline ?? args[++i]
          if (v === undefined) return fail(`option requires an argument -- '${name[0]}'`)
          if (name[0] === 's') sep = v
          else fmt = v
        } else if (name === '-') continue
        else return fail(a.startsWith('--') ? `unrecognized option '${a}'` : `invalid option -- '${a[1]}'`)
        continue
      }
      ops.push(a)
    }
    if (ops.length === 0) return fail('missing operand')
    if (ops.length > 3) return fail(`extra operand '${ops[3]}'`)
    for (const o of ops) if (!NUM.test(o)) return fail(`invalid floating point argument: '${o}'`)
    const [firstS, incS, lastS] = ops.length === 1 ? ['1', '1', ops[0]] : ops.length === 2 ? [ops[0], '1', ops[1]] : ops
    const first = Number(firstS)
    const inc = Number(incS)
    const last = Number(lastS)
    if (inc === 0) return fail(`invalid Zero increment value: '${incS}'`)
    const prec = Math.max(fractionDigits(firstS), fractionDigits(incS))
    const render = (x: number) => (fmt ? fmt.replace(/%[-+ 0#]*[0-9]*(?:\.[0-9]*)?[eEfFgGaA]/, (s) => cFormat(s, x)) : prec > 0 ? x.toFixed(prec) : String(x))
    let pad = 0
    if (width && !fmt) pad = Math.max(render(first).length, render(last).length)
    let chunk = ''
    let count = 0
    for (let i = 0; ; i++) {
      const x = first + i * inc
      if (inc > 0 ? x > last : x < last) break
      let s = render(x)
      if (pad) s = s.startsWith('-') ? '-' + s.slice(1).padStart(pad - 1, '0') : s.padStart(pad, '0')
      chunk += (count++ ? sep : '') + s
      if (chunk.length > 65536) {
        ctx.stdout(chunk)
        chunk = ''
      }
    }
    if (count) ctx.stdout(chunk + '\n')
    return 0
  },
}
