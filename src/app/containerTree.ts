// A container shell's files as its ls sees them: the container's own tree (modes, mtimes, the
// volume's symlinks) with what the shell changed laid over it. The shell itself works on a plain
// copy (MemoryFs); TrackedFs notes when it changes a path, on the lab clock.

import { MemoryFs, dirname } from '../shell/fs'
import { dir, file, resolve, type FsDir, type FsError, type Resolved } from '../cluster/kubelet/exec/vfs'
import type { LayerWrites } from '../cluster/kubelet/exec/containerShell'

/** A MemoryFs that remembers when each path was written, created or had an entry removed (ms, lab clock). */
export class TrackedFs extends MemoryFs {
  /** Set after the constructor (MemoryFs's constructor already calls mkdir and writeFile). */
  times: Map<string, number> | undefined
  private clock: (() => number) | undefined
  /** While set, changes are the container's own (syncUnderneath), not the shell's: no time noted. */
  private quiet = false

  constructor(files: Record<string, string> | MemoryFs, cwd: string, home: string, now: () => number) {
    super(files, cwd, home)
    this.clock = now
    this.times = new Map()
  }

  /** Run `f` without noting times: what it changes keeps the time the container's tree gives. */
  untracked<T>(f: () => T): T {
    this.quiet = true
    try {
      return f()
    } finally {
      this.quiet = false
    }
  }

  private mark(paths: string[]): void {
    if (!this.times || !this.clock || this.quiet) return
    const t = this.clock()
    for (const p of paths) this.times.set(p, t)
  }

  writeFile(path: string, data: string, append = false): void {
    const p = this.resolve(path)
    const fresh = !this.exists(p)
    try {
      super.writeFile(path, data, append)
    } finally {
      this.mark(fresh ? [p, dirname(p)] : [p])
    }
  }

  mkdir(path: string): void {
    // (nothing to note while the constructor restores the copy, or the container's own changes are laid under it)
    if (!this.times || !this.clock || this.quiet) return super.mkdir(path)
    const made: string[] = []
    for (let p = this.resolve(path); p !== '/' && !this.isDir(p); p = dirname(p)) made.push(p, dirname(p))
    super.mkdir(path)
    this.mark(made)
  }

  remove(path: string): boolean {
    const p = this.resolve(path)
    const done = super.remove(path)
    if (done) {
      this.times?.delete(p)
      this.mark([dirname(p)])
    }
    return done
  }

  /** touch on an existing path: a new mtime, nothing else. */
  touch(path: string): void {
    this.mark([this.resolve(path)])
  }
}

/**
 * What changed in the container underneath a shell that works on a copy of its files (the
 * kubelet refreshing a projected token: new content behind `token`, a new `..<timestamp>`
 * directory for the old one), applied to the copy wherever the shell left the old version as it
 * was; what the shell itself changed stays. `flat`, the copy the shell started from, becomes `next`.
 */
export function syncUnderneath(fs: MemoryFs, flat: Record<string, string>, next: Record<string, string>): void {
  const own = (path: string) => fs instanceof TrackedFs && fs.times?.has(path) === true
  const apply = () => {
    // what went, deepest first (a directory's key is a prefix of its entries'): a directory only once empty
    for (const key of Object.keys(flat).filter((k) => !(k in next)).sort().reverse()) {
      const path = key.replace(/\/$/, '')
      if (key.endsWith('/')) {
        if (fs.isDir(path) && fs.list(path)?.length === 0 && !own(path)) fs.remove(path)
      } else if (!fs.isDir(path) && fs.readFile(path) === flat[key] && !own(path)) fs.remove(path)
      delete flat[key]
    }
    // what came or changed, parents first
    for (const key of Object.keys(next).sort()) {
      if (flat[key] === next[key]) continue
      const path = key.replace(/\/$/, '')
      if (key.endsWith('/')) {
        if (!fs.exists(path)) fs.mkdir(path)
      } else if (key in flat ? fs.readFile(path) === flat[key] && !own(path) : !fs.exists(path)) fs.writeFile(path, next[key])
      flat[key] = next[key]
    }
  }
  if (fs instanceof TrackedFs) fs.untracked(apply)
  else apply()
}

/** A copy of the tree's directories (files, links and devices are shared: the overlay replaces, never edits them). */
function copyDir(d: FsDir): FsDir {
  const out: FsDir = { ...d, children: new Map() }
  for (const [name, n] of d.children) out.children.set(name, n.kind === 'dir' ? copyDir(n) : n)
  return out
}

function parentOf(root: FsDir, path: string): { dir: FsDir; name: string } | undefined {
  const i = path.lastIndexOf('/')
  const r = resolve(root, path.slice(0, i) || '/')
  if (typeof r === 'string' || r.node.kind !== 'dir') return undefined
  return { dir: r.node, name: path.slice(i + 1) }
}

/**
 * The container's tree as the shell left it: entries the shell removed are gone, files it wrote
 * have their new content and time (keeping their mode), new files and directories appear with
 * the time they were made. `flat` is the copy the shell started from (flatten).
 */
