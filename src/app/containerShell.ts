// The containers' shell: the workstation's Shell (one shell language) with busybox ash's
// personality, run over a copy of the container's files, its environment and the pod's network
// view. Handed to the cluster's kubelets (src/cluster may not import src/shell).

import type { ContainerProcess, ContainerShell, ShellVars } from '../cluster/kubelet/exec/containerShell'
import { LAYER_MAX } from '../cluster/kubelet/exec/writableLayer'
import { resolve as resolvePath, type FsDir, type FsNode } from '../cluster/kubelet/exec/vfs'
import { lookPath, onPath, pathLookup } from '../cluster/kubelet/exec/busybox'
import { Shell } from '../shell/shell'
import { MemoryFs } from '../shell/fs'
import { MemoryEnv } from '../shell/env'
import { STATUS_STEPS } from '../shell/limits'
import { builtinCommands, builtinCommandsWithoutVersion } from '../shell/commands'
import { curl } from '../shell/curl/curl'
import { API_SERVER } from '../shell/workstation'
import type { CommandSpec, LabServices } from '../shell/types'
import { podCurl } from './containerCurl'
import { containerSleep } from './containerSleep'
import { containerNslookup } from './containerNslookup'
import { containerWget } from './containerWget'
import { containerPs, execsPs } from './containerPs'
import { ContainerSession } from './containerSession'
import { byName, containerMessages, type Personality } from '../shell/dialectWords'
import { busyboxTools } from './busyboxTools'
import type { WrittenChunk } from '../cluster/kubelet/exec/ls'
import { applyLayer, layerOf, syncUnderneath, TrackedFs } from './containerTree'
import { gnuUname } from '../shell/commands/uname'
import { debianHostname } from './containerHostname'
import { gnuNproc } from '../shell/commands/nproc'
import { NODE_CPUS } from '../cluster/boot'

const SHELLS = new Set(['sh', 'ash', 'bash'])

/** Where a process's standard input is kept while the shell runs the command (as Linux names it). */
export const STDIN_PATH = '/proc/self/fd/0'

/** Shell builtins the lab has as commands, present whatever the image holds (dash has no help and no history). */
const BUILTINS = new Set(['cd', 'echo', 'export', 'printf', 'pwd', 'test', '[', 'true', 'false', 'unset', 'help', 'history'])
const DASH_LACKS = new Set(['help', 'history'])
const WORKSTATION_SHELLS = new Set(['bash', 'sh'])
/**
 * The workstation's programs that read what a container's copy of its files does not hold (modes,
 * devices, inodes): not simulated in an image that has them, unless the image's own (busybox's stat) stands in.
 */
const WORKSTATION_ONLY = new Set(['stat', 'chmod', 'timeout'])
/** GNU modules whose busybox applets speak otherwise (busybox mktemp's six X's, rmdir's 'x': messages): not simulated in busybox images. */
const GNU_ONLY = new Set(['mktemp', 'rmdir'])

/**
 * Copy the container's tree into a plain file record (symlinks followed, as reading them does).
 * The AtomicWriter's `..data` and `..<timestamp>` entries are left out unless `dotted`.
 */
export function flatten(root: FsDir, dotted = false): Record<string, string> {
  const out: Record<string, string> = {}
  // an absolute target resolves alike from every link to it (an Alpine image's ~300 applets name /bin/busybox)
  const absolute = new Map<string, ReturnType<typeof resolvePath>>()
  // `node` is what `path` names in its (resolved) directory: a symlink is resolved from the root
  const walk = (path: string, node: FsNode, depth: number) => {
    if (depth > 12) return
    if (node.kind === 'link') {
      const t = node.target
      let r = t.startsWith('/') ? absolute.get(t) : undefined
      if (r === undefined) {
        r = resolvePath(root, path)
        if (t.startsWith('/')) absolute.set(t, r)
      }
      if (typeof r === 'string') return
      node = r.node
    }
    if (node.kind === 'file') { out[path] = node.read(); return }
    if (node.kind !== 'dir') return
    out[`${path}/`] = ''
    for (const [name, child] of node.children) if (dotted || (name !== '..data' && !name.startsWith('..20'))) walk(`${path}/${name}`, child, depth + 1)
  }
  walk('', root, 0)
  delete out['/']
  return out
}

