// The applets of a busybox-based image's shell (Alpine, busybox, agnhost ...): ls over the
// container's own tree with the shell's changes, wc, base64 -d, id, touch as busybox has them,
// and the workstation's GNU modules for the rest with busybox's wording (busyboxWords.ts).
// Imitates: busybox coreutils/wc.c, coreutils/id.c, coreutils/touch.c and libbb/uuencode.c (read_base64).

import type { CommandContext, CommandSpec } from '../shell/types'
import type { ContainerProcess } from '../cluster/kubelet/exec/containerShell'
import { ls } from '../cluster/kubelet/exec/ls'
import { bytesOf } from '../common/bytes'
import { busyboxBase64 } from './busyboxBase64'
import { BUSYBOX_USAGE } from './busyboxUsage'
import { busyboxWording } from './busyboxWords'
import { overlayTree, type TrackedFs } from './containerTree'
import { busyboxEnv } from './busyboxEnv'
import { lookPath } from '../cluster/kubelet/exec/busybox'

/** The lab's terminal is 80 columns wide (as ps in the container assumes). */
const TERMINAL_COLUMNS = 80

/** Applets whose GNU module answers with busybox's words. */
const REWORDED = ['head', 'tail', 'cut', 'tr', 'sort', 'uniq', 'grep', 'sed', 'awk', 'seq', 'xargs', 'date', 'od', 'xxd', 'base64',
  'md5sum', 'sha1sum', 'sha256sum', 'sha512sum', 'mkdir', 'rm', 'cat']

const spec = (name: string, run: (ctx: CommandContext) => Promise<number>): CommandSpec => ({ name, summary: name, usage: name, run })

/** The first line of a GNU complaint that goes on over the next (its `Try '... --help'` line). */
const SPANS_LINES = /invalid option -- |unrecognized option '|missing (?:file )?operand|^Usage: grep|invalid floating point argument|you must specify a list/m

/**
 * A GNU module whose standard error (and status) is reworded as the busybox applet's. Its
 * complaints pass line by line as it writes them (between its output, as on a terminal), but
 * a usage complaint is kept to the end, where it becomes the applet's usage.
 */
export function reworded(gnu: CommandSpec): CommandSpec {
  return spec(gnu.name, async (ctx) => {
    const args = ctx.argv.slice(1)
    let pending = ''
    let held: string | undefined
    let shown = ''
    let changed = false
    const show = (lines: string) => {
      const r = busyboxWording(gnu.name, lines, 0, args)
      changed ||= r.stderr !== lines
      shown += r.stderr
      if (r.stderr) ctx.stderr(r.stderr)
    }
    // the command's context, getters kept (reading stdin notes that the pipe was read: sigpipe.ts)
    const inner = Object.defineProperties({}, Object.getOwnPropertyDescriptors(ctx)) as CommandContext
    inner.argv = gnu.name === 'grep' ? recursiveGrep(ctx) : ctx.argv
    inner.stderr = (t: string) => {
      if (held !== undefined) { held += t; return }
      pending += t
      const cut = pending.lastIndexOf('\n') + 1
      if (cut === 0) return
      const lines = pending.slice(0, cut)
      pending = pending.slice(cut)
      if (SPANS_LINES.test(lines)) held = lines
      else show(lines)
    }
    const status = await gnu.run.call(gnu, inner)
    const rest = (held ?? '') + pending
    const r = busyboxWording(gnu.name, rest, status, args)
    let stderr = r.stderr
    // busybox tail with no file it could open says so
    const all = shown + stderr
    if (gnu.name === 'tail' && /^(tail: can't open '.+': .+\n)+$/.test(all) && r.status === 1 && !args.some((a) => !a.startsWith('-') && ctx.fs.exists(a))) stderr += 'tail: no files\n'
    if (stderr) ctx.stderr(stderr)
    // sed and awk stop at a file they cannot open with status 1 where GNU's go on with 2
    return changed && status === 2 && (gnu.name === 'sed' || gnu.name === 'awk') ? 1 : r.status
  })
}

/**
 * grep -r/-R: the GNU module reads the files under each directory operand (`.` without one),
 * named `DIR/NAME` and prefixed with their name, as busybox's recursive_action walks them.
 */
function recursiveGrep(ctx: CommandContext): string[] {
  const args = ctx.argv.slice(1)
  const opts: string[] = []
  const operands: string[] = []
  let recurse = false
  let patternGiven = false
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a === '--') { operands.push(...args.slice(i + 1)); break }
    if (!a.startsWith('-') || a === '-' || a.startsWith('--')) { (a.startsWith('--') ? opts : operands).push(a); continue }
    let kept = '-'
    for (let j = 1; j < a.length; j++) {
      const ch = a[j]
      if (ch === 'r' || ch === 'R') { recurse = true; continue }
      kept += ch
      if ('efmABC'.includes(ch)) {
        if (ch === 'e' || ch === 'f') patternGiven = true
        if (j + 1 < a.length) kept += a.slice(j + 1)
        else if (i + 1 < args.length) { opts.push(kept, args[++i]); kept = '' }
        break
      }
    }
    if (kept.length > 1) opts.push(kept)
  }
  if (!recurse) return ctx.argv
  const pattern = patternGiven ? [] : operands.splice(0, 1)
  const files: string[] = []
  const walk = (path: string) => {
    if (!ctx.fs.isDir(path)) { files.push(path); return }
    for (const name of ctx.fs.list(path) ?? []) walk(path.endsWith('/') ? path + name : `${path}/${name}`)
  }
  for (const o of operands.length ? operands : ['.']) walk(o)
  return [ctx.argv[0], ...(opts.includes('-h') ? [] : ['-H']), ...opts, '--', ...pattern, ...files]
}

