// The builtins jq 1.6 implements in C (src/builtin.c), with its error messages, and its @formats.

import { applyFormat, toStr, utf8 } from './formats'
import { formatTime } from '../strftime'
import { LIBM_ONE, LIBM_TWO, frexp, modf } from './libm'
import { delpaths, getpath, setFormatter, setpath, type Native, type P } from './eval'
import { parseOne } from './json'
import { JqError, compare, equal, errRepr, isObj, sortedKeys, toJson, typeOf, type JObj, type V } from './values'

export interface Host {
  now(): number
  env: Record<string, string>
  nextInput(): V | undefined
  stderr(text: string): void
}

export class HaltSignal {
  constructor(public status: number, public message?: V) {}
}

type Fn = (input: V, ...args: V[]) => V

const np = (p: P): P => (p === null ? null : undefined)

function cartesian(c: Parameters<Native>[2], input: V, i: number, acc: V[]): Generator<V[]> {
  return (function* gen(): Generator<V[]> {
    if (i === c.args.length) {
      yield acc
      return
    }
    for (const [v] of c.ev(c.args[i], input, null, c.scope)) yield* cartesian(c, input, i + 1, [...acc, v])
  })()
}

function lift(f: Fn): Native {
  return function* (input, p, c) {
    for (const args of cartesian(c, input, 0, [])) yield [f(input, ...args), np(p)]
  }
}

const te = (v: V, msg: string): never => {
  throw new JqError(`${typeOf(v)} (${errRepr(v)}) ${msg}`)
}

function length(v: V): V {
  if (v === null) return 0
  if (typeof v === 'boolean') return te(v, 'has no length')
  if (typeof v === 'number') return Math.abs(v)
  if (typeof v === 'string') return [...v].length
  return Array.isArray(v) ? v.length : v.size
}

function contains(a: V, b: V): boolean {
  if (isObj(a) && isObj(b)) return [...b].every(([k, bv]) => a.has(k) && contains(a.get(k)!, bv))
  if (Array.isArray(a) && Array.isArray(b)) return b.every((bv) => a.some((av) => contains(av, bv)))
  if (typeof a === 'string' && typeof b === 'string') return a.includes(b)
  if (typeOf(a) === typeOf(b)) return equal(a, b)
  throw new JqError(`${typeOf(a)} (${errRepr(a)}) and ${typeOf(b)} (${errRepr(b)}) cannot have their containment checked`)
}

function sortedBy(v: V, keys: V, what: string): [V, V][] {
  if (!Array.isArray(v)) return te(v, `cannot be ${what}, as it is not an array`)
  const ks = keys as V[]
  return v.map((x, i) => [x, ks[i]] as [V, V]).sort((a, b) => compare(a[1], b[1]))
}

function groups(v: V, keys: V): V[][] {
  const out: V[][] = []
  let last: V | undefined
  for (const [x, k] of sortedBy(v, keys, 'grouped')) {
    if (out.length && equal(k, last!)) out[out.length - 1].push(x)
    else out.push([x])
    last = k
  }
  return out
}

setFormatter(applyFormat)

