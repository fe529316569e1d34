// comm (coreutils src/comm.c): compare two sorted files line by line, in three columns: lines only
// in FILE1, only in FILE2 (one tab in), in both (two tabs in); -1 -2 -3 hide columns. Lines are
// compared as bytes (the C locale). Input out of order is reported once per file once a line has
// been unpaired (always with --check-order, which also stops there), and comm then fails.

import { canonical, compareBytes } from '../../common/bytes'
import type { CommandSpec, FlagSpec } from '../types'
import { getopt, has, helpText, lastValue, readOperand, tableFromFlags, usageError } from './util'
import { records } from './records'

const flags: FlagSpec[] = [
  { name: '1', short: '1', takesValue: false, help: 'hide the lines only in FILE1' },
  { name: '2', short: '2', takesValue: false, help: 'hide the lines only in FILE2' },
  { name: '3', short: '3', takesValue: false, help: 'hide the lines in both files' },
  { name: 'check-order', takesValue: false, help: 'fail at the first line out of order' },
  { name: 'nocheck-order', takesValue: false, help: 'do not check the order' },
  { name: 'output-delimiter', takesValue: true, help: 'put STR between the columns (default a tab)' },
  { name: 'total', takesValue: false, help: 'end with a line of the three counts' },
  { name: 'zero-terminated', short: 'z', takesValue: false, help: 'lines end with a NUL byte, not a newline' },
  { name: 'help', takesValue: false, help: 'display this help and exit' },
]

export const comm: CommandSpec = {
  name: 'comm',
  summary: 'Compare two sorted files line by line.',
  usage: 'comm [OPTION]... FILE1 FILE2',
  flags,
  async run(ctx) {
    const p = getopt(ctx.argv.slice(1), { ...tableFromFlags(flags), immediate: ['help'] })
    if ('error' in p) return usageError(ctx, 'comm', p.error)
    if (has(p, 'help')) {
      ctx.stdout(helpText(this.usage, 'Compare sorted files FILE1 and FILE2 line by line.', flags))
      return 0
    }
    const ops = p.operands
    if (ops.length < 2) return usageError(ctx, 'comm', ops.length === 0 ? 'missing operand' : `missing operand after '${ops[0]}'`)
    if (ops.length > 2) return usageError(ctx, 'comm', `extra operand '${ops[2]}'`)
    let check: 'default' | 'on' | 'off' = 'default'
    for (const o of p.opts) {
      if (o.key === 'check-order') check = 'on'
      if (o.key === 'nocheck-order') check = 'off'
    }
    const sep = lastValue(p, 'output-delimiter') ?? '\t'
    const show = [!has(p, '1'), !has(p, '2'), !has(p, '3')]
    const eol = has(p, 'zero-terminated') ? '\0' : '\n'
    const files: string[][] = []
    const stdin = canonical(ctx.stdin)
    for (const name of ops) {
      const r = name === '-' ? { ok: true as const, text: files.length && ops[0] === '-' ? '' : stdin } : readOperand(ctx, name)
      if (!r.ok) {
        ctx.stderr(`comm: ${r.message}\n`)
        return 1
      }
      files.push(records(r.text, eol))
    }
    const [a, b] = files
    let i = 0
    let j = 0
    let out = ''
    const totals = [0, 0, 0]
    const warned = [false, false]
    let unpaired = false
    const write = (line: string, col: number) => {
      totals[col]++
      if (!show[col]) return
      let prefix = ''
      if (col >= 1 && show[0]) prefix += sep
      if (col === 2 && show[1]) prefix += sep
      out += prefix + line + eol
    }
    /** The order check after file f stepped to its line at index k; false: stop (--check-order). */
    const checkOrder = (f: number, lines: string[], k: number): boolean => {
      if (check === 'off' || (check === 'default' && !unpaired) || warned[f] || k >= lines.length || k === 0) return true
      if (compareBytes(lines[k - 1], lines[k]) <= 0) return true
      ctx.stdout(out)
      out = ''
      ctx.stderr(`comm: file ${f + 1} is not in sorted order\n`)
      if (check === 'on') return false
      warned[f] = true
      return true
    }
    while (i < a.length || j < b.length) {
      if (out.length > 65536) {
        ctx.stdout(out)
        out = ''
        ctx.signal?.throwIfAborted()
      }
      const order = i >= a.length ? 1 : j >= b.length ? -1 : compareBytes(a[i], b[j])
      if (order === 0) write(b[j], 2)
      else {
        unpaired = true
        if (order < 0) write(a[i], 0)
        else write(b[j], 1)
      }
      if (order <= 0 && !checkOrder(0, a, ++i)) return 1
      if (order >= 0 && !checkOrder(1, b, ++j)) return 1
    }
    if (has(p, 'total')) out += `${totals[0]}${sep}${totals[1]}${sep}${totals[2]}${sep}total${eol}`
    ctx.stdout(out)
    if (warned[0] || warned[1]) {
      ctx.stderr('comm: input is not in sorted order\n')
      return 1
    }
    return 0
  },
}
