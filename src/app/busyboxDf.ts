// busybox df and the list of busybox mount, over a mount table and what statvfs says of each mount.
// Both read /proc/mounts as the real ones do; the system they ask is the container's
// (containerDfSystem in busyboxMountDf.ts), or, in the differential test, this machine's.
// Imitates: busybox 1.36.1 coreutils/df.c (getopt32 "kPTt:aiB:hHm" with -k, -m and -B overriding each
// other and -h over all; a mount with no blocks shown only with -a or when named; the percentage
// rounded to the nearest; a device name over 20 characters on a line of its own, unless -P),
// libbb/find_mount_point.c (a named path: the first mount whose point is on the path's device),
// libbb/human_readable.c, and util-linux/mount.c's listing (`DEVICE on DIR type TYPE (OPTIONS)`, -t).

import { humanReadable } from '../cluster/kubelet/exec/lsFormat'
import { flagsOf } from './busyboxGetopt'

export interface ProcMount { source: string; target: string; type: string; options: string }

/** What statvfs gives, in units of `frsize` bytes. */
export interface Statvfs { frsize: number; blocks: number; bfree: number; bavail: number }

export interface DfSystem {
  /** /proc/mounts as the process reads it. */
  mountsText(): string
  /** stat(path): the device it is on (st_dev, or st_rdev for a device node); undefined when it does not exist. */
  deviceOf(path: string): string | undefined
  statvfs(mountPoint: string): Statvfs | undefined
  /** POSIXLY_CORRECT is set (512-byte blocks). */
  posixlyCorrect?: boolean
}

export interface Output { stdout: string; stderr: string; exitCode: number }

/** getmntent: the fields of each line, with the kernel's octal escapes undone. */
export function parseMounts(text: string): ProcMount[] {
  const unescape = (s: string) => s.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)))
  const out: ProcMount[] = []
  for (const line of text.split('\n')) {
    const f = line.trim().split(/[ \t]+/)
    if (f.length < 4 || f[0].startsWith('#')) continue
    out.push({ source: unescape(f[0]), target: unescape(f[1]), type: unescape(f[2]), options: unescape(f[3]) })
  }
  return out
}

/** find_mount_point(name, 1): the first mount named by `name`, or whose point is on `name`'s device. */
function findMountPoint(sys: DfSystem, mounts: ProcMount[], name: string): ProcMount | undefined {
  const dev = sys.deviceOf(name)
  if (dev === undefined) return undefined
  for (const m of mounts) {
    if (m.source === 'rootfs') continue
    if (name === m.target || name === m.source) return m
    if (m.source.startsWith('/') && sys.deviceOf(m.source) === dev) return m
    if (sys.deviceOf(m.target) === dev) return m
  }
  return undefined
}

/** The suffixes -B takes (libbb's kmg_i_suffixes), alone or after a number. */
const SUFFIXES: [string, number][] = [
  ['KiB', 1024], ['kiB', 1024], ['K', 1024], ['k', 1024], ['MiB', 1024 ** 2], ['miB', 1024 ** 2], ['M', 1024 ** 2], ['m', 1024 ** 2],
  ['GiB', 1024 ** 3], ['giB', 1024 ** 3], ['G', 1024 ** 3], ['g', 1024 ** 3], ['KB', 1e3], ['MB', 1e6], ['GB', 1e9],
]

/** -B SIZE: a suffix alone, or a number with an optional suffix (xatoul_range_sfx: at least 1), or the error's words. */
function blockSize(s: string): number | string {
  const alone = SUFFIXES.find(([suffix]) => suffix === s)
  if (alone) return alone[1]
  const m = /^(\d+)(.*)$/.exec(s)
  const mult = m && (m[2] === '' ? 1 : SUFFIXES.find(([suffix]) => suffix === m[2])?.[1])
  if (!m || !mult) return `invalid number '${s}'`
  const n = Number(m[1]) * mult
  return n >= 1 ? n : `number ${n} is not in 1..18446744073709551615 range`
}

