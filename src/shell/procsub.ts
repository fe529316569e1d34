// Imitates: bash/subst.c process_substitute. `<(LIST)` runs LIST and stands for a file holding what
// it wrote; `>(LIST)` stands for a file the command writes, which LIST then reads as its standard
// input. bash names them /dev/fd/63, 62 ... (a pipe each); here they are files of those names that
// exist while the command that named them runs, and go when it ends (a `>(LIST)` runs then).

import type { List } from './parser/ast'
import type { IO } from './redirect'
import type { HomeFs, ShellEnv } from './types'

interface Open {
  path: string
  dir: '<' | '>'
  body: List
  env: ShellEnv
  io: IO
}

/** What process substitution needs of the executor. */
export interface ProcSubHost {
  fs: HomeFs
  /** Run LIST in a subshell with this standard input, its output kept; resolves to that output. */
  capture(body: List, env: ShellEnv, io: IO, stdin: string): Promise<string>
  /** Run LIST in a subshell reading `stdin`, writing where `io` writes. */
  feed(body: List, env: ShellEnv, io: IO, stdin: string): Promise<void>
}

const DIR = '/dev/fd'

export class ProcSubs {
  private open: Open[] = []
  private madeDir = false

  constructor(private readonly host: ProcSubHost) {}

  /** How many are open: a command closes those it opened (`settle(mark)`). */
  get mark(): number {
    return this.open.length
  }

  async start(dir: '<' | '>', body: List, env: ShellEnv, io: IO): Promise<string> {
    const { fs } = this.host
    if (!fs.isDir(DIR)) {
      fs.mkdir(DIR)
      this.madeDir = true
    }
    const path = `${DIR}/${63 - this.open.length}`
    this.open.push({ path, dir, body, env, io })
    fs.writeFile(path, dir === '<' ? await this.host.capture(body, env, io, '') : '')
    return path
  }

  /** The command that opened the ones past `mark` has ended: `>(LIST)` reads what was written, the files go. */
  async settle(mark: number): Promise<void> {
    const done = this.open.splice(mark)
    const { fs } = this.host
    try {
      for (const p of done) if (p.dir === '>') await this.host.feed(p.body, p.env, p.io, fs.readFile(p.path) ?? '')
    } finally {
      for (const p of done) fs.remove(p.path)
      if (this.open.length === 0 && this.madeDir) {
        fs.remove(DIR)
        this.madeDir = false
      }
    }
  }
}
