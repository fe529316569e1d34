// gopkg.in/yaml.v2 resolve.go (implicit tags), encode.go isBase60Float, sorter.go keyList.Less

const RESOLVE_MAP = new Set([
  'y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON',
  'n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF',
  '', '~', 'null', 'Null', 'NULL',
  '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF',
]) // '<<' (merge) resolves too, yet kubectl prints it plain: left out

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/

const INT64_MIN = -(2n ** 63n)
const INT64_MAX = 2n ** 63n - 1n
const UINT64_MAX = 2n ** 64n - 1n

/** strconv.ParseInt(s, 0, 64) / ParseUint(s, 0, 64) succeed (underscores already removed). */
function parsesAsGoInt(s: string): boolean {
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(s)
  if (!m) return false
  const body = m[2]
  let v: bigint
  if (/^0[oO]/.test(body)) v = BigInt('0o' + body.slice(2))
  else if (/^0[0-7]+$/.test(body)) v = BigInt('0o' + body.slice(1))
  else v = BigInt(body)
  if (m[1] === '-') return -v >= INT64_MIN
  if (v <= INT64_MAX) return true
  return m[1] === '' && v <= UINT64_MAX // ParseUint takes no sign
}

function daysIn(month: number, year: number): number {
  if (month === 2) return (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

/** parseTimestamp: Go time.Parse with the four layouts go-yaml v2 allows. */
export function isYamlTimestamp(s: string): boolean {
  if (!/^[0-9]{4}-/.test(s)) return false
  const date = /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})/.exec(s)
  if (!date) return false
  const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])]
  const rest = s.slice(date[0].length)
  const validDate = month >= 1 && month <= 12 && day >= 1 && day <= daysIn(month, year)
  if (rest === '') return validDate
  const time = /^([Tt]| +)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:[.,][0-9]+)?(.*)$/.exec(rest)
  if (!time) return false
  const [h, mi, se] = [Number(time[2]), Number(time[3]), Number(time[4])]
  if (h >= 24 || mi >= 60 || se >= 60 || !validDate) return false
  const zone = time[5]
  if (time[1] === 'T' || time[1] === 't') {
    if (zone === 'Z') return true
    const z = /^[+-]([0-9]{2}):([0-9]{2})$/.exec(zone)
    return !!z && Number(z[1]) <= 24 && Number(z[2]) <= 60
  }
  return zone === ''
}

/** resolve("", s) yields a tag other than !!str. */
function resolvesToNonString(s: string): boolean {
  if (RESOLVE_MAP.has(s)) return true
  const c = s[0]
  if (c === '.') return /^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(s)
  if (c === '+' || c === '-' || (c >= '0' && c <= '9')) {
    if (isYamlTimestamp(s)) return true
    const plain = s.replace(/_/g, '')
    if (parsesAsGoInt(plain)) return true
    if (YAML_STYLE_FLOAT.test(plain)) return true
    if (/^-0b[01]+$/.test(plain)) return true
  }
  return false
}

function isBase60Float(s: string): boolean {
  if (s === '') return false
  const c = s[0]
  if (!(c === '+' || c === '-' || (c >= '0' && c <= '9')) || !s.includes(':')) return false
  return BASE60_FLOAT.test(s)
}

/** encoder.stringv: may this string be written plain, or must it be quoted to stay a string? */
export function canUsePlain(s: string): boolean {
  return !resolvesToNonString(s) && !isBase60Float(s)
}

const isLetter = (r: string) => /\p{L}/u.test(r)
const isDigit = (r: string) => /\p{Nd}/u.test(r)

/** sorter.go keyList.Less for two string keys: letters after non-letters, digit runs compared as numbers. */
export function yamlKeyLess(a: string, b: string): boolean {
  const ar = Array.from(a)
  const br = Array.from(b)
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue
    const al = isLetter(ar[i])
    const bl = isLetter(br[i])
    if (al && bl) return ar[i].codePointAt(0)! < br[i].codePointAt(0)!
    if (al || bl) return bl
    let an = 0
    let bn = 0
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== '0') {
          an = 1
          bn = 1
          break
        }
      }
    }
    let ai = i
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10 + (ar[ai].codePointAt(0)! - 48)
    let bi = i
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10 + (br[bi].codePointAt(0)! - 48)
    if (an !== bn) return an < bn
    if (ai !== bi) return ai < bi
    return ar[i].codePointAt(0)! < br[i].codePointAt(0)!
  }
  return ar.length < br.length
}

/** Keys in the order go-yaml v2 writes a map's keys. */
export function sortYamlKeys(keys: string[]): string[] {
  return [...keys].sort((x, y) => (yamlKeyLess(x, y) ? -1 : yamlKeyLess(y, x) ? 1 : 0))
}
