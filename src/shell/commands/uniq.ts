// uniq (coreutils 9.1 src/uniq.c): adjacent equal lines, -c -d -u -i -f N -s N -w N, and the
// optional INPUT and OUTPUT operands.

import type { CommandSpec, FlagSpec } from '../types'
import { getopt, has, helpText, lastValue, readOperand, splitLines, tableFromFlags, usageError } from './util'

const flags: FlagSpec[] = [
  { name: 'count', short: 'c', takesValue: false, help: 'prefix lines by the number of occurrences' },
  { name: 'repeated', short: 'd', takesValue: false, help: 'only print duplicate lines, one for each group' },
  { name: 'unique', short: 'u', takesValue: false, help: 'only print unique lines' },
  { name: 'ignore-case', short: 'i', takesValue: false, help: 'ignore differences in case when comparing' },
  { name: 'skip-fields', short: 'f', takesValue: true, help: 'avoid comparing the first N fields' },
  { name: 'skip-chars', short: 's', takesValue: true, help: 'avoid comparing the first N characters' },
  { name: 'check-chars', short: 'w', takesValue: true, help: 'compare no more than N characters in lines' },
  { name: 'help', takesValue: false, help: 'display this help and exit' },
]

export const uniq: CommandSpec = {
  name: 'uniq',
  summary: 'Report or omit repeated lines.',
  usage: 'uniq [OPTION]... [INPUT [OUTPUT]]',
  flags,
  async run(ctx) {
    const p = getopt(ctx.argv.slice(1), tableFromFlags(flags, 'z'))
    if ('error' in p) return usageError(ctx, 'uniq', p.error)
    if (has(p, 'help')) {
      ctx.stdout(helpText(this.usage, 'Filter adjacent matching lines from INPUT, writing to OUTPUT.', flags))
      return 0
    }
    if (p.operands.length > 2) return usageError(ctx, 'uniq', `extra operand '${p.operands[2]}'`)
    const num = (key: string, what: string): number | string => {
      const v = lastValue(p, key)
      if (v === undefined) return key === 'check-chars' ? Infinity : 0
      return /^[0-9]+$/.test(v) ? Number(v) : `${v}: invalid number of ${what}`
    }
    const skipF = num('skip-fields', 'fields to skip')
    const skipC = num('skip-chars', 'bytes to skip')
    const check = num('check-chars', 'bytes to compare')
    for (const v of [skipF, skipC, check]) {
      if (typeof v === 'string') {
        ctx.stderr(`uniq: ${v}\n`)
        return 1
      }
    }
    const r = readOperand(ctx, p.operands[0] ?? '-')
    if (!r.ok) {
      ctx.stderr(`uniq: ${r.message}\n`)
      return 1
    }
    const fold = has(p, 'ignore-case')
    const key = (line: string) => {
      let s = line
      for (let f = 0; f < (skipF as number); f++) s = s.replace(/^[ \t]*[^ \t]*/, '')
      s = s.slice(skipC as number, (skipC as number) + (check as number))
      return fold ? s.toLowerCase() : s
    }
    const onlyDup = has(p, 'repeated')
    const onlyUniq = has(p, 'unique')
    let out = ''
    const lines = splitLines(r.text).lines
    for (let i = 0; i < lines.length; ) {
      let j = i + 1
      while (j < lines.length && key(lines[j]) === key(lines[i])) j++
      const n = j - i
      if (!(onlyDup && n < 2) && !(onlyUniq && n > 1)) out += (has(p, 'count') ? `${String(n).padStart(7)} ` : '') + lines[i] + '\n'
      i = j
    }
    if (p.operands[1] !== undefined && p.operands[1] !== '-') ctx.fs.writeFile(ctx.fs.resolve(p.operands[1]), out)
    else ctx.stdout(out)
    return 0
  },
}
