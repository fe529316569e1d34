// Python 3.11's json module as `python3 -m json.tool` uses it (Lib/json/decoder.py, scanner.py,
// encoder.py): the same accepted syntax (NaN, Infinity, big integers), the same error messages
// and positions, key order kept (a repeated key keeps its first place and its last value), and
// json.dumps output with ensure_ascii escaping and Python's float repr.

export type PyValue =
  | null
  | boolean
  | { t: 'int'; v: string }
  | { t: 'float'; v: number }
  | { t: 'str'; v: string }
  | { t: 'arr'; v: PyValue[] }
  | { t: 'obj'; v: Map<string, PyValue> }

export class JSONDecodeError {
  readonly message: string
  constructor(msg: string, doc: string, pos: number) {
    const before = doc.slice(0, pos)
    const lineno = (before.match(/\n/g) ?? []).length + 1
    const colno = pos - before.lastIndexOf('\n')
    // Python counts code points; JS strings count UTF-16 units.
    const astral = (s: string) => (s.match(/[\ud800-\udbff][\udc00-\udfff]/g) ?? []).length
    const cpPos = pos - astral(before)
    const cpCol = colno - astral(before.slice(before.lastIndexOf('\n') + 1))
    this.message = `${msg}: line ${lineno} column ${cpCol} (char ${cpPos})`
  }
}

