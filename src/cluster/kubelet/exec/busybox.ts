// The busybox applets a student runs with kubectl exec, and `sh -c` for simple command lines
// (`;`, `&&`, `||`, `|`, quotes and $VAR; no redirections).
// Imitates: busybox coreutils (cat, echo, env, hostname, id, pwd, sleep, true, false) and ash.

import { ls, type Output } from './ls'
import { resolve, type FsDir } from './vfs'
import { APPLETS } from './rootfs'

export interface Proc {
  root: FsDir
  env: [string, string][]
  hostname: string
  now: number
  stdin: string
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

const ID = 'uid=0(root) gid=0(root) groups=0(root),1(bin),2(daemon),3(sys),4(adm),6(disk),10(wheel),11(floppy),20(dialout),26(tape),27(video)\n'

/** Run one applet by name; undefined when the name is not an applet the lab knows. */
export function runApplet(p: Proc, name: string, args: string[]): Output | undefined {
  switch (name) {
    case 'ls': return ls(p.root, args, p.now)
    case 'cat': return cat(p, args)
    case 'echo': return echo(args)
    case 'env': return args.length ? runCommand({ ...p, env: [...p.env] }, args) : ok(p.env.map(([k, v]) => `${k}=${v}\n`).join(''))
    case 'hostname': return ok(`${p.hostname}\n`)
    case 'id': return ok(ID)
    case 'pwd': return ok('/\n')
    case 'true': return ok()
    case 'false': return fail('')
    case 'sleep': return args.every((a) => /^\d+(\.\d+)?[smhd]?$/.test(a)) && args.length ? ok() : fail(args.length ? `sleep: invalid number '${args.find((a) => !/^\d+(\.\d+)?[smhd]?$/.test(a))}'\n` : 'BusyBox: sleep: missing operand\n')
    case 'sh': {
      const i = args.indexOf('-c')
      if (i === -1 || i + 1 >= args.length) return ok()
      return sh(p, args[i + 1])
    }
    default: return undefined
  }
}

/** Find a command on PATH (or by path) in the container; the applet name it runs, if any. */
export function lookPath(p: Proc, cmd: string): { found: false } | { found: true; applet?: string } {
  const candidates = cmd.includes('/') ? [cmd] : (p.env.find(([k]) => k === 'PATH')?.[1] ?? '').split(':').map((d) => `${d}/${cmd}`)
  for (const c of candidates) {
    const r = resolve(p.root, c)
    if (typeof r !== 'string' && r.node.kind === 'file') {
      const base = cmd.slice(cmd.lastIndexOf('/') + 1)
      return { found: true, applet: r.path === '/bin/busybox' && base in APPLETS ? base : undefined }
    }
  }
  return { found: false }
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
