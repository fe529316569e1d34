// busybox ls over a container's file tree: one name per line when stdout is not a terminal,
// columns as wide as the terminal when it is; -a -A -l -1 -C -x -d -F -p -h -s -n -g -R -t -S -r
// -L -H -Q -w and --full-time, --group-directories-first.
// Imitates: busybox coreutils/ls.c (ls_main, my_stat, scan_and_display_dirs_recur, sortcmp).

import { resolve, type FsDir, type FsNode } from './vfs'
import { displayFiles, humanReadable, type Entry, type Style } from './lsFormat'
import { blocksOf, sizeOf } from './vfs'

export interface Output {
  stdout: string
  stderr: string
  exitCode: number
  /** A shell with a terminal and no script: it now holds the terminal (kubectl exec -it, attach). */
  session?: true
  /** Stopped by the lab's step budget (a loop that never ends): a real process would still be running it. Its last line is the lab's notice. */
  neverEnds?: true
  /** Both streams in the order they were written (when both have some): as a terminal or the container's log shows them. */
  written?: WrittenChunk[]
}

/** Some of a process's output, on one of its two streams. */
export interface WrittenChunk {
  stream: 'stdout' | 'stderr'
  text: string
}

/** `busybox ls --help` on this machine (the version line as busybox prints it here, as SLEEP_USAGE). */
export const LS_USAGE = `BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.

Usage: ls [-1AaCxdLHRFplinshrSXvctu] [-w WIDTH] [FILE]...

List directory contents

\t-1\tOne column output
\t-a\tInclude names starting with .
\t-A\tLike -a, but exclude . and ..
\t-x\tList by lines
\t-d\tList directory names, not contents
\t-L\tFollow symlinks
\t-H\tFollow symlinks on command line
\t-R\tRecurse
\t-p\tAppend / to directory names
\t-F\tAppend indicator (one of */=@|) to names
\t-l\tLong format
\t-i\tList inode numbers
\t-n\tList numeric UIDs and GIDs instead of names
\t-s\tList allocated blocks
\t-lc\tList ctime
\t-lu\tList atime
\t--full-time\tList full date/time
\t-h\tHuman readable sizes (1K 243M 2G)
\t--group-directories-first
\t-S\tSort by size
\t-X\tSort by extension
\t-v\tSort by version
\t-t\tSort by mtime
\t-tc\tSort by ctime
\t-tu\tSort by atime
\t-r\tReverse sort order
\t-w N\tFormat N columns wide
\t--color[={always,never,auto}]
`

const SHORT = 'Cadi1lgnsxAkFpRQctuSXrvLHhTw'
/** getopt32's `:t-S:S-t` and friends: the later of two options clears the earlier. */
const CLEARS: Record<string, string> = { t: 'S', S: 't', H: 'L', L: 'H', C: 'x1l', x: 'C1l', l: 'xC1', '1': 'Cx', c: 'u', u: 'c' }

export interface LsOptions {
  /** The working directory relative operands start from. */
  cwd?: string
  /** The terminal's columns when stdout is a terminal (columns layout); undefined: not a terminal. */
  width?: number
}

interface Parsed { opts: Set<string>; operands: string[]; width?: number; error?: string }

