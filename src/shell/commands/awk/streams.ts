// Imitates: mawk's files.c and bi_funct.c (getline, close, fflush, system): input records read
// from the main input, a file or a command's output (`"cmd" | getline`), and commands run
// through the lab's shell. A command's output is read whole when first asked for, then record by
// record; close() lets the next getline run it again.

import type { Expr } from './ast'
import { AwkRuntimeError, StrNum, type Val } from './fields'
import type { Interp } from './interp'

/** What awk reads and runs through (the command module wires it to the shell). */
export interface AwkHost {
  /** The main input's next record (after the current one), or undefined at its end. */
  nextMain(): string | undefined
  readFile(path: string): string | undefined
  /** Standard input, for `getline < "-"`. */
  stdin(): string
  /** Run a command line with `sh -c`: its standard output (its errors go to the terminal) and status. */
  capture(cmd: string): Promise<{ stdout: string; status: number }>
  /** system(): run a command line, its output going where awk's goes (after awk's own). */
  system(cmd: string): Promise<number>
  /** Write out what awk has buffered. */
  flush(): void
}

/** Split input into records by RS: a newline, one character, or "" (paragraphs). */
export function records(text: string, rs: string): string[] {
  if (text === '') return []
  if (rs === '') return text.replace(/^\n+/, '').split(/\n\n+/).map((r) => r.replace(/\n+$/, '')).filter((r, i, a) => r !== '' || i < a.length - 1)
  const sep = rs.length === 1 ? rs : '\n'
  const parts = text.split(sep)
  if (parts[parts.length - 1] === '') parts.pop()
  return parts
}

type GetlineExpr = Extract<Expr, { k: 'getline' }>

export class AwkStreams {
  private readers = new Map<string, { recs: string[]; pos: number }>()

  constructor(
    private vm: Interp,
    private host: AwkHost | undefined,
  ) {}

  private need(): AwkHost {
    if (!this.host) throw new AwkRuntimeError('no input or commands here')
    return this.host
  }

  private bump(name: 'NR' | 'FNR'): void {
    this.vm.vars.set(name, this.vm.num(this.vm.vars.get(name)!) + 1)
  }

  /** getline's forms: 1 for a record, 0 at the end, -1 when the file cannot be read. */
  async getline(e: GetlineExpr): Promise<Val> {
    const host = this.need()
    let rec: string | undefined
    if (e.file || e.cmd) {
      const name = this.vm.str(await this.vm.eval((e.file ?? e.cmd)!))
      let r = this.readers.get(name)
      if (!r) {
        let text: string | undefined
        if (e.cmd) {
          host.flush()
          text = (await host.capture(name)).stdout
        } else text = name === '-' || name === '/dev/stdin' ? host.stdin() : host.readFile(name)
        if (text === undefined) return -1
        r = { recs: records(text, this.vm.rs()), pos: 0 }
        this.readers.set(name, r)
      }
      rec = r.recs[r.pos++]
    } else rec = host.nextMain()
    if (rec === undefined) return 0
    // mawk counts only records of the main input (POSIX would count a command's too).
    if (!e.file && !e.cmd) {
      this.bump('NR')
      this.bump('FNR')
    }
    if (e.target) await this.vm.lvalueSet(e.target, new StrNum(rec))
    else this.vm.setRecord(rec)
    return 1
  }

  /** close(): 0 when the file or command was open, -1 when it was not. */
  close(name: string): number {
    return this.readers.delete(name) ? 0 : -1
  }

  fflush(): number {
    this.host?.flush()
    return 0
  }

  async system(cmd: string): Promise<number> {
    const host = this.need()
    host.flush()
    return host.system(cmd)
  }
}
