// realpath, readlink, rmdir and tty (coreutils 9.1). The workstation's files have no symbolic
// links, so canonicalizing a name is gnulib's canonicalize_filename_mode without the links: `.`
// and `..` taken by their letters, each component looked up in turn (lib/canonicalize.c), and
// readlink without -f finds no link to read (EINVAL for a file that is there).

import type { CommandContext, CommandSpec, FlagSpec } from '../types'
import { getopt, has, lastValue, printHelp, tableFromFlags, usageError } from './util'

/** What looking a name up fails with. */
export type Errno = 'ENOENT' | 'ENOTDIR'

export const ERRNO_TEXT: Record<Errno | 'EINVAL', string> = {
  ENOENT: 'No such file or directory',
  ENOTDIR: 'Not a directory',
  EINVAL: 'Invalid argument',
}

/** An absolute, normal path as the kernel finds it: a folder, something else, or why it is not there. */
export function lookup(ctx: CommandContext, abs: string): 'dir' | 'file' | Errno {
  const parts = abs.split('/').filter(Boolean)
  let p = ''
  for (let i = 0; i < parts.length; i++) {
    p += '/' + parts[i]
    if (!ctx.fs.exists(p)) return 'ENOENT'
    if (!ctx.fs.isDir(p)) return i === parts.length - 1 ? 'file' : 'ENOTDIR'
  }
  return 'dir'
}

/** How much of a name must be there (gnulib's CAN_EXISTING, CAN_ALL_BUT_LAST, CAN_MISSING). */
export type CanMode = 'existing' | 'all-but-last' | 'missing'

/** gnulib's suffix_requires_dir_check: what follows a component makes it a folder (`/`, `/.`, `/..`). */
function suffixRequiresDir(end: string): boolean {
  let i = 0
  while (end[i] === '/') {
    while (end[i] === '/') i++
    const c = end[i++]
    if (c === undefined) return true
    if (c !== '.') return false
    if (i >= end.length || (end[i] === '.' && (i + 1 >= end.length || end[i + 1] === '/'))) return true
  }
  return false
}

/** canonicalize_filename_mode(name, mode) without symbolic links: the absolute name, or the errno. */
export function canonicalize(ctx: CommandContext, name: string, mode: CanMode): { path: string } | { errno: Errno } {
  if (name === '') return { errno: 'ENOENT' }
  const stack = name.startsWith('/') ? [] : ctx.fs.cwd().split('/').filter(Boolean)
  const re = /[^/]+/g
  for (let m = re.exec(name); m; m = re.exec(name)) {
    const comp = m[0]
    if (comp === '.') continue
    if (comp === '..') {
      stack.pop()
      continue
    }
    stack.push(comp)
    const end = name.slice(m.index + comp.length)
    const found = lookup(ctx, '/' + stack.join('/'))
    const dirCheck = suffixRequiresDir(end)
    const ok = dirCheck ? found === 'dir' : found === 'dir' || found === 'file'
    if (ok) continue
    const errno: Errno = found === 'file' ? 'ENOTDIR' : (found as Errno)
    if (mode === 'existing') return { errno }
    if (mode === 'all-but-last' && (end.replace(/^\/+/, '') !== '' || errno !== 'ENOENT')) return { errno }
  }
  return { path: '/' + stack.join('/') }
}

/** gnulib's quotef (shell-escape quoting, colons quoted too) in the C locale. */
export function quotef(s: string): string {
  if (s !== '' && /^[A-Za-z0-9_./+,%@=-]+$/.test(s)) return s
  return quoteaf(s)
}

