// resource.Quantity as describe adds and prints requests and limits: parsed exactly (in units of
// 10^-9), added keeping the first operand's format, and printed in canonical form (`100m`, `1500m`,
// `2k`, `64Mi`, `1536Mi`, `0`).
// Imitates: k8s.io/apimachinery/pkg/api/resource/quantity.go (ParseQuantity, Add, CanonicalizeBytes)

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent'
export interface Quantity { nanos: bigint; format: QuantityFormat }

const NANO = 1_000_000_000n
const BINARY: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 }
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 }

export const ZERO: Quantity = { nanos: 0n, format: 'DecimalSI' }

/** The most digits and the largest power of ten the lab computes with: beyond, a value is taken as none (no field holds one). */
const MAX_DIGITS = 40

/** A quantity's value in units of 10^-9 (finer digits are rounded up, as ParseQuantity rounds to nano), or undefined if it is none. */
export function parseQuantity(text: string): Quantity | undefined {
  const m = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(?:(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])|[eE]([+-]?\d+))?$/.exec(String(text).trim())
  if (!m || m[2].length > MAX_DIGITS || (m[4] !== undefined && Math.abs(Number(m[4])) > MAX_DIGITS)) return undefined
  const [, sign, num, suffix, exp] = m
  const [int, frac = ''] = num.split('.')
  let digits = BigInt((int || '0') + frac)
  let pow10 = -frac.length
  let shift = 0
  let format: QuantityFormat = 'DecimalSI'
  if (suffix !== undefined && suffix in BINARY) {
    shift = BINARY[suffix]
    format = 'BinarySI'
  } else if (exp !== undefined) {
    pow10 += Number(exp)
    format = 'DecimalExponent'
  } else pow10 += DECIMAL[suffix ?? '']
  digits <<= BigInt(shift)
  // to nanos: digits * 10^(pow10 + 9), rounded up
  const p = pow10 + 9
  let nanos: bigint
  if (p >= 0) nanos = digits * 10n ** BigInt(p)
  else {
    const d = 10n ** BigInt(-p)
    nanos = digits / d + (digits % d === 0n ? 0n : 1n)
  }
  return { nanos: sign === '-' ? -nanos : nanos, format }
}

/** Quantity.Add: the sum, in the format of the first (unless the first is zero). */
export function addQuantity(a: Quantity, b: Quantity): Quantity {
  return { nanos: a.nanos + b.nanos, format: a.nanos === 0n ? b.format : a.format }
}

/** Whole value when `nanos` is a multiple of 10^9 (AsScale(0) exact). */
const whole = (nanos: bigint) => (nanos % NANO === 0n ? nanos / NANO : undefined)

/** Quantity.String: CanonicalizeBytes. */
export function formatQuantity(q: Quantity): string {
  if (q.nanos === 0n) return '0'
  const neg = q.nanos < 0n
  const abs = neg ? -q.nanos : q.nanos
  const sign = neg ? '-' : ''
  let format = q.format
  const value = whole(abs)
  if (format === 'BinarySI' && (abs < 1024n * NANO || value === undefined)) format = 'DecimalSI'
  if (format === 'BinarySI' && value !== undefined) {
    let n = value
    let e = 0
    while (n % 1024n === 0n && e < 6) {
      n /= 1024n
      e++
    }
    return `${sign}${n}${['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'][e]}`
  }
  // decimal: mantissa * 10^exponent, exponent a multiple of 3 from -9 up, mantissa whole
  let mantissa = abs
  let exponent = -9
  while (mantissa % 1000n === 0n) {
    mantissa /= 1000n
    exponent += 3
  }
  // an exponent no suffix names is written as one (`1e21`)
  const suffix = format === 'DecimalExponent' ? undefined : Object.entries(DECIMAL).find(([, e]) => e === exponent)?.[0]
  return `${sign}${mantissa}${suffix ?? (exponent === 0 ? '' : `e${exponent}`)}`
}

/** Value (Quantity.Value, rounded up to a whole) and MilliValue, as numbers for percentages. */
export const quantityValue = (q: Quantity) => Number((q.nanos + NANO - 1n) / NANO)
export const quantityMilli = (q: Quantity) => Number((q.nanos + 999_999n) / 1_000_000n)
