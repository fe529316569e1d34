// Runs an and-or list ended by `&` as the lab runs a background job (jobs.ts): at once, in a
// subshell, on a clock of its own, with bash's `[1] PID` line in the interactive workstation;
// keeps the job table and the output jobs hold until the lab clock reaches it.
// Imitates: bash/execute_cmd.c (execute_command_internal's asynchronous case) and jobs.c.

import type { AndOr } from './parser/ast'
import type { LabServices, OutputChunk, ShellEnv } from './types'
import type { IO, Sink } from './redirect'
import type { Runtime } from './runtime'
import { andOrText, jobLab, JobTable, type Job } from './jobs'
import { OverlayEnv } from './env'

/** What the background needs of the executor's host. */
export interface BackgroundHost {
  lab: LabServices
  emit(chunk: OutputChunk): void
  /** An interactive shell with job control (the workstation). */
  jobControl?: boolean
}

/** The executor as a job runs in it. */
export interface JobRunner {
  status: number
  write(sink: Sink, text: string): void
  inSubshell(fn: () => Promise<number>, io?: IO, env?: ShellEnv): Promise<number>
  runAndOr(item: AndOr, io: IO, env: ShellEnv): Promise<void>
}

export class Background {
  readonly table = new JobTable()
  /** While a job runs: the lab with the job's own clock, and the job (holding its late output). */
  private jobLab: LabServices | undefined
  private heldBy: Job | undefined
  /** How many subshells deep the executor is (a job started in one is not in this table). */
  depth = 0

  constructor(
    private host: BackgroundHost,
    private rt: Runtime,
  ) {}

  /** A command line starts: jobs started before it are reported at its prompt once they end. */
  beginLine(): void {
    this.depth = 0
    for (const j of this.table.all()) j.fresh = false
  }

  /** The lab as commands see it now. */
  lab(): LabServices {
    return this.jobLab ?? this.host.lab
  }

  get interactive(): boolean {
    return this.host.jobControl === true && this.rt.options.has('monitor')
  }

  /** Output reaches the terminal, or waits in the job that wrote it after its clock moved on. */
  emit(c: OutputChunk): void {
    const job = this.heldBy
    if (job && job.elapsed > 0) job.held.push({ at: job.start + job.elapsed, chunk: c })
    else this.host.emit(c)
  }

  /** Show the output held by jobs whose time the lab clock has reached. */
  release(): void {
    for (const c of this.table.takeHeld(this.host.lab.now())) this.host.emit(c)
  }

  /** What an interactive bash prints before its prompt: held output, then `[1]+  Done   cmd`. */
  notify(ex: JobRunner, sink: Sink, prompt = false): void {
    this.release()
    const text = this.table.notices(this.host.lab.now(), prompt)
    if (text && this.interactive) ex.write(sink, text)
  }

  async run(ex: JobRunner, item: AndOr, io: IO, env: ShellEnv): Promise<void> {
    const pid = this.rt.spawnPid()
    this.rt.lastBackground = String(pid)
    const outer = this.lab()
    const start = outer.now()
    // A job started in a subshell belongs to that subshell: this shell's table never sees it.
    const own = this.depth === 0
    const job = (own ? this.table : new JobTable()).add(pid, andOrText(item), start)
    if (own && this.interactive) ex.write(io.err, `[${job.id}] ${pid}\n`)
    const saved = { lab: this.jobLab, held: this.heldBy }
    this.jobLab = jobLab(outer, job)
    if (own) this.heldBy = job
    const jenv = new OverlayEnv(env)
    try {
      const body = async () => {
        await ex.runAndOr({ ...item, background: false }, io, jenv)
        return ex.status
      }
      job.status = await ex.inSubshell(body, io, jenv)
    } finally {
      this.jobLab = saved.lab
      this.heldBy = saved.held
    }
    job.end = start + job.elapsed
    ex.status = 0
  }
}
