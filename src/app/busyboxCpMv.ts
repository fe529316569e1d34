// busybox cp and mv in a busybox-based image, over the shell's copy of the container's files. mv
// is rename(2) and says what rename says; cp is libbb's copy_file. A folder's entries are copied in
// order of their names (the real cp goes in the order the file system lists them); the shell's
// files hold no links, so `cp -r` of the token's folder copies the files the links lead to.
// Imitates: busybox 1.36.1 coreutils/mv.c, coreutils/cp.c and libbb/copy_file.c: the target is a
// folder unless there are exactly two operands and the last is not one; -v prints `'SRC' -> 'DEST'`
// after each (a folder after what it holds; mv even when the rename failed); -i asks on stderr and
// reads the answer from standard input; -n and -f; -t DIR and -T. Links (-l, -s) are not simulated.

import type { CommandContext, CommandSpec } from '../shell/types'
import { BUSYBOX_USAGE } from './busyboxUsage'
import type { TrackedFs } from './containerTree'
import { lastComponent } from './busyboxNames'

const spec = (name: string, run: (ctx: CommandContext) => Promise<number>): CommandSpec => ({ name, summary: name, usage: name, run })

const concat = (dir: string, name: string) => (dir.endsWith('/') ? `${dir}${name}` : `${dir}/${name}`)
const parentOf = (abs: string) => abs.slice(0, abs.lastIndexOf('/')) || '/'

interface Parsed { flags: Set<string>; target?: string; operands: string[] }

/** getopt32 over `letters` (t takes a value) and the long names; a complaint (musl's words) for a bad one. */
function parse(ctx: CommandContext, applet: string, letters: string, long: Record<string, string>): Parsed | number {
  const usage = (complaint = '') => {
    ctx.stderr(`${complaint}${BUSYBOX_USAGE[applet]}`)
    return 1
  }
  const flags = new Set<string>()
  // only the last of -f, -i and -n counts
  let fin: string | undefined
  const add = (f: string) => {
    flags.add(f)
    if ('fin'.includes(f)) fin = f
  }
  let target: string | undefined
  const operands: string[] = []
  const args = ctx.argv.slice(1)
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a === '--') { operands.push(...args.slice(i + 1)); break }
    if (a.startsWith('--')) {
      const [name, value] = a.slice(2).split(/=(.*)/s)
      const found = Object.keys(long).filter((k) => k === name || k.startsWith(name))
      const key = found.includes(name) ? name : found.length === 1 ? found[0] : undefined
      if (!key) return usage(`${applet}: ${found.length ? 'option is ambiguous' : 'unrecognized option'}: ${a.slice(2)}\n`)
      if (long[key] === 't') target = value ?? args[++i]
      else add(long[key])
      continue
    }
    if (!a.startsWith('-') || a === '-') { operands.push(a); continue }
    for (let k = 1; k < a.length; k++) {
      const ch = a[k]
      if (!letters.includes(ch)) return usage(`${applet}: unrecognized option: ${ch}\n`)
      if (ch === 't') {
        target = k + 1 < a.length ? a.slice(k + 1) : args[++i]
        if (target === undefined) return usage(`${applet}: option requires an argument: t\n`)
        break
      }
      add(ch)
    }
  }
  for (const f of 'fin') if (f !== fin) flags.delete(f)
  if ((target !== undefined && flags.has('T')) || operands.length < (target !== undefined ? 1 : 2)) return usage()
  return { flags, target, operands }
}

/** The pairs to copy or move: SOURCE to DEST, as cp.c and mv.c choose DEST. */
function pairs(fs: TrackedFs, p: Parsed, simple: (src: string, dest: string) => boolean): [string, string][] | 'usage' | { die: string } {
  if (p.target !== undefined) return p.operands.map((s) => [s, concat(p.target!, lastComponent(s))])
  const sources = p.operands.slice(0, -1)
  const last = p.operands[p.operands.length - 1]
  if (sources.length > 1 && p.flags.has('T')) return 'usage'
  // -T NOTDIR DIR
  if (p.flags.has('T') && fs.isDir(fs.resolve(last)) && fs.exists(fs.resolve(sources[0])) && !fs.isDir(fs.resolve(sources[0]))) return { die: `'${last}' is a directory` }
  if (sources.length === 1 && (p.flags.has('T') || simple(sources[0], last))) return [[sources[0], last]]
  return sources.map((s) => [s, concat(last, lastComponent(s))])
}

