// python3, only as `python3 -m json.tool` (Lib/json/tool.py of Python 3.11, with its argparse
// messages): pretty-prints JSON with 4-space indent, keeping key order. Anything else says so.

import type { CommandContext, CommandSpec } from '../types'
import { dumps, JSONDecodeError, loads, type DumpOptions } from './pyjson'

const USAGE = `usage: python -m json.tool [-h] [--sort-keys] [--no-ensure-ascii]
                           [--json-lines]
                           [--indent INDENT | --tab | --no-indent | --compact]
                           [infile] [outfile]
`

const HELP = `${USAGE}
A simple command line interface for json module to validate and pretty-print
JSON objects.

positional arguments:
  infile             a JSON file to be validated or pretty-printed
  outfile            write the output of infile to outfile

options:
  -h, --help         show this help message and exit
  --sort-keys        sort the output of dictionaries alphabetically by key
  --no-ensure-ascii  disable escaping of non-ASCII characters
  --json-lines       parse input using the JSON Lines format. Use with
                     --no-indent or --compact to produce valid JSON Lines
                     output.
  --indent INDENT    separate items with newlines and use this number of
                     spaces for indentation
  --tab              separate items with newlines and use tabs for
                     indentation
  --no-indent        separate items with spaces rather than newlines
  --compact          suppress all whitespace separation (most compact)
`

export const python3: CommandSpec = {
  name: 'python3',
  summary: 'Python 3.11 — only `python3 -m json.tool` (pretty-print JSON) in this lab.',
  usage: 'python3 -m json.tool [--sort-keys] [--indent N | --tab | --no-indent | --compact] [infile] [outfile]',
  flags: [
    { name: 'sort-keys', takesValue: false, help: 'sort the output of dictionaries alphabetically by key' },
    { name: 'indent', takesValue: true, help: 'use this number of spaces for indentation' },
    { name: 'compact', takesValue: false, help: 'suppress all whitespace separation' },
  ],
  subcommands: ['-m'],
  async run(ctx) {
    const args = ctx.argv.slice(1)
    if (args[0] === '-m' && args[1] === 'json.tool') return jsonTool(ctx, args.slice(2))
    if (args[0] === '-mjson.tool') return jsonTool(ctx, args.slice(1))
    if (args[0] === '--version' || args[0] === '-V') {
      ctx.stdout('Python 3.11.2\n')
      return 0
    }
    ctx.stderr('python3: only `python3 -m json.tool` (pretty-print JSON) is available in this lab shell\n')
    return 2
  },
}

function argError(ctx: CommandContext, message: string): number {
  ctx.stderr(`${USAGE}python -m json.tool: error: ${message}\n`)
  return 2
}

async function jsonTool(ctx: CommandContext, args: string[]): Promise<number> {
  const opts: DumpOptions = { indent: 4, ensureAscii: true, sortKeys: false, separators: [',', ': '] }
  let jsonLines = false
  let layout: string | undefined
  const positional: string[] = []
  const unknown: string[] = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    const setLayout = (name: string) => {
      if (layout && layout !== name) return `argument ${name}: not allowed with argument ${layout}`
      layout = name
      return undefined
    }
    let err: string | undefined
    if (a === '-h' || a === '--help') {
      ctx.stdout(HELP)
      return 0
    } else if (a === '--sort-keys') opts.sortKeys = true
    else if (a === '--no-ensure-ascii') opts.ensureAscii = false
    else if (a === '--json-lines') jsonLines = true
    else if (a === '--indent' || a.startsWith('--indent=')) {
      const v = a.startsWith('--indent=') ? a.slice(9) : args[++i]
      if (v === undefined) return argError(ctx, 'argument --indent: expected one argument')
      if (!/^\s*[-+]?[0-9]+\s*$/.test(v)) return argError(ctx, `argument --indent: invalid int value: '${v}'`)
      err = setLayout('--indent')
      opts.indent = Math.min(64, Math.max(0, Number(v)))
    } else if (a === '--tab') {
      err = setLayout('--tab')
      opts.indent = '\t'
    } else if (a === '--no-indent') {
      err = setLayout('--no-indent')
      opts.indent = null
      opts.separators = [', ', ': ']
    } else if (a === '--compact') {
      err = setLayout('--compact')
      opts.indent = null
      opts.separators = [',', ':']
    } else if (a.startsWith('-') && a !== '-') unknown.push(a)
    else if (positional.length < 2) positional.push(a)
    else unknown.push(a)
    if (err) return argError(ctx, err)
  }
  let input = ctx.stdin
  const infile = positional[0]
  if (infile !== undefined && infile !== '-') {
    const text = ctx.fs.isDir(ctx.fs.resolve(infile)) ? undefined : ctx.fs.readFile(ctx.fs.resolve(infile))
    if (text === undefined) {
      const why = ctx.fs.isDir(ctx.fs.resolve(infile)) ? '[Errno 21] Is a directory' : '[Errno 2] No such file or directory'
      return argError(ctx, `argument infile: can't open '${infile}': ${why}: '${infile}'`)
    }
    input = text
  }
  if (unknown.length) return argError(ctx, `unrecognized arguments: ${unknown.join(' ')}`)
  let out = ''
  try {
    const docs = jsonLines ? input.split('\n').filter((l) => l.trim() !== '').map(loads) : [loads(input)]
    for (const doc of docs) out += dumps(doc, opts) + '\n'
  } catch (e) {
    if (e instanceof JSONDecodeError) {
      ctx.stderr(e.message + '\n')
      return 1
    }
    throw e
  }
  const outfile = positional[1]
  if (outfile !== undefined && outfile !== '-') ctx.fs.writeFile(outfile, out)
  else ctx.stdout(out)
  return 0
}