function parse(args: string[], tty: boolean): Parsed {
  const opts = new Set<string>()
  const operands: string[] = []
  let width: number | undefined
  const set = (ch: string) => {
    for (const c of CLEARS[ch] ?? '') opts.delete(c)
    opts.add(ch)
  }
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a === '--') { operands.push(...args.slice(i + 1)); break }
    if (a.startsWith('--')) {
      const [name] = a.slice(2).split('=')
      // --color: Alpine turns colours on by default on a terminal (FEATURE_LS_COLOR_IS_DEFAULT);
      // the lab's terminal shows no ANSI colours, so the listing stays plain.
      if (name === 'color') continue
      if (name === 'full-time') { set('l'); opts.add('full-time'); continue }
      if (name === 'group-directories-first') { opts.add('dirs-first'); continue }
      if (name === 'help') return { opts, operands, error: 'help' }
      return { opts, operands, error: `unrecognized option: ${a.slice(2)}` }
    }
    if (!a.startsWith('-') || a === '-') { operands.push(a); continue }
    for (let j = 1; j < a.length; j++) {
      const ch = a[j]
      if (!SHORT.includes(ch)) return { opts, operands, error: `unrecognized option: ${ch}` }
      if (ch === 'w' || ch === 'T') {
        const v = j + 1 < a.length ? a.slice(j + 1) : args[++i]
        if (v === undefined) return { opts, operands, error: `option requires an argument: ${ch}` }
        if (ch === 'w') {
          if (!/^\d+$/.test(v)) return { opts, operands, error: `invalid number '${v}'`, width: -1 }
          width = Number(v)
        }
        break
      }
      set(ch)
      if (ch === 'n' || ch === 'g') set('l')
    }
  }
  if (!opts.has('l') && (opts.has('c') || opts.has('u'))) opts.add('t')
  if (!['l', '1', 'x', 'C'].some((c) => opts.has(c))) opts.add(tty ? 'C' : '1')
  if (opts.has('d')) opts.delete('R')
  return { opts, operands, width }
}

const strcmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
const seconds = (n: FsNode) => Math.floor(n.mtime / 1000)
const ext = (name: string) => (name.includes('.') ? name.slice(name.indexOf('.')) : '')

/** sortcmp: directories first (--group-directories-first), then size, time or extension, ties by name; -r reverses. */
function sorter(o: Set<string>): (a: Entry, b: Entry) => number {
  return (a, b) => {
    let dif = 0
    if (o.has('dirs-first')) dif = Number(b.node.kind === 'dir') - Number(a.node.kind === 'dir')
    if (dif === 0) {
      if (o.has('S')) dif = sizeOf(b.node) - sizeOf(a.node)
      else if (o.has('t')) dif = seconds(b.node) - seconds(a.node)
      else if (o.has('v')) dif = strverscmp(a.name, b.name)
      else if (o.has('X')) dif = strcmp(ext(a.name), ext(b.name))
      if (dif === 0) dif = strcmp(a.name, b.name)
    }
    return o.has('r') ? -dif : dif
  }
}

const isDigit = (c: number | undefined) => c !== undefined && c >= 0x30 && c <= 0x39

/** musl's strverscmp (Alpine's libc): digit runs compare as numbers, leading zeros as fractions. */
export function strverscmp(l0: string, r0: string): number {
  const l = [...l0].map((c) => c.charCodeAt(0))
  const r = [...r0].map((c) => c.charCodeAt(0))
  const at = (a: number[], i: number) => a[i] ?? 0
  let i = 0
  let dp = 0
  let z = true
  for (; at(l, i) === at(r, i); i++) {
    const c = at(l, i)
    if (!c) return 0
    if (!isDigit(c)) { dp = i + 1; z = true } else if (c !== 0x30) z = false
  }
  const nonzero = (c: number) => c >= 0x31 && c <= 0x39
  if (nonzero(at(l, dp)) && nonzero(at(r, dp))) {
    let j = i
    for (; isDigit(l[j]); j++) if (!isDigit(r[j])) return 1
    if (isDigit(r[j])) return -1
  } else if (z && dp < i && (isDigit(l[i]) || isDigit(r[i]))) {
    return ((at(l, i) - 0x30) & 255) - ((at(r, i) - 0x30) & 255)
  }
  return at(l, i) - at(r, i)
}

/** concat_path_file: `dir/name`, without doubling a trailing slash. */
const concat = (dir: string, name: string) => (dir.endsWith('/') ? dir + name : `${dir}/${name}`)

const ERRORS: Record<string, string> = { ENOTDIR: 'Not a directory', ELOOP: 'Symbolic link loop', ENOENT: 'No such file or directory' }