/** Why a path cannot be looked at (a folder on the way is a file), or undefined. */
function pathProblem(fs: TrackedFs, path: string): string | undefined {
  const parts = fs.resolve(path).split('/').filter(Boolean)
  for (let i = 1; i < parts.length; i++) {
    const at = `/${parts.slice(0, i).join('/')}`
    if (!fs.exists(at)) return 'No such file or directory'
    if (!fs.isDir(at)) return 'Not a directory'
  }
  return /[^/]\/+$/.test(path) && fs.exists(fs.resolve(path)) && !fs.isDir(fs.resolve(path)) ? 'Not a directory' : undefined
}

/** Asks `applet: overwrite 'DEST'? ` and reads a line of standard input: yes when it starts with y. */
function asker(ctx: CommandContext, applet: string): (dest: string) => boolean {
  const answers = (ctx.stdin ?? '').split('\n')
  let told = false
  return (dest) => {
    ctx.stderr(`${applet}: overwrite '${dest}'? `)
    // typed at the prompt, a real one would wait for the answer: the lab cannot, and says so once
    if (ctx.stdinIsTTY && !told) {
      told = true
      ctx.stderr(`\nlab: ${applet} -i cannot wait for your answer at the lab's prompt (taken as no); give the answers on its input instead, as in: yes | ${applet} -i ...\n`)
    }
    return /^[yY]/.test(answers.shift() ?? '')
  }
}

export function busyboxCp(fs: TrackedFs): CommandSpec {
  return spec('cp', async (ctx) => {
    if (ctx.argv[1] === '--help') {
      ctx.stderr(BUSYBOX_USAGE.cp)
      return 0
    }
    const p = parse(ctx, 'cp', 'arPLHpfinlsTuvRdt', { archive: 'a', force: 'f', interactive: 'i', 'no-clobber': 'n', link: 'l', dereference: 'L', 'no-dereference': 'P',
      recursive: 'R', 'symbolic-link': 's', 'no-target-directory': 'T', 'target-directory': 't', verbose: 'v', update: 'u', preserve: 'p' })
    if (typeof p === 'number') return p
    if (p.flags.has('l') || p.flags.has('s')) {
      ctx.stderr("cp: -l and -s (making links) are not simulated in the lab; cp copies the files' contents\n")
      return 1
    }
    const recursive = p.flags.has('r') || p.flags.has('R') || p.flags.has('a')
    const ask = asker(ctx, 'cp')
    const list = pairs(fs, p, (src, dest) => {
      const s = fs.isDir(fs.resolve(src))
      const d = fs.exists(fs.resolve(dest))
      return !(s || fs.isDir(fs.resolve(dest))) || (recursive && s && !d)
    })
    if (list === 'usage') {
      ctx.stderr(BUSYBOX_USAGE.cp)
      return 1
    }
    if ('die' in list) {
      ctx.stderr(`cp: ${list.die}\n`)
      return 1
    }
    const fail = (m: string) => {
      ctx.stderr(`cp: ${m}\n`)
      return false
    }
    /** The folder the current operand's copy made first: met again as a source, it is not copied into itself. */
    let made: string | undefined
    /** copy_file: whether it copied. */
    const copy = (src: string, dest: string): boolean => {
      const from = fs.resolve(src)
      const to = fs.resolve(dest)
      const srcProblem = pathProblem(fs, src) ?? (fs.exists(from) ? undefined : 'No such file or directory')
      if (srcProblem) return fail(`can't stat '${src}': ${srcProblem}`)
      const destProblem = pathProblem(fs, dest)
      if (destProblem && destProblem !== 'No such file or directory') return fail(`can't stat '${dest}': ${destProblem}`)
      const exists = fs.exists(to)
      if (exists && from === to) return fail(`'${src}' and '${dest}' are the same file`)
      if (fs.isDir(from)) {
        if (!recursive) return fail(`omitting directory '${src}'`)
        if (exists && !fs.isDir(to)) return fail(`target '${dest}' is not a directory`)
        if (from === made) return fail(`recursion detected, omitting directory '${src}'`)
        if (!exists) {
          if (fs.readOnlyAt(to) || !fs.isDir(parentOf(to))) return fail(`can't create directory '${dest}': ${fs.readOnlyAt(to) ? 'Read-only file system' : 'No such file or directory'}`)
          fs.mkdir(to)
          made ??= to
        }
        let ok = true
        for (const name of [...(fs.list(from) ?? [])].sort()) ok = copy(concat(src, name), concat(dest, name)) && ok
        if (p.flags.has('v')) ctx.stdout(`'${src}' -> '${dest}'\n`)
        return ok
      }
      if (exists) {
        if (p.flags.has('n')) return true
        if (p.flags.has('i') && !ask(dest)) return true
      }
      const why = fs.isDir(to) || (!exists && dest.endsWith('/')) ? 'Is a directory' : fs.readOnlyAt(to) ? 'Read-only file system' : !fs.isDir(parentOf(to)) || destProblem ? destProblem ?? 'No such file or directory' : undefined
      if (why) return fail(`can't create '${dest}': ${why}`)
      fs.writeFile(to, fs.readFile(from) ?? '')
      if (p.flags.has('v')) ctx.stdout(`'${src}' -> '${dest}'\n`)
      return true
    }
    let status = 0
    for (const [src, dest] of list) {
      made = undefined
      if (!copy(src, dest)) status = 1
    }
    return status
  })
}

