// stat (coreutils 9.1) over the workstation's files: the default display, -t, -c/--format and
// --printf with every file field (statFormat.ts), in the C locale. The workstation's files carry
// no times (ls -l shows the lab's current time for each, and so does stat) and no numbers of a
// disk: the root file system is device 254,0 as a Debian machine's first disk, an inode comes from
// the path, /dev's devices are those of a devtmpfs. -f (file systems) says it is not simulated.

import type { CommandSpec, FlagSpec, HomeFs } from '../types'
import { charDevice } from '../devices'
import { byteLength } from '../../common/bytes'
import { expandEscapes } from './escapes'
import { singleQuote } from '../builtins/host'
import { gnuQuote } from './gnuQuote'
import { fileField, inodeOf, printfOne, printIt, type StatInfo } from './statFormat'
import { getopt, has, lastValue, printHelp, tableFromFlags, usageError } from './util'

const flags: FlagSpec[] = [
  { name: 'dereference', short: 'L', takesValue: false, help: 'follow links' },
  { name: 'file-system', short: 'f', takesValue: false, help: 'display file system status instead of file status' },
  { name: 'cached', takesValue: true, help: 'specify how to use cached attributes; useful on remote file systems' },
  { name: 'format', short: 'c', takesValue: true, help: 'use the specified FORMAT instead of the default; output a newline after each use of FORMAT' },
  { name: 'printf', takesValue: true, help: 'like --format, but interpret backslash escapes, and do not output a mandatory trailing newline' },
  { name: 'terse', short: 't', takesValue: false, help: 'print the information in terse form' },
  { name: 'help', takesValue: false, help: 'display this help and exit' },
]

const DEFAULT_HEAD = '  File: %N\n  Size: %-10s\tBlocks: %-10b IO Block: %-6o %F\n'
const DEFAULT_TAIL = 'Access: (%04a/%10.10A)  Uid: (%5u/%8U)   Gid: (%5g/%8G)\nAccess: %x\nModify: %y\nChange: %z\n Birth: %w'
const DEFAULT = `${DEFAULT_HEAD}Device: %Hd,%Ld\tInode: %-10i  Links: %h\n${DEFAULT_TAIL}`
const DEFAULT_DEVICE = `${DEFAULT_HEAD}Device: %Hd,%Ld\tInode: %-10i  Links: %-5h Device type: %Hr,%Lr\n${DEFAULT_TAIL}`
const TERSE = '%n %s %b %f %u %g %D %i %h %t %T %X %Y %Z %W %o'

/** The workstation's root file system: a first disk's device (254,0), as a Debian machine's. */
const DISK = 254 * 256

/** The file's stat; `now` is every time of it (the workstation's files keep none). */
function infoOf(fs: HomeFs, path: string, now: number): StatInfo | undefined {
  if (!fs.exists(path)) return undefined
  const device = charDevice(path)
  // /dev's devices: a devtmpfs (0,6) with small inodes
  if (device) return { kind: 'dev', perm: fs.mode?.(path) ?? 0o666, size: 0, blocks: 0, links: 1, dev: 6, ino: 3 + device[1], rdev: device, time: now }
  const dir = fs.isDir(path)
  const subdirs = dir ? (fs.list(path) ?? []).filter((n) => fs.isDir(`${path === '/' ? '' : path}/${n}`)).length : 0
  const size = dir ? 4096 : byteLength(fs.readFile(path) ?? '')
  return {
    kind: dir ? 'dir' : 'file',
    perm: fs.mode?.(path) ?? (dir ? 0o755 : 0o644),
    size,
    blocks: Math.ceil(size / 4096) * 8,
    links: dir ? 2 + subdirs : 1,
    dev: DISK,
    ino: inodeOf(path),
    rdev: [0, 0],
    time: now,
  }
}

/** One %-sequence of a file's stat: coreutils' own letters (H and L take a device number's major and minor), then both stats'. */
function field(mods: string, c: string, name: string, s: StatInfo, quoteName: boolean): string {
  const part = mods.endsWith('H') ? 0 : mods.endsWith('L') ? 1 : undefined
  const m = part === undefined ? mods : mods.slice(0, -1)
  const rdev = s.rdev[0] * 256 + s.rdev[1]
  switch (c) {
    case 'N': return printfOne(m, quoteName ? singleQuote(name) : name, 's')
    case 'd': return printfOne(m, part === undefined ? s.dev : part === 0 ? s.dev >> 8 : s.dev & 0xff, 'u')
    case 'r': return printfOne(m, part === undefined ? rdev : s.rdev[part], 'u')
    case 'R': return printfOne(m, rdev, 'x')
    case 'w': return fileField(m, 'x', name, s) ?? ''
    case 'W': return fileField(m, 'X', name, s) ?? ''
    case 'm': return printfOne(m, s.kind === 'dev' ? '/dev' : '/', 's')
    default: return fileField(m, c, name, s) ?? '?'
  }
}

export const stat: CommandSpec = {
  name: 'stat',
  summary: 'Display file status (coreutils stat; the lab keeps no file times: each shows the lab clock).',
  usage: 'stat [OPTION]... FILE...',
  flags,
  async run(ctx) {
    const p = getopt(ctx.argv.slice(1), tableFromFlags(flags))
    if ('error' in p) return usageError(ctx, 'stat', p.error)
    if (has(p, 'help')) return printHelp(ctx, stat)
    if (p.operands.length === 0) return usageError(ctx, 'stat', 'missing operand')
    if (has(p, 'file-system')) {
      ctx.stderr('stat: -f (file system status) is not simulated in the lab; stat FILE shows the file\n')
      return 1
    }
    const printf = lastValue(p, 'printf')
    const format = printf ?? lastValue(p, 'format')
    const now = ctx.lab.now()
    let status = 0
    for (const name of p.operands) {
      const f = infoOf(ctx.fs, ctx.fs.resolve(name), now)
      if (!f) {
        ctx.stderr(`stat: cannot statx ${gnuQuote(name)}: No such file or directory\n`)
        status = 1
        continue
      }
      const chosen = format ?? (has(p, 'terse') ? TERSE : f.kind === 'dev' ? DEFAULT_DEVICE : DEFAULT)
      const text = printIt(printf !== undefined ? expandEscapes(chosen, 'format').text : chosen, (mods, c) => field(mods, c, name, f, format !== undefined), '#-+.I 0123456789HL').text
      ctx.stdout(printf !== undefined ? text : `${text}\n`)
    }
    return status
  },
}
