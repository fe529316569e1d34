// cp and mv (coreutils 9.1): copy or move files and directory trees in the home filesystem. mv keeps a
// file's mode; cp gives a new file its source's, less the umask and the set-id and sticky bits (-p
// and -a: all of it). The lab keeps no file times or owners, so -p's and -a's other preserving and -x
// change nothing; -i is not offered (the lab cannot wait for the answer to its question).

import type { CommandContext, CommandSpec, FlagSpec, HomeFs } from '../types'
import { baseName, dirname } from '../fs'
import { getopt, has, printHelp, tableFromFlags, usageError } from './util'
import { UMASK } from '../modes'

/** file_name_concat: DIR and NAME joined with one slash. */
const join = (dir: string, name: string) => (dir.endsWith('/') ? `${dir}${name}` : `${dir}/${name}`)
const inside = (path: string, dir: string) => path === dir || path.startsWith(dir === '/' ? '/' : `${dir}/`)

/** How a copy's mode is set: mv and cp -p keep the source's on every entry, cp gives new ones the source's less the umask. */
type ModeRule = 'keep' | 'new'

/** Copy the tree at `from` to `to` (both resolved), each entry said with -v as `'SHOWN' -> 'SHOWN'`. */
function copyTree(fs: HomeFs, from: string, to: string, shown: [string, string], rule: ModeRule, say?: (line: string) => void): void {
  say?.(`'${shown[0]}' -> '${shown[1]}'\n`)
  const fresh = !fs.exists(to)
  const source = fs.mode?.(from)
  const setMode = () => {
    if (source !== undefined && (rule === 'keep' || fresh)) fs.chmod?.(to, rule === 'keep' ? source : source & 0o777 & ~UMASK)
  }
  if (!fs.isDir(from)) {
    fs.writeFile(to, fs.readFile(from) ?? '')
    return setMode()
  }
  if (!fs.isDir(to)) fs.mkdir(to)
  setMode()
  for (const name of fs.list(from) ?? []) copyTree(fs, `${from}/${name}`, `${to}/${name}`, [join(shown[0], name), join(shown[1], name)], rule, say)
}

/**
 * A file's destination written with a trailing slash names a folder that is not there: what cp or
 * mv says (coreutils: stat of an existing file through `g/` fails first), or undefined.
 */
function notAFolder(fs: HomeFs, prog: 'cp' | 'mv', src: string, dest: string, to: string): string | undefined {
  if (!dest.endsWith('/') || fs.isDir(to)) return undefined
  if (fs.exists(to)) return `cannot stat '${dest}': Not a directory`
  return prog === 'cp' ? `cannot create regular file '${dest}': Not a directory` : `cannot move '${src}' to '${dest}': Not a directory`
}

interface Plan {
  /** Each source as typed, and where it goes: the name as shown and the resolved path. */
  moves: { src: string; dest: string }[]
}

/** The operands as cp and mv read them: the last is the target; with several sources it must be a directory. */
function plan(ctx: CommandContext, prog: string, operands: string[]): Plan | number {
  if (operands.length === 0) return usageError(ctx, prog, 'missing file operand')
  if (operands.length === 1) return usageError(ctx, prog, `missing destination file operand after '${operands[0]}'`)
  const target = operands[operands.length - 1]
  const sources = operands.slice(0, -1)
  const targetPath = ctx.fs.resolve(target)
  if (sources.length > 1 && !ctx.fs.isDir(targetPath)) {
    ctx.stderr(`${prog}: target '${target}'${ctx.fs.exists(targetPath) ? ' is not a directory' : ': No such file or directory'}\n`)
    return 1
  }
  const intoDir = ctx.fs.isDir(targetPath)
  return { moves: sources.map((src) => ({ src, dest: intoDir ? join(target, baseName(src)) : target })) }
}

const cpFlags: FlagSpec[] = [
  { name: 'archive', short: 'a', takesValue: false, help: 'same as -dR --preserve=all' },
  { name: 'force', short: 'f', takesValue: false, help: 'if an existing destination file cannot be opened, remove it and try again' },
  { name: 'no-clobber', short: 'n', takesValue: false, help: 'do not overwrite an existing file' },
  { name: 'recursive', short: 'r', takesValue: false, help: 'copy directories recursively' },
  { name: 'verbose', short: 'v', takesValue: false, help: 'explain what is being done' },
  { name: 'help', takesValue: false, help: 'display this help and exit' },
]

