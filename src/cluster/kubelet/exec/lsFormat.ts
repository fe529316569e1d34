// How busybox ls prints one entry: the long line's mode, links, owner, size and time fields, the
// name with -F's indicator, -h's sizes, and the tty column layout.
// Imitates: busybox coreutils/ls.c (display_single, display_files) and libbb/human_readable.c.

import { blocksOf, nlinkOf, sizeOf, type FsNode } from './vfs'

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

export function modeString(n: FsNode): string {
  if (n.kind === 'link') return 'lrwxrwxrwx'
  const m = n.mode
  const t = n.kind === 'dir' ? 'd' : n.kind === 'dev' ? 'c' : '-'
  const rwx = (v: number, special: boolean, ch: string) =>
    `${v & 4 ? 'r' : '-'}${v & 2 ? 'w' : '-'}${special ? (v & 1 ? ch : ch.toUpperCase()) : v & 1 ? 'x' : '-'}`
  return t + rwx((m >> 6) & 7, !!(m & 0o4000), 's') + rwx((m >> 3) & 7, !!(m & 0o2000), 's') + rwx(m & 7, !!(m & 0o1000), 't')
}

const two = (n: number) => String(n).padStart(2, '0')

/** `mmm dd hh:mm` within six months, else `mmm dd  yyyy` (ctime fields, day padded with a space). */
export function timeString(ms: number, now: number): string {
  const d = new Date(ms)
  const day = String(d.getUTCDate()).padStart(2, ' ')
  const age = Math.floor(now / 1000) - Math.floor(ms / 1000)
  if (age < (3600 * 24 * 365) / 2 && age > -15 * 60) return `${MONTHS[d.getUTCMonth()]} ${day} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`
  return `${MONTHS[d.getUTCMonth()]} ${day}  ${d.getUTCFullYear()}`
}

/** --full-time: `%Y-%m-%d %H:%M:%S %z` in the container's zone (UTC). */
function fullTime(ms: number): string {
  const d = new Date(ms)
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`
}

/**
 * make_human_readable_str(val, blockSize, displayUnit): with no unit `1023`, `1.0K`, `754.8K` (blockSize
 * 0 drops the fraction); with one (du -k, -m, -b) the count of that unit, rounded to the nearest.
 */
export function humanReadable(val: number, blockSize: number, displayUnit = 0): string {
  if (val === 0) return '0'
  let v = blockSize > 1 ? val * blockSize : val
  if (displayUnit) return String(Math.floor((v + Math.floor(displayUnit / 2)) / displayUnit))
  let frac = 0
  let u = 0
  while (v >= 1024) {
    u++
    frac = Math.floor(((v % 1024) * 10 + 512) / 1024)
    v = Math.floor(v / 1024)
  }
  if (frac >= 10) { v++; frac = 0 }
  const unit = ['', 'K', 'M', 'G', 'T', 'P', 'E'][u]
  // with block size 0, "%llu%*c" prints the unit in one column (a NUL byte for plain bytes)
  if (blockSize === 0) return `${frac >= 5 ? v + 1 : v}${unit || '\0'}`
  return u === 0 ? String(v) : `${v}.${frac}${unit}`
}

/** What ls knows of one entry: the name it prints, the node (lstat or stat), and the followed node of a link. */
export interface Entry { name: string; node: FsNode; target?: FsNode }

export interface Style {
  long: boolean; numeric: boolean; groupOnly: boolean; human: boolean; blocks: boolean
  indicator: 'F' | 'p' | ''; quote: boolean; fullTime: boolean; now: number
}

/** -F's indicator: `/` for a directory, `*` for an executable file, `@` for a link (-p: only `/`). */
function appendChar(n: FsNode | undefined, s: Style): string {
  if (!n || !s.indicator) return ''
  if (n.kind === 'dir') return '/'
  if (s.indicator !== 'F') return ''
  if (n.kind === 'file') return n.mode & 0o111 ? '*' : ''
  return n.kind === 'link' ? '@' : ''
}

/** print_name: -Q puts the name in double quotes, escaping `"` and `\`. */
export function shownName(name: string, s: Style): string {
  return s.quote ? `"${name.replace(/["\\]/g, '\\$&')}"` : name
}

/** display_single: one entry as ls prints it (without the newline). */
export function displaySingle(e: Entry, s: Style): string {
  const n = e.node
  let out = ''
  // busybox 1.35 and 1.36 (Alpine's) ignore -h here (`TODO: -h should affect -s too`)
  if (s.blocks) out += `${String(blocksOf(n)).padStart(6)} `
  if (s.long) {
    out += `${modeString(n).padEnd(10)} ${String(nlinkOf(n)).padStart(4)} `
    const [user, group] = s.numeric ? ['0', '0'] : ['root', 'root']
    out += s.groupOnly ? `${group.padEnd(8)} ` : `${user.padEnd(8)} ${group.padEnd(8)} `
    if (n.kind === 'dev') out += `${String(n.major).padStart(4)}, ${String(n.minor).padStart(3)} `
    else out += s.human ? `${humanReadable(sizeOf(n), 1).padStart(7)} ` : `${String(sizeOf(n)).padStart(9)} `
    out += `${s.fullTime ? fullTime(n.mtime) : timeString(n.mtime, s.now)} `
  }
  out += shownName(e.name, s)
  if (s.long && n.kind === 'link') return `${out} -> ${shownName(n.target, s)}${appendChar(e.target, s)}`
  return out + appendChar(n, s)
}

/**
 * display_files: -l and -1 one per line; otherwise columns as wide as the longest name plus two,
 * as many as fit in the terminal's width less one, filled down then across (-x: across).
 */
export function displayFiles(entries: Entry[], s: Style, layout: { oneline: boolean; across: boolean; width: number }): string {
  if (entries.length === 0) return ''
  if (s.long || layout.oneline) return entries.map((e) => displaySingle(e, s) + '\n').join('')
  const colWidth = Math.max(...entries.map((e) => [...shownName(e.name, s)].length)) + 2 + (s.blocks ? 5 : 0)
  let ncols = Math.floor(layout.width / colWidth)
  let nrows = entries.length
  if (ncols > 1) nrows = Math.ceil(entries.length / ncols)
  else ncols = 1
  let out = ''
  for (let row = 0; row < nrows; row++) {
    let column = 0
    let nexttab = 0
    for (let nc = 0; nc < ncols; nc++) {
      const i = layout.across ? row * ncols + nc : nc * nrows + row
      if (i >= entries.length) continue
      if (column > 0) {
        // printf("%*s", nexttab - column, ""): a negative width pads as much on the left
        out += ' '.repeat(Math.abs(nexttab - column))
        column = nexttab
      }
      nexttab = column + colWidth
      const text = displaySingle(entries[i], s)
      out += text
      column += [...text].length
    }
    out += '\n'
  }
  return out
}
