// A decoded JSON value printed as Go's fmt prints a map[string]interface{} with %+v: `map[k:v]`,
// keys sorted, slices as `[a b]`, nil as `<nil>` (the bad value of a patch's strict error).
// Imitates: fmt (printValue) on the values encoding/json produces

export function goMapString(v: unknown): string {
  if (v === null || v === undefined) return '<nil>'
  if (Array.isArray(v)) return `[${v.map(goMapString).join(' ')}]`
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>
    const keys = Object.keys(o).sort()
    return `map[${keys.map((k) => `${k}:${goMapString(o[k])}`).join(' ')}]`
  }
  if (typeof v === 'number') {
    // %v of a float64 is strconv's shortest %g: exponent form when exp < -4 or exp >= 6, two exponent digits at least
    if (v === 0) return '0'
    const [mant, e] = v.toExponential().split('e')
    const x = Number(e)
    if (x >= -4 && x < 6) return String(v)
    const digits = String(Math.abs(x)).padStart(2, '0')
    return `${mant}e${x < 0 ? '-' : '+'}${digits}`
  }
  return String(v)
}