export function overlayTree(root: FsDir, flat: Record<string, string>, fs: TrackedFs, now: number): FsDir {
  const out = copyDir(root)
  const times = fs.times ?? new Map<string, number>()
  const when = (p: string) => times.get(p) ?? now
  for (const key of Object.keys(flat)) {
    const path = key.replace(/\/$/, '')
    if (!path || fs.exists(path)) continue
    const r = resolve(out, path, false)
    if (typeof r === 'string') continue
    const at = parentOf(out, r.path)
    at?.dir.children.delete(at.name)
  }
  const modes = fs.modesSnapshot()
  // what differs from the image: the rest is as the image has it, nothing to lay over (most of the tree)
  const changed = fs.snapshotWhere((key, text) => flat[key] !== text || times.has(key.endsWith('/') ? key.slice(0, -1) : key))
  for (const [key, text] of Object.entries(changed)) {
    const isDir = key.endsWith('/')
    const path = isDir ? key.slice(0, -1) : key
    const r = resolve(out, path, true)
    if (typeof r !== 'string') {
      if (!isDir && r.node.kind === 'file' && (flat[key] !== text || times.has(path))) {
        const at = parentOf(out, r.path)
        at?.dir.children.set(at.name, file(text, when(path), r.node.mode))
      }
      continue
    }
    // an entry of the image missing here was removed through another path to it (/var/run -> /run)
    const at = key in flat ? undefined : parentOf(out, path)
    if (!at || at.dir.children.has(at.name)) continue
    // with the mode the shell gave it (mkdir -m), else a new entry's
    const mode = modes[path]
    at.dir.children.set(at.name, isDir ? dir(when(path), mode ?? 0o755) : file(text, when(path), mode ?? 0o644))
  }
  // directories whose entries changed: their new mtime
  for (const [path, t] of times) {
    const r = resolve(out, path, true)
    if (typeof r !== 'string' && r.node.kind === 'dir') r.node.mtime = t
  }
  return out
}


/** The folders every MemoryFs has (its snapshots leave them out): never removed by a layer. */
const ALWAYS = new Set(['/', '/dev', '/tmp', '/root'])

/**
 * Lay what earlier processes wrote in the container (its writable layer) over a shell's copy of
 * its files: removals deepest first, then folders and files, each with the time it was written.
 */
export function applyLayer(fs: MemoryFs, layer: LayerWrites): void {
  const keys = Object.keys(layer.writes)
  const apply = () => {
    for (const key of keys.filter((k) => layer.writes[k] === null).sort().reverse()) fs.remove(key.replace(/\/$/, ''))
    for (const key of keys.sort()) {
      const text = layer.writes[key]
      if (text === null) continue
      if (key.endsWith('/')) fs.mkdir(key.slice(0, -1))
      else {
        try {
          fs.writeFile(key, text)
        } catch {
          // past the shell's limits: as much as fits
        }
      }
    }
  }
  if (!(fs instanceof TrackedFs)) return apply()
  fs.untracked(apply)
  for (const [key, t] of Object.entries(layer.at)) fs.times?.set(key.replace(/\/$/, ''), t)
}

/**
 * Every change a shell's copy holds against the container's files it started from (`flat`), with
 * when each was made: what the container's writable layer keeps after the process.
 */
export function layerOf(fs: MemoryFs, flat: Readonly<Record<string, string>>, now: number): LayerWrites {
  const writes: Record<string, string | null> = {}
  const at: Record<string, number> = {}
  const times = fs instanceof TrackedFs ? fs.times : undefined
  const snap = fs.snapshot()
  for (const [key, text] of Object.entries(snap)) {
    if (flat[key] === text) continue
    writes[key] = text
    at[key] = times?.get(key.replace(/\/$/, '')) ?? now
  }
  for (const key of Object.keys(flat)) {
    if (key in snap || ALWAYS.has(key.replace(/\/$/, '') || '/')) continue
    writes[key] = null
  }
  return { writes, at }
}

/** musl's strerror for the errors a path lookup in a container's tree gives. */
export const STRERROR: Record<FsError, string> = { ENOENT: 'No such file or directory', ENOTDIR: 'Not a directory', ELOOP: 'Symbolic link loop' }

/**
 * What a tree walker (busybox find, du) stands on at `path`: followed when `follow`, where a
 * dangling link is then itself (recursive_action's ACTION_DANGLING_OK), and a trailing slash names a
 * folder (a file named so is ENOTDIR).
 */
export function walkEntry(tree: FsDir, path: string, follow: boolean, cwd: string): Resolved | FsError {
  let r = resolve(tree, path, follow, cwd)
  if (typeof r === 'string' && follow) r = resolve(tree, path, false, cwd)
  return typeof r !== 'string' && /[^/]\/+$/.test(path) && r.node.kind !== 'dir' ? 'ENOTDIR' : r
}
