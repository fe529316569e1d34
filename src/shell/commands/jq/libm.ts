// jq 1.6's libm functions that JavaScript has or that a line gives (gamma, the Bessel functions,
// nextafter and nexttoward are not here): the one-argument ones take the input, the two-argument
// ones their two arguments.

/** C's round-half-to-even (rint in the default rounding mode). */
function roundHalfEven(x: number): number {
  const r = Math.round(x)
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r
}

/** C's frexp: [mantissa in [0.5, 1), exponent], x = mantissa * 2^exponent (read from the double's bits). */
export function frexp(x: number): [number, number] {
  if (x === 0 || !Number.isFinite(x)) return [x, 0]
  const view = new DataView(new ArrayBuffer(8))
  // a subnormal is scaled into the normal range first
  const scaled = Math.abs(x) < 2 ** -1022 ? x * 2 ** 64 : x
  view.setFloat64(0, scaled)
  const e = ((view.getUint16(0) >> 4) & 0x7ff) - 1022
  view.setUint16(0, (view.getUint16(0) & 0x800f) | (1022 << 4))
  return [view.getFloat64(0), scaled === x ? e : e - 64]
}

/** C's modf: [fraction, whole part]. */
export function modf(x: number): [number, number] {
  const whole = Number.isFinite(x) ? Math.trunc(x) : x
  return [Number.isFinite(x) ? x - whole : 0, whole]
}

export const LIBM_ONE: Readonly<Record<string, (x: number) => number>> = {
  sin: Math.sin, cos: Math.cos, tan: Math.tan, asin: Math.asin, acos: Math.acos, atan: Math.atan,
  sinh: Math.sinh, cosh: Math.cosh, tanh: Math.tanh, asinh: Math.asinh, acosh: Math.acosh, atanh: Math.atanh,
  cbrt: Math.cbrt, expm1: Math.expm1, log1p: Math.log1p,
  // C's rint and nearbyint round a half to the even neighbour
  rint: roundHalfEven, nearbyint: roundHalfEven,
  logb: (x) => (x === 0 ? -Infinity : Number.isFinite(x) ? frexp(x)[1] - 1 : Math.abs(x)),
  significand: (x) => (x === 0 || !Number.isFinite(x) ? x : frexp(x)[0] * 2),
}

export const LIBM_TWO: Readonly<Record<string, (a: number, b: number) => number>> = {
  atan2: Math.atan2, hypot: Math.hypot, fmin: (a, b) => (Number.isNaN(a) ? b : Number.isNaN(b) ? a : Math.min(a, b)),
  fmax: (a, b) => (Number.isNaN(a) ? b : Number.isNaN(b) ? a : Math.max(a, b)), fmod: (a, b) => a % b,
  fdim: (a, b) => (a > b ? a - b : 0), copysign: (a, b) => (Object.is(b, -0) || b < 0 ? -Math.abs(a) : Math.abs(a)),
  drem: (a, b) => a - b * roundHalfEven(a / b), remainder: (a, b) => a - b * roundHalfEven(a / b),
  ldexp: (a, b) => a * 2 ** Math.trunc(b), scalb: (a, b) => a * 2 ** b, scalbln: (a, b) => a * 2 ** Math.trunc(b),
}
