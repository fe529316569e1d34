// busybox df and mount in a busybox-based image. Both read the container's /proc/mounts (the mount
// table the runtime and the kubelet gave it: cluster/kubelet/exec/mounts.ts); df asks statvfs of
// each mount (the node's disk for the overlay and the kubelet's files, a tmpfs's size and the pages
// its files take) and finds a named path's mount by the file system the path is on.
// mount lists the table; mounting something is what a container's root cannot do (no
// CAP_SYS_ADMIN): mount.c's words for that, after the target's own check.

import type { CommandContext, CommandSpec } from '../shell/types'
import type { ContainerProcess } from '../cluster/kubelet/exec/containerShell'
import { df, mountList, parseMounts, type DfSystem, type ProcMount } from './busyboxDf'
import { deviceKey, mountStatvfs } from '../cluster/kubelet/exec/mounts'
import { resolve, type FsDir, type FsNode } from '../cluster/kubelet/exec/vfs'
import { overlayTree, type TrackedFs } from './containerTree'
import { BUSYBOX_USAGE } from './busyboxUsage'
import { flagsOf } from './busyboxGetopt'

const readMounts = (fs: TrackedFs) => fs.readFile('/proc/mounts') ?? ''

/** The mount whose point holds `path` (the last of the longest). */
function mountOf(mounts: ProcMount[], path: string): ProcMount | undefined {
  let best: ProcMount | undefined
  for (const m of mounts) {
    const t = m.target === '/' ? '' : m.target
    if ((path === m.target || path.startsWith(`${t}/`)) && (!best || m.target.length >= best.target.length)) best = m
  }
  return best
}

/** KiB of the pages the files under `dir` take, not counting those under other mounts. */
function usedKiB(tree: FsDir, at: string, mounts: ProcMount[]): number {
  const r = resolve(tree, at)
  if (typeof r === 'string' || r.node.kind !== 'dir') return 0
  const own = new Set(mounts.filter((m) => m.target !== at).map((m) => m.target))
  let kib = 0
  const walk = (node: FsNode, path: string) => {
    if (node.kind === 'file') kib += Math.ceil((node.size ?? new TextEncoder().encode(node.read()).length) / 4096) * 4
    if (node.kind !== 'dir') return
    for (const [name, child] of node.children) {
      const p = `${path === '/' ? '' : path}/${name}`
      if (!own.has(p)) walk(child, p)
    }
  }
  walk(r.node, r.path)
  return kib
}

/** The container as df sees it: its /proc/mounts, stat's device of a path, statvfs of a mount. */
export function containerDfSystem(p: ContainerProcess, flat: Record<string, string>, fs: TrackedFs, now: number): DfSystem {
  const text = readMounts(fs)
  const mounts = parseMounts(text)
  let tree: FsDir | undefined
  const current = () => (tree ??= overlayTree(p.root, flat, fs, now))
  return {
    mountsText: () => text,
    deviceOf(path) {
      const r = resolve(current(), path, true, fs.cwd())
      if (typeof r === 'string') return undefined
      if (r.node.kind === 'dev') return `rdev:${r.node.major}:${r.node.minor}`
      const m = mountOf(mounts, r.path)
      return m && deviceKey(m)
    },
    statvfs(target) {
      const m = [...mounts].reverse().find((x) => x.target === target)
      return m && mountStatvfs(m, m.type === 'tmpfs' ? usedKiB(current(), target, mounts) : 0)
    },
    posixlyCorrect: p.env.some(([k]) => k === 'POSIXLY_CORRECT'),
  }
}

export function busyboxDf(p: ContainerProcess, flat: Record<string, string>, fs: TrackedFs): CommandSpec {
  return {
    name: 'df', summary: 'df', usage: 'df',
    async run(ctx: CommandContext) {
      if (ctx.argv[1] === '--help') {
        ctx.stderr(BUSYBOX_USAGE.df)
        return 0
      }
      const r = df(ctx.argv.slice(1), containerDfSystem(p, flat, fs, ctx.lab.now()), BUSYBOX_USAGE.df)
      ctx.stdout(r.stdout)
      ctx.stderr(r.stderr)
      return r.exitCode
    },
  }
}

export function busyboxMount(fs: TrackedFs): CommandSpec {
  return {
    name: 'mount', summary: 'mount', usage: 'mount',
    async run(ctx: CommandContext) {
      if (ctx.argv[1] === '--help') {
        ctx.stderr(BUSYBOX_USAGE.mount)
        return 0
      }
      // --bind, --move, --remount ... are -o options (getopt32 "o:*t:rwanfvsiO:T:" reads the rest)
      const args = ctx.argv.slice(1)
      const o = flagsOf(args.filter((a) => !a.startsWith('--') || a === '--'), 'o:t:rwanfvsiO:T:')
      if ('bad' in o) {
        ctx.stderr(`mount: ${o.missing ? 'option requires an argument' : 'unrecognized option'}: ${o.bad}\n${BUSYBOX_USAGE.mount}`)
        return 1
      }
      const { operands, flags: opts } = o
      const type = o.values.get('t')
      if (operands.length > 2) {
        ctx.stderr(BUSYBOX_USAGE.mount)
        return 1
      }
      if (operands.length === 0 && !opts.has('a')) {
        ctx.stdout(mountList(parseMounts(readMounts(fs)), type))
        return 0
      }
      if (operands.length === 2) {
        // the kernel looks the target up before it checks the capability to mount
        const [what, where] = operands
        if (!fs.exists(where)) {
          ctx.stderr(`mount: mounting ${what} on ${where} failed: No such file or directory\n`)
          return 1
        }
        ctx.stderr('mount: permission denied (are you root?)\n')
        return 1
      }
      ctx.stderr('mount: mounting from /etc/fstab is not simulated in the lab; mount with no arguments lists the mounts, and mount DEVICE DIR shows what a container may not do\n')
      return 1
    },
  }
}
