// busybox find in a busybox-based image, over the container's own tree (symlinks and all: the
// token's volume shows its `..data` link and timestamped folder, as `ls -la` does), with what the
// shell wrote or removed. A folder's entries are walked by name (the real find goes in the order
// the file system lists them, which the lab has no record of).
// Imitates: busybox 1.36.1 findutils/find.c: the expression as OR-groups of ANDed actions, `!`
// inverting the next one; options before the first action (-follow, -depth, -maxdepth,
// -mindepth); `-print` assumed when no -print, -print0, -exec or -delete is given; `-exec ... +`
// run once at the end (its failure makes the status 1); its messages word for word.

import type { CommandContext, CommandSpec } from '../shell/types'
import type { ContainerProcess } from '../cluster/kubelet/exec/containerShell'
import { resolve, sizeOf, type FsDir, type FsNode } from '../cluster/kubelet/exec/vfs'
import { matchPattern } from '../shell/pattern'
import { overlayTree, STRERROR, walkEntry, type TrackedFs } from './containerTree'
import { BUSYBOX_USAGE } from './busyboxUsage'

/** find.c's answer bits: TRUE (the action succeeded) and SKIP (do not descend: -prune). */
const TRUE = 1
const SKIP = 2
/** One action: its answer bits for a file, and whether a `!` inverts it. */
interface Action { invert: boolean; run: (f: Visit) => Promise<number> }
/** OR-groups of ANDed actions. */
type Expr = Action[][]

interface Visit { path: string; node: FsNode; depth: number }

class Stop extends Error {}
/** A complaint that ends find before it walks (status 1); `usage`: busybox's usage follows it. */
class Die extends Error {
  constructor(message: string, readonly usage = false) { super(message) }
}

/** The primaries busybox has that the lab does not simulate. */
const NOT_HERE = new Set(['-xdev', '-executable', '-regex', '-perm', '-atime', '-ctime', '-amin', '-cmin', '-inum', '-samefile', '-user', '-group', '-context', '-links'])
/** Those that take an argument (find.c: every parameter from -name on). */
const WITH_ARG = new Set(['-name', '-iname', '-path', '-wholename', '-ipath', '-regex', '-type', '-perm', '-mtime', '-atime', '-ctime', '-mmin', '-amin', '-cmin',
  '-newer', '-inum', '-samefile', '-user', '-group', '-size', '-context', '-links', '-mindepth', '-maxdepth'])

const TYPES: Record<string, FsNode['kind'] | 'none'> = { f: 'file', d: 'dir', l: 'link', c: 'dev', b: 'none', p: 'none', s: 'none' }

const glob = (pattern: string, s: string, fold: boolean) =>
  matchPattern([{ text: fold ? pattern.toUpperCase() : pattern, quoted: false }], fold ? s.toUpperCase() : s)

/** xatoul after plus_minus_num: the number, or busybox's complaint. */
function number(arg: string, suffixes: Record<string, number> = {}): number {
  const body = arg.replace(/^[+-]/, '')
  const m = /^(\d+)([a-z]?)$/.exec(body)
  const unit = m ? (m[2] === '' ? (suffixes[''] ?? 1) : suffixes[m[2]]) : undefined
  if (!m || unit === undefined) throw new Die(`invalid number '${body}'`)
  return Number(m[1]) * unit
}

/** What -name looks at: the last component, trailing slashes of a top-level name left out. */
function nameOf(path: string): string {
  const trimmed = path.replace(/\/+$/, '')
  if (trimmed === '') return '/'
  return trimmed.slice(trimmed.lastIndexOf('/') + 1)
}

/** 1 when `ok` (find.c's TRUE), else 0. */
const bit = (ok: boolean) => (ok ? TRUE : 0)

/** find.c's compare of an age with N units: `+N` older than N+1 units, `-N` younger than N, `N` within the Nth. */
const ageIs = (age: number, arg: string, n: number, unit: number) =>
  arg[0] === '+' ? age >= (n + 1) * unit : arg[0] === '-' ? age < n * unit : age >= n * unit && age < (n + 1) * unit

