// A small read-only file tree for one container: directories, files whose text is computed when
// read (so a token file is signed only if someone cats it), and symlinks (the AtomicWriter layout).

import { byteLength } from '../../../common/bytes'

export interface FsDir { kind: 'dir'; mode: number; mtime: number; tmpfs?: boolean; children: Map<string, FsNode> }
export interface FsFile {
  kind: 'file'; mode: number; mtime: number; read: () => string
  /** A binary's size on disk, where the lab holds none of its bytes (read gives ''). */
  size?: number
  /** A file with several names (hard links): the path of its first name, which names its inode, and how many names it has. */
  inode?: string
  nlink?: number
}
export interface FsLink { kind: 'link'; mtime: number; target: string }
/** A character device (/dev/null, /dev/zero, ...): its numbers; what reading it gives is the shell's business. */
export interface FsDev { kind: 'dev'; mode: number; mtime: number; major: number; minor: number }
export type FsNode = FsDir | FsFile | FsLink | FsDev

export type FsError = 'ENOENT' | 'ENOTDIR' | 'ELOOP'

export function dir(mtime: number, mode = 0o755, tmpfs = false): FsDir {
  return { kind: 'dir', mode, mtime, tmpfs, children: new Map() }
}

export function file(text: string | (() => string), mtime: number, mode = 0o644): FsFile {
  return { kind: 'file', mode, mtime, read: typeof text === 'string' ? () => text : text }
}

export function link(target: string, mtime: number): FsLink {
  return { kind: 'link', mtime, target }
}

/** The character devices runc makes in a container's /dev, with their numbers (major, minor). */
export const CONTAINER_DEVICES: Record<string, [number, number]> = { null: [1, 3], zero: [1, 5], random: [1, 8], urandom: [1, 9], tty: [5, 0] }

export function chardev(major: number, minor: number, mtime: number, mode = 0o666): FsDev {
  return { kind: 'dev', mode, mtime, major, minor }
}

const parts = (p: string) => p.split('/').filter((s) => s !== '' && s !== '.')

export interface Resolved { node: FsNode; path: string }

/** The file a resolved path names: for a file with several names (hard links), its first name; else the path. */
export const fileOf = (r: Resolved): string => (r.node.kind === 'file' && r.node.inode) || r.path

/**
 * Resolve a path from `/` (relative paths from `cwd`). Symlinks in the middle are always followed;
 * the last component only when `followLast` (or the path ends in `/` or `/.`).
 */
export function resolve(root: FsDir, path: string, followLast = true, cwd = '/'): Resolved | FsError {
  const abs = path.startsWith('/') ? path : `${cwd}/${path}`
  // a link named last is followed when the path goes on past it: `link/`, `link/.`
  const follow = followLast || /\/\.?\/*$/.test(path)
  let stack: string[] = []
  let todo = parts(abs)
  let hops = 0
  for (;;) {
    if (todo.length === 0) break
    const name = todo.shift()!
    if (name === '..') { stack.pop(); continue }
    const parent = walk(root, stack)
    if (!parent || parent.kind !== 'dir') return 'ENOTDIR'
    const child = parent.children.get(name)
    if (!child) return 'ENOENT'
    if (child.kind === 'link' && (todo.length > 0 || follow)) {
      if (++hops > 40) return 'ELOOP'
      const t = child.target
      if (t.startsWith('/')) stack = []
      todo = [...parts(t), ...todo]
      continue
    }
    if (child.kind !== 'dir' && todo.length > 0) return 'ENOTDIR'
    stack.push(name)
  }
  const node = walk(root, stack)
  if (!node) return 'ENOENT'
  return { node, path: '/' + stack.join('/') }
}

function walk(root: FsDir, names: string[]): FsNode | undefined {
  let n: FsNode = root
  for (const name of names) {
    if (n.kind !== 'dir') return undefined
    const c: FsNode | undefined = n.children.get(name)
    if (!c) return undefined
    n = c
  }
  return n
}

/** Create directories along an absolute path (following symlinks) and return the last one. */
export function mkdirp(root: FsDir, path: string, mtime: number): FsDir {
  let cur = root
  let curPath = ''
  for (const name of parts(path)) {
    let c = cur.children.get(name)
    curPath += `/${name}`
    if (c?.kind === 'link') {
      const r = resolve(root, curPath, true)
      if (typeof r !== 'string' && r.node.kind === 'dir') {
        cur = r.node
        curPath = r.path === '/' ? '' : r.path
        continue
      }
    }
    if (!c || c.kind !== 'dir') {
      c = dir(mtime)
      cur.children.set(name, c)
    }
    cur = c as FsDir
  }
  return cur
}

/** Size as stat reports it: text length, symlink target length, 0 for a device, 4096 for disk dirs, 20 per entry (+2) on tmpfs. */
export function sizeOf(n: FsNode): number {
  if (n.kind === 'file') return n.size ?? byteLength(n.read())
  if (n.kind === 'link') return n.target.length
  if (n.kind === 'dev') return 0
  return n.tmpfs ? 20 * (n.children.size + 2) : 4096
}

/** 1 KiB blocks: files in 4 KiB pages, disk dirs one page, tmpfs dirs and symlinks none. */
export function blocksOf(n: FsNode): number {
  if (n.kind === 'file') return Math.ceil(sizeOf(n) / 4096) * 4
  if (n.kind === 'dir') return n.tmpfs ? 0 : 4
  return 0
}

export function nlinkOf(n: FsNode): number {
  if (n.kind !== 'dir') return n.kind === 'file' ? (n.nlink ?? 1) : 1
  let subdirs = 0
  for (const c of n.children.values()) if (c.kind === 'dir') subdirs++
  return 2 + subdirs
}