/** musl getopt over single-letter flags: the set seen, the operands, or the bad letter. */
function flagsOf(args: string[], letters: string): { flags: Set<string>; operands: string[] } | { bad: string } {
  const flags = new Set<string>()
  const operands: string[] = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a === '--') { operands.push(...args.slice(i + 1)); break }
    if (!a.startsWith('-') || a === '-') { operands.push(a); continue }
    for (const ch of a.slice(1)) {
      if (!letters.includes(ch)) return { bad: ch }
      flags.add(ch)
    }
  }
  return { flags, operands }
}

const usageFail = (ctx: CommandContext, applet: string, bad?: string) => {
  ctx.stderr(`${bad !== undefined ? `${applet}: unrecognized option: ${bad}\n` : ''}${BUSYBOX_USAGE[applet] ?? ''}`)
  return 1
}

/** wc.c's counts of one input: lines, words, chars, bytes, longest line (no Unicode: LANG is unset in images). */
function counts(bytes: Uint8Array): number[] {
  let lines = 0, words = 0, linepos = 0, longest = 0, inWord = false
  const endLine = (c: number) => {
    if (linepos > longest) longest = linepos
    if (c === 10) lines++
    if (c !== 11) linepos = 0
  }
  for (const c of bytes) {
    if (c >= 0x20 && c < 0x7f) {
      linepos++
      if (c !== 0x20) { inWord = true; continue }
    } else if (c >= 9 && c <= 13) {
      if (c === 9) linepos = (linepos | 7) + 1
      else endLine(c)
    } else continue
    if (inWord) words++
    inWord = false
  }
  endLine(-1)
  if (inWord) words++
  return [lines, words, bytes.length, bytes.length, longest]
}

/** busybox wc: `%9u` columns, one count alone unpadded for a single input, no name for stdin. */
export const busyboxWc = spec('wc', async (ctx) => {
  const p = flagsOf(ctx.argv.slice(1), 'lwmcL')
  if ('bad' in p) return usageFail(ctx, 'wc', p.bad)
  const order = ['l', 'w', 'm', 'c', 'L']
  let which = order.map((f) => p.flags.has(f))
  if (!which.some(Boolean)) which = [true, true, false, true, false]
  const names = p.operands.length ? p.operands : ['-']
  const single = names.length === 1 && which.filter(Boolean).length === 1
  const totals = [0, 0, 0, 0, 0]
  let status = 0
  const row = (c: number[], name: string | undefined) => {
    const cells = c.filter((_, i) => which[i]).map((n, i) => (i === 0 && single ? String(n) : String(n).padStart(9)))
    ctx.stdout(`${cells.join(' ')}${name === undefined ? '' : ` ${name}`}\n`)
  }
  for (const name of names) {
    let text: string | undefined
    if (name === '-') text = ctx.stdin
    else if (ctx.fs.isDir(name)) {
      ctx.stderr(`wc: ${name}: Is a directory\n`)
      status = 1
      text = ''
    } else {
      text = ctx.fs.readFile(name)
      if (text === undefined) {
        ctx.stderr(`wc: ${name}: No such file or directory\n`)
        status = 1
        continue
      }
    }
    const c = counts(bytesOf(text))
    c.forEach((n, i) => (totals[i] = i === 4 ? Math.max(totals[i], n) : totals[i] + n))
    row(c, p.operands.length ? name : undefined)
  }
  if (names.length > 1) row(totals, 'total')
  return status
})

