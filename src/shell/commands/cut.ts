// cut (coreutils src/cut.c): -f fields with -d, -b/-c positions, -s, --complement,
// --output-delimiter. Lines without the delimiter print whole unless -s; every line ends in \n.
// Positions count bytes, for -c too (GNU cut has no multibyte support); the delimiter is one byte.

import { byteLength, latin1Of, stringOfLatin1 } from '../../common/bytes'
import type { CommandSpec, FlagSpec } from '../types'
import { getopt, has, helpText, inputs, lastValue, readOperand, tableFromFlags, usageError } from './util'

const flags: FlagSpec[] = [
  { name: 'bytes', short: 'b', takesValue: true, help: 'select only these bytes' },
  { name: 'characters', short: 'c', takesValue: true, help: 'select only these characters' },
  { name: 'delimiter', short: 'd', takesValue: true, help: 'use DELIM instead of TAB for field delimiter' },
  { name: 'fields', short: 'f', takesValue: true, help: 'select only these fields' },
  { name: 'only-delimited', short: 's', takesValue: false, help: 'do not print lines not containing delimiters' },
  { name: 'complement', takesValue: false, help: 'complement the set of selected bytes, characters or fields' },
  { name: 'output-delimiter', takesValue: true, help: 'use STRING as the output delimiter' },
  { name: 'help', takesValue: false, help: 'display this help and exit' },
]

type Range = [number, number]

export const cut: CommandSpec = {
  name: 'cut',
  summary: 'Remove sections from each line of files.',
  usage: 'cut OPTION... [FILE]...',
  flags,
  async run(ctx) {
    const p = getopt(ctx.argv.slice(1), tableFromFlags(flags, 'nz'))
    if ('error' in p) return usageError(ctx, 'cut', p.error)
    if (has(p, 'help')) {
      ctx.stdout(helpText(this.usage, 'Print selected parts of lines from each FILE to standard output.', flags))
      return 0
    }
    const kinds = ['bytes', 'characters', 'fields'].filter((k) => has(p, k))
    if (kinds.length === 0) return usageError(ctx, 'cut', 'you must specify a list of bytes, characters, or fields')
    if (kinds.length > 1) return usageError(ctx, 'cut', 'only one list may be specified')
    const fields = kinds[0] === 'fields'
    const delimArg = lastValue(p, 'delimiter')
    if (!fields && delimArg !== undefined) {
      return usageError(ctx, 'cut', 'an input delimiter may be specified only when operating on fields')
    }
    if (!fields && has(p, 'only-delimited')) {
      return usageError(ctx, 'cut', 'suppressing non-delimited lines makes sense\n\tonly when operating on fields')
    }
    if (delimArg !== undefined && byteLength(delimArg) > 1) return usageError(ctx, 'cut', 'the delimiter must be a single character')
    const list = parseList(lastValue(p, kinds[0])!, fields)
    if (typeof list === 'string') return usageError(ctx, 'cut', list)
    const delim = delimArg === undefined ? '\t' : delimArg === '' ? '\0' : delimArg
    const outDelim = lastValue(p, 'output-delimiter') ?? (fields ? delim : '')
    const complement = has(p, 'complement')
    const selected = (i: number) => list.some(([a, b]) => i >= a && i <= b) !== complement
    let status = 0
    for (const name of inputs(p.operands)) {
      const r = readOperand(ctx, name)
      if (!r.ok) {
        ctx.stderr(`cut: ${r.message}\n`)
        status = 1
        continue
      }
      let out = ''
      const text = r.text.endsWith('\n') ? r.text.slice(0, -1) : r.text
      if (r.text === '') continue
      for (const line of text.split('\n')) {
        if (fields) {
          if (!line.includes(delim)) {
            if (!has(p, 'only-delimited')) out += line + '\n'
            continue
          }
          out += line.split(delim).filter((_, i) => selected(i + 1)).join(outDelim) + '\n'
        } else {
          // Byte positions; with an output delimiter, separate non-adjacent ranges.
          const bytes = latin1Of(line)
          let s = ''
          let prev = -2
          for (let i = 0; i < bytes.length; i++) {
            if (!selected(i + 1)) continue
            if (outDelim && prev >= 0 && prev !== i - 1) s += latin1Of(outDelim)
            s += bytes[i]
            prev = i
          }
          out += stringOfLatin1(s) + '\n'
        }
      }
      ctx.stdout(out)
    }
    return status
  },
}

function parseList(spec: string, fields: boolean): Range[] | string {
  const from1 = fields ? 'fields are numbered from 1' : 'byte/character positions are numbered from 1'
  const ranges: Range[] = []
  for (const item of spec.split(/[,\s]/)) {
    if (item === '') return from1
    if (item === '-') return 'invalid range with no endpoint: -'
    const m = /^([0-9]*)(-?)([0-9]*)$/.exec(item)
    if (!m) {
      const bad = /^[0-9]*-?[0-9]*/.exec(item)![0]
      const rest = item.slice(bad.length)
      return fields ? `invalid field value '${rest || item}'` : `invalid byte/character position '${rest || item}'`
    }
    const lo = m[1] === '' ? 1 : Number(m[1])
    const hi = m[2] ? (m[3] === '' ? Infinity : Number(m[3])) : lo
    if (lo === 0 || hi === 0) return from1
    if (hi < lo) return 'invalid decreasing range'
    ranges.push([lo, hi])
  }
  return ranges
}
