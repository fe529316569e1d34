// sort (coreutils src/sort.c), C locale: -r -n -g -h -V -u -f -s, -o FILE, -c/-C (sortOrder.ts), several -k F[.C][OPTS][,F[.C][OPTS]] keys
// (options n h V r f b per key), -t SEP; ties are broken by
// comparing whole lines byte by byte, as GNU sort does without -s.

import { compareBytes } from '../../common/bytes'
import type { CommandSpec, FlagSpec } from '../types'
import { getopt, has, helpText, inputs, lastValue, readOperand, splitLines, tableFromFlags, usageError } from './util'
import { checkOrder, humanCompare, versionCompare } from './sortOrder'
import { cannotWrite } from '../fs'
import { strtodPrefix } from '../../common/cFloat'

const flags: FlagSpec[] = [
  { name: 'reverse', short: 'r', takesValue: false, help: 'reverse the result of comparisons' },
  { name: 'numeric-sort', short: 'n', takesValue: false, help: 'compare according to string numerical value' },
  { name: 'general-numeric-sort', short: 'g', takesValue: false, help: 'compare according to general numerical value' },
  { name: 'human-numeric-sort', short: 'h', takesValue: false, help: 'compare sizes such as 2K and 1G' },
  { name: 'version-sort', short: 'V', takesValue: false, help: 'natural sort of version numbers within text' },
  { name: 'check', short: 'c', takesValue: false, help: 'check for sorted input; do not sort' },
  { name: 'check-silent', short: 'C', takesValue: false, help: 'like -c, but do not report the first bad line' },
  { name: 'unique', short: 'u', takesValue: false, help: 'output only the first of an equal run' },
  { name: 'ignore-case', short: 'f', takesValue: false, help: 'fold lower case to upper case characters' },
  { name: 'key', short: 'k', takesValue: true, help: 'sort via a key; KEYDEF gives location and type' },
  { name: 'field-separator', short: 't', takesValue: true, help: 'use SEP instead of non-blank to blank transition' },
  { name: 'stable', short: 's', takesValue: false, help: 'stabilize sort by disabling last-resort comparison' },
  { name: 'output', short: 'o', takesValue: true, help: 'write result to FILE instead of standard output' },
  { name: 'help', takesValue: false, help: 'display this help and exit' },
]

/** The C locale's order: bytes. */
const cmp = compareBytes