/** id [-u|-g|-G] [-n] [-r] for root (groups as the image's /etc/group gives them). */
export function busyboxId(groups: [number, string][]): CommandSpec {
  return spec('id', async (ctx) => {
    const p = flagsOf(ctx.argv.slice(1), 'ugGnr')
    if ('bad' in p) return usageFail(ctx, 'id', p.bad)
    if (p.operands.length > 1) return usageFail(ctx, 'id')
    if (p.operands.length === 1 && p.operands[0] !== 'root') {
      ctx.stderr(`id: unknown user ${p.operands[0]}\n`)
      return 1
    }
    const f = p.flags
    const name = f.has('n')
    if (f.has('u') || f.has('g')) ctx.stdout(name ? 'root\n' : '0\n')
    else if (f.has('G')) ctx.stdout(groups.map(([n, g]) => (name ? g : String(n))).join(' ') + '\n')
    else ctx.stdout(`uid=0(root) gid=0(root) groups=${groups.map(([n, g]) => `${n}(${g})`).join(',')}\n`)
    return 0
  })
}

/** touch [-c] FILE...: creates empty files, gives existing ones a new mtime (on the lab clock). */
export function busyboxTouch(fs: TrackedFs): CommandSpec {
  return spec('touch', async (ctx) => {
    const p = flagsOf(ctx.argv.slice(1), 'cham')
    if ('bad' in p && 'dtr'.includes(p.bad)) {
      ctx.stderr(`touch: -${p.bad} (a given time) is not simulated in the lab\n`)
      return 1
    }
    if ('bad' in p) return usageFail(ctx, 'touch', p.bad)
    if (p.operands.length === 0) return usageFail(ctx, 'touch')
    let status = 0
    for (const name of p.operands) {
      if (fs.exists(name)) fs.touch(name)
      else if (p.flags.has('c')) continue
      else if (!fs.isDir(name.includes('/') ? name.slice(0, name.lastIndexOf('/')) || '/' : '.')) {
        ctx.stderr(`touch: ${name}: No such file or directory\n`)
        status = 1
      } else fs.writeFile(name, '')
    }
    return status
  })
}

/**
 * ls: busybox's, over the container's tree with this shell's changes; columns on the terminal.
 * Alpine's busybox would also colour the names there (FEATURE_LS_COLOR_IS_DEFAULT, TERM set by
 * the runtime for a tty); the lab's terminal shows no ANSI colours, so the names stay plain.
 */
export function containerLs(p: ContainerProcess, flat: Record<string, string>, fs: TrackedFs): CommandSpec {
  return spec('ls', async (ctx) => {
    const now = ctx.lab.now()
    const out = ls(overlayTree(p.root, flat, fs, now), ctx.argv.slice(1), now, { cwd: fs.cwd(), width: p.tty && ctx.stdoutIsTTY ? TERMINAL_COLUMNS : undefined })
    ctx.stdout(out.stdout)
    ctx.stderr(out.stderr)
    return out.exitCode
  })
}

/** Alpine's root: the groups its /etc/group lists root in. */
export const ALPINE_ROOT_GROUPS: [number, string][] = [[0, 'root'], [1, 'bin'], [2, 'daemon'], [3, 'sys'], [4, 'adm'], [6, 'disk'], [10, 'wheel'], [11, 'floppy'], [20, 'dialout'], [26, 'tape'], [27, 'video']]

/** The busybox applets of a busybox-based image, given the workstation's modules for the rest. */
export function busyboxTools(p: ContainerProcess, flat: Record<string, string>, fs: TrackedFs, gnu: readonly CommandSpec[]): CommandSpec[] {
  const isProgram = (name: string) => lookPath({ root: p.root, env: p.env, hostname: p.hostname, now: 0, stdin: '' }, name).found
  const out: CommandSpec[] = [containerLs(p, flat, fs), busyboxWc, busyboxId(ALPINE_ROOT_GROUPS), busyboxTouch(fs), busyboxEnv(isProgram)]
  for (const g of gnu) {
    if (g.name === 'base64') out.push(busyboxBase64(reworded(g)))
    else if (REWORDED.includes(g.name)) out.push(reworded(g))
  }
  return out
}
