// jq 1.6 value operations (src/jv_aux.c, builtin.c): indexing and slicing, getpath/setpath/
// delpaths, and the arithmetic and comparison operators with jq's error messages.

import { JqError, compare, equal, errRepr, isObj, typeOf, type JObj, type V } from './values'

export function index(t: V, k: V): V {
  if (typeof k === 'string') {
    if (t === null) return null
    if (isObj(t)) return t.has(k) ? t.get(k)! : null
    throw new JqError(`Cannot index ${typeOf(t)} with string "${k}"`)
  }
  if (typeof k === 'number') {
    if (t === null) return null
    if (Array.isArray(t)) {
      if (Number.isNaN(k)) return null
      let i = Math.floor(k)
      if (i < 0) i += t.length
      return i >= 0 && i < t.length ? t[i] : null
    }
    throw new JqError(`Cannot index ${typeOf(t)} with number`)
  }
  if (isObj(k) && (t === null || typeof t === 'string' || Array.isArray(t)) && k.has('start')) {
    if (t === null) return null
    const [a, b] = sliceBounds(t.length, k.get('start')!, k.get('end')!)
    return typeof t === 'string' ? [...t].slice(a, b).join('') : t.slice(a, b)
  }
  if (Array.isArray(t) && Array.isArray(k)) {
    const out: V[] = []
    if (k.length === 0) return null
    for (let i = 0; i + k.length <= t.length; i++) if (k.every((x, j) => equal(x, t[i + j]))) out.push(i)
    return out
  }
  if (isObj(k) && t !== null) throw new JqError(`Cannot index ${typeOf(t)} with object`)
  throw new JqError(`Cannot index ${typeOf(t)} with ${typeOf(k)}`)
}

export function sliceBounds(len: number, from: V, to: V): [number, number] {
  const norm = (v: V, d: number) => {
    if (v === null) return d
    if (typeof v !== 'number') throw new JqError('Start and end indices of an array slice must be numbers')
    let i = Math.floor(v)
    if (i < 0) i += len
    return Math.min(Math.max(i, 0), len)
  }
  const a = norm(from, 0)
  return [a, Math.max(a, norm(to, len))]
}

export function getpath(v: V, path: V[]): V {
  let cur = v
  for (const k of path) {
    if (cur === null) return null
    cur = index(cur, k)
  }
  return cur
}

export function setpath(v: V, path: V[], nv: V): V {
  if (path.length === 0) return nv
  const [k, ...rest] = path
  if (typeof k === 'string') {
    if (v !== null && !isObj(v)) throw new JqError(`Cannot index ${typeOf(v)} with string "${k}"`)
    const o = new Map(v ?? [])
    o.set(k, setpath(o.get(k) ?? null, rest, nv))
    return o
  }
  if (typeof k === 'number') {
    if (v !== null && !Array.isArray(v)) throw new JqError(`Cannot index ${typeOf(v)} with number`)
    const a = [...(v ?? [])]
    let i = Math.floor(k)
    if (i < 0) i += a.length
    if (i < 0) throw new JqError('Out of bounds negative array index')
    while (a.length < i) a.push(null)
    a[i] = setpath(a[i] ?? null, rest, nv)
    return a
  }
  if (isObj(k)) {
    if (v !== null && !Array.isArray(v)) throw new JqError(`Cannot update field at object index of ${typeOf(v)}`)
    const a = v ?? []
    const [s, e] = sliceBounds(a.length, k.get('start') ?? null, k.get('end') ?? null)
    const repl = setpath(a.slice(s, e), rest, nv)
    if (!Array.isArray(repl)) throw new JqError('A slice of an array can only be assigned another array')
    return [...a.slice(0, s), ...repl, ...a.slice(e)]
  }
  throw new JqError(`Invalid path component`)
}

export function delpaths(v: V, paths: V[][]): V {
  const sorted = [...paths].sort((a, b) => compare(b, a))
  let out = v
  for (const p of sorted) out = delpath(out, p)
  return out
}

