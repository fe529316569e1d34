// sort (coreutils src/sort.c), C locale: -r -n -u -f -k FIELD[,FIELD] -t SEP; ties are broken by
// comparing whole lines byte by byte, as GNU sort does without -s.

import type { CommandSpec, FlagSpec } from '../types'
import { getopt, has, helpText, inputs, lastValue, readOperand, splitLines, tableFromFlags, usageError } from './util'

const flags: FlagSpec[] = [
  { name: 'reverse', short: 'r', takesValue: false, help: 'reverse the result of comparisons' },
  { name: 'numeric-sort', short: 'n', takesValue: false, help: 'compare according to string numerical value' },
  { name: 'unique', short: 'u', takesValue: false, help: 'output only the first of an equal run' },
  { name: 'ignore-case', short: 'f', takesValue: false, help: 'fold lower case to upper case characters' },
  { name: 'key', short: 'k', takesValue: true, help: 'sort via a key; KEYDEF gives location and type' },
  { name: 'field-separator', short: 't', takesValue: true, help: 'use SEP instead of non-blank to blank transition' },
  { name: 'stable', short: 's', takesValue: false, help: 'stabilize sort by disabling last-resort comparison' },
  { name: 'help', takesValue: false, help: 'display this help and exit' },
]

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

export const sort: CommandSpec = {
  name: 'sort',
  summary: 'Sort lines of text files.',
  usage: 'sort [OPTION]... [FILE]...',
  flags,
  async run(ctx) {
    const p = getopt(ctx.argv.slice(1), tableFromFlags(flags, 'bz'))
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
    const keyArg = lastValue(p, 'key')
    let key: { start: number; end: number } | undefined
    if (keyArg !== undefined) {
      const m = /^([0-9]+)(?:\.[0-9]+)?[a-zA-Z]*(?:,([0-9]+)(?:\.[0-9]+)?[a-zA-Z]*)?$/.exec(keyArg)
      if (!m) {
        ctx.stderr(`sort: invalid number at field start: invalid count at start of '${keyArg}'\n`)
        return 2
      }
      if (Number(m[1]) === 0) {
        ctx.stderr(`sort: field number is zero: invalid field specification '${keyArg}'\n`)
        return 2
      }
      key = { start: Number(m[1]), end: m[2] ? Number(m[2]) : Infinity }
    }
    const lines: string[] = []
    for (const name of inputs(p.operands)) {
      const r = readOperand(ctx, name)
      if (!r.ok) {
        ctx.stderr(`sort: cannot read: ${r.message}\n`)
        return 2
      }
      lines.push(...splitLines(r.text).lines)
    }
    const keyOf = (line: string) => (key ? extractKey(line, key, sep) : line)
    const numeric = has(p, 'numeric-sort')
    const fold = has(p, 'ignore-case')
    const compareKeys = (a: string, b: string) => {
      const ka = keyOf(a)
      const kb = keyOf(b)
      if (numeric) return Math.sign(numValue(ka) - numValue(kb))
      return fold ? cmp(ka.toUpperCase(), kb.toUpperCase()) : cmp(ka, kb)
    }
    const reverse = has(p, 'reverse') ? -1 : 1
    const lastResort = !has(p, 'stable') && !has(p, 'unique')
    const sorted = [...lines].sort((a, b) => reverse * (compareKeys(a, b) || (lastResort ? cmp(a, b) : 0)))
    const out = has(p, 'unique') ? sorted.filter((l, i) => i === 0 || compareKeys(sorted[i - 1], l) !== 0) : sorted
    ctx.stdout(out.map((l) => l + '\n').join(''))
    return 0
  },
}

function extractKey(line: string, key: { start: number; end: number }, sep?: string): string {
  // Without -t, a field is a run of blanks followed by non-blanks (the blanks belong to the field).
  const fields = sep !== undefined ? line.split(sep) : (line.match(/[ \t]*[^ \t]+|[ \t]+$/g) ?? [])
  const joiner = sep ?? ''
  return fields.slice(key.start - 1, key.end === Infinity ? undefined : key.end).join(joiner)
}

function numValue(s: string): number {
  const m = /^[ \t]*(-?[0-9]*\.?[0-9]+|-?[0-9]+\.?)/.exec(s)
  return m ? Number(m[1]) : 0
}