export function busyboxFind(p: ContainerProcess, flat: Record<string, string>, fs: TrackedFs): CommandSpec {
  return {
    name: 'find', summary: 'find', usage: 'find',
    async run(ctx: CommandContext) {
      if (ctx.argv[1] === '--help') {
        ctx.stderr(BUSYBOX_USAGE.find)
        return 0
      }
      const now = ctx.lab.now()
      const tree: FsDir = overlayTree(p.root, flat, fs, now)
      const cwd = fs.cwd()
      let args = ctx.argv.slice(1)
      // -H and -L before the paths (getopt "+HLP")
      let follow = 'no' as 'no' | 'top' | 'all'
      while (args.length && /^-[HLP]+$/.test(args[0])) {
        for (const ch of args[0].slice(1)) follow = ch === 'L' ? 'all' : ch === 'H' && follow !== 'all' ? 'top' : follow
        args = args.slice(1)
      }
      if (args[0] === '--') args = args.slice(1)
      const first = args.findIndex((a) => a.startsWith('-') || a === '!' || a === '(')
      const paths = first < 0 ? args : args.slice(0, first)
      const opts = { print: true, depthFirst: false, min: 0, max: Infinity, follow }
      const batches: { argv: string[]; names: string[] }[] = []
      let status = 0

      const stat = (path: string, top: boolean) => walkEntry(tree, path, opts.follow === 'all' || (opts.follow === 'top' && top), cwd)
      const exec = async (argv: string[]): Promise<number | undefined> => {
        const name = argv[0].slice(argv[0].lastIndexOf('/') + 1)
        const spec = ctx.shell.commands().find((s) => s.name === name)
        if (!spec || spec.missing) {
          ctx.stderr(`find: ${argv[0]}: No such file or directory\n`)
          return undefined
        }
        const code = await spec.run({ ...ctx, argv: [name, ...argv.slice(1)], stdin: '', stdinIsTTY: false })
        return Number.isInteger(code) ? code & 0xff : 1
      }

      const parse = (words: string[]): Expr => {
        const groups: Expr = [[]]
        let invert = false
        const add = (run: Action['run']) => {
          groups[groups.length - 1].push({ invert, run })
          invert = false
        }
        for (let i = 0; i < words.length; i++) {
          const w = words[i]
          if (WITH_ARG.has(w) && i + 1 >= words.length) throw new Die(`${w} requires an argument`)
          const arg = WITH_ARG.has(w) ? words[++i] : ''
          if (NOT_HERE.has(w)) throw new Die(`${w} is not simulated in the lab; -name, -path, -type, -size, -mtime, -mmin, -newer and -empty are`)
          switch (w) {
            case '-follow': opts.follow = 'all'; break
            case '-depth': opts.depthFirst = true; break
            case '-mindepth': case '-maxdepth': {
              if (!/^\d+$/.test(arg)) throw new Die(`invalid number '${arg}'`)
              if (w === '-mindepth') opts.min = Number(arg)
              else opts.max = Number(arg)
              break
            }
            case '-a': case '-and': break
            case '-o': case '-or': groups.push([]); break
            case '!': case '-not': invert = !invert; break
            case '-print': case '-print0': {
              opts.print = false
              const end = w === '-print' ? '\n' : '\0'
              add(async (f) => { ctx.stdout(f.path + end); return TRUE })
              break
            }
            case '-prune': add(async () => SKIP | TRUE); break
            case '-quit': add(async () => { throw new Stop() }); break
            case '-delete':
              opts.print = false
              opts.depthFirst = true
              add(async (f) => {
                // "find . -delete" leaves "." alone
                if (f.node.kind === 'dir' && f.path === '.') return TRUE
                // a read-only volume's own folder is a mount point: rmdir says busy before anything else
                const mountPoint = f.node.kind === 'dir' && (p.readOnly ?? []).includes(fs.resolve(f.path))
                const why = mountPoint ? 'Resource busy' : fs.readOnlyAt(f.path) ? 'Read-only file system' : f.node.kind === 'dir' && (fs.list(f.path) ?? []).length > 0 ? 'Directory not empty' : undefined
                if (why || !fs.remove(f.path)) ctx.stderr(`find: ${f.path}: ${why ?? 'No such file or directory'}\n`)
                return TRUE
              })
              break
            case '-empty':
              add(async (f) => bit(f.node.kind === 'dir' ? f.node.children.size === 0 : f.node.kind === 'file' && sizeOf(f.node) === 0))
              break
            case '-exec': {
              opts.print = false
              let end = i + 1
              while (end < words.length && !(words[end] === ';' || words[end] === '+')) end++
              if (end >= words.length || end === i + 1) throw new Die('-exec requires an argument')
              const argv = words.slice(i + 1, end)
              if (words[end] === '+') {
                if (argv.reduce((n, a) => n + a.split('{}').length - 1, 0) !== 1) throw new Die("only one '{}' allowed for -exec +")
                const batch = { argv, names: [] as string[] }
                batches.push(batch)
                add(async (f) => { batch.names.push(f.path); return TRUE })
              } else add(async (f) => bit((await exec(argv.map((a) => a.split('{}').join(f.path)))) === 0))
              i = end
              break
            }
            case '(': {
              let nested = 1
              let end = i
              while (nested > 0) {
                if (++end >= words.length) throw new Die("unpaired '('")
                if (words[end] === '(') nested++
                else if (words[end] === ')') nested--
              }
              const sub = parse(words.slice(i + 1, end))
              add((f) => evaluate(sub, f))
              i = end
              break
            }
            case '-name': case '-iname':
              add(async (f) => bit(glob(arg, nameOf(f.path), w === '-iname')))
              break
            case '-path': case '-wholename': case '-ipath':
              add(async (f) => bit(glob(arg, f.path, w === '-ipath')))
              break
            case '-type': {
              const kind = arg.length === 1 ? TYPES[arg] : undefined
              if (!kind) throw new Die(`invalid argument '${arg}' to '-type'`)
              add(async (f) => bit(f.node.kind === kind))
              break
            }
            case '-mtime': case '-mmin': {
              const unit = w === '-mtime' ? 86_400 : 60
              const n = number(arg)
              add(async (f) => bit(ageIs(Math.floor(now / 1000) - Math.floor(f.node.mtime / 1000), arg, n, unit)))
              break
            }
            case '-newer': {
              const r = resolve(tree, arg, true, cwd)
              if (typeof r === 'string') throw new Die(`can't stat '${arg}': No such file or directory`)
              const since = Math.floor(r.node.mtime / 1000)
              add(async (f) => bit(since < Math.floor(f.node.mtime / 1000)))
              break
            }
            case '-size': {
              const n = number(arg, { c: 1, w: 2, '': 512, b: 512, k: 1024 })
              add(async (f) => bit(arg[0] === '+' ? sizeOf(f.node) > n : arg[0] === '-' ? sizeOf(f.node) < n : sizeOf(f.node) === n))
              break
            }
            default:
              throw new Die(`unrecognized: ${w}`, true)
          }
        }
        return groups
      }
      /**
       * exec_actions: the groups in turn until one whose actions all succeed (an empty group ends
       * the list); a SKIP met on the way sticks, whichever group it was in.
       */
      const evaluate = async (e: Expr, f: Visit): Promise<number> => {
        let rc = 0
        for (const group of e) {
          if (group.length === 0) break
          rc &= ~TRUE
          let failed = false
          for (const a of group) {
            rc |= TRUE ^ (await a.run(f))
            if (a.invert) rc ^= TRUE
            if (rc & TRUE) { failed = true; break }
          }
          if (!failed) return rc ^ TRUE
        }
        return rc ^ TRUE
      }

      let expr: Expr
      try {
        expr = parse(first < 0 ? [] : args.slice(first))
      } catch (e) {
        if (!(e instanceof Die)) throw e
        ctx.stderr(`find: ${e.message}\n${e.usage ? BUSYBOX_USAGE.find : ''}`)
        return 1
      }
      /** fileAction: acts within the depths asked (printing when nothing else prints); whether not to descend. */
      const act = async (f: Visit): Promise<boolean> => {
        if (f.depth < opts.min) return false
        if (f.depth > opts.max) return true
        const r = await evaluate(expr, f)
        if (r & TRUE && opts.print) ctx.stdout(`${f.path}\n`)
        return (r & SKIP) !== 0 || (f.node.kind === 'dir' && f.depth === opts.max)
      }
      /** recursive_action: a folder's entries (by name) after it, or before it with -depth and -delete. */
      const walk = async (f: Visit): Promise<void> => {
        if (f.node.kind !== 'dir') {
          await act(f)
          return
        }
        if (!opts.depthFirst && (await act(f))) return
        // (a link back up would go round forever when followed: the real find stops at the path's length limit)
        if (f.depth < opts.max && f.path.length < 4096) {
          for (const name of [...f.node.children.keys()].sort()) {
            const path = f.path.endsWith('/') ? `${f.path}${name}` : `${f.path}/${name}`
            const r = stat(path, false)
            if (typeof r !== 'string') await walk({ path, node: r.node, depth: f.depth + 1 })
          }
        }
        if (opts.depthFirst) await act(f)
      }
      try {
        for (const path of paths.length ? paths : ['.']) {
          const r = stat(path, true)
          if (typeof r === 'string') {
            ctx.stderr(`find: ${path}: ${STRERROR[r]}\n`)
            status = 1
            continue
          }
          await walk({ path, node: r.node, depth: 0 })
        }
        for (const b of batches) {
          if (b.names.length === 0) continue
          // the word with {} once for each name
          const code = await exec(b.argv.flatMap((a) => (a.includes('{}') ? b.names.map((n) => a.split('{}').join(n)) : [a])))
          if (code !== 0) status = 1
        }
      } catch (e) {
        if (!(e instanceof Stop)) throw e
      }
      return status
    },
  }
}