export const sort: CommandSpec = {
  name: 'sort',
  summary: 'Sort lines of text files.',
  usage: 'sort [OPTION]... [FILE]...',
  flags,
  async run(ctx) {
    const args: string[] = []
    for (const a of ctx.argv.slice(1)) {
      const m = /^--check=(.*)$/.exec(a)
      if (!m) args.push(a)
      else if (m[1] === 'quiet' || m[1] === 'silent') args.push('-C')
      else if (m[1] === 'diagnose-first') args.push('-c')
      else {
        const valid = "Valid arguments are:\n  - 'quiet', 'silent'\n  - 'diagnose-first'"
        return usageError(ctx, 'sort', `invalid argument '${m[1]}' for '--check'\n${valid}`, 1)
      }
    }
    const p = getopt(args, tableFromFlags(flags, 'bz'))
    if ('error' in p) return usageError(ctx, 'sort', p.error, 2)
    if (has(p, 'help')) {
      ctx.stdout(helpText(this.usage, 'Write sorted concatenation of all FILE(s) to standard output.', flags))
      return 0
    }
    const sep = lastValue(p, 'field-separator')
    if (sep !== undefined && sep.length !== 1) {
      ctx.stderr(sep === '' ? 'sort: empty tab\n' : `sort: multi-character tab '${sep}'\n`)
      return 2
    }
    const keys: KeyDef[] = []
    for (const o of p.opts) {
      if (o.key !== 'key') continue
      const k = parseKey(o.value!)
      if (typeof k === 'string') {
        ctx.stderr(`sort: ${k}\n`)
        return 2
      }
      keys.push(k)
    }
    const checking = has(p, 'check') || has(p, 'check-silent')
    if (has(p, 'check') && has(p, 'check-silent')) {
      ctx.stderr("sort: options '-cC' are incompatible\n")
      return 2
    }
    const kinds = ['general-numeric-sort', 'human-numeric-sort', 'numeric-sort', 'version-sort'].filter((k) => has(p, k))
    if (kinds.length > 1) {
      const letters = [['ignore-case', 'f'], ['general-numeric-sort', 'g'], ['human-numeric-sort', 'h'], ['numeric-sort', 'n'], ['reverse', 'r'], ['version-sort', 'V']]
      ctx.stderr(`sort: options '-${letters.filter(([k]) => has(p, k)).map(([, l]) => l).join('')}' are incompatible\n`)
      return 2
    }
    const outputs = new Set(p.opts.filter((o) => o.key === 'output').map((o) => o.value!))
    if (outputs.size > 1) {
      ctx.stderr('sort: multiple output files specified\n')
      return 2
    }
    const [output] = outputs
    if (checking && output !== undefined) {
      ctx.stderr(`sort: options '-${has(p, 'check') ? 'c' : 'C'}o' are incompatible\n`)
      return 2
    }
    if (checking && p.operands.length > 1) {
      ctx.stderr(`sort: extra operand '${p.operands[1]}' not allowed with -${has(p, 'check') ? 'c' : 'C'}\n`)
      return 2
    }
    const lines: string[] = []
    for (const name of inputs(p.operands)) {
      const r = readOperand(ctx, name)
      if (!r.ok) {
        ctx.stderr(`sort: ${checking ? 'open failed' : 'cannot read'}: ${r.message}\n`)
        return 2
      }
      lines.push(...splitLines(r.text).lines)
    }
    const global: KeyOpts = { n: has(p, 'numeric-sort'), g: has(p, 'general-numeric-sort'), h: has(p, 'human-numeric-sort'), V: has(p, 'version-sort'), r: has(p, 'reverse'), f: has(p, 'ignore-case'), b: false }
    for (const k of keys) if (!k.own) Object.assign(k.opts, { n: global.n, g: global.g, h: global.h, V: global.V, f: global.f, r: global.r })
    const effective = keys.length ? keys : [{ sf: 1, sc: 1, ef: Infinity, ec: 0, opts: global, own: false }]
    const compareKeys = (a: string, b: string) => {
      for (const k of effective) {
        const ka = extractKey(a, k, sep)
        const kb = extractKey(b, k, sep)
        let c: number
        if (k.opts.n) c = Math.sign(numValue(ka) - numValue(kb))
        else if (k.opts.g) c = generalCompare(ka, kb)
        else if (k.opts.h) c = humanCompare(ka, kb, numValue)
        else if (k.opts.V) c = versionCompare(ka, kb)
        else c = k.opts.f ? cmp(ka.toUpperCase(), kb.toUpperCase()) : cmp(ka, kb)
        if (c) return k.opts.r ? -c : c
      }
      return 0
    }
    const lastResort = !has(p, 'stable') && !has(p, 'unique')
    const reverse = global.r ? -1 : 1
    if (checking) {
      const compare = (a: string, b: string) => compareKeys(a, b) || (lastResort ? reverse * cmp(a, b) : 0)
      return checkOrder(ctx, p.operands[0] ?? '-', lines, compare, has(p, 'unique'), has(p, 'check-silent'))
    }
    const sorted = [...lines].sort((a, b) => compareKeys(a, b) || (lastResort ? reverse * cmp(a, b) : 0))
    const out = has(p, 'unique') ? sorted.filter((l, i) => i === 0 || compareKeys(sorted[i - 1], l) !== 0) : sorted
    const text = out.map((l) => l + '\n').join('')
    if (output === undefined) {
      ctx.stdout(text)
      return 0
    }
    // -o: written after all is read, so the output may be one of the inputs
    const path = ctx.fs.resolve(output)
    const why = cannotWrite(ctx.fs, path)
    if (why) {
      ctx.stderr(`sort: open failed: ${output}: ${why}\n`)
      return 2
    }
    ctx.fs.writeFile(path, text)
    return 0
  },
}

