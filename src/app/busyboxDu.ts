// busybox du in a busybox-based image, over the container's own tree (with what the shell wrote or
// removed): each folder's blocks after what it holds, a file counted once however many names it
// has (the busybox image's applets are one file), links not followed unless -L or -H. A folder's
// entries go by name (the real du in the order the file system lists them). The blocks are the
// lab's (ls -s shows the same): a file its 4 KiB pages, a folder on disk one page, a tmpfs folder
// and a link none.
// Imitates: busybox 1.36.1 coreutils/du.c (getopt32 "aHkLsxd:+lcbhm", the last of -h, -k, -m
// counting and -s against -d; 1 KiB units by default, rounded to the nearest; -b the files' sizes;
// -c a total) and libbb/human_readable.c for -h (lsFormat's humanReadable, ls -h's too).

import type { CommandContext, CommandSpec } from '../shell/types'
import type { ContainerProcess } from '../cluster/kubelet/exec/containerShell'
import { blocksOf, sizeOf, type FsNode } from '../cluster/kubelet/exec/vfs'
import { humanReadable } from '../cluster/kubelet/exec/lsFormat'
import { overlayTree, STRERROR, walkEntry, type TrackedFs } from './containerTree'
import { BUSYBOX_USAGE } from './busyboxUsage'

export function busyboxDu(p: ContainerProcess, flat: Record<string, string>, fs: TrackedFs): CommandSpec {
  return {
    name: 'du', summary: 'du', usage: 'du',
    async run(ctx: CommandContext) {
      if (ctx.argv[1] === '--help') {
        ctx.stderr(BUSYBOX_USAGE.du)
        return 0
      }
      const flags = new Set<string>()
      let maxDepth = Infinity
      let unit = 1024
      const operands: string[] = []
      const args = ctx.argv.slice(1)
      for (let i = 0; i < args.length; i++) {
        const a = args[i]
        if (a === '--') { operands.push(...args.slice(i + 1)); break }
        if (!a.startsWith('-') || a === '-') { operands.push(a); continue }
        for (let k = 1; k < a.length; k++) {
          const ch = a[k]
          if (!'aHkLsxdlcbhm'.includes(ch)) {
            ctx.stderr(`du: unrecognized option: ${ch}\n${BUSYBOX_USAGE.du}`)
            return 1
          }
          if (ch === 'd') {
            const v = k + 1 < a.length ? a.slice(k + 1) : args[++i]
            if (v === undefined) {
              ctx.stderr(`du: option requires an argument: d\n${BUSYBOX_USAGE.du}`)
              return 1
            }
            if (!/^\d+$/.test(v)) {
              ctx.stderr(`du: invalid number '${v}'\n`)
              return 1
            }
            maxDepth = Number(v)
            flags.delete('s')
            break
          }
          if (ch === 's') maxDepth = 0
          if (ch === 'h') unit = 0
          if (ch === 'k') unit = 1024
          if (ch === 'm') unit = 1024 * 1024
          if (ch === 'H') flags.delete('L')
          if (ch === 'L') flags.delete('H')
          flags.add(ch)
        }
      }
      // -b counts bytes; the unit stays that of -h, -k or -m where one was given (du.c sets -b's first)
      if (flags.has('b') && !['h', 'k', 'm'].some((f) => flags.has(f))) unit = 1
      const tree = overlayTree(p.root, flat, fs, ctx.lab.now())
      const cwd = fs.cwd()
      const seen = new Set<string>()
      let status = 0
      const print = (size: number, name: string) => {
        // DESKTOP's extra: a fixed unit rounds up rather than to the nearest
        const s = unit > 1 ? size + Math.floor((unit - 1) / 1024) : size
        ctx.stdout(`${humanReadable(s, flags.has('b') ? 1 : 512, unit)}\t${name}\n`)
      }
      /** du(): the 512-byte blocks (or, with -b, the bytes) under `path`, printing as it goes. */
      const du = (path: string, depth: number, followTop: boolean): number => {
        const follow = flags.has('L') || (followTop && flags.has('H') && depth === 0)
        const r = walkEntry(tree, path, follow, cwd)
        if (typeof r === 'string') {
          ctx.stderr(`du: ${path}: ${STRERROR[r]}\n`)
          status = 1
          return 0
        }
        const node: FsNode = r.node
        // a file with several names counts once
        if (node.kind === 'file' && (node.nlink ?? 1) > 1 && !flags.has('l')) {
          const inode = node.inode ?? r.path
          if (seen.has(inode)) return 0
          seen.add(inode)
        }
        let sum = flags.has('b') ? sizeOf(node) : blocksOf(node) * 2
        if (node.kind === 'dir') {
          for (const name of [...node.children.keys()].sort()) sum += du(path.endsWith('/') ? `${path}${name}` : `${path}/${name}`, depth + 1, false)
        } else if (!flags.has('a') && depth !== 0) return sum
        if (depth <= maxDepth) print(sum, path)
        return sum
      }
      let total = 0
      for (const path of operands.length ? operands : ['.']) total += du(path, 0, operands.length > 0)
      if (flags.has('c')) print(total, 'total')
      return status
    },
  }
}
