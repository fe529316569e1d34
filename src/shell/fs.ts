// The workstation's small in-memory filesystem (a HomeFs). Plain data: a snapshot is a record of
// absolute path -> content, where directories appear as `path/` -> ''. `/dev/null` is built in.

import type { HomeFs } from './types'

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

export function dirname(path: string): string {
  const i = path.lastIndexOf('/')
  return i <= 0 ? '/' : path.slice(0, i)
}

export function basename(path: string): string {
  if (path === '/') return '/'
  const trimmed = path.replace(/\/+$/, '')
  return trimmed.slice(trimmed.lastIndexOf('/') + 1)
}

export class MemoryFs implements WorkingFs {
  private files = new Map<string, string>()
  private dirs = new Set<string>(BUILTIN_DIRS)
  private current: string

  constructor(files: Record<string, string> = {}, cwd = '/root', private home = '/root') {
    this.restore(files)
    this.current = cwd
    this.mkdir(cwd)
  }

  resolve(path: string): string {
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
    return this.files.get(p)
  }

  writeFile(path: string, data: string, append = false): void {
    const p = this.resolve(path)
    if (p === '/dev/null' || this.dirs.has(p)) return
    this.mkdir(dirname(p))
    this.files.set(p, append ? (this.files.get(p) ?? '') + data : data)
  }

  exists(path: string): boolean {
    const p = this.resolve(path)
    return p === '/dev/null' || this.files.has(p) || this.dirs.has(p)
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
    if (p === '/dev') names.add('null')
    return [...names].sort(lsOrder)
  }

  remove(path: string): boolean {
    const p = this.resolve(path)
    if (this.files.delete(p)) return true
    if (!this.dirs.has(p) || p === '/') return false
    const prefix = p + '/'
    for (const k of this.files.keys()) if (k.startsWith(prefix)) this.files.delete(k)
    for (const d of this.dirs) if (d === p || d.startsWith(prefix)) this.dirs.delete(d)
    return true
  }

  mkdir(path: string): void {
    let p = this.resolve(path)
    while (p !== '/' && !this.dirs.has(p)) {
      this.dirs.add(p)
      p = dirname(p)
    }
  }

  snapshot(): Record<string, string> {
    const out: Record<string, string> = {}
    for (const d of [...this.dirs].sort(lsOrder)) if (!BUILTIN_DIRS.includes(d)) out[d + '/'] = ''
    for (const [k, v] of [...this.files].sort((a, b) => lsOrder(a[0], b[0]))) out[k] = v
    return out
  }

  restore(snapshot: Record<string, string>): void {
    this.files.clear()
    this.dirs = new Set(BUILTIN_DIRS)
    for (const [k, v] of Object.entries(snapshot)) {
      if (k.endsWith('/')) this.mkdir(k.slice(0, -1) || '/')
      else this.writeFile(k, v)
    }
    if (this.current !== undefined && !this.dirs.has(this.current)) this.current = this.home
  }
}
