// busybox readlink and realpath in a busybox-based image, over the container's own tree (with the
// shell's changes): what a student runs to see how the kubelet lays out a projected volume, the
// `token -> ..data/token -> ..<timestamp>/token` links it swaps when it writes a refreshed token.
// Imitates: busybox coreutils/readlink.c, coreutils/realpath.c and libbb/xreadlink.c
// (xmalloc_realpath_coreutils), with musl's realpath(3) and strerror texts.

import type { CommandSpec } from '../shell/types'
import type { ContainerProcess } from '../cluster/kubelet/exec/containerShell'
import { resolve, type FsDir, type FsError } from '../cluster/kubelet/exec/vfs'
import { overlayTree, STRERROR, type TrackedFs } from './containerTree'
import { appletOptions } from './busyboxGetopt'

const BANNER = 'BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.\n\n'
const READLINK_USAGE = `${BANNER}Usage: readlink [-fnv] FILE\n\nDisplay the value of a symlink\n\n\t-f\tCanonicalize by following all symlinks\n\t-n\tDon't add newline\n\t-v\tVerbose\n`
const REALPATH_USAGE = `${BANNER}Usage: realpath FILE...\n\nPrint absolute pathnames of FILEs\n`


type Found = { path: string } | { error: FsError }

/** realpath(3): the canonical path of an existing file (every link followed). */
function realpath(root: FsDir, path: string, cwd: string): Found {
  if (path === '') return { error: 'ENOENT' }
  const r = resolve(root, path, true, cwd)
  if (typeof r === 'string') return { error: r }
  // a trailing slash names a directory
  if (/[^/]\/+$/.test(path) && r.node.kind !== 'dir') return { error: 'ENOTDIR' }
  return { path: r.path }
}

/** readlink(2): a symlink's target as written; EINVAL when the path is no symlink. */
function readlink(root: FsDir, path: string, cwd: string): { target: string } | { error: FsError | 'EINVAL' } {
  if (path === '') return { error: 'ENOENT' }
  const r = resolve(root, path, false, cwd)
  if (typeof r === 'string') return { error: r }
  return r.node.kind === 'link' ? { target: r.node.target } : { error: 'EINVAL' }
}

/**
 * xmalloc_realpath_coreutils: realpath, and for a path that does not exist, what coreutils
 * prints: a dangling link's target (a relative one taken from the working directory, not from the
 * link's, as busybox does), or the path under its existing directory.
 */
function canonical(root: FsDir, path: string, cwd: string, depth = 0): Found {
  const r = realpath(root, path, cwd)
  if ('path' in r || r.error !== 'ENOENT' || depth > 40) return r
  const link = readlink(root, path, cwd)
  if ('target' in link) {
    const target = link.target.startsWith('/') ? link.target : `${cwd === '/' ? '' : cwd}/${link.target}`
    return canonical(root, target, cwd, depth + 1)
  }
  const trimmed = path.replace(/^\/+(?=\/)/, '').replace(/(.)\/+$/, '$1')
  const slash = trimmed.lastIndexOf('/')
  if (slash === 0) return { path: trimmed }
  if (slash < 0) return r
  const parent = realpath(root, trimmed.slice(0, slash), cwd)
  return 'path' in parent ? { path: `${parent.path === '/' ? '' : parent.path}/${trimmed.slice(slash + 1)}` } : parent
}

/** The two applets over the container's tree as this shell has it. */
export function busyboxLinks(p: ContainerProcess, flat: Record<string, string>, fs: TrackedFs): CommandSpec[] {
  const tree = (now: number) => overlayTree(p.root, flat, fs, now)
  const readlinkSpec: CommandSpec = {
    name: 'readlink', summary: 'readlink', usage: 'readlink [-fnv] FILE',
    async run(ctx) {
      const o = appletOptions(ctx, 'readlink', 'fnvsq', READLINK_USAGE, (n) => n === 1)
      if (typeof o === 'number') return o
      const name = o.operands[0]
      const root = tree(ctx.lab.now())
      let out: string
      if (o.flags.has('f')) {
        const r = canonical(root, name, fs.cwd())
        if (!('path' in r)) return 1
        out = r.path
      } else {
        const r = readlink(root, name, fs.cwd())
        if (!('target' in r)) {
          // coreutils' readlink fails silently; busybox says why with -v
          if (o.flags.has('v')) ctx.stderr(`readlink: ${name}: cannot read link: ${r.error === 'EINVAL' ? 'not a symlink' : STRERROR[r.error]}\n`)
          return 1
        }
        out = r.target
      }
      ctx.stdout(o.flags.has('n') ? out : `${out}\n`)
      return 0
    },
  }
  const realpathSpec: CommandSpec = {
    name: 'realpath', summary: 'realpath', usage: 'realpath FILE...',
    async run(ctx) {
      // no options: every word is a file (`realpath -x` looks for a file named -x)
      if (ctx.argv[1] === '--help' || ctx.argv.length < 2) {
        ctx.stderr(REALPATH_USAGE)
        return ctx.argv[1] === '--help' ? 0 : 1
      }
      const root = tree(ctx.lab.now())
      let status = 0
      for (const name of ctx.argv.slice(1)) {
        const r = canonical(root, name, fs.cwd())
        if ('path' in r) ctx.stdout(`${r.path}\n`)
        else {
          ctx.stderr(`realpath: ${name}: ${STRERROR[r.error]}\n`)
          status = 1
        }
      }
      return status
    },
  }
  return [readlinkSpec, realpathSpec]
}
