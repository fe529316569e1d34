// tail (coreutils src/tail.c): last 10 lines, -n N, -n +N (from line N), -c N / +N, -N.

import { sliceBytes } from '../../common/bytes'
import type { CommandSpec, FlagSpec } from '../types'
import { getopt, has, helpText, inputs, tableFromFlags, usageError } from './util'
import { numericShorthand, parseCount, writeHeaders } from './head'

const flags: FlagSpec[] = [
  { name: 'lines', short: 'n', takesValue: true, help: 'output the last NUM lines; +NUM starts at line NUM' },
  { name: 'bytes', short: 'c', takesValue: true, help: 'output the last NUM bytes; +NUM starts at byte NUM' },
  { name: 'follow', short: 'f', takesValue: false, help: 'output appended data as the file grows (not in the lab)' },
  { name: 'quiet', short: 'q', takesValue: false, help: 'never output headers giving file names' },
  { name: 'verbose', short: 'v', takesValue: false, help: 'always output headers giving file names' },
  { name: 'help', takesValue: false, help: 'display this help and exit' },
]

export const tail: CommandSpec = {
  name: 'tail',
  summary: 'Output the last part of files.',
  usage: 'tail [OPTION]... [FILE]...',
  flags,
  async run(ctx) {
    const p = getopt(numericShorthand(ctx.argv.slice(1)), tableFromFlags(flags))
    if ('error' in p) return usageError(ctx, 'tail', p.error)
    if (has(p, 'help')) {
      ctx.stdout(helpText(this.usage, 'Print the last 10 lines of each FILE to standard output.', flags))
      return 0
    }
    if (has(p, 'follow')) {
      ctx.stderr('tail: following a file (-f) is not available in the lab shell\n')
      return 1
    }
    let mode: 'lines' | 'bytes' = 'lines'
    let count = 10
    let fromStart = false
    for (const o of p.opts) {
      if (o.key !== 'lines' && o.key !== 'bytes') continue
      mode = o.key
      const v = o.value!
      fromStart = v.startsWith('+')
      const n = parseCount(v.replace(/^[-+]/, ''))
      if (n === undefined) {
        ctx.stderr(`tail: invalid number of ${mode}: '${v}'\n`)
        return 1
      }
      count = n
    }
    return writeHeaders(ctx, inputs(p.operands), { quiet: has(p, 'quiet'), verbose: has(p, 'verbose') }, 'tail', (text) => {
      if (mode === 'bytes') return fromStart ? sliceBytes(text, Math.max(0, count - 1)) : count === 0 ? '' : sliceBytes(text, -count)
      const lines = text.split(/(?<=\n)/)
      if (fromStart) return lines.slice(Math.max(0, count - 1)).join('')
      return count === 0 ? '' : lines.slice(-count).join('')
    })
  },
}
