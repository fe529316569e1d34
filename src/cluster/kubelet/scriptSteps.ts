// A container's main script that sleeps between its commands (steppedScript.ts), run over lab
// time: its commands up to a sleep run as the container starts, the next ones when that sleep
// is over (scheduled work, kubelet.scriptStep), and so on; a loop goes round until the container
// stops. What each part prints goes into the container's log at the time it ran, and the
// script's variables go on from one part to the next, as in the one shell a real container runs.
// Over a long jump of the clock, a loop runs only its last MAX_ROUNDS rounds before the jump's end:
// the rounds before print nothing (a year of a one-second loop would be millions of runs). A part
// that never ends (a loop without a sleep, stopped by the shell's step budget) leaves the script
// there for good, as a real one would stay in that loop.

import type { Pod } from '../api/core'
import type { KObject } from '../api/meta'
import { runMainProcess } from './exec/exec'
import { catchUpPodTokens, currentPod, type KubeletRuntime } from './runtime'
import type { ContainerRecord, PodRecord } from './state'
import { steppedScript, type SteppedScript } from './steppedScript'
import { KubeletWork } from './work'

/** How much of a stepped script's output the kubelet keeps, its last bytes (a real kubelet rotates at 10 MiB; this stays small in the saved lab). */
export const STEPPED_LOG_MAX = 64 * 1024
/** The rounds of a loop that run while the clock jumps ahead: the last ones before the jump's end. */
export const MAX_ROUNDS = 100

/**
 * The script's next part, at `at`: ahead of other work due then, so that a part that ends the script
 * runs before the kubelet's sync sees the container end (and reads its status).
 */
function scheduleStep(rt: KubeletRuntime, rec: PodRecord, c: ContainerRecord, at: number): void {
  rt.ctx.clock.schedule(at, KubeletWork.scriptStep, { node: rt.node.name, uid: rec.uid, container: c.name }, true)
}

/** Keep what a part printed, `at` ms after the run started; the oldest output goes past STEPPED_LOG_MAX. */
function keepOutput(c: ContainerRecord, at: number, text: string): void {
  const out = (c.out ??= [])
  out.push([at, text])
  let size = out.reduce((n, [, t]) => n + t.length, 0)
  while (size > STEPPED_LOG_MAX && out.length > 1) size -= out.shift()![1].length
  if (size > STEPPED_LOG_MAX) out[0][1] = out[0][1].slice(-STEPPED_LOG_MAX)
}

/** Run the script's commands from its next step up to its next sleep, and schedule the part after that sleep. */
async function runPart(rt: KubeletRuntime, pod: Pod, rec: PodRecord, c: ContainerRecord, plan: SteppedScript): Promise<void> {
  const state = c.script
  if (!state || c.startedAt === undefined) return
  const commands: string[] = []
  let i = state.next
  let wait: number | undefined
  for (let n = 0; n <= plan.steps.length && wait === undefined; n++) {
    if (i >= plan.steps.length) {
      if (plan.loopFrom === undefined) break
      i = plan.loopFrom
    }
    const step = plan.steps[i++]
    if ('sleepMs' in step) wait = step.sleepMs
    else commands.push(step.run)
  }
  const shell = rt.shell()
  let status: number | undefined
  if (commands.length > 0 && shell) {
    await catchUpPodTokens(rt, rec)
    try {
      const r = await runMainProcess(rt.ctx, pod as unknown as KObject, rec, c, (key) => rt.tokens.token(key), shell, commands.join('\n'), state.vars)
      if (r.vars) state.vars = r.vars
      if (r.log !== '') keepOutput(c, rt.ctx.clock.now() - c.startedAt, r.log)
      status = r.exitCode
      // a loop in this part that never ends: the script never gets to its next sleep, and prints no more
      if (r.neverEnds) {
        wait = undefined
        status = undefined
      }
    } catch {
      // this part printed nothing; the script goes on
    }
  }
  if (wait === undefined) {
    // the script ends with its last command's status, which is the container's (the model guessed it
    // as the container started; the kubelet reads it when it syncs the ended container, after this)
    if (status !== undefined && plan.loopFrom === undefined && c.exit) c.exit = { ...c.exit, code: status }
    delete c.script
    return
  }
  state.next = i
  scheduleStep(rt, rec, c, rt.ctx.clock.now() + wait)
}

/** The container has started with a stepped script (podWorkers.ts runMain): its first part runs now. */
export async function startScript(rt: KubeletRuntime, pod: Pod, rec: PodRecord, c: ContainerRecord, plan: SteppedScript): Promise<void> {
  c.script = { next: 0, vars: { values: {}, exported: [] } }
  delete c.out
  await runPart(rt, pod, rec, c, plan)
}

/** A stepped script's sleep is over (kubelet.scriptStep): its next part runs, unless the container has stopped. */
export async function scriptStep(rt: KubeletRuntime, rec: PodRecord, container: string): Promise<void> {
  const pod = currentPod(rt, rec)
  const c = rec.containers.find((x) => x.name === container)
  if (!pod || pod.metadata.deletionTimestamp || !c?.script) return
  const spec = pod.spec.containers?.find((s) => s.name === container)
  const plan = spec && steppedScript(spec)
  if (!plan) {
    delete c.script
    return
  }
  const now = rt.ctx.clock.now()
  // a jump far ahead: whole rounds of the loop are skipped, up to the last MAX_ROUNDS before its end
  if (plan.loopFrom !== undefined && plan.roundMs && c.script.next >= plan.loopFrom && rt.horizon !== undefined) {
    const skip = Math.floor((rt.horizon - now) / plan.roundMs) - MAX_ROUNDS
    if (skip > 0) {
      scheduleStep(rt, rec, c, now + skip * plan.roundMs)
      return
    }
  }
  await runPart(rt, pod, rec, c, plan)
}