function delpath(v: V, path: V[]): V {
  if (path.length === 0) return null
  if (v === null) return null
  const [k, ...rest] = path
  if (rest.length > 0) {
    const child = index(v, k)
    if (child === null) return v
    return setpath(v, [k], delpath(child, rest))
  }
  if (typeof k === 'string') {
    if (!isObj(v)) throw new JqError(`Cannot delete field at object index of ${typeOf(v)}`)
    const o = new Map(v)
    o.delete(k)
    return o
  }
  if (typeof k === 'number') {
    if (!Array.isArray(v)) throw new JqError(`Cannot delete field at index of ${typeOf(v)}`)
    let i = Math.floor(k)
    if (i < 0) i += v.length
    if (i < 0 || i >= v.length) return v
    return [...v.slice(0, i), ...v.slice(i + 1)]
  }
  if (isObj(k) && Array.isArray(v)) {
    const [s, e] = sliceBounds(v.length, k.get('start') ?? null, k.get('end') ?? null)
    return [...v.slice(0, s), ...v.slice(e)]
  }
  throw new JqError(`Invalid path component`)
}

function deepMerge(a: JObj, b: JObj): JObj {
  const o = new Map(a)
  for (const [k, v] of b) {
    const cur = o.get(k)
    o.set(k, cur !== undefined && isObj(cur) && isObj(v) ? deepMerge(cur, v) : v)
  }
  return o
}

export function arith(op: string, a: V, b: V): V {
  const fail = (verb: string): never => {
    throw new JqError(`${typeOf(a)} (${errRepr(a)}) and ${typeOf(b)} (${errRepr(b)}) ${verb}`)
  }
  switch (op) {
    case '+':
      if (a === null) return b
      if (b === null) return a
      if (typeof a === 'number' && typeof b === 'number') return a + b
      if (typeof a === 'string' && typeof b === 'string') return a + b
      if (Array.isArray(a) && Array.isArray(b)) return [...a, ...b]
      if (isObj(a) && isObj(b)) return new Map([...a, ...b])
      return fail('cannot be added')
    case '-':
      if (typeof a === 'number' && typeof b === 'number') return a - b
      if (Array.isArray(a) && Array.isArray(b)) return a.filter((x) => !b.some((y) => equal(x, y)))
      return fail('cannot be subtracted')
    case '*': {
      if (typeof a === 'number' && typeof b === 'number') return a * b
      const [str, n] = typeof a === 'string' && typeof b === 'number' ? [a, b] : typeof b === 'string' && typeof a === 'number' ? [b, a] : [undefined, 0]
      if (str !== undefined) {
        const extra = Math.trunc(n - 1)
        return extra < 0 ? null : str.repeat(extra + 1)
      }
      if (isObj(a) && isObj(b)) return deepMerge(a, b)
      return fail('cannot be multiplied')
    }
    case '/':
      if (typeof a === 'number' && typeof b === 'number') {
        if (b === 0) fail('cannot be divided because the divisor is zero')
        return a / b
      }
      if (typeof a === 'string' && typeof b === 'string') return splitStr(a, b)
      return fail('cannot be divided')
    case '%':
      if (typeof a === 'number' && typeof b === 'number') {
        const bi = Math.trunc(b)
        if (bi === 0) fail('cannot be divided because the divisor is zero')
        const r = Math.trunc(a) % Math.abs(bi)
        return r === 0 ? 0 : r
      }
      return fail('cannot be divided')
    case '==': return equal(a, b)
    case '!=': return !equal(a, b)
    case '<': return compare(a, b) < 0
    case '<=': return compare(a, b) <= 0
    case '>': return compare(a, b) > 0
    case '>=': return compare(a, b) >= 0
  }
  throw new JqError(`unknown operator ${op}`)
}

export function splitStr(a: string, sep: string): V {
  if (a === '') return []
  if (sep === '') return [...a]
  return a.split(sep)
}