export function busyboxMv(fs: TrackedFs): CommandSpec {
  return spec('mv', async (ctx) => {
    if (ctx.argv[1] === '--help') {
      ctx.stderr(BUSYBOX_USAGE.mv)
      return 0
    }
    const p = parse(ctx, 'mv', 'finTvt', { interactive: 'i', force: 'f', 'no-clobber': 'n', 'no-target-directory': 'T', 'target-directory': 't', verbose: 'v' })
    if (typeof p === 'number') return p
    const ask = asker(ctx, 'mv')
    const list = pairs(fs, p, (_src, dest) => !fs.isDir(fs.resolve(dest)))
    if (list === 'usage') {
      ctx.stderr(BUSYBOX_USAGE.mv)
      return 1
    }
    if ('die' in list) {
      ctx.stderr(`mv: ${list.die}\n`)
      return 1
    }
    /** rename(2)'s error for SRC to DEST, or undefined when it can be done. */
    const renameError = (src: string, dest: string): string | undefined => {
      const from = fs.resolve(src)
      const to = fs.resolve(dest)
      const srcProblem = pathProblem(fs, src) ?? (fs.exists(from) ? undefined : 'No such file or directory')
      if (srcProblem) return srcProblem
      const destProblem = pathProblem(fs, dest)
      if (destProblem) return destProblem
      if (!fs.exists(to) && dest.endsWith('/') && !fs.isDir(from)) return 'Not a directory'
      if (from === to) return undefined
      if (fs.isDir(from) && to.startsWith(`${from}/`)) return 'Invalid argument'
      if (fs.exists(to)) {
        if (fs.isDir(from) && !fs.isDir(to)) return 'Not a directory'
        if (!fs.isDir(from) && fs.isDir(to)) return 'Is a directory'
        if (fs.isDir(to) && (fs.list(to) ?? []).length > 0) return 'Directory not empty'
      }
      // within the read-only volume; a move across its edge is another device's (EXDEV): mv copies then
      if (fs.readOnlyAt(from) && fs.readOnlyAt(to)) return 'Read-only file system'
      return undefined
    }
    const move = (from: string, to: string) => {
      if (fs.isDir(from)) {
        if (!fs.exists(to)) fs.mkdir(to)
        for (const name of fs.list(from) ?? []) move(`${from}/${name}`, `${to}/${name}`)
      } else fs.writeFile(to, fs.readFile(from) ?? '')
      fs.remove(from)
    }
    const copyOut = (from: string, to: string) => {
      if (!fs.isDir(from)) return fs.writeFile(to, fs.readFile(from) ?? '')
      if (!fs.exists(to)) fs.mkdir(to)
      for (const name of fs.list(from) ?? []) copyOut(`${from}/${name}`, `${to}/${name}`)
    }
    let status = 0
    for (const [src, dest] of list) {
      const to = fs.resolve(dest)
      const overwrite = fs.exists(to) && fs.resolve(src) !== to
      if (overwrite && p.flags.has('n')) continue
      if (overwrite && p.flags.has('i') && !ask(dest)) continue
      const error = renameError(src, dest)
      if (error) {
        ctx.stderr(`mv: can't rename '${src}': ${error}\n`)
        status = 1
      } else if (fs.readOnlyAt(to) && !fs.readOnlyAt(fs.resolve(src))) {
        // into the read-only volume: the old target cannot go, or the copy cannot be made
        ctx.stderr(`mv: can't ${fs.exists(to) ? 'remove' : 'create'} '${dest}': Read-only file system\n`)
        status = 1
      } else if (fs.readOnlyAt(fs.resolve(src)) && !fs.readOnlyAt(to)) {
        // out of it: copied, then the source cannot go
        if (fs.exists(to)) fs.remove(to)
        copyOut(fs.resolve(src), to)
        ctx.stderr(`mv: can't remove '${src}': Read-only file system\n`)
        status = 1
      } else if (fs.resolve(src) !== to) {
        if (fs.exists(to)) fs.remove(to)
        move(fs.resolve(src), to)
      }
      // (mv.c prints it whether the rename worked or not)
      if (p.flags.has('v')) ctx.stdout(`'${src}' -> '${dest}'\n`)
    }
    return status
  })
}
