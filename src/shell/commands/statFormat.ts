// stat's format strings, shared by coreutils' stat (stat.ts) and busybox's (src/app/busyboxStat.ts):
// a file's fields (the %-letters both have), the %-sequences with printf's modifiers, the times as
// both print them, and made-up inode numbers.
// Imitates: coreutils src/stat.c (print_it, human_time) and busybox coreutils/stat.c, which follows it.

import { permLetters } from '../modes'

/** A made-up inode number, the same for the same path (FNV-1a), in the range a disk's files get; the root's is 2. */
export function inodeOf(path: string): number {
  if (path === '/') return 2
  let h = 0x811c9dc5
  for (let i = 0; i < path.length; i++) h = Math.imul(h ^ path.charCodeAt(i), 0x01000193) >>> 0
  return 1_000_000 + (h % 8_000_000)
}

/** What stat(2) gives for a file, as both stats print it. */
export interface StatInfo {
  kind: 'file' | 'dir' | 'link' | 'dev'
  /** The permission, set-id and sticky bits (a link's: 0777). */
  perm: number
  size: number
  /** 512-byte blocks. */
  blocks: number
  links: number
  /** st_dev (major * 256 + minor), st_ino, st_rdev's major and minor. */
  dev: number
  ino: number
  rdev: [number, number]
  /** Every time of the file (the lab keeps one), ms. */
  time: number
}

/** The file-type bits of st_mode (S_IFREG, S_IFDIR, S_IFLNK, S_IFCHR), the type's letter and its name. */
const TYPES: Record<StatInfo['kind'], [number, string, string]> = {
  file: [0o100000, '-', 'regular file'],
  dir: [0o040000, 'd', 'directory'],
  link: [0o120000, 'l', 'symbolic link'],
  dev: [0o020000, 'c', 'character special file'],
}

/** print_stat's fields both stats have, for one %-sequence; undefined for a letter that is one stat's own. */
export function fileField(mods: string, c: string, name: string, s: StatInfo): string | undefined {
  switch (c) {
    case 'n': return printfOne(mods, name, 's')
    case 'd': return printfOne(mods, s.dev, 'u')
    case 'D': return printfOne(mods, s.dev, 'x')
    case 'i': return printfOne(mods, s.ino, 'u')
    case 'a': return printfOne(mods, s.perm, 'o')
    case 'A': return printfOne(mods, TYPES[s.kind][1] + permLetters(s.perm), 's')
    case 'f': return printfOne(mods, TYPES[s.kind][0] | s.perm, 'x')
    case 'F': return printfOne(mods, s.kind === 'file' && s.size === 0 ? 'regular empty file' : TYPES[s.kind][2], 's')
    case 'h': return printfOne(mods, s.links, 'u')
    case 'u': case 'g': return printfOne(mods, 0, 'u')
    case 'U': case 'G': return printfOne(mods, 'root', 's')
    case 't': return printfOne(mods, s.rdev[0], 'x')
    case 'T': return printfOne(mods, s.rdev[1], 'x')
    case 's': return printfOne(mods, s.size, 'u')
    case 'B': return printfOne(mods, 512, 'u')
    case 'b': return printfOne(mods, s.blocks, 'u')
    case 'o': return printfOne(mods, 4096, 'u')
    case 'x': case 'y': case 'z': return printfOne(mods, humanTime(s.time), 's')
    case 'X': case 'Y': case 'Z': return printfOne(mods, Math.floor(s.time / 1000), 'd')
    default: return undefined
  }
}

const pad2 = (n: number) => String(n).padStart(2, '0')
/** human_time: the lab's milliseconds as nanoseconds, in UTC (a container's TZ). */
export function humanTime(ms: number): string {
  const d = new Date(ms)
  const date = `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`
  const time = `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`
  return `${date} ${time}.${String((((ms % 1000) + 1000) % 1000) * 1_000_000).padStart(9, '0')} +0000`
}

/** printf(3) of one conversion: `mods` are what followed `%` ("#-+.I 0123456789"). */
export function printfOne(mods: string, value: string | number, conv: 's' | 'u' | 'x' | 'o' | 'd'): string {
  const m = /^([#\-+ 0I]*)(\d*)(?:\.(\d*))?$/.exec(mods)
  if (!m) return `%${mods}${conv}`
  const flags = m[1]
  const width = m[2] === '' ? 0 : Number(m[2])
  const precision = m[3] === undefined ? undefined : m[3] === '' ? 0 : Number(m[3])
  let body: string
  let sign = ''
  if (conv === 's') body = precision === undefined ? String(value) : String(value).slice(0, precision)
  else {
    const n = Number(value)
    body = conv === 'x' ? n.toString(16) : conv === 'o' ? n.toString(8) : String(Math.abs(n))
    if (conv === 'd' && n < 0) sign = '-'
    else if (conv === 'd' && flags.includes('+')) sign = '+'
    else if (conv === 'd' && flags.includes(' ')) sign = ' '
    if (precision !== undefined) body = body.padStart(precision, '0')
    if (flags.includes('#') && conv === 'o' && !body.startsWith('0')) body = `0${body}`
    if (flags.includes('#') && conv === 'x' && n !== 0) body = `0x${body}`
  }
  const text = sign + body
  if (text.length >= width) return text
  if (flags.includes('-')) return text.padEnd(width)
  if (flags.includes('0') && conv !== 's' && precision === undefined) return sign + body.padStart(width - sign.length, '0')
  return text.padStart(width)
}

/**
 * print_it: the format with every %-sequence replaced (`%%` is a percent sign). `loneEnd`: the
 * format ended in a `%` with nothing after it, which is printed as it is (busybox then adds no
 * newline, coreutils does). `modifiers`: what may stand between `%` and the letter (coreutils adds
 * H and L, a device number's major and minor).
 */
export function printIt(format: string, field: (mods: string, c: string) => string, modifiers = '#-+.I 0123456789'): { text: string; loneEnd: boolean } {
  let out = ''
  for (let i = 0; i < format.length; ) {
    const p = format.indexOf('%', i)
    if (p < 0) {
      out += format.slice(i)
      break
    }
    out += format.slice(i, p)
    let j = p + 1
    while (j < format.length && modifiers.includes(format[j])) j++
    if (j >= format.length) return { text: `${out}%`, loneEnd: true }
    out += format[j] === '%' ? '%' : field(format.slice(p + 1, j), format[j])
    i = j + 1
  }
  return { text: out, loneEnd: false }
}
