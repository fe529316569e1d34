// ls (coreutils 9.1 src/ls.c), for the home filesystem: -a, -A, -d, -F, -h, -l, -n, -p, -r, -R, -S, -t,
// -1; one name per line when stdout is not a terminal, columns (80 wide, down then across) when it
// is; -l shows /dev's character devices as `crw-rw-rw- ... MAJOR, MINOR`. The lab's files carry no
// times of their own: -l shows the lab's current time, and -t keeps the order by name.

import type { CommandContext, CommandSpec, FlagSpec } from '../types'
import { defaultMode, permLetters } from '../modes'
import { lsOrder } from '../fs'
import { charDevice } from '../devices'
import { byteLength, getopt, has, helpText, tableFromFlags, usageError } from './util'

const flags: FlagSpec[] = [
  { name: 'all', short: 'a', takesValue: false, help: 'do not ignore entries starting with .' },
  { name: 'almost-all', short: 'A', takesValue: false, help: 'do not list implied . and ..' },
  { name: 'directory', short: 'd', takesValue: false, help: 'list directories themselves, not their contents' },
  { name: 'classify', short: 'F', takesValue: false, help: 'append an indicator (/ for a directory) to entries' },
  { name: 'human-readable', short: 'h', takesValue: false, help: 'with -l, print sizes like 1K 234M 2G' },
  { name: 'l', short: 'l', takesValue: false, help: 'use a long listing format' },
  { name: 'numeric-uid-gid', short: 'n', takesValue: false, help: 'like -l, but list numeric user and group IDs' },
  { name: 'p', short: 'p', takesValue: false, help: 'append / indicator to directories' },
  { name: 'reverse', short: 'r', takesValue: false, help: 'reverse order while sorting' },
  { name: 'recursive', short: 'R', takesValue: false, help: 'list subdirectories recursively' },
  { name: 'S', short: 'S', takesValue: false, help: 'sort by file size, largest first' },
  { name: 't', short: 't', takesValue: false, help: 'sort by time, newest first (the lab\'s files all carry its current time)' },
  { name: 'context', short: 'Z', takesValue: false, help: "print any security context of each file (the lab's files have none: ?)" },
  { name: '1', short: '1', takesValue: false, help: 'list one file per line' },
  { name: 'help', takesValue: false, help: 'display this help and exit' },
]

interface Opt {
  all: boolean
  almost: boolean
  dir: boolean
  long: boolean
  numeric: boolean
  human: boolean
  one: boolean
  reverse: boolean
  recursive: boolean
  bySize: boolean
  indicator: 'none' | 'slash' | 'classify'
  /** -Z: the security context column (`?` where there is none) */
  context: boolean
}

/** What ls shows of one entry: its name as listed and what stat would say. */
interface Entry {
  name: string
  path: string
  dir: boolean
  dev?: [number, number]
  size: number
  links: number
}

function stat(ctx: CommandContext, name: string, path: string): Entry {
  const dir = ctx.fs.isDir(path)
  const dev = dir ? undefined : charDevice(path)
  const size = dir ? 4096 : dev ? 0 : byteLength(ctx.fs.readFile(path) ?? '')
  // a directory's links: its own name, its `.`, and each subdirectory's `..`
  const subdirs = dir ? (ctx.fs.list(path) ?? []).filter((n) => ctx.fs.isDir(`${path === '/' ? '' : path}/${n}`)).length : 0
  return { name, path, dir, dev, size, links: dir ? 2 + subdirs : 1 }
}