function regex(re: V, flags: V, input: V): { rx: RegExp; global: boolean } {
  if (typeof input !== 'string') return te(input, 'cannot be matched, as it is not a string')
  if (typeof re !== 'string') return te(re, 'is not a string')
  const f = flags === null ? '' : typeof flags === 'string' ? flags : te(flags, 'is not a string')
  let src = re
  if (f.includes('x')) src = src.split('\\#').map((part) => part.replace(/\s+|#.*$/gm, '')).join('\\#')
  for (const c of f) if (!'gixnsl'.includes(c)) throw new JqError(`${f} is not a valid modifier string`)
  try {
    return { rx: new RegExp(src, 'gu' + (f.includes('i') ? 'i' : '') + (f.includes('s') ? 's' : '')), global: f.includes('g') }
  } catch (e) {
    throw new JqError(`${re} (at offset 0) is not a valid regex: ${e instanceof Error ? e.message : ''}`)
  }
}

const cpLen = (s: string) => [...s].length

function matches(input: V, re: V, flags: V): JObj[] {
  const { rx, global } = regex(re, flags, input)
  const s = input as string
  const out: JObj[] = []
  const names = [...rx.source.matchAll(/\(\?<([a-zA-Z_][a-zA-Z0-9_]*)>/g)].map((m) => m[1])
  for (const m of s.matchAll(rx)) {
    const caps: V[] = []
    let pos = m.index!
    for (let i = 1; i < m.length; i++) {
      const str = m[i]
      const off = str === undefined ? -1 : cpLen(s.slice(0, s.indexOf(str, pos)))
      if (str !== undefined) pos = s.indexOf(str, pos)
      caps.push(new Map<string, V>([['offset', off], ['length', str === undefined ? 0 : cpLen(str)], ['string', str ?? null], ['name', names[i - 1] ?? null]]))
    }
    out.push(new Map<string, V>([['offset', cpLen(s.slice(0, m.index))], ['length', cpLen(m[0])], ['string', m[0]], ['captures', caps]]))
    if (!global) break
  }
  return out
}

function captureObject(m: JObj): JObj {
  const o: JObj = new Map()
  for (const c of m.get('captures') as JObj[]) if (c.get('name') !== null) o.set(c.get('name') as string, c.get('string')!)
  return o
}

function gmtime(v: V): V {
  if (typeof v !== 'number') throw new JqError('gmtime() requires a number')
  const d = new Date(Math.floor(v) * 1000)
  const yday = Math.floor((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86400000)
  return [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds() + (v - Math.floor(v)), d.getUTCDay(), yday]
}

function brokenDown(v: V, who: string): number[] {
  if (!Array.isArray(v) || v.length < 6 || v.some((x) => typeof x !== 'number')) throw new JqError(`${who} requires parsed datetime inputs`)
  return v as number[]
}

function mktime(v: V): V {
  if (!Array.isArray(v)) throw new JqError('mktime requires array of 6 numbers')
  const b = brokenDown(v, 'mktime')
  return Math.floor(Date.UTC(b[0], b[1], b[2], b[3], b[4], Math.floor(b[5])) / 1000)
}

function strptime(v: V, fmt: V): V {
  if (typeof v !== 'string' || typeof fmt !== 'string') throw new JqError(`strptime/1 requires string inputs and arguments`)
  const fields: Record<string, string> = { Y: '([0-9]{1,4})', m: '([0-9]{1,2})', d: '([0-9]{1,2})', e: ' ?([0-9]{1,2})', H: '([0-9]{1,2})', M: '([0-9]{1,2})', S: '([0-9]{1,2})', Z: '([A-Za-z]+)', z: '([+-][0-9]{4})', j: '([0-9]{1,3})', s: '([0-9]+)' }
  const order: string[] = []
  let src = '^'
  for (let i = 0; i < fmt.length; i++) {
    if (fmt[i] === '%' && i + 1 < fmt.length) {
      const c = fmt[++i]
      const exp = c === 'T' ? '%H:%M:%S' : c === 'F' ? '%Y-%m-%d' : undefined
      if (exp) {
        for (const d of ['H', 'M', 'S'].filter(() => c === 'T').concat(c === 'F' ? ['Y', 'm', 'd'] : [])) order.push(d)
        src += c === 'T' ? `${fields.H}:${fields.M}:${fields.S}` : `${fields.Y}-${fields.m}-${fields.d}`
      } else if (fields[c]) {
        order.push(c)
        src += fields[c]
      } else src += c === '%' ? '%' : '.*?'
    } else src += fmt[i].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  }
  const m = new RegExp(src + '$').exec(v)
  if (!m) throw new JqError(`date "${v}" does not match format "${fmt}"`)
  const g: Record<string, number> = { Y: 1900, m: 1, d: 0, H: 0, M: 0, S: 0 }
  order.forEach((k, i) => (g[k] = Number(m[i + 1])))
  if ('s' in g && order.includes('s')) return gmtime(g.s)
  return gmtime(Date.UTC(g.Y, g.m - 1, g.d, g.H, g.M, g.S) / 1000)
}

export function natives(host: Host): Map<string, Native> {
  const m = new Map<string, Native>()
  const def = (key: string, f: Fn) => m.set(key, lift(f))
  def('length/0', length)
  def('utf8bytelength/0', (v) => (typeof v === 'string' ? utf8(v).length : te(v, 'only strings have UTF-8 byte length')))
  def('not/0', (v) => v === null || v === false)
  def('keys/0', (v) => (isObj(v) ? sortedKeys(v) : Array.isArray(v) ? v.map((_, i) => i) : te(v, 'has no keys')))
  def('keys_unsorted/0', (v) => (isObj(v) ? [...v.keys()] : Array.isArray(v) ? v.map((_, i) => i) : te(v, 'has no keys')))
  def('has/1', (v, k) => {
    if (isObj(v) && typeof k === 'string') return v.has(k)
    if (Array.isArray(v) && typeof k === 'number') return k >= 0 && k < v.length
    throw new JqError(`Cannot check whether ${typeOf(v)} has a ${typeOf(k)} key`)
  })
  def('contains/1', (v, b) => contains(v, b))
  def('type/0', (v) => typeOf(v))
  def('tostring/0', (v) => toStr(v))
  def('tojson/0', (v) => toJson(v))
  def('fromjson/0', (v) => (typeof v === 'string' ? parseOne(v) : te(v, 'only strings can be parsed')))
  def('tonumber/0', (v) => {
    if (typeof v === 'number') return v
    if (typeof v === 'string') {
      const r = parseOne(v)
      if (typeof r === 'number') return r
    }
    return te(v, 'cannot be parsed as a number')
  })
  def('explode/0', (v) => (typeof v === 'string' ? [...v].map((c) => c.codePointAt(0)!) : te(v, 'explode input must be a string') ))
  def('implode/0', (v) => (Array.isArray(v) ? String.fromCodePoint(...v.map((x) => (typeof x === 'number' ? x : te(v, 'implode input must be an array of codepoints')))) : te(v, 'implode input must be an array')))
  def('ltrimstr/1', (v, x) => (typeof v === 'string' && typeof x === 'string' && v.startsWith(x) ? v.slice(x.length) : v))
  def('rtrimstr/1', (v, x) => (typeof v === 'string' && typeof x === 'string' && v.endsWith(x) && x !== '' ? v.slice(0, -x.length) : v))
  def('startswith/1', (v, x) => (typeof v === 'string' && typeof x === 'string' ? v.startsWith(x) : te(v, 'startswith() requires string inputs')))
  def('endswith/1', (v, x) => (typeof v === 'string' && typeof x === 'string' ? v.endsWith(x) : te(v, 'endswith() requires string inputs')))
  def('split/1', (v, sep) => {
    if (typeof v !== 'string' || typeof sep !== 'string') throw new JqError('split input and separator must be strings')
    if (v === '') return []
    return sep === '' ? [...v] : v.split(sep)
  })
  def('split/2', (v, re, flags) => {
    const ms = matches(v, re, flags === null ? 'g' : (flags as string) + 'g')
    const s = [...(v as string)]
    const out: V[] = []
    let prev = 0
    for (const x of ms) {
      out.push(s.slice(prev, x.get('offset') as number).join(''))
      prev = (x.get('offset') as number) + (x.get('length') as number)
    }
    out.push(s.slice(prev).join(''))
    return out
  })
  def('_strindices/1', (v, x) => {
    const out: V[] = []
    const s = v as string
    const t = x as string
    if (t === '') return null
    for (let i = s.indexOf(t); i >= 0; i = s.indexOf(t, i + 1)) out.push(utf8(s.slice(0, i)).length)
    return out
  })
  def('sort/0', (v) => (Array.isArray(v) ? [...v].sort(compare) : te(v, 'cannot be sorted, as it is not an array')))
  def('_sort_by_impl/1', (v, keys) => sortedBy(v, keys, 'sorted').map((x) => x[0]))
  def('_group_by_impl/1', (v, keys) => groups(v, keys))
  def('unique/0', (v) => (Array.isArray(v) ? groups(v, v).map((g) => g[0]) : te(v, 'cannot be sorted, as it is not an array')))
  def('_min_by_impl/1', (v, keys) => {
    const s = sortedBy(v, keys, 'iterated over')
    return s.length ? s.reduce((a, b) => (compare(b[1], a[1]) < 0 ? b : a))[0] : null
  })
  def('_max_by_impl/1', (v, keys) => {
    const s = sortedBy(v, keys, 'iterated over')
    return s.length ? s.reduce((a, b) => (compare(b[1], a[1]) >= 0 ? b : a))[0] : null
  })
  def('min/0', (v) => (Array.isArray(v) ? (v.length ? v.reduce((a, b) => (compare(b, a) < 0 ? b : a)) : null) : te(v, 'cannot be iterated over')))
  def('max/0', (v) => (Array.isArray(v) ? (v.length ? v.reduce((a, b) => (compare(b, a) >= 0 ? b : a)) : null) : te(v, 'cannot be iterated over')))
  def('reverse/0', (v) => (Array.isArray(v) ? [...v].reverse() : typeof v === 'string' ? [...v].reverse().join('') : v === null ? [] : te(v, 'cannot be reversed, as it is not an array')))
  for (const name of ['floor', 'sqrt', 'ceil', 'round', 'fabs', 'log', 'log2', 'log10', 'exp', 'exp2', 'exp10', 'trunc']) {
    const f = (Math as unknown as Record<string, (x: number) => number>)[name === 'fabs' ? 'abs' : name === 'exp10' ? 'exp' : name]
    def(`${name}/0`, (v) => (typeof v === 'number' ? (name === 'exp10' ? 10 ** v : name === 'exp2' ? 2 ** v : f(v)) : te(v, 'number required')))
  }
  def('pow/2', (_v, a, b) => (a as number) ** (b as number))
  // the rest of jq 1.6's libm functions (libm.ts)
  const num = (x: V): number => (typeof x === 'number' ? x : te(x, 'number required'))
  for (const [name, f] of Object.entries(LIBM_ONE)) def(`${name}/0`, (v) => f(num(v)))
  for (const [name, f] of Object.entries(LIBM_TWO)) def(`${name}/2`, (_v, a, b) => f(num(a), num(b)))
  // (Debian's jq 1.6 was built against a libc without pow10: it names the function, then fails)
  def('pow10/0', () => {
    throw new JqError('Error: pow10/0 not found at build time')
  })
  def('frexp/0', (v) => frexp(num(v)))
  def('modf/0', (v) => modf(num(v)))
  // (jq 1.6: a number that is not infinite, NaN too)
  def('isfinite/0', (v) => typeof v === 'number' && Math.abs(v) !== Infinity)
  def('format/1', (v, f) => (typeof f === 'string' ? applyFormat(f, v) : te(f, 'is not a valid format')))
  def('input_line_number/0', () => 0)
  def('bsearch/1', (v, target) => {
    if (!Array.isArray(v)) return te(v, 'cannot be searched from')
    let lo = 0
    let hi = v.length - 1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      const c = compare(v[mid], target)
      if (c === 0) return mid
      if (c < 0) lo = mid + 1
      else hi = mid - 1
    }
    return -1 - lo
  })
  def('infinite/0', () => Infinity)
  def('nan/0', () => NaN)
  def('isinfinite/0', (v) => (typeof v === 'number' ? !Number.isFinite(v) && !Number.isNaN(v) : te(v, 'number required')))
  def('isnan/0', (v) => (typeof v === 'number' ? Number.isNaN(v) : te(v, 'number required')))
  def('isnormal/0', (v) => (typeof v === 'number' ? Number.isFinite(v) && v !== 0 : te(v, 'number required')))
  def('tojson/0', (v) => toJson(v))
  def('now/0', () => host.now() / 1000)
  def('gmtime/0', gmtime)
  def('mktime/0', mktime)
  def('strftime/1', (v, fmt) => {
    if (typeof v === 'number') v = gmtime(v)
    const b = brokenDown(v, 'strftime/1')
    if (typeof fmt !== 'string') throw new JqError('strftime/1 requires a string format')
    const sec = Math.floor(Date.UTC(b[0], b[1], b[2], b[3], b[4], Math.floor(b[5])) / 1000)
    return formatTime(fmt, { sec, nsec: 0 })
  })
  def('strptime/1', strptime)
  def('test/2', (v, re, flags) => matches(v, re, flags).length > 0)
  def('input_filename/0', () => null)
  def('tostream/0', (v) => v)
  def('halt/0', () => {
    throw new HaltSignal(0)
  })
  def('halt_error/1', (v, code) => {
    throw new HaltSignal(typeof code === 'number' ? code : 5, v)
  })
  def('error/1', (_v, msg) => {
    throw new JqError(msg)
  })
  def('builtins/0', () => [...m.keys()])
  def('input/0', () => {
    const v = host.nextInput()
    if (v === undefined) throw new JqError('No more inputs')
    return v
  })
  def('debug/0', (v) => {
    host.stderr(`["DEBUG:",${toJson(v)}]\n`)
    return v
  })
  def('stderr/0', (v) => {
    host.stderr(toJson(v))
    return v
  })
  def('setpath/2', (v, path, x) => (Array.isArray(path) ? setpath(v, path, x) : te(path, 'Path must be specified as an array')))
  def('delpaths/1', (v, paths) => (Array.isArray(paths) ? delpaths(v, paths as V[][]) : te(paths, 'Paths must be specified as an array')))
  m.set('match/2', function* (input, p, c) {
    for (const [re, flags] of cartesian(c, input, 0, [])) for (const x of matches(input, re, flags)) yield [x, np(p)]
  })
  m.set('sub/3', function* (input, p, c) {
    for (const [flags] of c.ev(c.args[2], input, null, c.scope)) {
      for (const [re] of c.ev(c.args[0], input, null, c.scope)) {
        const s = [...(input as string)]
        const ms = matches(input, re, flags)
        let out = ''
        let prev = 0
        for (const x of ms) {
          out += s.slice(prev, x.get('offset') as number).join('')
          const r = c.ev(c.args[1], captureObject(x), null, c.scope).next()
          if (!r.done) out += typeof r.value[0] === 'string' ? r.value[0] : te(r.value[0], 'cannot be added to a string')
          prev = (x.get('offset') as number) + (x.get('length') as number)
        }
        yield [out + s.slice(prev).join(''), np(p)]
      }
    }
  })
  m.set('empty/0', function* () {})
  m.set('range/2', function* (input, p, c) {
    for (const [from] of c.ev(c.args[0], input, null, c.scope)) {
      for (const [to] of c.ev(c.args[1], input, null, c.scope)) {
        if (typeof from !== 'number' || typeof to !== 'number') throw new JqError('Range bounds must be numeric')
        for (let i = from; i < to; i++) yield [i, np(p)]
      }
    }
  })
  m.set('range/3', function* (input, p, c) {
    for (const [from, to, by] of cartesian(c, input, 0, [])) {
      if (typeof from !== 'number' || typeof to !== 'number' || typeof by !== 'number') throw new JqError('Range bounds must be numeric')
      if (by > 0) for (let i = from; i < to; i += by) yield [i, np(p)]
      else if (by < 0) for (let i = from; i > to; i += by) yield [i, np(p)]
    }
  })
  m.set('getpath/1', function* (input, p, c) {
    for (const [path] of c.ev(c.args[0], input, null, c.scope)) {
      if (!Array.isArray(path)) te(path, 'Path must be specified as an array')
      let v: V
      try {
        v = getpath(input, path as V[])
      } catch {
        v = null
      }
      yield [v, p === null || p === undefined ? p : [...p, ...(path as V[])]]
    }
  })
  m.set('path/1', function* (input, p, c) {
    for (const [v, vp] of c.ev(c.args[0], input, [], c.scope)) {
      if (vp === undefined || vp === null) throw new JqError(`Invalid path expression with result ${errRepr(v)}`)
      yield [vp, np(p)]
    }
  })
  m.set('inputs/0', function* (_input, p) {
    for (let v = host.nextInput(); v !== undefined; v = host.nextInput()) yield [v, np(p)]
  })
  return m
}
