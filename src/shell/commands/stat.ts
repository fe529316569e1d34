// stat (coreutils 9.1) over the workstation's files: the default display, -t, -c/--format and
// --printf with every file field (statFormat.ts), in the C locale. The workstation's files carry
// no times (ls -l shows the lab's current time for each, and so does stat) and no numbers of a
// disk: the root file system is device 254,0 as a Debian machine's first disk, an inode comes from
// the path, /dev's devices are those of a devtmpfs. -f (file systems) says it is not simulated.

import type { CommandSpec, FlagSpec, HomeFs } from '../types'
import { charDevice } from '../devices'
import { byteLength } from '../../common/bytes'
import { permLetters } from '../modes'
import { expandEscapes } from './escapes'
import { gnuQuote } from './gnuQuote'
import { humanTime, inodeOf, printfOne, printIt } from './statFormat'
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

interface Info { kind: 'file' | 'dir' | 'dev'; mode: number; size: number; links: number; dev: [number, number]; ino: number; rdev: [number, number] }


function infoOf(fs: HomeFs, path: string): Info | undefined {
  if (!fs.exists(path)) return undefined
  const device = charDevice(path)
  if (device) return { kind: 'dev', mode: fs.mode?.(path) ?? 0o666, size: 0, links: 1, dev: [0, 6], ino: 3 + device[1], rdev: device }
  const dir = fs.isDir(path)
  const subdirs = dir ? (fs.list(path) ?? []).filter((n) => fs.isDir(`${path === '/' ? '' : path}/${n}`)).length : 0
  return {
    kind: dir ? 'dir' : 'file',
    mode: fs.mode?.(path) ?? (dir ? 0o755 : 0o644),
    size: dir ? 4096 : byteLength(fs.readFile(path) ?? ''),
    links: dir ? 2 + subdirs : 1,
    dev: [254, 0],
    ino: path === '/' ? 2 : inodeOf(path),
    rdev: [0, 0],
  }
}

const TYPE_BITS = { file: 0o100000, dir: 0o040000, dev: 0o020000 }
const shellQuote = (s: string) => `'${s.replaceAll("'", "'\\''")}'`

/** One %-sequence of a file's stat (coreutils print_stat; H and L take a device number's major and minor). */
function field(mods: string, c: string, name: string, f: Info, now: number, quoteName: boolean): string {
  const part = mods.endsWith('H') ? 0 : mods.endsWith('L') ? 1 : undefined
  const m = part === undefined ? mods : mods.slice(0, -1)
  const devNum = (d: [number, number]) => d[0] * 256 + d[1]
  const seconds = Math.floor(now / 1000)
  switch (c) {
    case 'n': return printfOne(m, name, 's')
    case 'N': return printfOne(m, quoteName ? shellQuote(name) : name, 's')
    case 'd': return printfOne(m, part === undefined ? devNum(f.dev) : f.dev[part], 'u')
    case 'D': return printfOne(m, devNum(f.dev), 'x')
    case 'r': return printfOne(m, part === undefined ? devNum(f.rdev) : f.rdev[part], 'u')
    case 'R': return printfOne(m, devNum(f.rdev), 'x')
    case 'i': return printfOne(m, f.ino, 'u')
    case 'a': return printfOne(m, f.mode & 0o7777, 'o')
    case 'A': return printfOne(m, (f.kind === 'dir' ? 'd' : f.kind === 'dev' ? 'c' : '-') + permLetters(f.mode), 's')
    case 'f': return printfOne(m, TYPE_BITS[f.kind] | (f.mode & 0o7777), 'x')
    case 'F': return printfOne(m, f.kind === 'dir' ? 'directory' : f.kind === 'dev' ? 'character special file' : f.size === 0 ? 'regular empty file' : 'regular file', 's')
    case 'h': return printfOne(m, f.links, 'u')
    case 'u': case 'g': return printfOne(m, 0, 'u')
    case 'U': case 'G': return printfOne(m, 'root', 's')
    case 't': return printfOne(m, f.rdev[0], 'x')
    case 'T': return printfOne(m, f.rdev[1], 'x')
    case 's': return printfOne(m, f.size, 'u')
    case 'B': return printfOne(m, 512, 'u')
    case 'b': return printfOne(m, f.kind === 'file' ? Math.ceil(f.size / 4096) * 8 : f.kind === 'dir' ? 8 : 0, 'u')
    case 'o': return printfOne(m, 4096, 'u')
    case 'x': case 'y': case 'z': case 'w': return printfOne(m, humanTime(now), 's')
    case 'X': case 'Y': case 'Z': case 'W': return printfOne(m, seconds, 'd')
    case 'm': return printfOne(m, f.kind === 'dev' ? '/dev' : '/', 's')
    default: return '?'
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
      const f = infoOf(ctx.fs, ctx.fs.resolve(name))
      if (!f) {
        ctx.stderr(`stat: cannot statx ${gnuQuote(name)}: No such file or directory\n`)
        status = 1
        continue
      }
      const chosen = format ?? (has(p, 'terse') ? TERSE : f.kind === 'dev' ? DEFAULT_DEVICE : DEFAULT)
      const text = printIt(printf !== undefined ? expandEscapes(chosen, 'format').text : chosen, (mods, c) => field(mods, c, name, f, now, format !== undefined), '#-+.I 0123456789HL').text
      ctx.stdout(printf !== undefined ? text : `${text}\n`)
    }
    return status
  },
}
