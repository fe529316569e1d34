// busybox stat in a busybox-based image, over the container's own tree (with the shell's changes):
// what a student runs to see a projected token's mode, size and times, and the kubelet's swap of
// `..data` on a refresh (`stat -L token` names a new file, with a new inode, once it has written one).
// Imitates: busybox coreutils/stat.c (1.36; without SELinux) with musl's strerror texts.
// The numbers a tree in memory does not have are made up, steadily: a device for the image's
// overlay and one for each tmpfs volume, an inode from the file's path.

import type { CommandSpec } from '../shell/types'
import type { ContainerProcess } from '../cluster/kubelet/exec/containerShell'
import { blocksOf, nlinkOf, resolve, sizeOf, type FsDir, type FsError, type FsNode } from '../cluster/kubelet/exec/vfs'
import { overlayTree, type TrackedFs } from './containerTree'
import { appletOptions } from './busyboxGetopt'
import { fileField, inodeOf, printfOne, printIt, type StatInfo } from '../shell/commands/statFormat'

const BANNER = 'BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.\n\n'
const USAGE = `${BANNER}Usage: stat [-ltf] [-c FMT] FILE...

Display file (default) or filesystem status

\t-c FMT\tUse the specified format
\t-f\tDisplay filesystem status
\t-L\tFollow links
\t-t\tTerse display

FMT sequences for files:
 %a\tAccess rights in octal
 %A\tAccess rights in human readable form
 %b\tNumber of blocks allocated (see %B)
 %B\tSize in bytes of each block reported by %b
 %d\tDevice number in decimal
 %D\tDevice number in hex
 %f\tRaw mode in hex
 %F\tFile type
 %g\tGroup ID
 %G\tGroup name
 %h\tNumber of hard links
 %i\tInode number
 %n\tFile name
 %N\tFile name, with -> TARGET if symlink
 %o\tI/O block size
 %s\tTotal size in bytes
 %t\tMajor device type in hex
 %T\tMinor device type in hex
 %u\tUser ID
 %U\tUser name
 %x\tTime of last access
 %X\tTime of last access as seconds since Epoch
 %y\tTime of last modification
 %Y\tTime of last modification as seconds since Epoch
 %z\tTime of last change
 %Z\tTime of last change as seconds since Epoch

FMT sequences for file systems:
 %a\tFree blocks available to non-superuser
 %b\tTotal data blocks
 %c\tTotal file nodes
 %d\tFree file nodes
 %f\tFree blocks
 %i\tFile System ID in hex
 %l\tMaximum length of filenames
 %n\tFile name
 %s\tBlock size (for faster transfer)
 %S\tFundamental block size (for block counts)
 %t\tType in hex
 %T\tType in human readable form
`

const STRERROR: Record<FsError, string> = { ENOENT: 'No such file or directory', ENOTDIR: 'Not a directory', ELOOP: 'Symbolic link loop' }
/** Anonymous devices (major 0) as the kernel numbers them: the image's overlay, then each tmpfs. */
const OVERLAY_DEV = 0x3c

/** The device of the file system a path is on: a tmpfs volume's, else the overlay's. */
function deviceOf(root: FsDir, path: string): number {
  const names = path.split('/').filter(Boolean)
  let n: FsNode = root
  for (let i = 0; i < names.length && n.kind === 'dir'; i++) {
    const c: FsNode | undefined = n.children.get(names[i])
    if (!c) break
    // the outermost tmpfs directory is the mount
    if (c.kind === 'dir' && c.tmpfs) return 0x20 + (inodeOf(names.slice(0, i + 1).join('/')) % 16)
    n = c
  }
  return OVERLAY_DEV
}

/** lstat(2), or stat(2) with `follow`: the node (for a link's target) and its stat, or the error. */
function statOf(root: FsDir, name: string, cwd: string, follow: boolean): { node: FsNode; info: StatInfo } | FsError {
  if (name === '') return 'ENOENT'
  const r = resolve(root, name, follow, cwd)
  if (typeof r === 'string') return r
  const n = r.node
  const info: StatInfo = {
    kind: n.kind,
    perm: n.kind === 'link' ? 0o777 : n.mode & 0o7777,
    size: sizeOf(n),
    blocks: blocksOf(n) * 2,
    links: nlinkOf(n),
    dev: deviceOf(root, r.path),
    ino: inodeOf(n.kind === 'file' && n.inode ? n.inode : r.path),
    rdev: n.kind === 'dev' ? [n.major, n.minor] : [0, 0],
    time: n.mtime,
  }
  return { node: n, info }
}

/** print_stat: one %-sequence of a file's stat. */
function statField(mods: string, c: string, name: string, node: FsNode, s: StatInfo): string {
  if (c === 'N' && node.kind === 'link') return `'${name}' -> '${node.target}'`
  // (another letter is printed as itself, through %c with the modifiers)
  return fileField(mods, c === 'N' ? 'n' : c, name, s) ?? printfOne(mods, c, 's')
}

const TERSE = '%n %s %b %f %u %g %D %i %h %t %T %X %Y %Z %o'
const DEFAULT =
  '  File: %N\n  Size: %-10s\tBlocks: %-10b IO Block: %-6o %F\nDevice: %Dh/%dd\tInode: %-10i  Links: %h\n' +
  'Access: (%04a/%10.10A)  Uid: (%5u/%8U)   Gid: (%5g/%8G)\nAccess: %x\nModify: %y\nChange: %z'
const DEFAULT_DEVICE =
  '  File: %N\n  Size: %-10s\tBlocks: %-10b IO Block: %-6o %F\nDevice: %Dh/%dd\tInode: %-10i  Links: %-5h Device type: %t,%T\n' +
  'Access: (%04a/%10.10A)  Uid: (%5u/%8U)   Gid: (%5g/%8G)\nAccess: %x\nModify: %y\nChange: %z'

/** The applet over the container's tree as this shell has it. */
export function busyboxStat(p: ContainerProcess, flat: Record<string, string>, fs: TrackedFs): CommandSpec {
  return {
    name: 'stat', summary: 'stat', usage: 'stat [-ltf] [-c FMT] FILE...',
    async run(ctx) {
      // getopt32 "tLfc:", at least one file
      const o = appletOptions(ctx, 'stat', 'tLfc:', USAGE, (n) => n > 0)
      if (typeof o === 'number') return o
      if (o.flags.has('f')) {
        ctx.stderr('stat: -f (file system status) is not simulated in the lab; stat FILE shows the file\n')
        return 1
      }
      const root = overlayTree(p.root, flat, fs, ctx.lab.now())
      let status = 0
      for (const name of o.operands) {
        const s = statOf(root, name, fs.cwd(), o.flags.has('L'))
        if (typeof s === 'string') {
          ctx.stderr(`stat: can't stat '${name}': ${STRERROR[s]}\n`)
          status = 1
          continue
        }
        const format = o.values.get('c') ?? (o.flags.has('t') ? TERSE : s.info.kind === 'dev' ? DEFAULT_DEVICE : DEFAULT)
        // (a lone % at the end: no newline after it, print_it's case '\0')
        const { text, loneEnd } = printIt(format, (mods, c) => statField(mods, c, name, s.node, s.info))
        ctx.stdout(loneEnd ? text : `${text}\n`)
      }
      return status
    },
  }
}