const WS = /[ \t\n\r]*/y
const NUMBER = /(-?(?:0|[1-9][0-9]*))(\.[0-9]+)?([eE][-+]?[0-9]+)?/y
// oxlint-disable-next-line no-control-regex -- JSON strings may not hold raw control characters
const STRING_CHUNK = /[^"\\\x00-\x1f]*/y
const BACKSLASH: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' }

class StopIteration {
  constructor(readonly pos: number) {}
}

function skipWs(s: string, pos: number): number {
  WS.lastIndex = pos
  WS.exec(s)
  return WS.lastIndex
}

function scanString(s: string, end: number): [string, number] {
  const begin = end - 1
  let out = ''
  for (;;) {
    STRING_CHUNK.lastIndex = end
    const chunk = STRING_CHUNK.exec(s)![0]
    out += chunk
    end += chunk.length
    const term = s[end]
    if (term === undefined) throw new JSONDecodeError('Unterminated string starting at', s, begin)
    end++
    if (term === '"') return [out, end]
    if (term !== '\\') throw new JSONDecodeError('Invalid control character at', s, end - 1)
    const esc = s[end]
    if (esc === undefined) throw new JSONDecodeError('Unterminated string starting at', s, begin)
    if (esc !== 'u') {
      const ch = BACKSLASH[esc]
      if (ch === undefined) throw new JSONDecodeError('Invalid \\escape', s, end - 1)
      out += ch
      end++
      continue
    }
    let uni = hex4(s, end + 1)
    end += 5
    if (uni >= 0xd800 && uni <= 0xdbff && s[end] === '\\' && s[end + 1] === 'u') {
      const uni2 = hex4(s, end + 2)
      if (uni2 >= 0xdc00 && uni2 <= 0xdfff) {
        uni = 0x10000 + (((uni - 0xd800) << 10) | (uni2 - 0xdc00))
        end += 6
      }
    }
    out += uni > 0xffff ? String.fromCodePoint(uni) : String.fromCharCode(uni)
  }

  function hex4(str: string, at: number): number {
    const h = str.slice(at, at + 4)
    if (!/^[0-9a-fA-F]{4}$/.test(h)) throw new JSONDecodeError('Invalid \\uXXXX escape', str, at - 1)
    return parseInt(h, 16)
  }
}

function scanOnce(s: string, idx: number, depth: number): [PyValue, number] {
  if (depth > 1000) throw new JSONDecodeError('maximum recursion depth exceeded', s, idx)
  const c = s[idx]
  if (c === undefined) throw new StopIteration(idx)
  if (c === '"') {
    const [v, end] = scanString(s, idx + 1)
    return [{ t: 'str', v }, end]
  }
  if (c === '{') return parseObject(s, idx + 1, depth)
  if (c === '[') return parseArray(s, idx + 1, depth)
  if (s.startsWith('null', idx)) return [null, idx + 4]
  if (s.startsWith('true', idx)) return [true, idx + 4]
  if (s.startsWith('false', idx)) return [false, idx + 5]
  NUMBER.lastIndex = idx
  const m = NUMBER.exec(s)
  if (m) {
    const end = idx + m[0].length
    if (m[2] || m[3]) return [{ t: 'float', v: Number(m[0]) }, end]
    return [{ t: 'int', v: BigInt(m[0]).toString() }, end]
  }
  if (s.startsWith('NaN', idx)) return [{ t: 'float', v: NaN }, idx + 3]
  if (s.startsWith('Infinity', idx)) return [{ t: 'float', v: Infinity }, idx + 8]
  if (s.startsWith('-Infinity', idx)) return [{ t: 'float', v: -Infinity }, idx + 9]
  throw new StopIteration(idx)
}

function value(s: string, idx: number, depth: number): [PyValue, number] {
  try {
    return scanOnce(s, idx, depth + 1)
  } catch (e) {
    if (e instanceof StopIteration) throw new JSONDecodeError('Expecting value', s, e.pos)
    throw e
  }
}

function parseObject(s: string, end: number, depth: number): [PyValue, number] {
  const pairs = new Map<string, PyValue>()
  end = skipWs(s, end)
  if (s[end] === '}') return [{ t: 'obj', v: pairs }, end + 1]
  for (;;) {
    if (s[end] !== '"') throw new JSONDecodeError('Expecting property name enclosed in double quotes', s, end)
    const [key, afterKey] = scanString(s, end + 1)
    end = skipWs(s, afterKey)
    if (s[end] !== ':') throw new JSONDecodeError("Expecting ':' delimiter", s, end)
    end = skipWs(s, end + 1)
    const [v, afterValue] = value(s, end, depth)
    pairs.set(key, v)
    end = skipWs(s, afterValue)
    const next = s[end]
    end++
    if (next === '}') return [{ t: 'obj', v: pairs }, end]
    if (next !== ',') throw new JSONDecodeError("Expecting ',' delimiter", s, end - 1)
    end = skipWs(s, end)
  }
}

function parseArray(s: string, end: number, depth: number): [PyValue, number] {
  const items: PyValue[] = []
  end = skipWs(s, end)
  if (s[end] === ']') return [{ t: 'arr', v: items }, end + 1]
  for (;;) {
    const [v, afterValue] = value(s, end, depth)
    items.push(v)
    end = skipWs(s, afterValue)
    const next = s[end]
    end++
    if (next === ']') return [{ t: 'arr', v: items }, end]
    if (next !== ',') throw new JSONDecodeError("Expecting ',' delimiter", s, end - 1)
    end = skipWs(s, end)
  }
}

/** json.loads: returns the value or throws JSONDecodeError. */
export function loads(s: string): PyValue {
  const [v, end] = value(s, skipWs(s, 0), 0)
  const rest = skipWs(s, end)
  if (rest !== s.length) throw new JSONDecodeError('Extra data', s, rest)
  return v
}

export interface DumpOptions {
  /** null: one line; a number of spaces or a string such as '\t'. */
  indent: number | string | null
  ensureAscii: boolean
  sortKeys: boolean
  separators: [string, string]
}

/** json.dumps */
export function dumps(v: PyValue, o: DumpOptions): string {
  const indent = typeof o.indent === 'number' ? ' '.repeat(o.indent) : o.indent
  const [itemSep, keySep] = o.separators
  const walk = (x: PyValue, level: number): string => {
    if (x === null) return 'null'
    if (x === true) return 'true'
    if (x === false) return 'false'
    switch (x.t) {
      case 'int':
        return x.v
      case 'float':
        return floatRepr(x.v)
      case 'str':
        return quote(x.v, o.ensureAscii)
      case 'arr':
      case 'obj': {
        const entries: string[] =
          x.t === 'arr'
            ? x.v.map((item) => walk(item, level + 1))
            : [...x.v.entries()]
                .sort((a, b) => (o.sortKeys ? (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0) : 0))
                .map(([k, item]) => quote(k, o.ensureAscii) + keySep + walk(item, level + 1))
        const [open, close] = x.t === 'arr' ? ['[', ']'] : ['{', '}']
        if (entries.length === 0) return open + close
        if (indent === null) return open + entries.join(itemSep) + close
        const inner = '\n' + indent.repeat(level + 1)
        return open + inner + entries.join(itemSep.trimEnd() + inner) + '\n' + indent.repeat(level) + close
      }
    }
  }
  return walk(v, 0)
}

/** Python's repr(float): shortest round-trip digits, exponent form below 1e-4 and from 1e16. */
export function floatRepr(v: number): string {
  if (Number.isNaN(v)) return 'NaN'
  if (!Number.isFinite(v)) return v > 0 ? 'Infinity' : '-Infinity'
  if (v === 0) return Object.is(v, -0) ? '-0.0' : '0.0'
  const [mant, expStr] = Math.abs(v).toExponential().split('e')
  const exp = Number(expStr)
  const digits = mant.replace('.', '')
  const sign = v < 0 ? '-' : ''
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits
    return `${sign}${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`
  const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, '0')
  const frac = digits.slice(exp + 1)
  return `${sign}${intPart}.${frac || '0'}`
}

function quote(s: string, ensureAscii: boolean): string {
  const esc: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' }
  // oxlint-disable-next-line no-control-regex -- json.dumps escapes control characters
  const re = ensureAscii ? /[\\"]|[^ -~]/g : /[\x00-\x1f\\"]/g
  return '"' + s.replace(re, (c) => esc[c] ?? '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0')) + '"'
}
