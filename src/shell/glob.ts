// Imitates: bash/lib/glob/glob.c (glob_filename). Pathname expansion over the lab's files: a
// field with an unquoted `*`, `?` or `[` is matched one path component at a time against the
// directories it names; names starting with `.` match only a pattern component that starts with
// a literal `.` (`.` and `..` never, as bash 5.2's globskipdots); results sorted in byte order (the
// C and C.UTF-8 locales). No match: [], and the caller keeps the word as it was (or drops it, or
// fails, as shopt's nullglob and failglob say). shopt's dotglob, nocaseglob and globstar apply.

import type { HomeFs } from './types'
import { hasGlob, patternSource, type PatternPiece } from './pattern'
import { asBytes, bytePattern } from './locale'

/** Compare as strcmp does on UTF-8 bytes (code point order). */
export function byteOrder(a: string, b: string): number {
  const x = [...a]
  const y = [...b]
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i].codePointAt(0)! - y[i].codePointAt(0)!
    if (d !== 0) return d
  }
  return x.length - y.length
}

/** Split a field's pieces into path components at every `/`. */
function components(pieces: PatternPiece[]): PatternPiece[][] {
  const out: PatternPiece[][] = [[]]
  for (const p of pieces) {
    const segs = p.text.split('/')
    segs.forEach((s, i) => {
      if (i > 0) out.push([])
      if (s) out[out.length - 1].push({ text: s, quoted: p.quoted })
    })
  }
  return out
}

const text = (pieces: PatternPiece[]) => pieces.map((p) => p.text).join('')

/** bash's shopt options that change pathname expansion. */
export interface GlobOptions {
  /** Names starting with `.` match any pattern (never `.` and `..`). */
  dotglob?: boolean
  /** Letters match either case. */
  nocaseglob?: boolean
  /** A component `**` alone matches any files and any directories below, zero or more deep. */
  globstar?: boolean
}

/** The glob options that shopt's options on (`shopts`) turn on. */
export const globOptions = (shopts: ReadonlySet<string>): GlobOptions => ({ dotglob: shopts.has('dotglob'), nocaseglob: shopts.has('nocaseglob'), globstar: shopts.has('globstar') })

/**
 * The paths a field names, sorted; undefined when it has no glob character, [] when it matches
 * nothing. `bytes` (the C locale): `?` and brackets match one byte of a name, not one character.
 */
export function globField(fs: HomeFs, field: PatternPiece[], step?: () => void, bytes = false, opts: GlobOptions = {}): string[] | undefined {
  if (!hasGlob(field)) return undefined
  const comps = components(field)
  const absolute = comps[0].length === 0 && comps.length > 1
  // Each candidate: the path as it will be printed, and as the fs resolves it.
  let found: string[] = [absolute ? '/' : '']
  const start = absolute ? 1 : 0
  const join = (base: string, name: string) => (base === '' ? name : base.endsWith('/') ? base + name : `${base}/${name}`)
  const hidden = (name: string, dotOk: boolean) => name === '.' || name === '..' || (name.startsWith('.') && !dotOk && !opts.dotglob)
  /** Every file and directory below `base` (for `**`), directories only unless `files`. */
  const below = (base: string, files: boolean, into: string[]) => {
    for (const name of fs.list(base || '.') ?? []) {
      step?.()
      if (hidden(name, false)) continue
      const path = join(base, name)
      const dir = fs.isDir(path)
      if (dir || files) into.push(path)
      if (dir) below(path, files, into)
    }
  }
  for (let i = start; i < comps.length; i++) {
    const comp = comps[i]
    const last = i === comps.length - 1
    const next: string[] = []
    if (comp.length === 0) {
      // `a//b` or a trailing `/`: only directories go on (`**/` names no directory itself)
      for (const base of found) if (base !== '' && fs.isDir(base)) next.push(base.endsWith('/') ? base : base + '/')
      found = next
      continue
    }
    if (opts.globstar && comp.length === 1 && !comp[0].quoted && comp[0].text === '**') {
      // zero or more directories deep (the last component: everything below, and the directory itself as `dir/`)
      for (const base of found) {
        if (!fs.isDir(base || '.')) continue
        if (last) {
          if (base !== '' && base !== '/') next.push(base.endsWith('/') ? base : `${base}/`)
        } else next.push(base)
        below(base, last, next)
      }
    } else if (!hasGlob(comp)) {
      const name = text(comp)
      for (const base of found) {
        const path = join(base, name)
        if (last ? fs.exists(path) : fs.isDir(path)) next.push(path)
      }
    } else {
      const re = new RegExp(`^(?:${patternSource(bytes ? bytePattern(comp) : comp)})$`, opts.nocaseglob ? 'i' : '')
      const dotOk = comp[0].text.startsWith('.')
      for (const base of found) {
        const names = fs.list(base || '.') ?? []
        for (const name of names) {
          step?.()
          if (hidden(name, dotOk)) continue
          if (!re.test(bytes ? asBytes(name) : name)) continue
          const path = join(base, name)
          if (last || fs.isDir(path)) next.push(path)
        }
      }
    }
    found = [...new Set(next)]
    if (found.length === 0) return []
  }
  return found.sort(byteOrder)
}
