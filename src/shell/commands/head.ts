// head (coreutils src/head.c): first 10 lines, -n N (negative: all but the last N), -c N, -N,
// headers `==> FILE <==` for several files (-q / -v).

import { byteLength, sliceBytes } from '../../common/bytes'
import type { CommandContext, CommandSpec, FlagSpec } from '../types'
import { getopt, has, helpText, inputs, readOperand, tableFromFlags, usageError } from './util'

const flags: FlagSpec[] = [
  { name: 'lines', short: 'n', takesValue: true, help: 'print the first NUM lines instead of the first 10' },
  { name: 'bytes', short: 'c', takesValue: true, help: 'print the first NUM bytes of each file' },
  { name: 'quiet', short: 'q', takesValue: false, help: 'never print headers giving file names' },
  { name: 'verbose', short: 'v', takesValue: false, help: 'always print headers giving file names' },
  { name: 'help', takesValue: false, help: 'display this help and exit' },
]

/** `-5` as the first argument means `-n 5` (head and tail). */
export function numericShorthand(args: string[], letter = 'n'): string[] {
  const m = /^-([0-9]+)([cln]?)$/.exec(args[0] ?? '')
  if (!m) return args
  return [m[2] === 'c' ? '-c' : `-${letter}`, m[1], ...args.slice(1)]
}

/** GNU number with optional multiplier suffix (K, M, b, kB...). */
export function parseCount(s: string): number | undefined {
  const m = /^([0-9]+)(b|kB|K|KiB|MB|M|MiB|GB|G|GiB)?$/.exec(s)
  if (!m) return undefined
  const mult: Record<string, number> = { b: 512, kB: 1000, K: 1024, KiB: 1024, MB: 1e6, M: 1048576, MiB: 1048576, GB: 1e9, G: 1073741824, GiB: 1073741824 }
  return Number(m[1]) * (m[2] ? mult[m[2]] : 1)
}

export function writeHeaders(ctx: CommandContext, names: string[], p: { quiet: boolean; verbose: boolean }, prog: string, body: (text: string, name: string) => string): number {
  let status = 0
  const headers = p.verbose || (!p.quiet && names.length > 1)
  let first = true
  for (const name of names) {
    const r = readOperand(ctx, name)
    if (!r.ok) {
      const why = r.message.slice(r.message.lastIndexOf(': ') + 2)
      ctx.stderr(why === 'Is a directory' ? `${prog}: error reading '${name}': Is a directory\n` : `${prog}: cannot open '${name}' for reading: ${why}\n`)
      status = 1
      continue
    }
    if (headers) ctx.stdout(`${first ? '' : '\n'}==> ${name === '-' ? 'standard input' : name} <==\n`)
    first = false
    ctx.stdout(body(r.text, name))
  }
  return status
}

export const head: CommandSpec = {
  name: 'head',
  summary: 'Output the first part of files.',
  usage: 'head [OPTION]... [FILE]...',
  flags,
  async run(ctx) {
    const p = getopt(numericShorthand(ctx.argv.slice(1)), tableFromFlags(flags))
    if ('error' in p) return usageError(ctx, 'head', p.error)
    if (has(p, 'help')) {
      ctx.stdout(helpText(this.usage, 'Print the first 10 lines of each FILE to standard output.', flags))
      return 0
    }
    let mode: 'lines' | 'bytes' = 'lines'
    let count = 10
    let allBut = false
    for (const o of p.opts) {
      if (o.key !== 'lines' && o.key !== 'bytes') continue
      mode = o.key
      const v = o.value!
      allBut = v.startsWith('-')
      const n = parseCount(v.replace(/^[-+]/, ''))
      if (n === undefined) {
        ctx.stderr(`head: invalid number of ${mode}: '${v}'\n`)
        return 1
      }
      count = n
    }
    return writeHeaders(ctx, inputs(p.operands), { quiet: has(p, 'quiet'), verbose: has(p, 'verbose') }, 'head', (text, name) => {
      const shown = headOf(text, mode, count, allBut)
      // Standard input not read to its end: a pipe's writer is stopped as by SIGPIPE.
      const partial = mode === 'bytes' ? byteLength(shown) < byteLength(text) : shown.length < text.length
      if (name === '-' && !allBut && partial) ctx.closeStdin?.()
      return shown
    })
  },
}

function headOf(text: string, mode: 'lines' | 'bytes', count: number, allBut: boolean): string {
  if (mode === 'bytes') return allBut ? sliceBytes(text, 0, Math.max(0, byteLength(text) - count)) : sliceBytes(text, 0, count)
  const lines = text.split(/(?<=\n)/)
  return (allBut ? lines.slice(0, Math.max(0, lines.length - count)) : lines.slice(0, count)).join('')
}
