// busybox ps as Alpine builds it (aports main/busybox/busyboxconfig: CONFIG_DESKTOP,
// FEATURE_PS_TIME, FEATURE_PS_ADDITIONAL_COLUMNS; no SELinux, no FEATURE_SHOW_THREADS): the -o columns, their widths and headers, the process lines,
// and the option errors of getopt32 as musl's getopt_long words them.
// Imitates: busybox procps/ps.c (ps_main's DESKTOP branch, parse_o, format_header, format_process,
// func_*, format_time), libbb/procps.c (read_cmdline, the state letters), libbb/human_readable.c
// (smart_ulltoa4) and libbb/getopt32.c.

import type { Output } from './ls'

/** One process of the container as /proc shows it to ps. */
export interface PsProcess {
  pid: number
  /** 0 for PID 1 and for the processes the runtime starts (kubectl exec): their parent is outside the container. */
  ppid: number
  pgid: number
  sid: number
  /** /proc/PID/cmdline split at its NULs. */
  argv: string[]
  /** /proc/PID/comm: the basename of the program exec'd (15 bytes at most); default from argv[0]. */
  comm?: string
  /** 'R' for ps itself (it is the one running), 'S' for the rest. */
  state: string
  /** The controlling terminal's major and minor (kubectl exec -t: /dev/pts/0 is 136,0); none: `?`. */
  tty?: [number, number]
  /** Seconds the process has run (etime). */
  elapsed: number
  /** Memory in KiB. */
  vsz: number
  rss: number
}

/**
 * busybox's usage of ps with DESKTOP and without SHOW_THREADS (ps.c's ps_trivial_usage and
 * ps_full_usage), under the version line busybox prints on this machine (as SLEEP_USAGE does).
 */
export const PS_USAGE = `BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.

Usage: ps [-o COL1,COL2=HEADER]

Show list of processes

	-o COL1,COL2=HEADER	Select columns for display
`

/** ps.c's MAX_WIDTH: the width of the args column and of a line when stdout is not a terminal. */
const MAX_WIDTH = 2 * 1024

type Cell = (p: PsProcess, size: number) => string

interface Column { width: number; name: string; header: string; f: Cell }

const comm = (p: PsProcess) => (p.comm ?? base(p.argv[0] ?? '')).slice(0, 15)
const base = (s: string) => s.slice(s.lastIndexOf('/') + 1)
const num = (n: number, size: number) => String(n).padStart(size)

/** smart_ulltoa4 with put_lu's " mgtpezy" (the values are KiB): 4 characters, `1234`, `1.2m`, ` 27m`. */
export function ulltoa4(value: number): string {
  let ul = value
  let idx = 0
  if (ul > 9999) {
    ul *= 10
    do { ul = Math.floor(ul / 1024); idx++ } while (ul >= 10000)
  }
  const digits = '0123456789'
  let fmt = ' 123456789'
  let u = Math.floor(ul / 10)
  let v = ul % 10
  const b: string[] = []
  if (!idx) {
    b[0] = ' 123456789'[Math.floor(u / 100)]
    if (b[0] !== ' ') fmt = digits
    b[1] = fmt[Math.floor(u / 10) % 10]
    if (b[1] !== ' ') fmt = digits
    b[2] = fmt[u % 10]
    b[3] = digits[v]
  } else {
    if (u >= 10) {
      b[0] = ' 123456789'[Math.floor(u / 100)]
      if (b[0] !== ' ') fmt = digits
      v = u % 10
      u = Math.floor(u / 10)
      b[1] = fmt[u % 10]
    } else {
      b[0] = digits[u]
      b[1] = '.'
    }
    b[2] = digits[v]
    b[3] = ' mgtpezy'[idx]
  }
  return b.join('')
}

/** format_time: ` 0:00` (minutes:seconds), ` 1h05` (hours), ` 3d04` (days and hours), `123d`; cut to `size`. */
export function formatTime(seconds: number, size = 5): string {
  let tt = Math.floor(seconds)
  let ff = tt % 60
  tt = Math.floor(tt / 60)
  const two = (n: number) => String(n).padStart(2, '0')
  let s: string
  if (tt < 60) s = `${String(tt).padStart(2)}:${two(ff)}`
  else {
    ff = tt % 60
    tt = Math.floor(tt / 60)
    if (tt < 24) s = `${String(tt).padStart(2)}h${two(ff)}`
    else {
      ff = tt % 24
      tt = Math.floor(tt / 24)
      s = tt < 100 ? `${String(tt).padStart(2)}d${two(ff)}` : `${String(tt).padStart(4)}d`
    }
  }
  return s.slice(0, size)
}

/** read_cmdline: argv joined by spaces (control characters too), `{comm} ` before it when argv[0] is another program. */
export function readCmdline(p: PsProcess, col: number): string {
  const raw = p.argv.map((a) => `${a}\0`).join('').slice(0, col - 1).replace(/\0+$/, '')
  if (raw.length === 0) return `[${comm(p)}]`.slice(0, col - 1)
  // bb_basename of argv[0] up to its first space: where the name starts
  let end = raw.search(/[\0 ]/)
  if (end === -1) end = raw.length
  let at = raw.lastIndexOf('/', end - 1) + 1
  let buf = ''
  for (const ch of raw) buf += ch.charCodeAt(0) < 32 ? ' ' : ch
  if (buf[at] === '-') at++
  const c = comm(p)
  if (!buf.slice(at).startsWith(c)) buf = `{${c}} ${buf}`.slice(0, col - 1)
  return buf
}

const ROOT: Cell = (_p, size) => 'root'.slice(0, size)

