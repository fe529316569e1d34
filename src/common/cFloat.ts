// Fixed and exponent notation as glibc's printf rounds them: the exact binary value of the double,
// and an exact tie to the even digit (printf '%.0f' 2.5 is 2, '%.2f' 0.125 is 0.12). JavaScript's
// toFixed and toExponential round an exact tie up; every other value they round alike.

/** |x| as num / den exactly (den a power of two), x finite. */
function exact(x: number): { num: bigint; den: bigint } {
  const buf = new DataView(new ArrayBuffer(8))
  buf.setFloat64(0, Math.abs(x))
  const bits = buf.getBigUint64(0)
  const e = Number((bits >> 52n) & 0x7ffn)
  const frac = bits & ((1n << 52n) - 1n)
  const mant = e === 0 ? frac : frac | (1n << 52n)
  const exp2 = (e === 0 ? 1 : e) - 1075
  return exp2 >= 0 ? { num: mant << BigInt(exp2), den: 1n } : { num: mant, den: 1n << BigInt(-exp2) }
}

/**
 * Whether |x| * 10^shift lies exactly halfway between two integers, and the lower one. shift may be
 * negative.
 */
function tie(x: number, shift: number): { tie: boolean; floor: bigint } {
  let { num, den } = exact(x)
  if (shift >= 0) num *= 10n ** BigInt(shift)
  else den *= 10n ** BigInt(-shift)
  const floor = num / den
  const rest = num - floor * den
  return { tie: rest * 2n === den, floor }
}

/** glibc's %.{prec}f of x. */
export function toFixedC(x: number, prec: number): string {
  const js = x.toFixed(prec)
  if (!Number.isFinite(x) || Math.abs(x) >= 1e21) return js
  const t = tie(x, prec)
  if (!t.tie || t.floor % 2n !== 0n) return js
  // the tie goes down to the even digit: the digits of the floor
  const digits = t.floor.toString().padStart(prec + 1, '0')
  const body = prec > 0 ? `${digits.slice(0, -prec)}.${digits.slice(-prec)}` : digits
  return (x < 0 || Object.is(x, -0) ? '-' : '') + body
}

/** glibc's %.{prec}e of x, as JavaScript writes it (`1.25e+0`). */
export function toExponentialC(x: number, prec: number): string {
  const js = x.toExponential(prec)
  if (!Number.isFinite(x) || x === 0) return js
  const [, exp] = js.split('e')
  const t = tie(x, prec - Number(exp))
  if (!t.tie || t.floor % 2n !== 0n) return js
  const digits = t.floor.toString()
  // rounding down never drops a digit here: the floor has prec + 1 digits, as the rounded-up value had
  const mant = prec > 0 ? `${digits[0]}.${digits.slice(1)}` : digits
  return `${x < 0 ? '-' : ''}${mant}e${exp}`
}

/** What C's strtod reads at the start of `s` (C locale): the value and the rest, or undefined. */
export function strtodPrefix(s: string): { value: number; rest: string } | undefined {
  const m = /^[ \t\n\v\f\r]*([+-]?)(?:(inf(?:inity)?)|(nan(?:\([0-9A-Za-z_]*\))?)|0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?|([0-9]*)(?:\.([0-9]*))?)/i.exec(s)
  if (!m) return undefined
  const [whole, sign, inf, nan, hi, hf, di, df] = m
  const neg = sign === '-' ? -1 : 1
  let len = whole.length
  let value: number
  if (inf) value = Infinity
  else if (nan) value = NaN
  else if (hi !== undefined) {
    if (!hi && !hf) {
      // "0x" without digits: strtod reads the 0 and stops at the x.
      len = whole.indexOf('0') + 1
      value = 0
    } else {
      value = parseInt(hi || '0', 16)
      for (let i = 0; i < (hf ?? '').length; i++) value += parseInt(hf[i], 16) / 16 ** (i + 1)
      const e = /^[pP]([+-]?[0-9]+)/.exec(s.slice(len))
      if (e) {
        value *= 2 ** Number(e[1])
        len += e[0].length
      }
    }
  } else {
    if (!di && !df) return undefined
    const e = /^[eE][+-]?[0-9]+/.exec(s.slice(len))
    if (e) len += e[0].length
    value = Number(`${di || '0'}.${df || '0'}${e?.[0] ?? ''}`)
  }
  return { value: neg * value, rest: s.slice(len) }
}
