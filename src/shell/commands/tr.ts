// tr (coreutils src/tr.c): translate, -d delete, -s squeeze, -c complement, -t truncate; sets
// with ranges, escapes, [:classes:], [c*n] and [c*] repeats. Works on bytes, as GNU tr does: the
// sets and the input are taken byte by byte (one character U+0000..U+00FF per byte, latin1Of).

import { latin1Of, stringOfLatin1 } from '../../common/bytes'
import type { CommandSpec, FlagSpec } from '../types'
import { getopt, has, helpText, tableFromFlags, usageError } from './util'

const flags: FlagSpec[] = [
  { name: 'complement', short: 'c', takesValue: false, help: 'use the complement of SET1' },
  { name: 'delete', short: 'd', takesValue: false, help: 'delete characters in SET1, do not translate' },
  { name: 'squeeze-repeats', short: 's', takesValue: false, help: 'replace each sequence of a repeated character with one' },
  { name: 'truncate-set1', short: 't', takesValue: false, help: 'first truncate SET1 to length of SET2' },
  { name: 'help', takesValue: false, help: 'display this help and exit' },
]

const CLASSES: Record<string, (c: number) => boolean> = {
  alnum: (c) => CLASSES.alpha(c) || CLASSES.digit(c),
  alpha: (c) => CLASSES.upper(c) || CLASSES.lower(c),
  blank: (c) => c === 32 || c === 9,
  cntrl: (c) => c < 32 || c === 127,
  digit: (c) => c >= 48 && c <= 57,
  graph: (c) => c > 32 && c < 127,
  lower: (c) => c >= 97 && c <= 122,
  print: (c) => c >= 32 && c < 127,
  punct: (c) => CLASSES.graph(c) && !CLASSES.alnum(c),
  space: (c) => c === 32 || (c >= 9 && c <= 13),
  upper: (c) => c >= 65 && c <= 90,
  xdigit: (c) => CLASSES.digit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102),
}

interface SetItem {
  chars: string[]
  /** `[c*]` in SET2: fill to SET1's length. */
  fill?: string
  cls?: string
}

export const tr: CommandSpec = {
  name: 'tr',
  summary: 'Translate or delete characters.',
  usage: 'tr [OPTION]... STRING1 [STRING2]',
  flags,
  async run(ctx) {
    const table = tableFromFlags(flags, 'C')
    table.alias = { ...table.alias, C: 'complement' }
    // getopt_long's "+AcCdst": options end at the first operand (`tr '+/' '-_'` translates to - and _)
    table.stopAtOperand = true
    const p = getopt(ctx.argv.slice(1), table)
    if ('error' in p) return usageError(ctx, 'tr', p.error)
    if (has(p, 'help')) {
      ctx.stdout(helpText(this.usage, 'Translate, squeeze, and/or delete characters from standard input.', flags))
      return 0
    }
    const del = has(p, 'delete')
    const squeeze = has(p, 'squeeze-repeats')
    const ops = p.operands
    const need = del && squeeze ? 2 : del ? 1 : squeeze ? 1 : 2
    const max = del && !squeeze ? 1 : 2
    if (ops.length === 0) return usageError(ctx, 'tr', 'missing operand')
    if (ops.length < need) {
      const why = del && squeeze ? 'Two strings must be given when both deleting and squeezing repeats.' : 'Two strings must be given when translating.'
      return usageError(ctx, 'tr', `missing operand after '${ops[ops.length - 1]}'\n${why}`)
    }
    if (ops.length > max) {
      const why = del ? '\nOnly one string may be given when deleting without squeezing repeats.' : ''
      return usageError(ctx, 'tr', `extra operand '${ops[max]}'${why}`)
    }
    const s1 = parseSet(latin1Of(ops[0]))
    if (typeof s1 === 'string') return fail(ctx, s1)
    const s2 = ops[1] === undefined ? undefined : parseSet(latin1Of(ops[1]))
    if (typeof s2 === 'string') return fail(ctx, s2)
    let set1 = s1.flatMap((i) => i.chars)
    if (has(p, 'complement')) {
      const inSet = new Set(set1)
      set1 = []
      for (let c = 0; c < 256; c++) if (!inSet.has(String.fromCharCode(c))) set1.push(String.fromCharCode(c))
    }
    const in1 = new Set(set1)
    let out = ''
    const input = latin1Of(ctx.stdin)
    if (del) {
      const sq = new Set(s2?.flatMap((i) => i.chars) ?? [])
      for (const ch of input) {
        if (in1.has(ch)) continue
        if (squeeze && sq.has(ch) && out.endsWith(ch)) continue
        out += ch
      }
    } else if (s2 === undefined) {
      for (const ch of input) if (!(in1.has(ch) && out.endsWith(ch))) out += ch
    } else {
      if (s2.some((i) => i.cls && i.cls !== 'upper' && i.cls !== 'lower')) {
        return fail(ctx, 'when translating, the only character classes that may appear in\nstring2 are \'upper\' and \'lower\'')
      }
      let set2 = expandFill(s2, set1.length)
      if (set2.length === 0 && set1.length > 0) return fail(ctx, 'when not truncating set1, string2 must be non-empty')
      if (has(p, 'truncate-set1')) set1 = set1.slice(0, set2.length)
      else while (set2.length < set1.length) set2 = [...set2, set2[set2.length - 1]]
      const map = new Map<string, string>()
      set1.forEach((c, i) => map.set(c, set2[i]))
      const sq = new Set(set2)
      for (const ch of input) {
        const t = map.get(ch) ?? ch
        if (squeeze && sq.has(t) && out.endsWith(t)) continue
        out += t
      }
    }
    ctx.stdout(stringOfLatin1(out))
    return 0
  },
}