/** out_spec in its order (the order `bad -o argument` lists them). */
const SPECS: Column[] = [
  { width: 8, name: 'user', header: 'USER', f: ROOT },
  { width: 8, name: 'group', header: 'GROUP', f: ROOT },
  { width: 16, name: 'comm', header: 'COMMAND', f: (p, s) => comm(p).slice(0, s) },
  { width: MAX_WIDTH, name: 'args', header: 'COMMAND', f: (p, size) => readCmdline(p, size + 1) },
  { width: 5, name: 'pid', header: 'PID', f: (p, s) => num(p.pid, s) },
  { width: 5, name: 'ppid', header: 'PPID', f: (p, s) => num(p.ppid, s) },
  { width: 5, name: 'pgid', header: 'PGID', f: (p, s) => num(p.pgid, s) },
  { width: 7, name: 'etime', header: 'ELAPSED', f: (p, s) => formatTime(p.elapsed, s) },
  { width: 5, name: 'nice', header: 'NI', f: (_p, s) => num(0, s) },
  { width: 8, name: 'rgroup', header: 'RGROUP', f: ROOT },
  { width: 8, name: 'ruser', header: 'RUSER', f: ROOT },
  // no process of the lab has used a second of CPU
  { width: 5, name: 'time', header: 'TIME', f: (_p, s) => formatTime(0, s) },
  { width: 6, name: 'tty', header: 'TT', f: (p, s) => (p.tty ? `${p.tty[0]},${p.tty[1]}`.slice(0, s) : '?') },
  { width: 4, name: 'vsz', header: 'VSZ', f: (p, s) => ulltoa4(p.vsz).slice(0, s) },
  { width: 5, name: 'sid', header: 'SID', f: (p, s) => num(p.sid, s) },
  { width: 4, name: 'stat', header: 'STAT', f: (p, s) => `${p.state}  `.slice(0, s) },
  { width: 4, name: 'rss', header: 'RSS', f: (p, s) => ulltoa4(p.rss).slice(0, s) },
]

class PsError extends Error {}

/** find_out_spec: the first 6 characters name the column (strncmp with the 6-byte name). */
function findSpec(name: string): Column {
  const c = SPECS.find((s) => name.slice(0, 6) === s.name)
  if (c) return { ...c }
  throw new PsError(`bad -o argument '${name}', supported arguments: ${SPECS.map((s) => s.name).join(',')}`)
}

/** parse_o: `a,b,c=HEADER,d`; a header runs to the next comma and sets the width when not empty. */
function parseO(opt: string, out: Column[]): void {
  for (;;) {
    const comma = opt.indexOf(',')
    const equal = opt.indexOf('=')
    if (comma !== -1 && (equal === -1 || equal > comma)) {
      out.push(findSpec(opt.slice(0, comma)))
      opt = opt.slice(comma + 1)
      continue
    }
    if (equal === -1) { out.push(findSpec(opt)); return }
    const col = findSpec(opt.slice(0, equal))
    let header = opt.slice(equal + 1)
    const c2 = header.indexOf(',')
    const rest = c2 === -1 ? undefined : header.slice(c2 + 1)
    if (c2 !== -1) header = header.slice(0, c2)
    col.header = header
    if (header) col.width = header.length
    out.push(col)
    if (rest === undefined) return
    opt = rest
  }
}

/** getopt32 "Zo:*aAdefl" over getopt_long (arguments permuted, `--` ends the options). */
function parseArgs(prog: string, args: string[]): { o: string[] } | Output {
  const o: string[] = []
  const usage = (line: string): Output => ({ stdout: '', stderr: `${prog}: ${line}\n${PS_USAGE}`, exitCode: 1 })
  if (args[0] === '--help') return { stdout: '', stderr: PS_USAGE, exitCode: 0 }
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a === '--') break
    if (a.startsWith('--')) return usage(`unrecognized option: ${a.slice(2)}`)
    if (!a.startsWith('-') || a === '-') continue
    for (let j = 1; j < a.length; j++) {
      const ch = a[j]
      if (ch === 'o') {
        if (j + 1 < a.length) o.push(a.slice(j + 1))
        else if (i + 1 < args.length) o.push(args[++i])
        else return usage('option requires an argument: o')
        break
      }
      if (!'ZaAdefl'.includes(ch)) return usage(`unrecognized option: ${ch}`)
    }
  }
  return { o }
}

/**
 * ps ARGS over the container's processes (in PID order, as /proc lists them). `width` is the
 * terminal's width when stdout is one (ps cuts its lines one short of it), else undefined.
 */
export function ps(prog: string, args: string[], procs: PsProcess[], width?: number): Output {
  const parsed = parseArgs(prog, args)
  if (!('o' in parsed)) return parsed
  const out: Column[] = []
  try {
    for (const o of parsed.o.length ? parsed.o : ['pid,user,time,args']) parseO(o, out)
  } catch (e) {
    if (e instanceof PsError) return { stdout: '', stderr: `${prog}: ${e.message}\n`, exitCode: 1 }
    throw e
  }
  const termWidth = width === undefined ? MAX_WIDTH : Math.min(width - 1, MAX_WIDTH)
  // alloc_line_buffer: columns past the terminal's width are dropped
  let total = 0
  let printHeader = false
  for (let i = 0; i < out.length; i++) {
    if (out[i].header) printHeader = true
    total += out[i].width + 1
    if (total - termWidth > 0) { out.length = i + 1; break }
  }
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(out[i].width) + ' ')).join('').slice(0, termWidth) + '\n'
  let stdout = printHeader ? line(out.map((c) => c.header)) : ''
  for (const p of [...procs].sort((a, b) => a.pid - b.pid)) {
    stdout += line(out.map((c) => c.f(p, c.width) || '-'))
  }
  return { stdout, stderr: '', exitCode: 0 }
}
