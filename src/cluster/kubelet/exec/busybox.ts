// The busybox applets a student runs with kubectl exec, and `sh -c` for simple command lines
// (`;`, `&&`, `||`, `|`, quotes and $VAR; no redirections).
// Imitates: busybox coreutils (cat, echo, env, hostname, id, pwd, sleep, true, false) and ash.

import { ls, type Output } from './ls'
import { fileOf, resolve, type FsDir } from './vfs'
import { APPLETS } from './rootfs'
import { ps } from './ps'
import { processTable, type ContainerPids } from './procs'
import { TTY_COLUMNS } from './containerShell'

export interface Proc {
  root: FsDir
  env: [string, string][]
  hostname: string
  now: number
  stdin: string
  /** The process's PID and its container's (ps); `tty`: kubectl exec -t. */
  pids?: ContainerPids
  tty?: boolean
}

const ok = (stdout = ''): Output => ({ stdout, stderr: '', exitCode: 0 })
const fail = (stderr: string, exitCode = 1): Output => ({ stdout: '', stderr, exitCode })

function cat(p: Proc, args: string[]): Output {
  if (args.length === 0) return ok(p.stdin)
  let out = '', err = '', code = 0
  for (const a of args) {
    if (a === '-') { out += p.stdin; continue }
    const r = resolve(p.root, a)
    if (typeof r === 'string') {
      err += `cat: can't open '${a}': ${r === 'ENOTDIR' ? 'Not a directory' : 'No such file or directory'}\n`
      code = 1
    } else if (r.node.kind === 'dir') {
      err += 'cat: read error: Is a directory\n'
      code = 1
    } else if (r.node.kind === 'file') out += r.node.read()
    else if (r.node.kind === 'dev' && r.node.minor !== 3) {
      // the lab's container shell reads devices (exec.ts sends cat /dev/... there); alone, only /dev/null reads
      err += `cat: ${a}: reading this device is not simulated here\n`
      code = 1
    }
  }
  return { stdout: out, stderr: err, exitCode: code }
}

function echo(args: string[]): Output {
  let newline = true
  let escapes = false
  while (args.length && /^-[neE]+$/.test(args[0])) {
    for (const ch of args[0].slice(1)) {
      if (ch === 'n') newline = false
      else escapes = ch === 'e'
    }
    args = args.slice(1)
  }
  let text = args.join(' ')
  if (escapes) text = text.replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/\\\\/g, '\\')
  return ok(text + (newline ? '\n' : ''))
}

/** busybox's usage of sleep, as `busybox sleep` prints it (on this machine: busybox 1.35.0). */
export const SLEEP_USAGE = `BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.

Usage: sleep [N]...

Pause for a time equal to the total of the args given, where each arg can
have an optional suffix of (s)econds, (m)inutes, (h)ours, or (d)ays
`
const SLEEP_SUFFIX: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }

/** busybox's xatoul_sfx for sleep: digits and one suffix, else `invalid number`. */
function sleepUnits(s: string): number | string {
  const m = /^(\d+)([smhd]?)$/.exec(s)
  if (!m || BigInt(m[1]) > 0xffffffffffffffffn) return `sleep: invalid number '${s}'\n`
  return Number(m[1]) * SLEEP_SUFFIX[m[2]]
}

/**
 * busybox 1.35 sleep (coreutils/sleep.c with FANCY_SLEEP and FLOAT_DURATION, libbb's
 * parse_duration_str): the seconds the operands add up to (Infinity for `inf`), or its message
 * and status. `1.5m` is a fraction times its suffix; a bad fraction prints the usage.
 */
export function busyboxSleep(args: string[]): { seconds: number } | Output {
  if (args.length === 0) return fail(SLEEP_USAGE)
  if (args[0] === '--help') return { stdout: '', stderr: SLEEP_USAGE, exitCode: 0 }
  if (/^inf/i.test(args[0])) return { seconds: Infinity }
  let seconds = 0
  for (const a of args) {
    if (!a.includes('.')) {
      const n = sleepUnits(a)
      if (typeof n === 'string') return fail(n)
      seconds += n
      continue
    }
    const len = /^[0-9.]*/.exec(a)![0].length
    const num = a.slice(0, len)
    if (!/^(\d+\.?\d*|\.\d+)$/.test(num)) return fail(SLEEP_USAGE)
    // The character before the suffix becomes '1' and that is read with the suffix (`1.5x`: '1x').
    const unit = sleepUnits(`1${a.slice(len)}`)
    if (typeof unit === 'string') return fail(unit)
    seconds += Number(num) * unit
  }
  return { seconds }
}

