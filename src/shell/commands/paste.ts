// paste (coreutils src/paste.c): join the lines of FILEs side by side (or, with -s, each file's
// lines into one), parted by TAB or by the -d LIST's characters in turn (\n \t \\ \0 escapes;
// \0 is no delimiter; a character beyond ASCII is its bytes, each a delimiter of its own, as
// coreutils 9.1 takes them). Each `-` takes the next line of the one standard input.

import { canonical } from '../../common/bytes'
import { asBytes, fromBytes } from '../locale'
import type { CommandSpec, FlagSpec } from '../types'
import { getopt, has, helpText, inputs, lastValue, readOperand, tableFromFlags, usageError } from './util'
import { records } from './records'

const flags: FlagSpec[] = [
  { name: 'delimiters', short: 'd', takesValue: true, help: 'part the columns with the characters of LIST in turn' },
  { name: 'serial', short: 's', takesValue: false, help: 'one file at a time: its lines joined into one' },
  { name: 'zero-terminated', short: 'z', takesValue: false, help: 'lines end with a NUL byte, not a newline' },
  { name: 'help', takesValue: false, help: 'display this help and exit' },
]

/** The -d LIST's delimiters, one byte each ('' for \0), or undefined if it ends with a lone backslash. */
function delimiters(text: string): string[] | undefined {
  const out: string[] = []
  const list = asBytes(text)
  for (let i = 0; i < list.length; i++) {
    if (list[i] !== '\\') {
      out.push(fromBytes(list[i]))
      continue
    }
    if (++i >= list.length) return undefined
    const c = list[i]
    out.push(c === 'n' ? '\n' : c === 't' ? '\t' : c === '0' ? '' : c === 'b' ? '\b' : c === 'f' ? '\f' : c === 'r' ? '\r' : c === 'v' ? '\v' : c)
  }
  return out
}

export const paste: CommandSpec = {
  name: 'paste',
  summary: 'Put the lines of files side by side.',
  usage: 'paste [OPTION]... [FILE]...',
  flags,
  async run(ctx) {
    const p = getopt(ctx.argv.slice(1), { ...tableFromFlags(flags), immediate: ['help'] })
    if ('error' in p) return usageError(ctx, 'paste', p.error)
    if (has(p, 'help')) {
      ctx.stdout(helpText(this.usage, 'Write lines made of the matching lines of each FILE, parted by TABs.', flags))
      return 0
    }
    const list = lastValue(p, 'delimiters') ?? '\t'
    const delims = delimiters(list)
    if (delims === undefined) {
      ctx.stderr(`paste: delimiter list ends with an unescaped backslash: ${list}\n`)
      return 1
    }
    if (delims.length === 0) delims.push('')
    const names = inputs(p.operands)
    const eol = has(p, 'zero-terminated') ? '\0' : '\n'
    const stdin = records(canonical(ctx.stdin), eol)
    let stdinAt = 0
    if (has(p, 'serial')) {
      let status = 0
      let out = ''
      for (const name of names) {
        const r = readOperand(ctx, name)
        if (!r.ok) {
          ctx.stderr(`paste: ${r.message}\n`)
          status = 1
          continue
        }
        const lines = name === '-' ? stdin.slice(stdinAt) : records(r.text, eol)
        if (name === '-') stdinAt = stdin.length
        if (lines.length === 0) continue
        out += lines.map((l, i) => (i === 0 ? '' : delims[(i - 1) % delims.length]) + l).join('') + eol
      }
      ctx.stdout(out)
      return status
    }
    // Every file is opened first; one that cannot be ends paste before any output.
    const files: (string[] | null)[] = []
    for (const name of names) {
      if (name === '-') {
        files.push(null)
        continue
      }
      const r = readOperand(ctx, name)
      if (!r.ok) {
        ctx.stderr(`paste: ${r.message}\n`)
        return 1
      }
      files.push(records(r.text, eol))
    }
    const at = files.map(() => 0)
    const done = files.map(() => false)
    let out = ''
    for (let row = 0; ; row++) {
      if (row % 4096 === 0) ctx.signal?.throwIfAborted()
      let line = ''
      let any = false
      let pendingDelims = ''
      for (let f = 0; f < files.length; f++) {
        let next: string | undefined
        if (!done[f]) {
          const src = files[f]
          next = src === null ? stdin[stdinAt++] : src[at[f]++]
          if (next === undefined) done[f] = true
        }
        if (next !== undefined) {
          any = true
          line += pendingDelims + next
          pendingDelims = ''
        }
        if (f < files.length - 1) pendingDelims += delims[f % delims.length]
      }
      if (!any) break
      out += line + pendingDelims + eol
    }
    ctx.stdout(out)
    return 0
  },
}