export const cp: CommandSpec = {
  name: 'cp',
  summary: 'Copy files and directories.',
  usage: 'cp [OPTION]... SOURCE... DIRECTORY',
  flags: cpFlags,
  async run(ctx) {
    // -R is -r; -d, -L, -P, -p and -x are taken and change nothing here
    const table = tableFromFlags(cpFlags, 'RdLPpx')
    table.alias = { ...table.alias, R: 'recursive' }
    const p = getopt(ctx.argv.slice(1), table)
    if ('error' in p) return usageError(ctx, 'cp', p.error)
    if (has(p, 'help')) return printHelp(ctx, cp)
    const recursive = has(p, 'recursive') || has(p, 'archive')
    const preserve: ModeRule = has(p, 'p') || has(p, 'preserve') || has(p, 'archive') ? 'keep' : 'new'
    const say = has(p, 'verbose') ? (t: string) => ctx.stdout(t) : undefined
    const planned = plan(ctx, 'cp', p.operands)
    if (typeof planned === 'number') return planned
    let status = 0
    const fail = (msg: string) => {
      ctx.stderr(`cp: ${msg}\n`)
      status = 1
    }
    for (const { src, dest } of planned.moves) {
      const from = ctx.fs.resolve(src)
      const to = ctx.fs.resolve(dest)
      if (!ctx.fs.exists(from)) { fail(`cannot stat '${src}': No such file or directory`); continue }
      if (ctx.fs.isDir(from)) {
        if (!recursive) { fail(`-r not specified; omitting directory '${src}'`); continue }
        if (inside(to, from)) {
          // (the copy's directory is made before cp finds it is inside what it copies)
          if (!ctx.fs.exists(to) && ctx.fs.isDir(dirname(to))) ctx.fs.mkdir(to)
          fail(`cannot copy a directory, '${src}', into itself, '${dest}'`)
          continue
        }
        if (ctx.fs.exists(to) && !ctx.fs.isDir(to)) { fail(`cannot overwrite non-directory '${dest}' with directory '${src}'`); continue }
        if (ctx.fs.readOnlyAt?.(to)) { fail(`cannot create directory '${dest}': Read-only file system`); continue }
        copyTree(ctx.fs, from, to, [src, dest], preserve, say)
        continue
      }
      const slash = notAFolder(ctx.fs, 'cp', src, dest, to)
      if (slash) { fail(slash); continue }
      if (from === to) { fail(`'${src}' and '${dest}' are the same file`); continue }
      if (ctx.fs.isDir(to)) { fail(`cannot overwrite directory '${dest}' with non-directory`); continue }
      if (!ctx.fs.isDir(dirname(to))) { fail(`cannot create regular file '${dest}': No such file or directory`); continue }
      if (ctx.fs.exists(to) && has(p, 'no-clobber')) continue
      if (ctx.fs.readOnlyAt?.(to)) { fail(`cannot create regular file '${dest}': Read-only file system`); continue }
      copyTree(ctx.fs, from, to, [src, dest], preserve, say)
    }
    return status
  },
}

const mvFlags: FlagSpec[] = [
  { name: 'force', short: 'f', takesValue: false, help: 'do not prompt before overwriting' },
  { name: 'no-clobber', short: 'n', takesValue: false, help: 'do not overwrite an existing file' },
  { name: 'verbose', short: 'v', takesValue: false, help: 'explain what is being done' },
  { name: 'help', takesValue: false, help: 'display this help and exit' },
]

export const mv: CommandSpec = {
  name: 'mv',
  summary: 'Move (rename) files.',
  usage: 'mv [OPTION]... SOURCE... DIRECTORY',
  flags: mvFlags,
  async run(ctx) {
    const p = getopt(ctx.argv.slice(1), tableFromFlags(mvFlags))
    if ('error' in p) return usageError(ctx, 'mv', p.error)
    if (has(p, 'help')) return printHelp(ctx, mv)
    const planned = plan(ctx, 'mv', p.operands)
    if (typeof planned === 'number') return planned
    let status = 0
    const fail = (msg: string) => {
      ctx.stderr(`mv: ${msg}\n`)
      status = 1
    }
    for (const { src, dest } of planned.moves) {
      const from = ctx.fs.resolve(src)
      const to = ctx.fs.resolve(dest)
      if (!ctx.fs.exists(from)) { fail(`cannot stat '${src}': No such file or directory`); continue }
      const dir = ctx.fs.isDir(from)
      const slash = dir ? undefined : notAFolder(ctx.fs, 'mv', src, dest, to)
      if (slash) { fail(slash); continue }
      if (from === to) { fail(`'${src}' and '${dest}' are the same file`); continue }
      if (dir && inside(to, from)) { fail(`cannot move '${src}' to a subdirectory of itself, '${dest}'`); continue }
      // a read-only mount (another device): a rename within it fails; one into it is tried as a copy
      // (the target cannot be made); one out of it copies, then cannot remove the source
      const roFrom = ctx.fs.readOnlyAt?.(from) === true
      if (ctx.fs.readOnlyAt?.(to)) {
        fail(roFrom ? `cannot move '${src}' to '${dest}': Read-only file system` : `inter-device move failed: '${src}' to '${dest}'; unable to remove target: Read-only file system`)
        continue
      }
      if (ctx.fs.exists(to)) {
        if (has(p, 'no-clobber')) continue
        if (dir && !ctx.fs.isDir(to)) { fail(`cannot overwrite non-directory '${dest}' with directory '${src}'`); continue }
        if (!dir && ctx.fs.isDir(to)) { fail(`cannot overwrite directory '${dest}' with non-directory`); continue }
        if (dir && (ctx.fs.list(to) ?? []).length > 0) { fail(`cannot move '${src}' to '${dest}': Directory not empty`); continue }
        ctx.fs.remove(to)
      }
      if (!ctx.fs.isDir(dirname(to))) { fail(`cannot move '${src}' to '${dest}': No such file or directory`); continue }
      copyTree(ctx.fs, from, to, [src, dest], 'keep')
      if (roFrom) { fail(`cannot remove '${src}': Read-only file system`); continue }
      ctx.fs.remove(from)
      if (has(p, 'verbose')) ctx.stdout(`renamed '${src}' -> '${dest}'\n`)
    }
    return status
  },
}