export function ls(root: FsDir, args: string[], now: number, lo: LsOptions = {}): Output {
  const p = parse(args, lo.width !== undefined)
  if (p.error === 'help') return { stdout: '', stderr: LS_USAGE, exitCode: 0 }
  if (p.error) return { stdout: '', stderr: `ls: ${p.error}\n${p.width === -1 ? '' : LS_USAGE}`, exitCode: 1 }
  const o = p.opts
  // the lab's files have no inode numbers
  if (o.has('i')) return { stdout: '', stderr: 'ls: -i (inode numbers) is not simulated in the lab\n', exitCode: 1 }
  const cwd = lo.cwd ?? '/'
  const style: Style = {
    long: o.has('l'), numeric: o.has('n'), groupOnly: o.has('g'), human: o.has('h'), blocks: o.has('s'),
    indicator: o.has('F') ? 'F' : o.has('p') ? 'p' : '', quote: o.has('Q'), fullTime: o.has('full-time'), now,
  }
  // FEATURE_LS_WIDTH: the terminal's width less one
  const layout = { oneline: o.has('1'), across: o.has('x'), width: (p.width ?? lo.width ?? 80) - (p.width === undefined ? 1 : 0) }
  const sort = sorter(o)
  let out = ''
  let err = ''
  let code = 0
  /** my_stat: lstat, or stat when following; a dangling -L link is an error. */
  const stat = (full: string, name: string, follow: boolean): Entry | undefined => {
    // a path ending in `.` or `..` names the directory itself, even through a link
    const r = resolve(root, full, follow || o.has('L') || /(^|\/)\.\.?$/.test(full), cwd)
    if (typeof r === 'string') {
      err += `ls: ${full}: ${ERRORS[r]}\n`
      code = 1
      return undefined
    }
    const e: Entry = { name, node: r.node }
    if (r.node.kind === 'link') {
      const t = resolve(root, full, true, cwd)
      if (typeof t !== 'string') e.target = t.node
    }
    return e
  }
  const operands = p.operands.length ? p.operands : ['.']
  const followArgs = !['l', 'i', 's', 'F'].some((c) => o.has(c)) || o.has('H')
  const given = operands.map((a) => stat(a, a, followArgs)).filter((e): e is Entry => e !== undefined)
  if (given.length === 0) return { stdout: out, stderr: err, exitCode: code }
  const showDirname = operands.length > 1 || o.has('R')
  const scanDirs = (dirs: Entry[], first: boolean) => {
    for (const d of dirs) {
      if (showDirname) {
        if (!first) out += '\n'
        first = false
        out += `${d.name}:\n`
      }
      const dir = d.node as FsDir
      const entries: Entry[] = []
      const names = [...dir.children.keys()].filter((n) => !n.startsWith('.') || o.has('a') || o.has('A'))
      if (o.has('a')) names.push('.', '..')
      for (const n of names) {
        const e = stat(concat(d.name, n), n, false)
        if (e) entries.push(e)
      }
      if (o.has('l') || o.has('s')) {
        const kib = entries.reduce((s, e) => s + blocksOf(e.node), 0)
        out += o.has('h') ? `total ${humanReadable(kib * 1024, 0).padEnd(7)}\n` : `total ${kib}\n`
      }
      entries.sort(sort)
      out += displayFiles(entries, style, layout)
      if (o.has('R')) {
        const subdirs = entries.filter((e) => e.node.kind === 'dir' && e.name !== '.' && e.name !== '..')
        scanDirs(subdirs.map((e) => ({ ...e, name: concat(d.name, e.name) })), false)
      }
    }
  }
  if (o.has('d')) out += displayFiles(given.sort(sort), style, layout)
  else {
    const files = given.filter((e) => e.node.kind !== 'dir').sort(sort)
    out += displayFiles(files, style, layout)
    scanDirs(given.filter((e) => e.node.kind === 'dir').sort(sort), files.length === 0)
  }
  return { stdout: out, stderr: err, exitCode: code }
}
