// tac (coreutils src/tac.c): each FILE (or stdin) with its records in reverse order; records end
// with a newline, or with -s SEP's string; -b puts the separator before its record instead.

import type { CommandSpec, FlagSpec } from '../types'
import { getopt, has, helpText, inputs, lastValue, readOperand, tableFromFlags, usageError } from './util'

const flags: FlagSpec[] = [
  { name: 'before', short: 'b', takesValue: false, help: 'the separator starts a record rather than ending it' },
  { name: 'separator', short: 's', takesValue: true, help: 'records are parted by STRING instead of a newline' },
  { name: 'help', takesValue: false, help: 'display this help and exit' },
]

/** The records of `text` in reverse order (the separator after each, or before with -b). */
export function reversedRecords(text: string, sep: string, before: boolean): string {
  // An empty separator parts nothing: the whole input is one record.
  if (sep === '') return text
  const parts = text.split(sep)
  const out: string[] = []
  if (before) {
    // "a\nb\n" -> "a", "\nb", "\n": each record but the first starts with the separator.
    out.push(parts[0])
    for (let i = 1; i < parts.length; i++) out.push(sep + parts[i])
    if (out[0] === '') out.shift()
  } else {
    for (let i = 0; i < parts.length - 1; i++) out.push(parts[i] + sep)
    if (parts[parts.length - 1] !== '') out.push(parts[parts.length - 1])
  }
  return out.reverse().join('')
}

export const tac: CommandSpec = {
  name: 'tac',
  summary: 'Print files last line first.',
  usage: 'tac [OPTION]... [FILE]...',
  flags,
  async run(ctx) {
    const p = getopt(ctx.argv.slice(1), { ...tableFromFlags(flags, 'r'), immediate: ['help'] })
    if ('error' in p) return usageError(ctx, 'tac', p.error)
    if (has(p, 'help')) {
      ctx.stdout(helpText(this.usage, 'Write each FILE to standard output, last line first.', flags))
      return 0
    }
    const sep = lastValue(p, 'separator') ?? '\n'
    let status = 0
    for (const name of inputs(p.operands)) {
      const r = readOperand(ctx, name)
      if (!r.ok) {
        ctx.stderr(
          r.reason === 'directory'
            ? `tac: ${name}: read error: Invalid argument\n`
            : `tac: failed to open '${name}' for reading: No such file or directory\n`,
        )
        status = 1
        continue
      }
      ctx.stdout(reversedRecords(r.text, sep, has(p, 'before')))
    }
    return status
  },
}
