// The workstation's small in-memory filesystem (a HomeFs). Plain data: a snapshot is a record of
// absolute path -> content, where directories appear as `path/` -> ''. `/dev/null` is built in.

import { joinBytes } from '../common/bytes'
import type { HomeFs } from './types'
import { charDevice, Devices, DEVICES } from './devices'
import { DEFAULT_LIMITS, FsWriteError, type ShellLimits } from './limits'
import { defaultMode } from './modes'

/** A HomeFs that can also change directory and be restored from a snapshot. */
export interface WorkingFs extends HomeFs {
  chdir(path: string): void
  restore(snapshot: Record<string, string>): void
}

export function isWorkingFs(fs: HomeFs): fs is WorkingFs {
  return typeof (fs as Partial<WorkingFs>).chdir === 'function'
}

const BUILTIN_DIRS = ['/', '/dev', '/tmp', '/root']

/** Sort entry names the way `ls` sorts them in the C locale (byte order). */
export function lsOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** The last name in PATH, trailing slashes dropped (coreutils' base_name): `/` for nothing but slashes. */
export function baseName(path: string): string {
  if (/^\/+$/.test(path)) return '/'
  return path.replace(/\/+$/, '').split('/').pop() ?? ''
}

export function dirname(path: string): string {
  const i = path.lastIndexOf('/')
  return i <= 0 ? '/' : path.slice(0, i)
}

/**
 * Why a resolved `path` cannot be opened for writing, as open(2)'s error reads (a directory, or a
 * parent that is missing or not a directory); undefined when it can.
 */
export function cannotWrite(fs: { isDir(p: string): boolean; exists(p: string): boolean; readOnlyAt?(p: string): boolean }, path: string): string | undefined {
  if (fs.isDir(path)) return 'Is a directory'
  const parent = dirname(path)
  if (!fs.isDir(parent)) return fs.exists(parent) ? 'Not a directory' : 'No such file or directory'
  if (fs.readOnlyAt?.(path)) return 'Read-only file system'
  return undefined
}

export function basename(path: string): string {
  if (path === '/') return '/'
  const trimmed = path.replace(/\/+$/, '')
  return trimmed.slice(trimmed.lastIndexOf('/') + 1)
}

/** cyrb53's two 32-bit halves of a string (a quick hash; not for security). */
function hash53(text: string): [number, number] {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ c, 2654435761)
    h2 = Math.imul(h2 ^ c, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return [h1 >>> 0, h2 >>> 0]
}

/**
 * What a folder holds, as one value kept up to date with each change: the XOR of a hash of each
 * file (path and content), mode, and folder that differs from those every folder has
 * (BUILTIN_DIRS). Toggling an entry in and out again gives the value back, so the same files give
 * the same value however they came about (a file written twice with the same text, a folder made
 * and removed).
 */
class ContentDigest {
  private a = 0
  private b = 0

  toggle(entry: string): void {
    const [x, y] = hash53(entry)
    this.a ^= x
    this.b ^= y
  }

  get value(): string {
    return `${(this.a >>> 0).toString(36)}.${(this.b >>> 0).toString(36)}`
  }
}

const fileEntry = (p: string, text: string) => `f${p}\0${text}`
const dirEntry = (p: string) => `d${p}`
const modeEntry = (p: string, m: number) => `m${p}\0${m}`

export class MemoryFs implements WorkingFs {
  private files = new Map<string, string>()
  /** Modes that differ from what a new file or directory gets (modes.ts), by path. */
  private modes = new Map<string, number>()
  private dirs = new Set<string>(BUILTIN_DIRS)
  private current: string
  /** Characters held by all files together (the ENOSPC budget). */
  private used = 0
  private limits: Pick<ShellLimits, 'maxFile' | 'maxFsTotal' | 'maxOutput'>
  /** /dev/zero and /dev/urandom (devices.ts). */
  private devices: Devices
  /** Made on the first contentDigest() (a container's copy never needs one), then kept up to date. */
  private digest: ContentDigest | undefined
  /** files, modes and dirs are another MemoryFs's until the first change (own()): most execs only read. */
  private shared = false

  /** `files`: a snapshot, or a MemoryFs to copy (its files, folders and modes; faster than its snapshot). */
  constructor(files: Record<string, string> | MemoryFs = {}, cwd = '/root', private home = '/root', limits: Partial<ShellLimits> = {}) {
    this.limits = { ...DEFAULT_LIMITS, ...limits }
    this.devices = new Devices(this.limits.maxOutput + 1)
    if (files instanceof MemoryFs) {
      this.files = files.files
      this.modes = files.modes
      this.dirs = files.dirs
      this.used = files.used
      // the source is never changed through this copy, nor (once this one owns its maps) the copy through it
      this.shared = files.shared = true
    } else this.restore(files)
    this.current = cwd
    this.mkdir(cwd)
  }

  resolve(path: string): string {
    // already absolute and normal: no empty, `.` or `..` segment (none starts with a dot), no trailing slash
    if (path.charCodeAt(0) === 47 && !path.includes('//') && !path.includes('/.') && path.charCodeAt(path.length - 1) !== 47) return path
    let p = path
    if (p === '~' || p.startsWith('~/')) p = this.home + p.slice(1)
    if (!p.startsWith('/')) p = (this.current === '/' ? '' : this.current) + '/' + p
    const out: string[] = []
    for (const seg of p.split('/')) {
      if (seg === '' || seg === '.') continue
      if (seg === '..') out.pop()
      else out.push(seg)
    }
    return '/' + out.join('/')
  }

  cwd(): string {
    return this.current
  }

  chdir(path: string): void {
    this.current = this.resolve(path)
  }

  readFile(path: string): string | undefined {
    const p = this.resolve(path)
    if (p === '/dev/null') return ''
    return this.files.get(p) ?? this.devices.read(p)
  }

  /**
   * Write or append. Past a file's size limit or the folder's total, as much as fits is written
   * and FsWriteError (EFBIG or ENOSPC) is thrown, as write(2) does on a real machine.
   */
  writeFile(path: string, data: string, append = false): void {
    const p = this.resolve(path)
    if (charDevice(p) || this.dirs.has(p)) return
    this.mkdir(dirname(p))
    const old = this.files.get(p) ?? ''
    const base = append ? old : ''
    const room = Math.min(this.limits.maxFile - base.length, this.limits.maxFsTotal - (this.used - old.length) - base.length)
    if (data.length <= room) return this.put(p, joinBytes(base, data))
    this.put(p, joinBytes(base, data.slice(0, Math.max(0, room))))
    throw new FsWriteError(this.limits.maxFile - base.length <= room ? 'EFBIG' : 'ENOSPC')
  }

  /** The folders of read-only mounts (a container's token volume), resolved. */
  private readOnly: readonly string[] = []

  /** Mark these folders (and all under them) read-only, as a read-only mount is. */
  setReadOnly(dirs: readonly string[]): void {
    this.readOnly = dirs.map((d) => this.resolve(d))
  }

  readOnlyAt(path: string): boolean {
    if (this.readOnly.length === 0) return false
    const p = this.resolve(path)
    return this.readOnly.some((d) => p === d || p.startsWith(`${d}/`))
  }

  /** Whether this copy of another MemoryFs has changed since it was made (false: it still shares that one's files). */
  changedSinceCopy(): boolean {
    return !this.shared
  }

  /** Before a change: maps of its own, if they are shared with a copy. */
  private own(): void {
    if (!this.shared) return
    this.files = new Map(this.files)
    this.modes = new Map(this.modes)
    this.dirs = new Set(this.dirs)
    this.shared = false
  }

  /** Set a file's content without limits (restoring a snapshot must never fail). */
  private put(p: string, text: string): void {
    const old = this.files.get(p)
    if (old === text) return
    this.own()
    if (old !== undefined) this.digest?.toggle(fileEntry(p, old))
    this.digest?.toggle(fileEntry(p, text))
    this.used += text.length - (old?.length ?? 0)
    this.files.set(p, text)
  }

  /**
   * A short value that is the same whenever the files, folders and modes are (however they came
   * about), kept as they change: what `lab undo` compares instead of the whole snapshot.
   */
  contentDigest(): string {
    if (!this.digest) {
      const d = (this.digest = new ContentDigest())
      for (const [p, text] of this.files) d.toggle(fileEntry(p, text))
      for (const [p, m] of this.modes) d.toggle(modeEntry(p, m))
      for (const p of this.dirs) if (!BUILTIN_DIRS.includes(p)) d.toggle(dirEntry(p))
      for (const p of BUILTIN_DIRS) if (!this.dirs.has(p)) d.toggle(dirEntry(p))
    }
    return this.digest.value
  }

  private dropMode(p: string): void {
    const m = this.modes.get(p)
    if (m === undefined) return
    this.own()
    this.digest?.toggle(modeEntry(p, m))
    this.modes.delete(p)
  }

  exists(path: string): boolean {
    const p = this.resolve(path)
    return p === '/dev/null' || this.files.has(p) || this.dirs.has(p) || (DEVICES as readonly string[]).includes(p)
  }

  isDir(path: string): boolean {
    return this.dirs.has(this.resolve(path))
  }

  list(path: string): string[] | undefined {
    const p = this.resolve(path)
    if (!this.dirs.has(p)) return undefined
    const prefix = p === '/' ? '/' : p + '/'
    const names = new Set<string>()
    for (const key of [...this.files.keys(), ...this.dirs]) {
      if (key.startsWith(prefix) && key !== p) {
        const name = key.slice(prefix.length).split('/')[0]
        if (name) names.add(name)
      }
    }
    if (p === '/dev') for (const d of ['/dev/null', ...DEVICES]) names.add(d.slice(5))
    return [...names].sort(lsOrder)
  }

  remove(path: string): boolean {
    const p = this.resolve(path)
    const text = this.files.get(p)
    if (text !== undefined) {
      this.own()
      this.used -= text.length
      this.files.delete(p)
      this.digest?.toggle(fileEntry(p, text))
      this.dropMode(p)
      return true
    }
    if (!this.dirs.has(p) || p === '/') return false
    this.own()
    const prefix = p + '/'
    for (const k of this.modes.keys()) if (k === p || k.startsWith(prefix)) this.dropMode(k)
    for (const [k, v] of this.files) {
      if (!k.startsWith(prefix)) continue
      this.used -= v.length
      this.files.delete(k)
      this.digest?.toggle(fileEntry(k, v))
    }
    for (const d of this.dirs) {
      if (d !== p && !d.startsWith(prefix)) continue
      this.dirs.delete(d)
      this.digest?.toggle(dirEntry(d))
    }
    return true
  }

  mkdir(path: string): void {
    let p = this.resolve(path)
    while (p !== '/' && !this.dirs.has(p)) {
      this.own()
      this.dirs.add(p)
      this.digest?.toggle(dirEntry(p))
      p = dirname(p)
    }
  }

  mode(path: string): number | undefined {
    const p = this.resolve(path)
    if (p === '/dev/null' || (DEVICES as readonly string[]).includes(p)) return 0o666
    if (!this.files.has(p) && !this.dirs.has(p)) return undefined
    return this.modes.get(p) ?? defaultMode(p, this.dirs.has(p))
  }

  chmod(path: string, mode: number): void {
    const p = this.resolve(path)
    if (!this.files.has(p) && !this.dirs.has(p)) return
    const m = mode & 0o7777
    this.dropMode(p)
    if (m === defaultMode(p, this.dirs.has(p))) return
    this.own()
    this.modes.set(p, m)
    this.digest?.toggle(modeEntry(p, m))
  }

  /** The modes that differ from the defaults, by path (a snapshot's `modes`). */
  modesSnapshot(): Record<string, number> {
    return Object.fromEntries([...this.modes].sort((a, b) => lsOrder(a[0], b[0])))
  }

  /** After restore: set the modes a snapshot kept (where their paths are). */
  restoreModes(modes: Record<string, number>): void {
    for (const [k, m] of Object.entries(modes)) this.chmod(k, m)
  }

  snapshot(): Record<string, string> {
    return this.snapshotWhere(() => true)
  }

  /** The snapshot's entries that `keep` keeps (`path/` and '' for a folder), in its order: the folders, then the files. */
  snapshotWhere(keep: (key: string, text: string) => boolean): Record<string, string> {
    const out: Record<string, string> = {}
    for (const d of [...this.dirs].filter((d) => !BUILTIN_DIRS.includes(d) && keep(d + '/', '')).sort(lsOrder)) out[d + '/'] = ''
    for (const [k, v] of [...this.files].filter(([k, v]) => keep(k, v)).sort((a, b) => lsOrder(a[0], b[0]))) out[k] = v
    return out
  }

  restore(snapshot: Record<string, string>): void {
    this.files = new Map()
    this.modes = new Map()
    this.used = 0
    this.dirs = new Set(BUILTIN_DIRS)
    this.shared = false
    this.digest = undefined
    for (const [k, v] of Object.entries(snapshot)) {
      if (k.endsWith('/')) this.mkdir(k.slice(0, -1) || '/')
      else {
        const p = this.resolve(k)
        if (p === '/dev/null' || this.dirs.has(p)) continue
        this.mkdir(dirname(p))
        this.put(p, v)
      }
    }
    if (this.current !== undefined && !this.dirs.has(this.current)) this.current = this.home
  }
}