/** df ARGS; `usage` is the applet's usage text, printed after an option error. */
export function df(args: string[], sys: DfSystem, usage: string): Output {
  const o = flagsOf(args, 'kPTt:aiB:hHm')
  if ('bad' in o) return { stdout: '', stderr: `df: ${o.missing ? 'option requires an argument' : 'unrecognized option'}: ${o.bad}\n${usage}`, exitCode: 1 }
  const opt = o.flags
  const names = o.operands
  const type = o.values.get('t')
  // -k, -m and -B turn each other off ("k-mB:m-Bk:B-km"): the last of them counts (an -B turned off is not read)
  const last = o.order.filter((f) => 'kmB'.includes(f)).pop()
  const b = last === 'B' ? o.values.get('B') : undefined
  const bsize = b === undefined ? undefined : blockSize(b)
  if (typeof bsize === 'string') return { stdout: '', stderr: `df: ${bsize}\n`, exitCode: 1 }
  if (opt.has('i')) return { stdout: '', stderr: 'df: -i (inodes) is not simulated in the lab; df without it shows the blocks\n', exitCode: 1 }
  const posix = opt.has('P')
  let unit = sys.posixlyCorrect ? 512 : 1024
  if (last === 'm') unit = 1024 * 1024
  if (bsize !== undefined) unit = bsize
  const human = opt.has('h') || opt.has('H')
  if (human) unit = 0
  const unitsHeader = human ? '     Size' : `${humanReadable(unit, 0, posix ? 1 : 0).replace(/\0.*$/, '')}-blocks`
  let out = `Filesystem           ${opt.has('T') ? 'Type       ' : ''}${unitsHeader.padEnd(15)}Used Available ${posix ? 'Capacity' : 'Use%'} Mounted on\n`
  let err = ''
  let status = 0
  const mounts = parseMounts(sys.mountsText())
  const rows: ProcMount[] = []
  if (names.length === 0) rows.push(...mounts.filter((m) => m.source !== 'rootfs'))
  for (const name of names) {
    const m = findMountPoint(sys, mounts, name)
    if (!m) {
      err += `df: ${name}: can't find mount point\n`
      status = 1
      continue
    }
    if (m.source !== 'rootfs') rows.push(m)
  }
  const size = (n: number, frsize: number) => humanReadable(n, frsize, unit)
  for (const m of rows) {
    if (type !== undefined && m.type !== type) continue
    const s = sys.statvfs(m.target)
    if (!s) {
      err += `df: ${m.target}: No such file or directory\n`
      status = 1
      continue
    }
    if (!(s.blocks > 0 || names.length > 0 || opt.has('a'))) continue
    let used = s.blocks - s.bfree
    let total = used + s.bavail
    let pct = total
    if (total !== 0) {
      while (total >= Math.floor(0x7fffffff / 101)) { total = Math.floor(total / 2); used = Math.floor(used / 2) }
      pct = Math.floor((used * 100 + Math.floor(total / 2)) / total)
    }
    // busybox with UNICODE_SUPPORT (Alpine's, the busybox image's, Debian's): printf("%s%*s") pads to
    // the width, and a negative width (a longer name, with -P) pads by the excess
    const pad = (s: string, width: number, wrap: number) => (s.length > width && !posix ? `${s}\n${''.padEnd(wrap)}` : s + ' '.repeat(Math.abs(width - s.length)))
    let line = pad(m.source, 20, 20)
    if (opt.has('T')) line += ` ${pad(m.type, 10, 31)}`
    line += ` ${size(s.blocks, s.frsize).padStart(9)} ${size(s.blocks - s.bfree, s.frsize).padStart(9)} ${size(s.bavail, s.frsize).padStart(9)} ${String(pct).padStart(3)}% ${m.target}\n`
    out += line
  }
  return { stdout: out, stderr: err, exitCode: status }
}

/** busybox mount with no device: each mount of /proc/mounts (of one type with -t). */
export function mountList(mounts: ProcMount[], type?: string): string {
  return mounts.filter((m) => type === undefined || m.type === type).map((m) => `${m.source} on ${m.target} type ${m.type} (${m.options})\n`).join('')
}
