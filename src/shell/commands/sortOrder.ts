// sort's -h and -V orders (coreutils src/sort.c human_numcompare, gnulib lib/filevercmp.c) and its
// -c check (sort.c check): the first line out of order as `sort: FILE:N: disorder: LINE`.

import type { CommandContext } from '../types'

const UNIT: Record<string, number> = { K: 1, k: 1, M: 2, G: 3, T: 4, P: 5, E: 6, Z: 7, Y: 8, R: 9, Q: 10 }

/** The suffix's rank of a -h number (negative for a negative number; 0 for a zero). */
function unitOrder(s: string): number {
  const m = /^(-?)([0-9]*)(?:\.([0-9]*))?(.?)/.exec(s)!
  const nonzero = /[1-9]/.test((m[2] ?? '') + (m[3] ?? ''))
  if (!nonzero) return 0
  const order = UNIT[m[4]] ?? 0
  return m[1] ? -order : order
}

/** -h: by sign and suffix first (1K < 1M), then by the number. */
export function humanCompare(a: string, b: string, num: (s: string) => number): number {
  const sa = a.replace(/^[ \t]+/, '')
  const sb = b.replace(/^[ \t]+/, '')
  return unitOrder(sa) - unitOrder(sb) || Math.sign(num(sa) - num(sb))
}

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9'
const isAlpha = (c: string | undefined) => c !== undefined && /^[A-Za-z]$/.test(c)

function order(s: string, i: number): number {
  if (i >= s.length) return 0
  const c = s[i]
  if (isDigit(c)) return 0
  if (isAlpha(c)) return c.charCodeAt(0)
  if (c === '~') return -1
  return c.charCodeAt(0) + 256
}

function verrevcmp(a: string, b: string): number {
  let i = 0
  let j = 0
  while (i < a.length || j < b.length) {
    let firstDiff = 0
    while ((i < a.length && !isDigit(a[i])) || (j < b.length && !isDigit(b[j]))) {
      const ac = order(a, i)
      const bc = order(b, j)
      if (ac !== bc) return ac - bc
      i++
      j++
    }
    while (a[i] === '0') i++
    while (b[j] === '0') j++
    while (isDigit(a[i]) && isDigit(b[j])) {
      if (!firstDiff) firstDiff = a.charCodeAt(i) - b.charCodeAt(j)
      i++
      j++
    }
    if (isDigit(a[i])) return 1
    if (isDigit(b[j])) return -1
    if (firstDiff) return firstDiff
  }
  return 0
}

/** Length of a name without its suffix (`(\.[A-Za-z~][A-Za-z0-9~]*)*$`), as filevercmp cuts it. */
function prefixLength(s: string): number {
  let prefix = 0
  for (let i = 0; ; ) {
    if (i === s.length) return prefix
    i++
    prefix = i
    while (i + 1 < s.length && s[i] === '.' && (isAlpha(s[i + 1]) || s[i + 1] === '~')) {
      for (i += 2; i < s.length && (isAlpha(s[i]) || isDigit(s[i]) || s[i] === '~'); i++) continue
    }
  }
}

/** -V: gnulib's filevercmp (numbers inside names compare as numbers, `~` before anything). */
export function versionCompare(a: string, b: string): number {
  if (a === '' || b === '') return (a === '' ? 0 : 1) - (b === '' ? 0 : 1)
  if (a[0] === '.') {
    if (b[0] !== '.') return -1
    const special = (s: string) => (s === '.' ? 1 : s === '..' ? 2 : 3)
    const d = special(a) - special(b)
    if (d || special(a) < 3) return d
  } else if (b[0] === '.') return 1
  const ap = prefixLength(a)
  const bp = prefixLength(b)
  const result = verrevcmp(a.slice(0, ap), b.slice(0, bp))
  return result || (ap === a.length && bp === b.length) ? Math.sign(result) : Math.sign(verrevcmp(a, b))
}

/**
 * sort -c / -C: whether the lines are in order (strictly, with -u). The first line out of order
 * is reported unless quiet. Status 0 in order, 1 not.
 */
export function checkOrder(ctx: CommandContext, name: string, lines: string[], compare: (a: string, b: string) => number, strict: boolean, quiet: boolean): number {
  for (let i = 1; i < lines.length; i++) {
    const c = compare(lines[i - 1], lines[i])
    if (c > 0 || (strict && c === 0)) {
      if (!quiet) ctx.stderr(`sort: ${name}:${i + 1}: disorder: ${lines[i]}\n`)
      return 1
    }
  }
  return 0
}
