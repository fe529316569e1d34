// Pipelines, as bash's execute_pipeline runs them: the members of a longer pipeline each in a
// subshell, reading the output of the one before (buffered; a writer whose reader ended stops as by
// SIGPIPE, sigpipe.ts); `!`, pipefail, `time` (the lab clock's time), and PIPESTATUS.

import { IndexedArray, setArray } from './arrays'
import type { Background } from './background'
import { OverlayEnv } from './env'
import type { Command, Pipeline } from './parser/ast'
import { prehash, timeReport, type TableHost } from './programTable'
import type { IO, Sink } from './redirect'
import type { Runtime } from './runtime'
import { PipeEnd, settlePipes, sigpipeStatuses } from './sigpipe'
import type { LineBudget } from './budget'
import type { ShellDialect, ShellEnv } from './types'

/** What running a pipeline needs of the executor. */
export interface PipelineHost {
  readonly rt: Runtime
  readonly bg: Background
  readonly dialect: ShellDialect
  status: number
  tick(): Promise<void>
  tableHost(): TableHost
  write(sink: Sink, text: string): void
  runCommand(cmd: Command, io: IO, env: ShellEnv): Promise<number>
  readonly budget: LineBudget
  inSubshell(fn: () => Promise<number>, io?: IO, env?: ShellEnv): Promise<number>
}

/** Commands that set PIPESTATUS when they are a pipeline alone; the other compound commands leave it to the pipelines in them. */
const SETS_PIPESTATUS = new Set(['simple', 'subshell', 'arith', 'cond'])

/** A pipeline; `time` before it reports its times on the shell's standard error when it ends. */
export async function runPipeline(h: PipelineHost, p: Pipeline, io: IO, env: ShellEnv): Promise<number> {
  if (!p.timed) return runMembers(h, p, io, env)
  const t0 = h.bg.lab().now()
  const status = p.commands.length ? await runMembers(h, p, io, env) : 0
  h.write(io.err, timeReport(p.timed, Math.max(0, h.bg.lab().now() - t0) / 1000))
  return status
}

async function runMembers(h: PipelineHost, p: Pipeline, io: IO, env: ShellEnv): Promise<number> {
  const [one] = p.commands
  const statuses = p.commands.length === 1 ? [await h.runCommand(one, io, env)] : await runConnected(h, p, io, env)
  let status = statuses[statuses.length - 1]
  if (p.commands.length > 1 && h.rt.has('pipefail')) status = statuses.findLast((s) => s !== 0) ?? 0
  // each member's status, before `!` (bash's only)
  if (h.dialect === 'bash' && (p.commands.length > 1 || SETS_PIPESTATUS.has(one.kind))) setArray(env, 'PIPESTATUS', IndexedArray.list(statuses.map(String)))
  return p.negated ? Number(status === 0) : status
}

/** Two or more members, each in a subshell reading the output of the one before: their statuses. */
async function runConnected(h: PipelineHost, p: Pipeline, io: IO, env: ShellEnv): Promise<number[]> {
  prehash(h.tableHost(), p, env)
  const statuses: number[] = []
  let { stdin, stdinIsTTY, stdinPipe } = io
  const pipes: PipeEnd[] = []
  for (let i = 0; i < p.commands.length; i++) {
    await h.tick()
    const last = i === p.commands.length - 1
    const buf = { text: '' }
    const pipe = new PipeEnd()
    if (!last) pipes.push(pipe)
    const out: Sink = last ? io.out : { kind: 'buffer', buf, pipe }
    // Every member of a pipeline runs in a subshell: its assignments do not persist.
    const member = p.commands[i]
    // a member after the first reads the pipe from its start, each `read` where the one before stopped
    const reading = i > 0 ? { cursor: { pos: 0 } } : io.cursor ? { cursor: io.cursor } : {}
    const mio: IO = { stdin, stdinIsTTY, out, err: io.err, ...(stdinPipe ? { stdinPipe } : {}), ...reading }
    const menv = new OverlayEnv(env)
    const steps = h.budget.steps
    let status: number
    try {
      status = await h.inSubshell(() => h.runCommand(member, mio, menv), mio, menv)
    } catch (e) {
      // (one that wrote nothing would never meet SIGPIPE: bash would wait on it forever)
      if (last || buf.text === '' || !h.budget.resumeAfterSteps(e, steps)) throw e
      // a writer that never ends: SIGPIPE's status; if its reader reads all it wrote, the line stops after all
      status = 128 + 13
      pipe.held = () => {
        throw h.budget.halt(e)
      }
    }
    statuses.push(status)
    h.status = status
    stdin = buf.text
    stdinIsTTY = false
    stdinPipe = pipe
  }
  // Writers whose reader ended early were stopped as by SIGPIPE: no notice (sigpipe.ts).
  sigpipeStatuses(statuses, pipes, settlePipes(pipes))
  return statuses
}
