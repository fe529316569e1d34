// Imitates: bash/jobs.c (the job table, its `[1]+  Running   cmd &` lines and the notices an
// interactive shell prints at the prompt). The lab has no processes running beside the shell: a
// command started with `&` runs at once to its end, on a clock of its own that starts at the lab
// time it was started. Its `sleep`s move that clock, not the lab's: the job ends at its start
// plus the lab time it took, and is Running until the lab clock reaches that end. Output it
// writes before its first sleep shows at once; later output is held and shown at the prompt
// once the lab clock has passed the time it was written (wait, fg and sleep move the clock).

import type { AndOr, Command, List, Pipeline, Redirect } from './parser/ast'
import type { LabServices, OutputChunk } from './types'

export interface Job {
  id: number
  pid: number
  /** The command as bash prints it (without the trailing ` &`). */
  text: string
  /** Lab time it started at and (once its run returned) the lab time it ends at. */
  start: number
  end: number
  /** The job's own clock: lab time its commands took so far (its sleeps). */
  elapsed: number
  /** Exit status of its run (set when the run returned, at once). */
  status: number
  /** Set by kill: the signal's number, and the job ended at the time of the kill. */
  signal?: number
  /**
   * Started by the command line running now: if it ended no earlier than now, bash would not
   * have seen it end by the prompt that follows, so that prompt does not report it; `wait` does.
   */
  fresh: boolean
  /** Output written after the job's clock had moved, shown once the lab clock passes `at`. */
  held: { at: number; chunk: OutputChunk }[]
}

/** Signals kill knows: number, name and the word the job table shows (bash's siglist). */
export const SIGNALS: [number, string, string][] = [
  [1, 'HUP', 'Hangup'], [2, 'INT', 'Interrupt'], [3, 'QUIT', 'Quit'], [6, 'ABRT', 'Aborted'],
  [9, 'KILL', 'Killed'], [10, 'USR1', 'User defined signal 1'], [12, 'USR2', 'User defined signal 2'],
  [13, 'PIPE', 'Broken pipe'], [14, 'ALRM', 'Alarm clock'], [15, 'TERM', 'Terminated'],
]

export class JobTable {
  private list: Job[] = []

  add(pid: number, text: string, start: number): Job {
    const id = this.list.reduce((m, j) => Math.max(m, j.id), 0) + 1
    const job: Job = { id, pid, text, start, end: start, elapsed: 0, status: 0, fresh: true, held: [] }
    this.list.push(job)
    return job
  }

  all(): readonly Job[] {
    return this.list
  }

  remove(job: Job): void {
    this.list = this.list.filter((j) => j !== job)
  }

  running(job: Job, now: number): boolean {
    return job.signal === undefined && now < job.end
  }

  /** `+` for the current job (the latest), `-` for the previous one. */
  mark(job: Job): string {
    const n = this.list.length
    return this.list[n - 1] === job ? '+' : this.list[n - 2] === job ? '-' : ' '
  }

  /** A job spec (`%1`, `%%`, `%+`, `%-`, `%sl` for a command starting with sl, `%?str`) or a pid. */
  find(spec: string): Job | undefined {
    const n = this.list.length
    if (!spec.startsWith('%')) return this.list.find((j) => String(j.pid) === spec)
    const s = spec.slice(1)
    if (s === '' || s === '%' || s === '+') return this.list[n - 1]
    if (s === '-') return this.list[n - 2] ?? this.list[n - 1]
    if (/^\d+$/.test(s)) return this.list.find((j) => j.id === Number(s))
    const hits = this.list.filter((j) => (s.startsWith('?') ? j.text.includes(s.slice(1)) : j.text.startsWith(s)))
    return hits[hits.length - 1]
  }

  /** The status word of bash's job lines, padded as jobs.c pads it (`%-24s`... with two spaces before). */
  state(job: Job, now: number): string {
    if (job.signal !== undefined) return SIGNALS.find(([n]) => n === job.signal)?.[2] ?? `Signal ${job.signal}`
    if (now < job.end) return 'Running'
    return job.status === 0 ? 'Done' : `Exit ${job.status}`
  }

  /** One line of `jobs` or of a notice: `[1]+  Running                 sleep 5 &`. */
  line(job: Job, now: number, withPid = false): string {
    const state = this.state(job, now)
    const amp = state === 'Running' ? ' &' : ''
    return `[${job.id}]${this.mark(job)}${withPid ? ` ${job.pid} ` : '  '}${state.padEnd(24)}${job.text}${amp}\n`
  }

  /** Output held by jobs that the clock has now reached, oldest first (removed from the jobs). */
  takeHeld(now: number): OutputChunk[] {
    const due: { at: number; chunk: OutputChunk }[] = []
    for (const j of this.list) {
      due.push(...j.held.filter((h) => h.at <= now))
      j.held = j.held.filter((h) => h.at > now)
    }
    return due.sort((a, b) => a.at - b.at).map((h) => h.chunk)
  }

  /** The notices an interactive bash prints before its prompt: finished jobs, which leave the table. */
  notices(now: number, prompt = false): string {
    const done = this.list.filter((j) => !this.running(j, now) && !(prompt && j.fresh && j.signal === undefined && j.end >= now))
    const text = done.map((j) => this.line(j, now)).join('')
    for (const j of done) this.remove(j)
    return text
  }
}

/**
 * The lab as a background job's commands see it: its clock is the job's own (`sleep` moves it,
 * not the lab's), and it has no pacing (a backgrounded `watch` shows one refresh).
 */
export function jobLab(base: LabServices, job: Job): LabServices {
  return {
    ...base,
    now: () => job.start + job.elapsed,
    advance: async (ms) => {
      job.elapsed += ms
      return ''
    },
    pace: undefined,
  }
}

// ---- How bash prints a job's command (print_cmd.c, in short: words as typed, spaced by one).

function redirectText(r: Redirect): string {
  const dflt = r.op.startsWith('<') ? 0 : 1
  const fd = r.op.startsWith('&') || r.fd === dflt ? '' : String(r.fd)
  if (r.heredoc) return `${fd}${r.op} ${r.heredoc.delimiter}`
  return r.op.endsWith('&') ? `${fd}${r.op}${r.target?.raw ?? ''}` : `${fd}${r.op} ${r.target?.raw ?? ''}`
}

function commandText(c: Command): string {
  const redirs = c.redirects.map((r) => ` ${redirectText(r)}`).join('')
  switch (c.kind) {
    case 'simple':
      return [...c.assignments.map((a) => `${a.name}=${a.value.raw}`), ...c.words.map((w) => w.raw)].join(' ') + redirs
    case 'subshell':
      return `( ${listText(c.body)} )${redirs}`
    case 'group':
      return `{ ${listText(c.body)}; }${redirs}`
    case 'arith':
      return `(( ${c.expr.trim()} ))${redirs}`
    case 'cond':
      return `[[ ${c.raw} ]]${redirs}`
    default:
      return `${c.kind === 'arithfor' ? 'for' : c.kind === 'funcdef' ? c.name : c.kind} ...${redirs}`
  }
}

const pipelineText = (p: Pipeline) => (p.negated ? '! ' : '') + p.commands.map(commandText).join(' | ')

export function andOrText(a: AndOr): string {
  return [pipelineText(a.first), ...a.rest.map((r) => `${r.op} ${pipelineText(r.pipeline)}`)].join(' ')
}

function listText(l: List): string {
  return l.items.map((a, i) => andOrText(a) + (a.background ? ' &' : i < l.items.length - 1 ? ';' : '')).join(' ')
}