const ID = 'uid=0(root) gid=0(root) groups=0(root),1(bin),2(daemon),3(sys),4(adm),6(disk),10(wheel),11(floppy),20(dialout),26(tape),27(video)\n'

/** Run one applet by name; undefined when the name is not an applet the lab knows. */
export function runApplet(p: Proc, name: string, args: string[]): Output | undefined {
  switch (name) {
    // on a terminal (kubectl exec -t): ls lays its names out in columns
    case 'ls': return ls(p.root, args, p.now, { width: p.tty ? TTY_COLUMNS : undefined })
    case 'cat': return cat(p, args)
    case 'echo': return echo(args)
    case 'env': return args.length ? runCommand({ ...p, env: [...p.env] }, args) : ok(p.env.map(([k, v]) => `${k}=${v}\n`).join(''))
    case 'hostname': return ok(`${p.hostname}\n`)
    case 'id': return ok(ID)
    case 'pwd': return ok('/\n')
    case 'true': return ok()
    case 'false': return fail('')
    case 'sleep': {
      // Without the lab's container shell (tests of the kubelet alone) no clock moves here.
      const r = busyboxSleep(args)
      return 'seconds' in r ? ok() : r
    }
    // on a terminal ps cuts its lines one column short of its width
    case 'ps': return p.pids ? ps(p.pids.argv[0] ?? 'ps', args, processTable(p.pids, p.tty === true), p.tty ? TTY_COLUMNS : undefined) : undefined
    case 'sh': {
      const i = args.indexOf('-c')
      if (i === -1 || i + 1 >= args.length) return ok()
      return sh(p, args[i + 1])
    }
    default: return undefined
  }
}

/** A program found at `target` under the name `base`: the busybox applet it runs, if any. */
const foundAt = (target: string, base: string) => ({ found: true as const, applet: target === '/bin/busybox' && APPLETS.has(base) ? base : undefined })

/** Find a command on PATH (or by path) in the container; the applet name it runs, if any. */
export function lookPath(p: Pick<Proc, 'root' | 'env'>, cmd: string): { found: false } | { found: true; applet?: string } {
  const first = onPath(p, cmd, false)[0]
  if (!first) return { found: false }
  return foundAt(first.target, cmd.slice(cmd.lastIndexOf('/') + 1))
}

/**
 * lookPath for many names in one tree (a shell's command table asks for every command the lab
 * knows): the PATH's directories are resolved once, and a bare name is resolved only in those
 * that list it (in PATH order, as lookPath tries them: a directory that does not list it cannot
 * hold it). Paths and the dot names go to lookPath.
 */
export function pathLookup(p: Pick<Proc, 'root' | 'env'>): (cmd: string) => ReturnType<typeof lookPath> {
  const path = (p.env.find(([k]) => k === 'PATH')?.[1] ?? '').split(':')
  const listed = path.map((d) => {
    const r = resolve(p.root, d || '/')
    return typeof r !== 'string' && r.node.kind === 'dir' ? r.node.children : undefined
  })
  const direct = (cmd: string) => cmd.includes('/') || cmd === '' || cmd === '.' || cmd === '..'
  return (cmd) => {
    if (direct(cmd)) return lookPath(p, cmd)
    for (let i = 0; i < path.length; i++) {
      if (!listed[i]?.has(cmd)) continue
      const r = resolve(p.root, `${path[i]}/${cmd}`)
      if (typeof r !== 'string' && r.node.kind === 'file') return foundAt(fileOf(r), cmd)
    }
    return { found: false }
  }
}

/**
 * The files `cmd` names on the container's PATH (or the path itself), in PATH order: the path and
 * where it leads; with `all` false, the first only.
 */