/**
 * -g: the numbers strtold reads at the start; what reads as none sorts first, then NaN, then the
 * numbers (sort.c's general_numcompare).
 */
function generalCompare(a: string, b: string): number {
  const x = strtodPrefix(a)?.value
  const y = strtodPrefix(b)?.value
  if (x === undefined) return y === undefined ? 0 : -1
  if (y === undefined) return 1
  if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) ? (Number.isNaN(y) ? 0 : -1) : 1
  return x < y ? -1 : x > y ? 1 : 0
}

interface KeyOpts {
  n: boolean
  g: boolean
  h: boolean
  V: boolean
  r: boolean
  f: boolean
  b: boolean
}

interface KeyDef {
  sf: number
  sc: number
  ef: number
  /** 0: the end of field ef. */
  ec: number
  opts: KeyOpts
  /** Whether the key carries its own ordering options (then the global ones do not apply). */
  own: boolean
  bEnd?: boolean
}

function parseKey(spec: string): KeyDef | string {
  const m = /^([0-9]+)(?:\.([0-9]+))?([bdfgMnRrVhi]*)(?:,([0-9]+)(?:\.([0-9]+))?([bdfgMnRrVhi]*))?$/.exec(spec)
  if (!m) {
    const start = /^[0-9]+/.exec(spec)
    if (!start) return `invalid number at field start: invalid count at start of '${spec}'`
    return `stray character in field spec: invalid field specification '${spec}'`
  }
  if (Number(m[1]) === 0) return `field number is zero: invalid field specification '${spec}'`
  if (m[2] !== undefined && Number(m[2]) === 0) return `character offset is zero: invalid field specification '${spec}'`
  const o1 = m[3] ?? ''
  const o2 = m[6] ?? ''
  const all = o1 + o2
  const opts: KeyOpts = { n: all.includes('n'), g: all.includes('g'), h: all.includes('h'), V: all.includes('V'), r: all.includes('r'), f: all.includes('f'), b: o1.includes('b') }
  return { sf: Number(m[1]), sc: Number(m[2] ?? 1), ef: m[4] ? Number(m[4]) : Infinity, ec: Number(m[5] ?? 0), opts, own: /[nrfdgMhRV]/.test(all), bEnd: o2.includes('b') }
}

/** Start offsets of each field (without -t a field starts with the blanks before it). */
function fieldStarts(line: string, sep?: string): { starts: number[]; ends: number[] } {
  const starts: number[] = []
  const ends: number[] = []
  if (sep !== undefined) {
    let pos = 0
    for (const f of line.split(sep)) {
      starts.push(pos)
      ends.push(pos + f.length)
      pos += f.length + 1
    }
  } else {
    const re = /[ \t]*[^ \t]+|[ \t]+$/g
    for (const m of line.matchAll(re)) {
      starts.push(m.index!)
      ends.push(m.index! + m[0].length)
    }
    if (starts.length === 0) {
      starts.push(0)
      ends.push(line.length)
    }
  }
  return { starts, ends }
}

function extractKey(line: string, k: KeyDef, sep?: string): string {
  const { starts, ends } = fieldStarts(line, sep)
  const skipBlanks = (i: number) => {
    while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++
    return i
  }
  let from: number
  if (k.sf > starts.length) from = line.length
  else {
    from = starts[k.sf - 1]
    if (k.opts.b) from = skipBlanks(from)
    from = Math.min(from + k.sc - 1, ends[k.sf - 1])
  }
  let to: number
  if (k.ef === Infinity || k.ef > starts.length) to = line.length
  else if (k.ec === 0) to = ends[k.ef - 1]
  else {
    let s0 = starts[k.ef - 1]
    if (k.bEnd) s0 = skipBlanks(s0)
    to = Math.min(s0 + k.ec, ends[k.ef - 1])
  }
  const key = to > from ? line.slice(from, to) : ''
  return key
}

function numValue(s: string): number {
  const m = /^[ \t]*(-?[0-9]*\.?[0-9]+|-?[0-9]+\.?)/.exec(s)
  return m ? Number(m[1]) : 0
}
