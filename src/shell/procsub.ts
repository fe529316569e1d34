// Imitates: bash/subst.c process_substitute. `<(LIST)` runs LIST and stands for a file holding what
// it wrote; `>(LIST)` stands for a file the command writes, which LIST then reads as its standard
// input. bash names them /dev/fd/63, 62 ... (a pipe each); here they are files of those names that
// exist while the command that named them runs, and go when it ends (a `>(LIST)` runs then).

import type { List } from './parser/ast'
import type { IO } from './redirect'
import type { HomeFs, ShellEnv } from './types'
import type { Runtime } from './runtime'
import { OverlayEnv } from './env'

interface Open {
  path: string
  dir: '<' | '>'
  body: List
  env: ShellEnv
  io: IO
}

/** What running a list in a subshell needs of the executor. */
export interface SubshellRunner {
  readonly fs: HomeFs
  readonly rt: Runtime
  inSubshell(fn: () => Promise<number>, io?: IO, env?: ShellEnv): Promise<number>
  runList(list: List, io: IO, env: ShellEnv): Promise<number>
}

/** `$(< file)`: one simple command with no words or assignments and one redirection, `<` (bash's cat_file). */
function loneInputRedirect(body: List): boolean {
  const [item, ...more] = body.items
  if (!item || more.length > 0 || item.rest.length > 0 || item.background) return false
  const p = item.first
  const c = p.commands[0]
  return !p.negated && !p.timed && p.commands.length === 1 && c.kind === 'simple' && c.words.length === 0 && c.assignments.length === 0 &&
    c.redirects.length === 1 && c.redirects[0].op === '<' && c.redirects[0].fd === 0
}

/** Run a list in a subshell as a command substitution does (errexit off): its output and status. */
export async function captureList(ex: SubshellRunner, body: List, env: ShellEnv, io: IO): Promise<{ text: string; status: number }> {
  const buf = { text: '' }
  const senv = new OverlayEnv(env)
  const sio: IO = { stdin: '', stdinIsTTY: io.stdinIsTTY, out: { kind: 'buffer', buf }, err: io.err, ...(loneInputRedirect(body) ? { substituteFile: true } : {}) }
  const status = await ex.inSubshell(() => {
    // bash leaves errexit off in command substitutions (no inherit_errexit).
    ex.rt.options.delete('errexit')
    ex.rt.substDepth++
    return ex.runList(body, sio, senv)
  }, sio, senv)
  return { text: buf.text, status }
}

/** Run a list in a subshell reading `stdin`, writing where `io` writes (`>(LIST)`). */
async function feedList(ex: SubshellRunner, body: List, env: ShellEnv, io: IO, stdin: string): Promise<void> {
  const senv = new OverlayEnv(env)
  const sio: IO = { ...io, stdin, stdinIsTTY: false, cursor: undefined }
  await ex.inSubshell(() => ex.runList(body, sio, senv), sio, senv)
}

const DIR = '/dev/fd'

export class ProcSubs {
  private open: Open[] = []
  private madeDir = false

  constructor(private readonly ex: SubshellRunner) {}

  /** How many are open: a command closes those it opened (`settle(mark)`). */
  get mark(): number {
    return this.open.length
  }

  async start(dir: '<' | '>', body: List, env: ShellEnv, io: IO): Promise<string> {
    const { fs } = this.ex
    if (!fs.isDir(DIR)) {
      fs.mkdir(DIR)
      this.madeDir = true
    }
    const path = `${DIR}/${63 - this.open.length}`
    this.open.push({ path, dir, body, env, io })
    fs.writeFile(path, dir === '<' ? (await captureList(this.ex, body, env, io)).text : '')
    return path
  }

  /** The command that opened the ones past `mark` has ended: `>(LIST)` reads what was written, the files go. */
  async settle(mark: number): Promise<void> {
    const done = this.open.splice(mark)
    const { fs } = this.ex
    try {
      for (const p of done) if (p.dir === '>') await feedList(this.ex, p.body, p.env, p.io, fs.readFile(p.path) ?? '')
    } finally {
      for (const p of done) fs.remove(p.path)
      if (this.open.length === 0 && this.madeDir) {
        fs.remove(DIR)
        this.madeDir = false
      }
    }
  }
}