export function onPath(p: Pick<Proc, 'root' | 'env'>, cmd: string, all = true): { path: string; target: string }[] {
  const candidates = cmd.includes('/') ? [cmd] : (p.env.find(([k]) => k === 'PATH')?.[1] ?? '').split(':').map((d) => `${d}/${cmd}`)
  const out: { path: string; target: string }[] = []
  for (const c of candidates) {
    const r = resolve(p.root, c)
    if (typeof r !== 'string' && r.node.kind === 'file') {
      out.push({ path: c, target: fileOf(r) })
      if (!all) break
    }
  }
  return out
}

/** A command inside sh: `sh: foo: not found` (127) when it is not on PATH. */
function runCommand(p: Proc, argv: string[]): Output {
  const [cmd, ...args] = argv
  const found = lookPath(p, cmd)
  if (!found.found) return fail(`sh: ${cmd}: not found\n`, 127)
  if (!found.applet) return fail(`sh: ${cmd}: this program is not simulated in the lab\n`, 126)
  return runApplet(p, found.applet, args)!
}

type Token = { word: string } | { op: ';' | '&&' | '||' | '|' }

/** Split a command line into words and operators, with quotes and $VAR / ${VAR} expansion. */
export function tokenize(line: string, env: [string, string][]): Token[] | { error: string } {
  const vars = new Map(env)
  const out: Token[] = []
  let word: string | undefined
  const push = () => { if (word !== undefined) out.push({ word }); word = undefined }
  const expand = (i: number): [string, number] => {
    const m = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*)|(\?))/.exec(line.slice(i))
    if (!m) return ['$', i + 1]
    return [m[3] ? '0' : vars.get(m[1] ?? m[2]) ?? '', i + m[0].length]
  }
  for (let i = 0; i < line.length;) {
    const ch = line[i]
    if (ch === "'") {
      const end = line.indexOf("'", i + 1)
      if (end === -1) return { error: "sh: syntax error: unterminated quoted string" }
      word = (word ?? '') + line.slice(i + 1, end)
      i = end + 1
    } else if (ch === '"') {
      let j = i + 1
      word = word ?? ''
      while (j < line.length && line[j] !== '"') {
        if (line[j] === '\\' && j + 1 < line.length) { word += line[j + 1]; j += 2 }
        else if (line[j] === '$') { const [v, n] = expand(j); word += v; j = n }
        else word += line[j++]
      }
      if (j >= line.length) return { error: 'sh: syntax error: unterminated quoted string' }
      i = j + 1
    } else if (ch === '$') {
      const [v, n] = expand(i)
      word = (word ?? '') + v
      i = n
    } else if (ch === ' ' || ch === '\t' || ch === '\n') { push(); i++ }
    else if (line.startsWith('&&', i) || line.startsWith('||', i)) { push(); out.push({ op: line.slice(i, i + 2) as '&&' | '||' }); i += 2 }
    else if (ch === ';' || ch === '|') { push(); out.push({ op: ch }); i++ }
    else if (ch === '\\' && i + 1 < line.length) { word = (word ?? '') + line[i + 1]; i += 2 }
    else { word = (word ?? '') + ch; i++ }
  }
  push()
  return out
}

/** `sh -c LINE`: lists joined by `;`, `&&`, `||`, each a pipeline of simple commands. */
export function sh(p: Proc, line: string): Output {
  const toks = tokenize(line, p.env)
  if ('error' in toks) return fail(`${toks.error}\n`, 2)
  let stdout = '', stderr = '', status = 0
  let skip = false
  let pipeline: string[][] = [[]]
  const flush = () => {
    const cmds = pipeline.filter((c) => c.length)
    pipeline = [[]]
    if (skip || cmds.length === 0) return
    let input = ''
    let last: Output = ok()
    for (const argv of cmds) {
      last = runCommand({ ...p, stdin: input }, argv)
      stderr += last.stderr
      input = last.stdout
    }
    stdout += last.stdout
    status = last.exitCode
  }
  for (const t of toks) {
    if ('word' in t) pipeline[pipeline.length - 1].push(t.word)
    else if (t.op === '|') pipeline.push([])
    else {
      flush()
      skip = t.op === '&&' ? status !== 0 : t.op === '||' ? status === 0 : false
    }
  }
  flush()
  return { stdout, stderr, exitCode: status }
}
