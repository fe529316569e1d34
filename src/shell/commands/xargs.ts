// xargs (GNU findutils 4.9 xargs): splits standard input into arguments (blanks and newlines, with
// quotes and backslashes) and runs the command (echo by default) with them, through the lab's own
// command table: -n MAX-ARGS, -I REPLACE-STR (one line per run), -L MAX-LINES, -r, -0 and -d DELIM
// (items end at a delimiter, quotes are plain). Commands run
// with an empty standard input, as xargs gives its children /dev/null.

import type { CommandContext, CommandSpec } from '../types'

function splitArgs(text: string): string[] | string {
  const out: string[] = []
  let cur = ''
  let inWord = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === ' ' || c === '\t' || c === '\n') {
      if (inWord) out.push(cur)
      cur = ''
      inWord = false
    } else if (c === "'" || c === '"') {
      const end = text.indexOf(c, i + 1)
      const nl = text.indexOf('\n', i + 1)
      if (end < 0 || (nl >= 0 && nl < end)) return `unmatched ${c === "'" ? 'single' : 'double'} quote; by default quotes are special to xargs unless you use the -0 option`
      cur += text.slice(i + 1, end)
      inWord = true
      i = end
    } else if (c === '\\' && i + 1 < text.length) {
      cur += text[++i]
      inWord = true
    } else {
      cur += c
      inWord = true
    }
  }
  if (inWord) out.push(cur)
  return out
}

const LONG_LETTER: Record<string, string> = { 'max-procs': 'P', verbose: 't', null: '0', delimiter: 'd', replace: 'i' }

const ESCAPES: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' }

/** -d's delimiter: one character, or an escape (\n, \t, \\, \0 and octal digits, \x and hex digits); undefined if neither. */
function inputDelimiter(spec: string): string | undefined {
  if ([...spec].length === 1) return spec
  if (spec[0] !== '\\') return undefined
  if (spec.length === 2 && spec[1] in ESCAPES) return ESCAPES[spec[1]]
  const oct = /^\\0([0-7]{0,3})$/.exec(spec)
  if (oct) return String.fromCharCode(parseInt(oct[1] || '0', 8) & 0xff)
  const hex = /^\\x([0-9A-Fa-f]{1,2})$/.exec(spec)
  return hex ? String.fromCharCode(parseInt(hex[1], 16)) : undefined
}

/** Run `argv` through the lab's command table with no input (xargs, find -exec): its status, or undefined when there is no such command. */
export async function runFromTable(ctx: CommandContext, argv: string[]): Promise<number | undefined> {
  const spec = ctx.shell.commands().find((s) => s.name === argv[0])
  if (!spec) return undefined
  const status = await spec.run({ ...ctx, argv, stdin: '', stdinIsTTY: false })
  return Number.isInteger(status) ? status & 0xff : 1
}

/** A word as -t shows it: findutils quotes it for the shell where it needs that. */
const shellWord = (w: string) => (/^[A-Za-z0-9_@%+=:,./-]+$/.test(w) ? w : `'${w.replaceAll("'", "'\\''")}'`)

async function runOne(ctx: CommandContext, argv: string[], trace = false): Promise<number> {
  // -t: the command line on standard error before it runs
  if (trace) ctx.stderr(`${argv.map(shellWord).join(' ')}\n`)
  const status = await runFromTable(ctx, argv)
  if (status === undefined) ctx.stderr(`xargs: ${argv[0]}: No such file or directory\n`)
  return status ?? 127
}

