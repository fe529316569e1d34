// Where a command's standard streams go, and bash's redirections applied in order (redir.c):
// `>` truncates when opened, `2>&1` copies fd 1 as it is at that point, `<` and here-documents
// replace stdin. Paths `/dev/null`, `/dev/stdout`, `/dev/stderr` and `/dev/stdin` (and `/dev/fd/0`-`2`) are special.

import type { Redirect } from './parser/ast'
import type { HomeFs, ShellDialect } from './types'
import { ExpansionError, expandFields, expandString, type ExpandContext } from './expand'
import { cannotWrite } from './fs'
import type { PipeEnd } from './sigpipe'

export type Sink =
  /** `tty: false`: the shell's output is not a terminal (kubectl exec without -t, a bash started with its output in a pipe). */
  | { kind: 'terminal'; stream: 'stdout' | 'stderr'; tty?: false }
  | { kind: 'buffer'; buf: { text: string }; pipe?: PipeEnd }
  | { kind: 'file'; path: string }
  | { kind: 'null' }

export interface IO {
  stdin: string
  stdinIsTTY: boolean
  out: Sink
  err: Sink
  /** The pipe stdin comes from, when a pipeline member reads the one before it (sigpipe.ts). */
  stdinPipe?: PipeEnd
  /** How much of stdin `read` has taken (shared by the commands reading the same input). */
  cursor?: { pos: number }
  /** The command itself has redirections (`exec >log` would keep them for the shell). */
  redirected?: boolean
  /** A command substitution that is only `< file` (`$(< file)`): bash substitutes the file's contents. */
  substituteFile?: true
}

/** What is left of a command's standard input after earlier `read`s. */
export function remainingInput(io: IO): string {
  return io.cursor ? io.stdin.slice(io.cursor.pos) : io.stdin
}

export function isTerminal(s: Sink): boolean {
  return s.kind === 'terminal' && s.tty !== false
}

/** Apply redirections; returns the new IO or throws ExpansionError with bash's message. */
export async function applyRedirects(redirects: Redirect[], io: IO, fs: HomeFs, ctx: ExpandContext): Promise<IO> {
  const next: IO = { ...io, redirected: redirects.length > 0 }
  for (const r of redirects) {
    if (r.op === '<<') {
      next.stdin = await expandString(r.heredoc!.body, ctx)
      next.stdinIsTTY = false
      delete next.stdinPipe
      next.cursor = { pos: 0 }
      continue
    }
    if (r.op === '<<<') {
      next.stdin = (await expandString(r.target!.parts, ctx)) + '\n'
      next.stdinIsTTY = false
      delete next.stdinPipe
      next.cursor = { pos: 0 }
      continue
    }
    const fields = await expandFields(r.target!, ctx)
    if (fields.length !== 1) throw new ExpansionError(`${r.target!.raw}: ambiguous redirect`)
    const target = fields[0]
    if (r.op === '>&' || r.op === '<&') {
      dup(next, r.fd, target)
      continue
    }
    if (r.op === '<') {
      // `<>` opens the file for writing too: a missing one is created (empty)
      if (r.readWrite) openOutput(target, true, fs, next, ctx.dialect)
      if (r.fd !== 0) continue
      next.stdin = readInput(target, fs, next, ctx.dialect)
      next.stdinIsTTY = false
      delete next.stdinPipe
      next.cursor = { pos: 0 }
      continue
    }
    const append = r.op === '>>' || r.op === '&>>'
    // set -C (noclobber): `>` and `&>` do not truncate an existing regular file; `>|` does
    if (!append && !r.force && ctx.runtime?.has('noclobber')) refuseClobber(target, fs, ctx.dialect)
    const sink = openOutput(target, append, fs, next, ctx.dialect)
    if (r.op === '&>' || r.op === '&>>') {
      next.out = sink
      next.err = sink
    } else if (r.fd === 1) next.out = sink
    else if (r.fd === 2) next.err = sink
  }
  return next
}

function dup(io: IO, fd: number, target: string): void {
  if (target === '-') {
    if (fd === 1) io.out = { kind: 'null' }
    else if (fd === 2) io.err = { kind: 'null' }
    return
  }
  if (!/^[0-9]+$/.test(target)) throw new ExpansionError(`${target}: ambiguous redirect`)
  const src = Number(target)
  if (src > 2) throw new ExpansionError(`${src}: Bad file descriptor`)
  if (src === 0) return
  const sink = src === 1 ? io.out : io.err
  if (fd === 1) io.out = sink
  else if (fd === 2) io.err = sink
}

/**
 * Articles write the API server's address as `<apiserver>`; typed as is, bash reads `<apiserver`
 * as a redirection from a file named `apiserver`. The lab says so after bash's own message.
 */
export function placeholderHint(target: string): string | undefined {
  if (!/^api-?server$/i.test(target)) return undefined
  return `hint: <${target}> in the article is a placeholder for the API server's address; in the lab it is in $APISERVER, so write https://$APISERVER/...`
}

/**
 * A redirection that fails, as each shell words it: bash `X: No such file or directory`; busybox ash
 * `can't open X: no such file` and `can't create X: nonexistent directory`; dash `cannot open X: No
 * such file` and `cannot create X: Directory nonexistent` (other reasons: strerror's, in each).
 */
function redirectError(dialect: ShellDialect | undefined, target: string, output: boolean, why: string): ExpansionError {
  const missing = why === 'No such file or directory'
  if (dialect === 'ash') return new ExpansionError(`can't ${output ? 'create' : 'open'} ${target}: ${missing ? (output ? 'nonexistent directory' : 'no such file') : why}`)
  if (dialect === 'dash') return new ExpansionError(`cannot ${output ? 'create' : 'open'} ${target}: ${missing ? (output ? 'Directory nonexistent' : 'No such file') : why}`)
  return new ExpansionError(`${target}: ${why}`, output ? undefined : placeholderHint(target))
}

/** noclobber: an existing regular file is not overwritten (bash's own words; dash and ash say strerror's EEXIST). */
function refuseClobber(target: string, fs: HomeFs, dialect?: ShellDialect): void {
  if (target.startsWith('/dev/')) return
  const path = fs.resolve(target)
  if (!fs.exists(path) || fs.isDir(path)) return
  if (dialect === 'ash' || dialect === 'dash') throw redirectError(dialect, target, true, 'File exists')
  throw new ExpansionError(`${target}: cannot overwrite existing file`)
}

function readInput(target: string, fs: HomeFs, io: IO, dialect?: ShellDialect): string {
  if (target === '/dev/stdin' || target === '/dev/fd/0') return io.stdin
  const path = fs.resolve(target)
  if (fs.isDir(path)) return ''
  const text = fs.readFile(path)
  if (text === undefined) throw redirectError(dialect, target, false, 'No such file or directory')
  return text
}

function openOutput(target: string, append: boolean, fs: HomeFs, io: IO, dialect?: ShellDialect): Sink {
  if (target === '/dev/null') return { kind: 'null' }
  if (target === '/dev/stdout' || target === '/dev/fd/1') return io.out
  if (target === '/dev/stderr' || target === '/dev/fd/2') return io.err
  const path = fs.resolve(target)
  const why = cannotWrite(fs, path)
  if (why) throw redirectError(dialect, target, true, why)
  if (!append || !fs.exists(path)) fs.writeFile(path, '')
  return { kind: 'file', path }
}