/** The order ls lists in: by name (C locale), or by size (-S; ties by name); -t keeps names, as every time is the same; -r reverses. */
function sorted(entries: Entry[], opt: Opt): Entry[] {
  const out = [...entries].sort((a, b) => (opt.bySize ? b.size - a.size : 0) || lsOrder(a.name, b.name))
  return opt.reverse ? out.reverse() : out
}

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
    const opt: Opt = {
      all: has(p, 'all'), almost: has(p, 'almost-all'), dir: has(p, 'directory'), long: has(p, 'l') || has(p, 'numeric-uid-gid'), numeric: has(p, 'numeric-uid-gid'),
      human: has(p, 'human-readable'), one: has(p, '1'), reverse: has(p, 'reverse'), recursive: has(p, 'recursive') && !has(p, 'directory'), bySize: has(p, 'S'),
      indicator: has(p, 'classify') ? 'classify' : has(p, 'p') ? 'slash' : 'none', context: has(p, 'context'),
    }
    const operands = p.operands.length ? p.operands : ['.']
    let status = 0
    const files: Entry[] = []
    const dirs: Entry[] = []
    for (const name of operands) {
      const path = ctx.fs.resolve(name)
      if (!ctx.fs.exists(path)) {
        ctx.stderr(`ls: cannot access '${name}': No such file or directory\n`)
        status = 2
      } else if (ctx.fs.isDir(path) && !opt.dir) dirs.push(stat(ctx, name, path))
      else files.push(stat(ctx, name, path))
    }
    const blocks: string[] = []
    if (files.length) blocks.push(render(ctx, sorted(files, opt), opt, false))
    // each directory (and with -R each one below it, depth first) as `NAME:` and its listing
    const headed = operands.length > 1 || opt.recursive
    const listDir = (d: Entry) => {
      let names = ctx.fs.list(d.path) ?? []
      if (!opt.all && !opt.almost) names = names.filter((n) => !n.startsWith('.'))
      const inside = (n: string) => `${d.path === '/' ? '' : d.path}/${n}`
      const entries = sorted(names.map((n) => stat(ctx, n, inside(n))), opt)
      // -a: `.` and `..` are entries like the others (by name they come first)
      const shown = opt.all ? sorted([stat(ctx, '.', d.path), stat(ctx, '..', ctx.fs.resolve(`${d.path}/..`)), ...entries], opt) : entries
      const body = render(ctx, shown, opt, true)
      blocks.push(headed ? `${d.name}:\n${body}` : body)
      if (opt.recursive) {
        for (const e of entries) if (e.dir) listDir({ ...e, name: `${d.name === '/' ? '' : d.name}/${e.name}` })
      }
    }
    for (const d of sorted(dirs, opt)) listDir(d)
    ctx.stdout(blocks.join('\n'))
    return status
  },
}

/** The name with -F's or -p's indicator (only directories have one in the lab's files). */
const shownName = (e: Entry, opt: Opt) => (opt.indicator !== 'none' && e.dir ? `${e.name}/` : e.name)

function render(ctx: CommandContext, entries: Entry[], opt: Opt, isDirListing: boolean): string {
  if (opt.long) return longFormat(ctx, entries, opt, isDirListing)
  if (entries.length === 0) return ''
  const names = entries.map((e) => (opt.context ? `? ${shownName(e, opt)}` : shownName(e, opt)))
  if (opt.one || !ctx.stdoutIsTTY) return names.map((n) => n + '\n').join('')
  return columns(names, 80)
}

/** coreutils human_readable with -h: powers of 1024, rounded up, one decimal below 10. */
export function humanSize(bytes: number): string {
  if (bytes < 1024) return String(bytes)
  let v = bytes
  let unit = 0
  while (v >= 1024 && unit < 8) {
    v /= 1024
    unit++
  }
  const u = 'KMGTPEZY'[unit - 1]
  if (v < 10) {
    const tenths = Math.ceil(v * 10 - 1e-9)
    return tenths >= 100 ? `10${u}` : `${(tenths / 10).toFixed(1)}${u}`
  }
  return `${Math.ceil(v - 1e-9)}${u}`
}

function longFormat(ctx: CommandContext, entries: Entry[], opt: Opt, isDirListing: boolean): string {
  const sizeText = (e: Entry) => (e.dev ? '' : opt.human ? humanSize(e.size) : String(e.size))
  const blocks = entries.reduce((t, e) => t + Math.ceil(e.size / 4096) * 4, 0)
  // gobble_file: a device's `MAJOR, MINOR` widens the size column as a size does
  const majorW = Math.max(0, ...entries.map((e) => (e.dev ? String(e.dev[0]).length : 0)))
  const minorW = Math.max(0, ...entries.map((e) => (e.dev ? String(e.dev[1]).length : 0)))
  const width = Math.max(1, ...entries.map((e) => (e.dev ? majorW + 2 + minorW : sizeText(e).length)))
  const linksW = Math.max(1, ...entries.map((e) => String(e.links).length))
  const owner = opt.numeric ? '0 0' : 'root root'
  const date = formatDate(ctx.lab.now())
  let out = isDirListing ? `total ${opt.human ? humanSize(blocks * 1024) : blocks}\n` : ''
  for (const e of entries) {
    const mode = (e.dir ? 'd' : e.dev ? 'c' : '-') + permLetters(ctx.fs.mode?.(e.path) ?? defaultMode(e.path, e.dir))
    const size = e.dev ? `${String(e.dev[0]).padStart(majorW)}, ${String(e.dev[1]).padStart(minorW)}` : sizeText(e)
    out += `${mode} ${String(e.links).padStart(linksW)} ${owner} ${opt.context ? '? ' : ''}${size.padStart(width)} ${date} ${shownName(e, opt)}\n`
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
