// What a container's main process does in the lab: runs until it is stopped, or exits after a
// while with an exit code. The argv is the image's entrypoint and command as Kubernetes combines
// them with the container's command and args; a few programs students start are understood
// (sleep, sh -c with sleep/exit/true/false/echo, the images' own daemons); anything else keeps
// running, as the lab's containers always did.
// Imitates: pkg/kubelet/kuberuntime/kuberuntime_container.go (the command line handed to the
// runtime: Command replaces the image's Entrypoint and drops its Cmd, Args replace Cmd).

import type { Container } from '../api/core'
import { catalogImage } from './imageCatalog'

/** The main process: `{ exitMs, code }` when it ends by itself, undefined when it keeps running. */
export interface Exit { exitMs: number; code: number }
export type Program = Exit | undefined

/** The argv the runtime starts. */
export function containerArgv(c: Pick<Container, 'image' | 'command' | 'args'>): string[] {
  const img = catalogImage(c.image ?? '')
  const entry = c.command?.length ? c.command : (img?.entrypoint ?? [])
  const rest = c.args?.length ? c.args : c.command?.length ? [] : (img?.cmd ?? [])
  return [...entry, ...rest].map(String)
}

/** A program's name without its directory. */
export const base = (p: string) => p.slice(p.lastIndexOf('/') + 1)

/**
 * Sleeps longer than a day are taken as running for good: the article's pod (`sleep 100000`) and
 * the lessons built on it stay Running however far the lab's clock is moved (a real one would
 * exit after 27.8 hours and be restarted). A lab simplification, on purpose.
 */
export const LONG_SLEEP_MS = 86_400_000

/** busybox sleep: numbers with an optional s/m/h/d suffix, summed; `infinity` never ends. */
export function sleepMs(args: string[]): number | 'forever' | 'invalid' {
  if (args.length === 0) return 'invalid'
  let total = 0
  for (const a of args) {
    if (a === 'infinity' || a === 'inf') return 'forever'
    const m = /^(\d+(?:\.\d+)?|\.\d+)([smhd]?)$/.exec(a)
    if (!m) return 'invalid'
    total += Number(m[1]) * ({ '': 1, s: 1, m: 60, h: 3600, d: 86400 } as Record<string, number>)[m[2]]
  }
  return Math.round(total * 1000)
}

/** The shells a container runs scripts with. */
export const SHELLS = new Set(['sh', 'bash', 'ash'])
/** What joins a script's commands: `;`, `&&`, `||`, a newline (kept by split). */
const SEPARATORS = /(;|&&|\|\||\n)/

/** Programs that serve until stopped. */
const DAEMONS = new Set(['nginx', 'pause', 'yes'])
/** Programs that print something and end at once with status 0. */
const QUICK = new Set(['echo', 'printf', 'env', 'date', 'hostname', 'id', 'pwd', 'whoami', 'uname', 'ls', 'cat', 'true', 'sh', 'bash', 'ash', 'python3', 'python'])
/** agnhost subcommands that serve until stopped (the rest end or need arguments). */
const AGNHOST_SERVERS = new Set(['pause', 'netexec', 'serve-hostname', 'test-webserver', 'liveness', 'porter', 'fake-gitserver', 'mounttest', 'entrypoint-tester', 'inclusterclient', 'grpc-health-checking'])

/** One simple command of a script: its duration and status, or forever/unknown. */
function simple(words: string[]): Exit | 'forever' | 'unknown' {
  const [cmd, ...args] = words
  const name = base(cmd ?? '')
  if (!name) return { exitMs: 0, code: 0 }
  if (name === 'sleep') {
    const ms = sleepMs(args)
    return ms === 'forever' || (typeof ms === 'number' && ms > LONG_SLEEP_MS) ? 'forever' : ms === 'invalid' ? { exitMs: 0, code: 1 } : { exitMs: ms, code: 0 }
  }
  if (name === 'false') return { exitMs: 0, code: 1 }
  if (name === 'tail' && args.includes('-f')) return 'forever'
  if (DAEMONS.has(name)) return 'forever'
  if (SHELLS.has(name)) {
    if (args[0] === '-c' && args.length >= 2) {
      const r = script(args[1])
      return r
    }
    return args.length === 0 ? { exitMs: 0, code: 0 } : 'unknown'
  }
  if (name === 'python3' || name === 'python') return args.length === 0 ? { exitMs: 0, code: 0 } : args[0] === '-m' ? 'forever' : 'unknown'
  if (QUICK.has(name)) return { exitMs: 0, code: 0 }
  return 'unknown'
}

/** Split words, honouring single and double quotes (no expansion). */
function words(text: string): string[] {
  const out: string[] = []
  const re = /'([^']*)'|"((?:[^"\\]|\\.)*)"|(\S+)/g
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m[1] ?? m[2] ?? m[3])
  return out
}

