// The workstation's GNU modules as a busybox image's applets: their complaints reworded as
// busybox's (busyboxWords.ts) as they are written, usage complaints turned into the applet's
// usage, busybox's ways with several files (head, tail, od), and grep -r over the shell's files.

import type { CommandContext, CommandSpec } from '../shell/types'
import { busyboxArgs, busyboxRefusal, busyboxWording } from './busyboxWords'

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
    const refused = busyboxRefusal(gnu.name, args)
    if (refused) {
      ctx.stderr(refused.stderr)
      return refused.status
    }
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
    inner.argv = gnu.name === 'grep' ? recursiveGrep(ctx) : busyboxArgs(gnu.name, ctx.argv)
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
    const out = stdoutOf(gnu.name, ctx, () => shown !== '')
    inner.stdout = out.write
    const status = await gnu.run.call(gnu, inner)
    out.end()
    const rest = (held ?? '') + pending
    const r = busyboxWording(gnu.name, rest, status, args)
    let stderr = r.stderr
    // busybox tail with no file it could open says so
    const all = shown + stderr
    if (gnu.name === 'tail' && /^(tail: can't open '.+': .+\n)+$/.test(all) && r.status === 1 && !args.some((a) => !a.startsWith('-') && ctx.fs.exists(a))) stderr += 'tail: no files\n'
    if (stderr) ctx.stderr(stderr)
    // sed and awk stop at a file they cannot open with status 1 where GNU's go on with 2
    // (and sed's EX_IO, 4: busybox says 1)
    return (changed && status === 2 && (gnu.name === 'sed' || gnu.name === 'awk')) || (gnu.name === 'xxd' && status === 2) || (gnu.name === 'sed' && status === 4) ? 1 : r.status
  })
}

const operandsOf = (args: string[]) => args.filter((a) => !a.startsWith('-') || a === '-')

/**
 * busybox's own ways with several files: head puts a blank line before every header but the first
 * operand's (GNU: the first printed); tail opens them all first and heads them only when two or
 * more opened; od with no file it could read prints no offset.
 */
function stdoutOf(applet: string, ctx: CommandContext, complained: () => boolean): { write: (t: string) => void; end: () => void } {
  const files = operandsOf(ctx.argv.slice(1))
  if (applet === 'head') {
    let first = true
    return {
      write: (t) => {
        ctx.stdout(first && t.startsWith('==> ') && complained() ? `\n${t}` : t)
        first = false
      },
      end: () => {},
    }
  }
  if ((applet !== 'tail' && applet !== 'od') || files.length === 0) return { write: (t) => ctx.stdout(t), end: () => {} }
  let buf = ''
  return {
    write: (t) => { buf += t },
    end: () => {
      const opened = files.filter((f) => f === '-' || (ctx.fs.exists(f) && !ctx.fs.isDir(f))).length
      if (applet === 'tail' && files.length > 1 && opened < 2) buf = buf.replace(/^\n?==> .* <==\n/gm, '')
      if (applet === 'od' && opened === 0) buf = ''
      ctx.stdout(buf)
    },
  }
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
