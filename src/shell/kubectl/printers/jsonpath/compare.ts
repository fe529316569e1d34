// k8s.io/client-go/third_party/forked/golang/template/funcs.go (Equal, Less and friends)

import { basicKind, numOf, type GoVal } from './values'

export class CompareError extends Error {}

const BAD_TYPE = 'invalid type for comparison'
const BAD_CMP = 'incompatible types for comparison'

function kinds(a: GoVal, b: GoVal) {
  const k1 = basicKind(a)
  if (!k1) throw new CompareError(BAD_TYPE)
  const k2 = basicKind(b)
  if (!k2) throw new CompareError(BAD_TYPE)
  return [k1, k2] as const
}

export function equal(a: GoVal, b: GoVal): boolean {
  const [k1, k2] = kinds(a, b)
  if (k1 !== k2) {
    if ((k1 === 'int' && k2 === 'uint') || (k1 === 'uint' && k2 === 'int')) return numOf(a) === numOf(b)
    throw new CompareError(BAD_CMP)
  }
  if (k1 === 'int' || k1 === 'uint' || k1 === 'float') return numOf(a) === numOf(b)
  return a === b
}

export function less(a: GoVal, b: GoVal): boolean {
  const [k1, k2] = kinds(a, b)
  if (k1 !== k2) {
    if ((k1 === 'int' && k2 === 'uint') || (k1 === 'uint' && k2 === 'int')) return numOf(a) < numOf(b)
    throw new CompareError(BAD_CMP)
  }
  if (k1 === 'bool') throw new CompareError(BAD_TYPE)
  if (k1 === 'string') return goLess(a as string, b as string)
  return numOf(a) < numOf(b)
}

/** Go compares strings by their UTF-8 bytes, which is code point order. */
function goLess(a: string, b: string): boolean {
  const x = Array.from(a)
  const y = Array.from(b)
  for (let i = 0; i < x.length && i < y.length; i++) {
    if (x[i] !== y[i]) return x[i].codePointAt(0)! < y[i].codePointAt(0)!
  }
  return x.length < y.length
}

/** Apply a filter operator; throws CompareError with Go's message. */
export function compare(op: string, a: GoVal, b: GoVal): boolean {
  switch (op) {
    case '<':
      return less(a, b)
    case '>':
      return !(less(a, b) || equal(a, b))
    case '==':
      return equal(a, b)
    case '!=':
      return !equal(a, b)
    case '<=':
      return less(a, b) || equal(a, b)
    case '>=':
      return !less(a, b)
    default:
      throw new CompareError(`unrecognized filter operator ${op}`)
  }
}