/** `sh -c SCRIPT`: commands joined by ; && || and newlines, run in order; `exit N` ends it. */
export function script(text: string): Exit | 'forever' | 'unknown' {
  if (/\b(while|until|for)\b/.test(text)) return /\bwhile\s+(true|:)\s*;?\s*do\b/.test(text) ? 'forever' : 'unknown'
  // pipes, background jobs, redirections and substitutions: not understood
  if (/[|&`<>]|\$\(/.test(text.replace(/&&|\|\|/g, ''))) return 'unknown'
  const parts = text.split(SEPARATORS)
  let ms = 0
  let code = 0
  let op = ';'
  for (const part of parts) {
    if (part === ';' || part === '\n' || part === '&&' || part === '||') { op = part; continue }
    const w = words(part.trim())
    if (w.length === 0) continue
    if ((op === '&&' && code !== 0) || (op === '||' && code === 0)) continue
    if (w[0] === 'exit') {
      const n = w[1] === undefined ? code : Number(w[1])
      return Number.isInteger(n) ? { exitMs: ms, code: ((n % 256) + 256) % 256 } : { exitMs: ms, code: 2 }
    }
    const r = simple(w)
    if (r === 'forever' || r === 'unknown') return r
    ms += r.exitMs
    code = r.code
  }
  return { exitMs: ms, code }
}

/** The command line after the images' entrypoint scripts, which exec their command line. */
export function mainArgv(c: Pick<Container, 'image' | 'command' | 'args'>): string[] {
  const argv = containerArgv(c)
  return argv[0] === '/docker-entrypoint.sh' || argv[0] === '/entrypoint.sh' ? argv.slice(1) : argv
}

type MainSpec = Pick<Container, 'image' | 'command' | 'args' | 'stdin'>

/** A container whose main process is a shell reading its terminal (`kubectl run -it -- sh`): pods/attach gives the student that shell. */
export function attachableShell(c: MainSpec & Pick<Container, 'tty'>): boolean {
  const argv = mainArgv(c)
  return !!c.stdin && !!c.tty && SHELLS.has(base(argv[0] ?? '')) && readsStdin(argv)
}

/** A program that reads its standard input when started this way: with the container's stdin open (`kubectl run -i`), it waits for it. */
export function readsStdin(argv: string[]): boolean {
  const [name, ...args] = [base(argv[0] ?? ''), ...argv.slice(1)]
  if (SHELLS.has(name)) return args.length === 0 || args[0] === '-i' || args[0] === '-s'
  return (name === 'cat' || name === 'python3' || name === 'python') && args.length === 0
}

/** What the container's main process does (undefined: it keeps running). */
export function containerProgram(c: MainSpec): Program {
  const rest = mainArgv(c)
  if (rest.length === 0 || (c.stdin && readsStdin(rest))) return undefined
  if (base(rest[0]) === 'agnhost') {
    const sub = rest[1]
    if (sub === undefined) return { exitMs: 0, code: 0 }
    return AGNHOST_SERVERS.has(sub) ? undefined : { exitMs: 0, code: 1 }
  }
  if (base(rest[0]) === 'curl') return rest.length === 1 ? { exitMs: 0, code: 2 } : undefined
  const r = simple(rest)
  return r === 'forever' || r === 'unknown' ? undefined : r
}

/**
 * Whether the lab runs the main process as the container starts (exec/exec.ts runMainProcess),
 * so that its output is the container's log and its status the container's exit code: a program
 * of the understood ones above that ends at once (echo, cat, env, `sh -c` of such commands).
 */
export function printsAtStart(c: MainSpec): boolean {
  const name = base(mainArgv(c)[0] ?? '')
  return name !== 'agnhost' && name !== 'curl' && containerProgram(c)?.exitMs === 0
}

/** A segment of a script that ends at once with status 0 and starts nothing in the background. */
function quickSegment(seg: string): boolean {
  const w = words(seg)
  if (w.length === 0 || w[0] === 'exit' || /\bsleep\b/.test(seg) || /(^|[^&])&($|[^&])/.test(seg)) return false
  const r = simple(w)
  return r !== 'forever' && r !== 'unknown' && r.exitMs === 0 && r.code === 0
}

/** The opening of a script (openingScript) and what follows it. */
export interface Opening {
  /** The commands that run as the container starts. */
  text: string
  /** Joined to the rest by `&&`, with nothing after that: if the opening fails, the script ends with its status. */
  endsIfFailed: boolean
}

/**
 * A `sh -c` script that prints, then sleeps, loops or serves (`echo ready; sleep 3600`, `cat token
 * && sleep infinity`, `env; while true; do sleep 30; done`): its commands before the first one that
 * does not end at once, when there are any and they are joined to the rest by `;`, a newline or
 * `&&`. The lab runs them as the container starts (podWorkers.ts runMain), so what they print is
 * the container's log, as a real one's would be; the container itself runs as the model says
 * (containerProgram). Undefined for any other main process, and for a script that ends at once
 * (printsAtStart runs the whole of it).
 */
export function openingScript(c: MainSpec): Opening | undefined {
  const argv = mainArgv(c)
  if (!SHELLS.has(base(argv[0] ?? '')) || argv[1] !== '-c' || argv.length < 3) return undefined
  if ((c.stdin && readsStdin(argv)) || printsAtStart(c)) return undefined
  const text = argv[2]
  const parts = text.split(SEPARATORS)
  let end = 0 // where the opening ends in the text
  let sep: string | undefined // the operator after it
  for (let i = 0, at = 0; i < parts.length; at += parts[i].length + (parts[i + 1]?.length ?? 0), i += 2) {
    if (parts[i].trim() === '') continue
    if (!quickSegment(parts[i])) break
    end = at + parts[i].length
    sep = parts[i + 1]
  }
  const opening = text.slice(0, end).trim()
  if (opening === '' || sep === undefined || sep === '||') return undefined
  const rest = text.slice(end + sep.length)
  return { text: opening, endsIfFailed: sep === '&&' && !SEPARATORS.test(rest) }
}