// A container's tree is never changed once built (the kubelet keeps it for the next exec:
// exec.ts), so what is made from it is made once too: its flat copy, a MemoryFs of that copy
// (each shell works on a copy of that), and where its PATH finds each program.
const flats = [new WeakMap<FsDir, Readonly<Record<string, string>>>(), new WeakMap<FsDir, Readonly<Record<string, string>>>()]
const fsOfFlat = new WeakMap<Readonly<Record<string, string>>, MemoryFs>()
const lookups = new WeakMap<FsDir, Map<string, Map<string, ReturnType<typeof lookPath>>>>()

/** flatten, once per tree (frozen: a shell that follows its container changes a copy). */
function flatOnce(root: FsDir, dotted: boolean): Readonly<Record<string, string>> {
  const kept = flats[dotted ? 1 : 0]
  let flat = kept.get(root)
  if (!flat) kept.set(root, (flat = Object.freeze(flatten(root, dotted))))
  return flat
}

/** A MemoryFs made once from `flat`, for the shells to copy. */
function fsOnce(flat: Readonly<Record<string, string>>): MemoryFs {
  let fs = fsOfFlat.get(flat)
  if (!fs) fsOfFlat.set(flat, (fs = new MemoryFs(flat, '/', '/root')))
  return fs
}

