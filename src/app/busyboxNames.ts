// busybox basename and dirname in a busybox-based image. dirname is the C library's: musl's in an
// Alpine image, glibc's in the busybox image (they differ only where a path begins with exactly
// two slashes, which glibc keeps, as POSIX allows).
// Imitates: busybox 1.36.1 coreutils/basename.c (getopt32 "^+as:" with at least one operand; -s
// implies -a; without an option a second operand is the suffix, a third prints the usage;
// bb_get_last_path_component_strip) and coreutils/dirname.c (single_argv: one operand after an
// optional `--`, no options); musl's and glibc's dirname().

import type { CommandContext, CommandSpec } from '../shell/types'
import { BUSYBOX_USAGE } from './busyboxUsage'

const spec = (name: string, run: (ctx: CommandContext) => Promise<number>): CommandSpec => ({ name, summary: name, usage: name, run })

const usage = (ctx: CommandContext, applet: string, complaint = '') => {
  ctx.stderr(`${complaint}${BUSYBOX_USAGE[applet]}`)
  return 1
}

/** bb_get_last_path_component_strip: trailing slashes off (a lone `/` stays), then what follows the last slash. */
export function lastComponent(path: string): string {
  let p = path
  while (p.length > 1 && p.endsWith('/')) p = p.slice(0, -1)
  const slash = p.lastIndexOf('/')
  return slash < 0 || p === '/' ? p : p.slice(slash + 1)
}

/** basename [-a] [-s SUFFIX] FILE... | basename FILE [SUFFIX] */
export const busyboxBasename = spec('basename', async (ctx) => {
  if (ctx.argv[1] === '--help') {
    ctx.stderr(BUSYBOX_USAGE.basename)
    return 0
  }
  const args = ctx.argv.slice(1)
  let all = false
  let suffix: string | undefined
  let i = 0
  // options until the first operand ('+'), musl's getopt words for a bad one
  for (; i < args.length && args[i].startsWith('-') && args[i] !== '-'; i++) {
    if (args[i] === '--') { i++; break }
    const a = args[i]
    for (let k = 1; k < a.length; k++) {
      if (a[k] === 'a') all = true
      else if (a[k] === 's') {
        all = true
        if (k + 1 < a.length) suffix = a.slice(k + 1)
        else if (i + 1 < args.length) suffix = args[++i]
        else return usage(ctx, 'basename', 'basename: option requires an argument: s\n')
        break
      } else return usage(ctx, 'basename', `basename: unrecognized option: ${a[k]}\n`)
    }
  }
  const files = args.slice(i)
  if (files.length === 0) return usage(ctx, 'basename')
  if (!all) {
    if (files.length > 2) return usage(ctx, 'basename')
    suffix = files[1]
    files.length = 1
  }
  let out = ''
  for (const f of files) {
    const name = lastComponent(f)
    out += `${suffix !== undefined && name.length > suffix.length && name.endsWith(suffix) ? name.slice(0, name.length - suffix.length) : name}\n`
  }
  ctx.stdout(out)
  return 0
})

/** The C library's dirname(): musl's, or glibc's (which keeps a leading `//`). */
export function libcDirname(path: string, libc: 'musl' | 'glibc'): string {
  if (libc === 'musl') {
    let i = path.length - 1
    if (i < 0) return '.'
    for (; path[i] === '/'; i--) if (i === 0) return '/'
    for (; path[i] !== '/'; i--) if (i === 0) return '.'
    for (; path[i] === '/'; i--) if (i === 0) return '/'
    return path.slice(0, i + 1)
  }
  let last = path.lastIndexOf('/')
  if (last > 0 && last === path.length - 1) {
    // trailing slashes: look for the slash before them
    let run = last
    while (run > 0 && path[run - 1] === '/') run--
    if (run > 0) last = path.lastIndexOf('/', run - 1)
  }
  if (last < 0) return '.'
  let run = last
  while (run > 0 && path[run - 1] === '/') run--
  if (run > 0) return path.slice(0, run)
  // only slashes before it: `/`, or `//` when the path begins with exactly two
  return last === 1 ? '//' : '/'
}

/** dirname FILENAME, with the image's C library. */
export function busyboxDirname(libc: 'musl' | 'glibc'): CommandSpec {
  return spec('dirname', async (ctx) => {
    if (ctx.argv[1] === '--help') {
      ctx.stderr(BUSYBOX_USAGE.dirname)
      return 0
    }
    const args = ctx.argv.slice(ctx.argv[1] === '--' ? 2 : 1)
    if (args.length !== 1) return usage(ctx, 'dirname')
    ctx.stdout(`${libcDirname(args[0], libc)}\n`)
    return 0
  })
}
