// ls (coreutils src/ls.c), for the home filesystem: -a, -A, -l, -1, -d; one name per line when
// stdout is not a terminal, columns (80 wide, down then across) when it is; -l shows /dev's
// character devices as `crw-rw-rw- ... MAJOR, MINOR`.

import type { CommandContext, CommandSpec, FlagSpec } from '../types'
import { lsOrder } from '../fs'
import { charDevice } from '../devices'
import { byteLength, getopt, has, helpText, tableFromFlags, usageError } from './util'

const flags: FlagSpec[] = [
  { name: 'all', short: 'a', takesValue: false, help: 'do not ignore entries starting with .' },
  { name: 'almost-all', short: 'A', takesValue: false, help: 'do not list implied . and ..' },
  { name: 'l', short: 'l', takesValue: false, help: 'use a long listing format' },
  { name: '1', short: '1', takesValue: false, help: 'list one file per line' },
  { name: 'directory', short: 'd', takesValue: false, help: 'list directories themselves, not their contents' },
  { name: 'help', takesValue: false, help: 'display this help and exit' },
]

export const ls: CommandSpec = {
  name: 'ls',
  summary: 'List directory contents.',
  usage: 'ls [OPTION]... [FILE]...',
  flags,
  async run(ctx) {
    const p = getopt(ctx.argv.slice(1), tableFromFlags(flags))
    if ('error' in p) return usageError(ctx, 'ls', p.error, 2)
    if (has(p, 'help')) {
      ctx.stdout(helpText(this.usage, 'List information about the FILEs (the current directory by default).', flags))
      return 0
    }
    const opt = { all: has(p, 'all'), almost: has(p, 'almost-all'), long: has(p, 'l'), one: has(p, '1'), dir: has(p, 'directory') }
    const operands = p.operands.length ? p.operands : ['.']
    let status = 0
    const files: string[] = []
    const dirs: string[] = []
    for (const name of operands) {
      const path = ctx.fs.resolve(name)
      if (!ctx.fs.exists(path)) {
        ctx.stderr(`ls: cannot access '${name}': No such file or directory\n`)
        status = 2
      } else if (ctx.fs.isDir(path) && !opt.dir) dirs.push(name)
      else files.push(name)
    }
    const blocks: string[] = []
    if (files.length) blocks.push(render(ctx, files.sort(lsOrder), (n) => ctx.fs.resolve(n), opt, false))
    for (const d of dirs.sort(lsOrder)) {
      let names = ctx.fs.list(ctx.fs.resolve(d)) ?? []
      if (opt.all) names = ['.', '..', ...names]
      else if (!opt.almost) names = names.filter((n) => !n.startsWith('.'))
      const dirPath = ctx.fs.resolve(d)
      const body = render(ctx, names, (n) => ctx.fs.resolve(dirPath + '/' + n), opt, true)
      blocks.push(operands.length > 1 ? `${d}:\n${body}` : body)
    }
    ctx.stdout(blocks.join('\n'))
    return status
  },
}

interface Opt {
  long: boolean
  one: boolean
}

function render(ctx: CommandContext, names: string[], pathOf: (n: string) => string, opt: Opt, isDirListing: boolean): string {
  if (opt.long) return longFormat(ctx, names, pathOf, isDirListing)
  if (names.length === 0) return ''
  if (opt.one || !ctx.stdoutIsTTY) return names.map((n) => n + '\n').join('')
  return columns(names, 80)
}

function longFormat(ctx: CommandContext, names: string[], pathOf: (n: string) => string, isDirListing: boolean): string {
  const rows = names.map((n) => {
    const path = pathOf(n)
    const dir = ctx.fs.isDir(path)
    const dev = dir ? undefined : charDevice(path)
    const size = dir ? 4096 : dev ? 0 : byteLength(ctx.fs.readFile(path) ?? '')
    return { n, dir, dev, size, links: dir ? 2 : 1 }
  })
  const total = rows.reduce((t, r) => t + Math.ceil(r.size / 4096) * 4, 0)
  // gobble_file: a device's `MAJOR, MINOR` widens the size column as a size does
  const majorW = Math.max(0, ...rows.map((r) => (r.dev ? String(r.dev[0]).length : 0)))
  const minorW = Math.max(0, ...rows.map((r) => (r.dev ? String(r.dev[1]).length : 0)))
  const width = Math.max(1, ...rows.map((r) => (r.dev ? majorW + 2 + minorW : String(r.size).length)))
  const date = formatDate(ctx.lab.now())
  let out = isDirListing ? `total ${total}\n` : ''
  for (const r of rows) {
    const mode = r.dir ? 'drwxr-xr-x' : r.dev ? 'crw-rw-rw-' : r.n.endsWith('.pem') || r.n === 'config' ? '-rw-------' : '-rw-r--r--'
    const size = r.dev ? `${String(r.dev[0]).padStart(majorW)}, ${String(r.dev[1]).padStart(minorW)}` : String(r.size)
    out += `${mode} ${r.links} root root ${size.padStart(width)} ${date} ${r.n}\n`
  }
  return out
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** Files carry no times in the lab: every entry shows the lab's current time, as `ls -l` prints it. */
function formatDate(ms: number): string {
  const d = new Date(ms)
  const hh = String(d.getUTCHours()).padStart(2, '0')
  const mm = String(d.getUTCMinutes()).padStart(2, '0')
  return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${hh}:${mm}`
}

/** GNU ls -C: as many columns as fit in `width`, filled down then across, two spaces apart. */
function columns(names: string[], width: number): string {
  for (let cols = names.length; cols >= 1; cols--) {
    const rows = Math.ceil(names.length / cols)
    const widths: number[] = []
    for (let c = 0; c * rows < names.length; c++) {
      widths.push(Math.max(...names.slice(c * rows, (c + 1) * rows).map((n) => n.length)))
    }
    const total = widths.reduce((a, w) => a + w + 2, 0) - 2
    if (total > width && cols > 1) continue
    let out = ''
    for (let r = 0; r < rows; r++) {
      const cells: string[] = []
      for (let c = 0; c < widths.length; c++) {
        const n = names[c * rows + r]
        if (n !== undefined) cells.push(n)
      }
      out += cells.map((n, c) => (c === cells.length - 1 ? n : n.padEnd(widths[c] + 2))).join('') + '\n'
    }
    return out
  }
  return ''
}
