// Go number formatting: strconv.FormatInt / FormatFloat('g', -1) and encoding/json's float encoding

const INT64_LIMIT = 2 ** 63

/** A JSON number as an unstructured object holds it: int64 when integral and in range, else float64. */
export function isGoInt(n: number): boolean {
  return Number.isInteger(n) && n >= -INT64_LIMIT && n < INT64_LIMIT
}

/** strconv.FormatFloat(f, 'g', -1, 64): shortest digits; %e form when the exponent is < -4 or >= 6. */
export function formatFloatG(f: number): string {
  if (Number.isNaN(f)) return 'NaN'
  if (f === Infinity) return '+Inf'
  if (f === -Infinity) return '-Inf'
  if (f === 0) return Object.is(f, -0) ? '-0' : '0'
  const [mant, expStr] = f.toExponential().split('e')
  const exp = Number(expStr)
  if (exp < -4 || exp >= 6) return goExp(mant, exp)
  return String(f) // fixed notation with the shortest digits, as JavaScript prints in this range
}

function goExp(mant: string, exp: number): string {
  const sign = exp < 0 ? '-' : '+'
  const e = String(Math.abs(exp)).padStart(2, '0')
  return `${mant}e${sign}${e}`
}

/** A number as Go prints an unstructured value with fmt (%v) or go-yaml: int64 in decimal, float64 with 'g'. */
export function formatGoNumber(n: number): string {
  return isGoInt(n) ? String(n) : formatFloatG(n)
}

/** A number as encoding/json writes it (int64 decimal; float64 'f' within [1e-6, 1e21), else 'e' with short exponent). */
export function formatJsonNumber(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`json: unsupported value: ${n}`)
  return String(n) // JavaScript's Number#toString uses the same thresholds and shortest digits
}