function fail(ctx: { stderr(t: string): void }, msg: string): number {
  ctx.stderr(`tr: ${msg}\n`)
  return 1
}

function expandFill(items: SetItem[], target: number): string[] {
  const fixed = items.reduce((n, i) => n + (i.fill === undefined ? i.chars.length : 0), 0)
  return items.flatMap((i) => (i.fill === undefined ? i.chars : Array(Math.min(4096, Math.max(0, target - fixed))).fill(i.fill)))
}

function unescape(s: string, i: number): [string, number] {
  if (s[i] !== '\\' || i + 1 >= s.length) return [s[i], 1]
  const n = s[i + 1]
  const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '\\': '\\' }
  if (n in map) return [map[n], 2]
  const oct = /^[0-7]{1,3}/.exec(s.slice(i + 1))
  if (oct) return [String.fromCharCode(parseInt(oct[0], 8) & 0xff), 1 + oct[0].length]
  return [n, 2]
}

function parseSet(s: string): SetItem[] | string {
  const items: SetItem[] = []
  let i = 0
  while (i < s.length) {
    const cls = /^\[:([a-z]+):\]/.exec(s.slice(i))
    if (cls) {
      const test = CLASSES[cls[1]]
      if (!test) return `invalid character class '${cls[1]}'`
      const chars: string[] = []
      for (let c = 0; c < 256; c++) if (test(c)) chars.push(String.fromCharCode(c))
      items.push({ chars, cls: cls[1] })
      i += cls[0].length
      continue
    }
    const rep = /^\[(\\?.)\*([0-9]*)\]/s.exec(s.slice(i))
    if (rep) {
      const [c] = unescape(rep[1], 0)
      if (rep[2] === '') items.push({ chars: [], fill: c })
      // GNU allows any count; the lab caps it (sets longer than 256 add nothing when translating).
      else items.push({ chars: Array(Math.min(Number(rep[2]), 4096)).fill(c) })
      i += rep[0].length
      continue
    }
    const [c, len] = unescape(s, i)
    if (s[i + len] === '-' && i + len + 1 < s.length) {
      const [end, len2] = unescape(s, i + len + 1)
      if (end.charCodeAt(0) < c.charCodeAt(0)) {
        return `range-endpoints of '${s.slice(i, i + len + 1 + len2)}' are in reverse collating sequence order`
      }
      const chars: string[] = []
      for (let k = c.charCodeAt(0); k <= end.charCodeAt(0); k++) chars.push(String.fromCharCode(k))
      items.push({ chars })
      i += len + 1 + len2
      continue
    }
    items.push({ chars: [c] })
    i += len
  }
  return items
}