/** pathLookup, its answers kept per tree and PATH. */
function lookupOnce(p: Pick<ContainerProcess, 'root' | 'env'>): (cmd: string) => ReturnType<typeof lookPath> {
  let byPath = lookups.get(p.root)
  if (!byPath) lookups.set(p.root, (byPath = new Map()))
  const PATH = p.env.find(([k]) => k === 'PATH')?.[1] ?? ''
  let kept = byPath.get(PATH)
  if (!kept) byPath.set(PATH, (kept = new Map()))
  const answers = kept
  let look: ReturnType<typeof pathLookup> | undefined
  return (cmd) => {
    let r = answers.get(cmd)
    if (!r) answers.set(cmd, (r = (look ??= pathLookup(p))(cmd)))
    return r
  }
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`

function small(name: string, text: (p: ContainerProcess) => string, p: ContainerProcess): CommandSpec {
  return { name, summary: name, usage: name, async run(ctx) { ctx.stdout(text(p)); return 0 } }
}

function notFoundFor(personality: Personality): (name: string) => CommandSpec {
  return (name) => ({
    name, summary: name, usage: name, missing: true,
    async run(ctx) {
      const what = name.includes('/') ? `${name}: No such file or directory` : personality === 'bash' ? `${name}: command not found` : `${name}: not found`
      // dash names the line of the script (a command line: 1)
      ctx.stderr(personality === 'dash' ? `sh: 1: ${what}\n` : `${personality}: ${what}\n`)
      return 127
    },
  })
}

/** A program the image holds that the lab does not simulate: said so plainly (126, as a program that cannot run). */
function notSimulated(name: string): CommandSpec {
  return {
    name, summary: name, usage: name,
    async run(ctx) {
      ctx.stderr(`${name}: this program is not simulated in the lab\n`)
      return 126
    },
  }
}

/** Whether the container's tools are Debian's GNU ones (its /bin/sh is dash) rather than busybox's. */
const gnuTools = (p: Pick<ContainerProcess, 'root'>) => {
  const r = resolvePath(p.root, '/bin/sh')
  return typeof r !== 'string' && r.path.endsWith('/dash')
}

const firstOnPath = (p: ContainerProcess, name: string) => onPath(p, name)[0]

/** busybox which [-a] NAME...: the first (or every) match on PATH; status 1 when one is missing. */
function whichIn(p: ContainerProcess): CommandSpec {
  return {
    name: 'which', summary: 'which', usage: 'which [-a] COMMAND...',
    async run(ctx) {
      const all = ctx.argv[1] === '-a'
      let status = 0
      for (const name of ctx.argv.slice(all ? 2 : 1)) {
        const at = onPath(p, name).map((f) => f.path)
        if (at.length === 0) status = 1
        for (const path of all ? at : at.slice(0, 1)) ctx.stdout(`${path}\n`)
      }
      return status
    },
  }
}

/** The commands of this container: the workstation's modules for programs on the image's PATH, `not found` for the rest. */
function commandsFor(p: ContainerProcess, found: (name: string) => boolean, personality: Personality, lab: LabServices, busybox: CommandSpec[]): CommandSpec[] {
  const onPath = (name: string) => (BUILTINS.has(name) && !(personality === 'dash' && DASH_LACKS.has(name))) || found(name)
  const specs: CommandSpec[] = []
  const notFound = notFoundFor(personality)
  const own = [
    ...busybox,
    small('whoami', () => 'root\n', p),
    debianHostname(p),
    // Debian's root is in its own group alone (a busybox image's id, with Alpine's groups, is busyboxTools')
    small('id', () => 'uid=0(root) gid=0(root) groups=0(root)\n', p),
    whichIn(p),
    gnuUname(p.hostname),
    gnuNproc(NODE_CPUS),
    podCurl(curl, p, API_SERVER, lab),
    containerSleep,
    containerNslookup(p, firstOnPath(p, 'nslookup')?.target === '/bin/busybox' ? 'busybox' : 'bind'),
    containerWget(p, firstOnPath(p, 'wget')?.path === '/bin/wget' ? 'busybox' : 'alpine'),
  ]
  // the first of a name (busybox's applets come before the lab's plain ones)
  const ownByName = new Map<string, CommandSpec>()
  for (const o of own) if (!ownByName.has(o.name)) ownByName.set(o.name, o)
  const named = new Set<string>()
  // (busybox has no --version: a busybox image's programs stand on the workstation's modules without it)
  const system = busybox.length > 0 ? builtinCommandsWithoutVersion() : builtinCommands()
  for (const spec of [...system, ...own, curl]) {
    // a program of the system the lab does not run (~190): the shell's fallback answers for it, not simulated or not found
    // (the workstation's bash and sh start the workstation's shells: a container's are not those)
    if (named.has(spec.name) || (spec.unsimulated && !ownByName.has(spec.name)) || WORKSTATION_SHELLS.has(spec.name)) continue
    named.add(spec.name)
    // a program that needs what the container's copy of its files does not hold: not simulated there
    if ((WORKSTATION_ONLY.has(spec.name) || (busybox.length > 0 && GNU_ONLY.has(spec.name))) && !ownByName.has(spec.name)) {
      specs.push(onPath(spec.name) ? notSimulated(spec.name) : notFound(spec.name))
      continue
    }
    specs.push(onPath(spec.name) ? (ownByName.get(spec.name) ?? spec) : notFound(spec.name))
  }
  return specs
}


/**
 * Both streams as they were written: each run of one stream's writes (its length) cut from that
 * stream's text, stderr's reworded a run at a time (its messages are whole lines).
 */
function inWrittenOrder(runs: readonly { stream: WrittenChunk['stream']; length: number }[], r: { stdout: string; stderr: string }, reword: (t: string) => string): WrittenChunk[] {
  const at = { stdout: 0, stderr: 0 }
  return runs.map(({ stream, length }) => {
    const text = r[stream].slice(at[stream], (at[stream] += length))
    return { stream, text: stream === 'stderr' ? reword(text) : text }
  })
}

/** A Shell over a copy of the container's files and environment, speaking as `prog` does. */
export function shellIn(p: ContainerProcess, prog: string, lab: LabServices, argv0 = prog, positional: string[] = [], follows = false): { shell: Shell; fs: MemoryFs; flat: Record<string, string>; personality: Personality; execd: { tail: boolean }; env: MemoryEnv } {
  const gnu = gnuTools(p)
  const personality: Personality = prog === 'bash' ? 'bash' : gnu ? 'dash' : 'sh'
  // busybox images: its applets (busyboxTools.ts), ls over the container's own tree; Debian's keep the GNU modules
  // (a shell that follows its container changes its own copy: followContainer)
  const kept = flatOnce(p.root, !gnu)
  const flat = follows ? { ...kept } : (kept as Record<string, string>)
  const fs = gnu ? new MemoryFs(fsOnce(kept), '/', '/root') : new TrackedFs(fsOnce(kept), '/', '/root', () => lab.now())
  // what earlier processes wrote in the container; its read-only volumes
  if (p.layer) applyLayer(fs, p.layer)
  if (p.readOnly?.length) fs.setReadOnly(p.readOnly)
  const env = new MemoryEnv()
  // a shell exports PWD; a program the runtime starts itself gets the container's environment only
  for (const [k, v] of [...p.env, ...(SHELLS.has(prog) ? [['PWD', '/'] as [string, string]] : [])]) { env.set(k, v); env.export(k) }
  // a stepped main script's variables, as its last step left them
  for (const [k, v] of Object.entries(p.vars?.values ?? {})) env.set(k, v)
  for (const k of p.vars?.exported ?? []) env.export(k)
  // the command table is made once, against the tree as it is now (every name the lab knows: pathLookup)
  const lookup = lookupOnce(p)
  const found = (name: string) => lookup(name).found
  const commands = commandsFor(p, found, personality, lab, fs instanceof TrackedFs ? busyboxTools(p, flat, fs, builtinCommandsWithoutVersion()) : [])
  const notFound = notFoundFor(personality)
  const execd = { tail: false }
  commands.push(found('ps') ? containerPs(p, () => shell.jobs(), execd) : notFound('ps'))
  // `/bin/cat`: a path to a program of the image runs that program (looked up in the tree as it is then:
  // an open shell follows the container's, and a volume may bring programs)
  const foundNow = (name: string) => lookPath(p, name).found
  const fallback = (name: string) =>
    (name.includes('/') && foundNow(name) ? commands.find((c) => c.name === name.slice(name.lastIndexOf('/') + 1)) : undefined) ??
    (foundNow(name) ? notSimulated(name) : notFound(name))
  const shell: Shell = new Shell({
    fs, env, lab, commands, onlyCommands: true, fallback, exitEnds: true, pid: p.pids?.pid, spawnPid: p.pids?.spawn,
    dialect: personality === 'sh' ? 'ash' : personality,
    // `$0`: the shell's argv[0] as kubectl exec gave it (`/bin/sh -c` says /bin/sh)
    arg0: SHELLS.has(prog) ? argv0 : 'sh',
    positional,
    // type, command -v and hash look in the image as it is then
    pathsOf: (name) => onPath(p, name).map((f) => f.path),
  })
  return { shell, fs, flat, personality, execd, env }
}

/** How many of a stepped script's variables are kept between its steps, and how long each may be. */
const KEPT_VARS = 64
const KEPT_VALUE = 4096

/** The variables a script set or changed, against the environment it started with (bounded: the saved lab keeps them). */
export function keptVars(env: MemoryEnv, started: [string, string][]): ShellVars {
  const before = new Map(started)
  const values: Record<string, string> = {}
  const exported: string[] = []
  for (const [k, v] of Object.entries(env.all())) {
    if (k === 'PWD' || k === 'OLDPWD' || (before.get(k) === v && env.isExported(k)) || v.length > KEPT_VALUE) continue
    if (Object.keys(values).length >= KEPT_VARS) break
    values[k] = v
    if (env.isExported(k)) exported.push(k)
  }
  return { values, exported }
}

/**
 * Before each line of a shell that stays open: the container's files as they are now laid under
 * the shell's copy (a token the kubelet refreshed meanwhile reads new, as in the real pod).
 * False once the container has stopped: the shell was killed with it.
 */
const followContainer = (p: ContainerProcess, fs: MemoryFs, flat: Record<string, string>) => async (): Promise<boolean> => {
  if (!p.current) return true
  const root = await p.current()
  if (!root) return false
  p.root = root
  syncUnderneath(fs, flat, flatten(root, fs instanceof TrackedFs))
  return true
}

/**
 * What the process changed in the container's files goes to the container's writable layer (the
 * next exec finds it); a note, for its standard error, names what was too large to keep.
 */
function keepWrites(p: ContainerProcess, fs: MemoryFs, flat: Readonly<Record<string, string>>, now: number): string {
  if (!p.keepLayer || (!p.layer && !fs.changedSinceCopy())) return ''
  const dropped = p.keepLayer(layerOf(fs, flat, now))
  return dropped.length ? `lab: a container keeps at most ${LAYER_MAX / 1024} KiB of the files written in it; not kept: ${dropped.join(', ')}\n` : ''
}

/**
 * The container shell the lab hands its clusters. `onSession` receives the interactive shell of
 * `kubectl exec -it POD -- sh` (the lab then sends the student's lines to it until `exit`).
 */
export function createContainerShell(lab: () => LabServices, onSession?: (s: ContainerSession) => void): ContainerShell {
  return {
    // what shellIn makes once per tree: made ahead, the first exec into a container costs what the next ones do
    prepare(p) {
      const kept = flatOnce(p.root, !gnuTools(p))
      fsOnce(kept)
      const look = lookupOnce(p)
      for (const spec of builtinCommands()) look(spec.name)
      look('ps')
    },
    async run(argv, p) {
      const prog = argv[0].slice(argv[0].lastIndexOf('/') + 1)
      const c = SHELLS.has(prog) ? argv.indexOf('-c') : -1
      // `sh -c SCRIPT NAME ARGS...`: NAME is $0, ARGS the positional parameters
      const named = c > 0 && argv.length > c + 2
      const session = SHELLS.has(prog) && c < 0 && p.tty && onSession !== undefined
      const { shell, fs, flat, personality, execd, env } = shellIn(p, prog, lab(), named ? argv[c + 2] : argv[0], named ? argv.slice(c + 3) : [], session)
      let script: string
      if (SHELLS.has(prog)) {
        if (c > 0 && c + 1 >= argv.length) return { stdout: '', stderr: `${prog}: -c requires an argument\n`, exitCode: 2 }
        if (session && onSession) {
          onSession(new ContainerSession(shell, personality, followContainer(p, fs, flat), p.ended, () => keepWrites(p, fs, flat, lab().now())))
          return { stdout: '', stderr: '', exitCode: 0, session: true }
        }
        script = c > 0 ? argv[c + 1] : p.stdin
        execd.tail = c > 0 && execsPs(script)
      } else {
        if (p.stdin) fs.writeFile(STDIN_PATH, p.stdin)
        script = argv.map(quote).join(' ') + (p.stdin ? ` < ${STDIN_PATH}` : '')
      }
      shell.startedAs(SHELLS.has(prog) && !argv.includes('-c') ? 'stdin' : 'c')
      // `sh -c`'s commands read what kubectl exec -i sends (nothing without -i: end of input at once);
      // a shell that reads its script from standard input has read all of it
      // (its output is the terminal with -t)
      const input = SHELLS.has(prog) && argv.includes('-c') ? { stdin: p.stdin, tty: p.tty } : { stdin: '', tty: false, outTTY: p.tty }
      // the order of the writes: each run of one stream's writes, by its length (the text is the result's)
      const runs: { stream: WrittenChunk['stream']; length: number }[] = []
      const r = await shell.run(script, (w) => {
        const last = runs[runs.length - 1]
        if (last?.stream === w.stream) last.length += w.text.length
        else runs.push({ stream: w.stream, length: w.text.length })
      }, input)
      p.keepVars?.(keptVars(env, p.env))
      const reword = (t: string) => (named ? byName(personality, argv[c + 2], containerMessages(personality)(t)) : containerMessages(personality)(t))
      const lost = keepWrites(p, fs, flat, lab().now())
      return {
        stdout: r.stdout, stderr: reword(r.stderr) + lost, exitCode: r.exitCode,
        ...(r.exitCode === STATUS_STEPS && /stopped after \d+ steps[^\n]*\n?$/.test(r.stderr) ? { neverEnds: true as const } : {}),
        ...(r.stdout !== '' && r.stderr !== '' ? { written: inWrittenOrder(runs, r, reword) } : {}),
      }
    },
  }
}