/** gnulib's quoteaf (always quoted, shell-escape style) in the C locale. */
export function quoteaf(s: string): string {
  if (s.includes("'") && !/[\\"$`!]/.test(s)) return `"${s}"`
  return `'${s.replace(/'/g, `'\\''`)}'`.replace(/^''(?=\\')/, '').replace(/(\\')''$/, '$1')
}

/** Whether `prefix` is `path` or one of its folders (realpath.c path_prefix). */
function pathPrefix(prefix: string, path: string): boolean {
  if (prefix === '/') return true
  return path === prefix || path.startsWith(prefix + '/')
}

/** realpath.c relpath: `path` from the folder `dir` (both absolute and canonical). */
function relpath(path: string, dir: string): string {
  const a = path.split('/').filter(Boolean)
  const b = dir.split('/').filter(Boolean)
  let common = 0
  while (common < a.length && common < b.length && a[common] === b[common]) common++
  const parts = [...b.slice(common).map(() => '..'), ...a.slice(common)]
  return parts.length ? parts.join('/') : '.'
}

const realpathFlags: FlagSpec[] = [
  { name: 'canonicalize-existing', short: 'e', takesValue: false, help: 'all components of the path must exist' },
  { name: 'canonicalize-missing', short: 'm', takesValue: false, help: 'no path components need exist or be a directory' },
  { name: 'logical', short: 'L', takesValue: false, help: "resolve '..' components before symlinks" },
  { name: 'physical', short: 'P', takesValue: false, help: 'resolve symlinks as encountered (default)' },
  { name: 'quiet', short: 'q', takesValue: false, help: 'suppress most error messages' },
  { name: 'relative-to', takesValue: true, help: 'print the resolved path relative to DIR' },
  { name: 'relative-base', takesValue: true, help: 'print absolute paths unless paths below DIR' },
  { name: 'strip', short: 's', takesValue: false, help: "don't expand symlinks" },
  { name: 'no-symlinks', takesValue: false, help: "don't expand symlinks" },
  { name: 'zero', short: 'z', takesValue: false, help: 'end each output line with NUL, not newline' },
  { name: 'help', takesValue: false, help: 'display this help and exit' },
]

/** The last of -e/-m (and -f for readlink) given, else `fallback`. */
function canMode(opts: { key: string }[], keys: Record<string, CanMode>, fallback: CanMode | undefined): CanMode | undefined {
  let mode = fallback
  for (const o of opts) if (Object.hasOwn(keys, o.key)) mode = keys[o.key]
  return mode
}

export const realpath: CommandSpec = {
  name: 'realpath',
  summary: 'Print the resolved absolute file name; all but the last component must exist',
  usage: 'realpath [OPTION]... FILE...',
  flags: realpathFlags,
  async run(ctx) {
    const p = getopt(ctx.argv.slice(1), { ...tableFromFlags(realpathFlags), immediate: ['help'] })
    if ('error' in p) return usageError(ctx, 'realpath', p.error)
    if (has(p, 'help')) return printHelp(ctx, realpath)
    if (p.operands.length === 0) return usageError(ctx, 'realpath', 'missing operand')
    const mode = canMode(p.opts, { 'canonicalize-existing': 'existing', 'canonicalize-missing': 'missing' }, 'all-but-last')!
    const quiet = has(p, 'quiet')
    let relTo = lastValue(p, 'relative-to')
    const relBase = lastValue(p, 'relative-base')
    if (relBase !== undefined && relTo === undefined) relTo = relBase
    const needDir = mode === 'existing'
    const canonDir = (dir: string): string | number => {
      const c = canonicalize(ctx, dir, mode)
      if ('errno' in c) {
        ctx.stderr(`realpath: ${quotef(dir)}: ${ERRNO_TEXT[c.errno]}\n`)
        return 1
      }
      if (needDir && !ctx.fs.isDir(c.path)) {
        ctx.stderr(`realpath: ${quotef(dir)}: ${ERRNO_TEXT.ENOTDIR}\n`)
        return 1
      }
      return c.path
    }
    let canTo: string | undefined
    let canBase: string | undefined
    if (relTo !== undefined) {
      const c = canonDir(relTo)
      if (typeof c === 'number') return c
      canTo = c
    }
    if (relBase !== undefined && relBase === relTo && lastValue(p, 'relative-to') === undefined) canBase = canTo
    else if (relBase !== undefined) {
      const c = canonDir(relBase)
      if (typeof c === 'number') return c
      // --relative-to is a no-op if it does not have an ancestor of --relative-base
      if (canTo !== undefined && pathPrefix(c, canTo)) canBase = c
      else canTo = undefined
    }
    const end = has(p, 'zero') ? '\0' : '\n'
    let status = 0
    for (const name of p.operands) {
      const c = canonicalize(ctx, name, mode)
      if ('errno' in c) {
        if (!quiet) ctx.stderr(`realpath: ${quotef(name)}: ${ERRNO_TEXT[c.errno]}\n`)
        status = 1
        continue
      }
      const relative = canTo !== undefined && (canBase === undefined || pathPrefix(canBase, c.path))
      ctx.stdout((relative ? relpath(c.path, canTo!) : c.path) + end)
    }
    return status
  },
}

const readlinkFlags: FlagSpec[] = [
  { name: 'canonicalize', short: 'f', takesValue: false, help: 'canonicalize by following every symlink in every component of the given name recursively; all but the last component must exist' },
  { name: 'canonicalize-existing', short: 'e', takesValue: false, help: 'canonicalize as -f, but all components must exist' },
  { name: 'canonicalize-missing', short: 'm', takesValue: false, help: 'canonicalize as -f, without requirements on components existence' },
  { name: 'no-newline', short: 'n', takesValue: false, help: 'do not output the trailing delimiter' },
  { name: 'quiet', short: 'q', takesValue: false, help: 'suppress most error messages (on by default)' },
  { name: 'silent', short: 's', takesValue: false, help: 'suppress most error messages (on by default)' },
  { name: 'verbose', short: 'v', takesValue: false, help: 'report error messages' },
  { name: 'zero', short: 'z', takesValue: false, help: 'end each output line with NUL, not newline' },
  { name: 'help', takesValue: false, help: 'display this help and exit' },
]

export const readlink: CommandSpec = {
  name: 'readlink',
  summary: 'Print value of a symbolic link or canonical file name',
  usage: 'readlink [OPTION]... FILE...',
  flags: readlinkFlags,
  async run(ctx) {
    const p = getopt(ctx.argv.slice(1), { ...tableFromFlags(readlinkFlags), immediate: ['help'] })
    if ('error' in p) return usageError(ctx, 'readlink', p.error)
    if (has(p, 'help')) return printHelp(ctx, readlink)
    if (p.operands.length === 0) return usageError(ctx, 'readlink', 'missing operand')
    const mode = canMode(p.opts, { canonicalize: 'all-but-last', 'canonicalize-existing': 'existing', 'canonicalize-missing': 'missing' }, undefined)
    let verbose = false
    for (const o of p.opts) {
      if (o.key === 'verbose') verbose = true
      else if (o.key === 'quiet' || o.key === 'silent') verbose = false
    }
    let noNewline = has(p, 'no-newline')
    if (p.operands.length > 1 && noNewline) {
      ctx.stderr('readlink: ignoring --no-newline with multiple arguments\n')
      noNewline = false
    }
    const end = noNewline ? '' : has(p, 'zero') ? '\0' : '\n'
    let status = 0
    for (const name of p.operands) {
      let errno: Errno | 'EINVAL'
      if (mode === undefined) {
        // no symbolic links here: readlink(2) finds none to read
        const found = name === '' ? 'ENOENT' : lookup(ctx, ctx.fs.resolve(name))
        const trailing = name.endsWith('/') && found === 'file'
        errno = trailing ? 'ENOTDIR' : found === 'dir' || found === 'file' ? 'EINVAL' : found
      } else {
        const c = canonicalize(ctx, name, mode)
        if ('path' in c) {
          ctx.stdout(c.path + end)
          continue
        }
        errno = c.errno
      }
      if (verbose) ctx.stderr(`readlink: ${quotef(name)}: ${ERRNO_TEXT[errno]}\n`)
      status = 1
    }
    return status
  },
}

const rmdirFlags: FlagSpec[] = [
  { name: 'ignore-fail-on-non-empty', takesValue: false, help: 'ignore each failure to remove a non-empty directory' },
  { name: 'parents', short: 'p', takesValue: false, help: "remove DIRECTORY and its ancestors; e.g., 'rmdir -p a/b' is similar to 'rmdir a/b a'" },
  { name: 'verbose', short: 'v', takesValue: false, help: 'output a diagnostic for every directory processed' },
  { name: 'help', takesValue: false, help: 'display this help and exit' },
]

type RmdirErrno = Errno | 'EINVAL' | 'ENOTEMPTY' | 'EBUSY' | 'EROFS'

const RMDIR_TEXT: Record<RmdirErrno, string> = {
  ...ERRNO_TEXT,
  ENOTEMPTY: 'Directory not empty',
  EBUSY: 'Device or resource busy',
  EROFS: 'Read-only file system',
}

/** rmdir(2) on a name as typed: undefined when the folder went, else why not. */
function removeDir(ctx: CommandContext, name: string): RmdirErrno | undefined {
  if (name === '') return 'ENOENT'
  const parts = name.split('/').filter(Boolean)
  const lastPart = parts[parts.length - 1]
  const path = ctx.fs.resolve(name)
  // the kernel walks the name as typed: every folder on the way must be there
  const start = name.startsWith('/') ? '' : ctx.fs.cwd()
  let p = start === '/' ? '' : start
  for (const seg of parts) {
    if (seg === '..') p = p.slice(0, p.lastIndexOf('/'))
    else if (seg !== '.') p += '/' + seg
    const found = lookup(ctx, p || '/')
    if (found === 'ENOENT' || found === 'ENOTDIR') return found
    if (found === 'file') return 'ENOTDIR'
  }
  if (path === '/') return 'EBUSY'
  if (lastPart === '.') return 'EINVAL'
  if ((ctx.fs.list(path) ?? []).length > 0 || lastPart === '..') return 'ENOTEMPTY'
  if (ctx.fs.readOnlyAt?.(path)) return 'EROFS'
  ctx.fs.remove(path)
  return undefined
}

export const rmdir: CommandSpec = {
  name: 'rmdir',
  summary: 'Remove the DIRECTORY(ies), if they are empty.',
  usage: 'rmdir [OPTION]... DIRECTORY...',
  flags: rmdirFlags,
  async run(ctx) {
    const p = getopt(ctx.argv.slice(1), { ...tableFromFlags(rmdirFlags), immediate: ['help'] })
    if ('error' in p) return usageError(ctx, 'rmdir', p.error)
    if (has(p, 'help')) return printHelp(ctx, rmdir)
    if (p.operands.length === 0) return usageError(ctx, 'rmdir', 'missing operand')
    const parents = has(p, 'parents')
    const verbose = has(p, 'verbose')
    const ignoreNonEmpty = has(p, 'ignore-fail-on-non-empty')
    const ignorable = (e: RmdirErrno) => ignoreNonEmpty && e === 'ENOTEMPTY'
    let status = 0
    for (const name of p.operands) {
      if (verbose) ctx.stdout(`rmdir: removing directory, ${quoteaf(name)}\n`)
      const e = removeDir(ctx, name)
      if (e !== undefined) {
        if (ignorable(e)) continue
        ctx.stderr(`rmdir: failed to remove ${quoteaf(name)}: ${RMDIR_TEXT[e]}\n`)
        status = 1
        continue
      }
      if (!parents) continue
      // remove_parents: each folder of the name in turn, from the last
      let dir = name.replace(/\/+$/, '')
      for (;;) {
        const slash = dir.lastIndexOf('/')
        if (slash < 0) break
        dir = dir.slice(0, slash).replace(/\/+$/, '')
        if (dir === '') break
        if (verbose) ctx.stdout(`rmdir: removing directory, ${quoteaf(dir)}\n`)
        const pe = removeDir(ctx, dir)
        if (pe === undefined) continue
        if (!ignorable(pe)) {
          ctx.stderr(`rmdir: failed to remove directory ${quoteaf(dir)}: ${RMDIR_TEXT[pe]}\n`)
          status = 1
        }
        break
      }
    }
    return status
  },
}

const ttyFlags: FlagSpec[] = [
  { name: 'silent', short: 's', takesValue: false, help: 'print nothing, only return an exit status' },
  { name: 'quiet', takesValue: false, help: 'print nothing, only return an exit status' },
  { name: 'help', takesValue: false, help: 'display this help and exit' },
]

/** The terminal's device: the first pseudo-terminal, as a terminal window's bash has it. */
export const TTY_DEVICE = '/dev/pts/0'

export const tty: CommandSpec = {
  name: 'tty',
  summary: 'Print the file name of the terminal connected to standard input.',
  usage: 'tty [OPTION]...',
  flags: ttyFlags,
  async run(ctx) {
    const p = getopt(ctx.argv.slice(1), { ...tableFromFlags(ttyFlags), immediate: ['help'] })
    if ('error' in p) return usageError(ctx, 'tty', p.error, 2)
    if (has(p, 'help')) return printHelp(ctx, tty)
    if (p.operands.length > 0) return usageError(ctx, 'tty', `extra operand ${quoteaf(p.operands[0])}`, 2)
    const silent = has(p, 'silent') || has(p, 'quiet')
    if (silent) return ctx.stdinIsTTY ? 0 : 1
    ctx.stdout(ctx.stdinIsTTY ? `${TTY_DEVICE}\n` : 'not a tty\n')
    return ctx.stdinIsTTY ? 0 : 1
  },
}