export const xargs: CommandSpec = {
  name: 'xargs',
  summary: 'Build and run command lines from standard input.',
  usage: 'xargs [OPTION]... COMMAND [INITIAL-ARGS]...',
  async run(ctx) {
    const args = ctx.argv.slice(1)
    let maxArgs = Infinity
    let maxLines = 0
    let replace: string | undefined
    let noEmpty = false
    let trace = false
    /** -0 or -d: items end at this character, and quotes and backslashes are not special */
    let delimiter: string | undefined
    let i = 0
    const fail = (msg: string) => {
      ctx.stderr(`xargs: ${msg}\nTry 'xargs --help' for more information.\n`)
      return 1
    }
    for (; i < args.length && args[i].startsWith('-') && args[i] !== '-'; i++) {
      const a = args[i]
      if (a === '--') {
        i++
        break
      }
      const long = /^--(max-procs|verbose|null|delimiter|replace)(?:=(.*))?$/.exec(a)
      const c = long ? LONG_LETTER[long[1]] : a[1]
      const value = () => (long ? (long[2] ?? args[++i]) : a.length > 2 ? a.slice(2) : args[++i])
      if (c === 'P') {
        // the lab runs them one after another: an order the real processes may take too
        const v = value()
        if (v === undefined) return fail("option requires an argument -- 'P'")
        if (!/^-?[0-9]+$/.test(v)) return fail(`invalid number "${v}" for -P option`)
        if (Number(v) < 0) return fail(`value ${v} for -P option should be >= 0`)
      } else if (c === 'n' || c === 'L') {
        const v = value()
        if (v === undefined || !/^[0-9]+$/.test(v) || Number(v) < 1) return fail(v === undefined ? `option requires an argument -- '${c}'` : `invalid number "${v}" for -${c} option`)
        if (c === 'n') maxArgs = Number(v)
        else maxLines = Number(v)
      } else if (c === 'I') {
        replace = value()
        if (replace === undefined) return fail("option requires an argument -- 'I'")
      } else if (c === 'i') {
        // -i[R], --replace[=R]: -I R, with {} when R is not attached
        replace = long ? (long[2] ?? '{}') : a.length > 2 ? a.slice(2) : '{}'
      } else if (c === '0') delimiter = '\0'
      else if (c === 'd') {
        const v = value()
        if (v === undefined) return fail("option requires an argument -- 'd'")
        const d = inputDelimiter(v)
        if (d === undefined) {
          ctx.stderr(`xargs: Invalid input delimiter specification ${v}: the delimiter must be either a single character or an escape sequence starting with \\.\n`)
          return 1
        }
        delimiter = d
      } else if (c === 'r' || a === '--no-run-if-empty') noEmpty = true
      else if (c === 't') trace = true
      else if (c === 'x') continue
      else return fail(a.startsWith('--') ? `unrecognized option '${a}'` : `invalid option -- '${c}'`)
    }
    const command = args.slice(i).length ? args.slice(i) : ['echo']
    let status = 0
    const record = (s: number) => {
      if (s === 127 || s === 126) status = s
      else if (s !== 0 && status === 0) status = 123
    }
    const items = delimiter === undefined ? undefined : ctx.stdin.split(delimiter)
    // (what follows the last delimiter is an item unless it is empty)
    if (items && items[items.length - 1] === '') items.pop()
    if (replace !== undefined) {
      const lines = items ?? ctx.stdin.split('\n').filter((l) => l.trim() !== '').map((l) => l.replace(/^[ \t]+/, ''))
      for (const item of lines) {
        record(await runOne(ctx, command.map((w) => w.split(replace!).join(item)), trace))
        if (status === 127) return status
      }
      return status
    }
    const groups: string[][] = []
    if (items) {
      const step = maxArgs === Infinity ? Math.max(items.length, 1) : maxArgs
      for (let k = 0; k < items.length; k += step) groups.push(items.slice(k, k + step))
    } else if (maxLines > 0) {
      const lines = ctx.stdin.split('\n').filter((l) => l.trim() !== '')
      for (let k = 0; k < lines.length; k += maxLines) {
        const words = splitArgs(lines.slice(k, k + maxLines).join('\n'))
        if (typeof words === 'string') {
          ctx.stderr(`xargs: ${words}\n`)
          return 1
        }
        groups.push(words)
      }
    } else {
      const words = splitArgs(ctx.stdin)
      if (typeof words === 'string') {
        ctx.stderr(`xargs: ${words}\n`)
        return 1
      }
      for (let k = 0; k < words.length; k += maxArgs === Infinity ? words.length : maxArgs) groups.push(words.slice(k, k + (maxArgs === Infinity ? words.length : maxArgs)))
    }
    if (groups.length === 0 && !noEmpty) groups.push([])
    for (const g of groups) {
      record(await runOne(ctx, [...command, ...g], trace))
      if (status === 127) return status
    }
    return status
  },
}
