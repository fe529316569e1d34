// A stream that lasts as long as a container's run: `kubectl logs -f` and `kubectl attach` (and the
// rounds of every live command, `kubectl get -w` too). It ends when the process ends (the container
// exits, is restarted, or is killed with its pod), and kubectl with it, status 0. The lab's main processes print only as they start, so such a stream adds no
// lines: kubectl waits, a second of wall time and of lab time each round, as `kubectl get -w` does.
// Imitates: client-go's log stream and remotecommand's attach stream (both end with the process),
// and kubectl's SIGINT handling (k8s.io/kubectl/pkg/util/interrupt, term.TTY.Safe).

import type { RestClient } from '../client'
import type { Kubectl } from '../command'
import type { Obj } from '../tables'

/**
 * One round of a live command (`get -w`, `logs -f`, `attach`): a second of wall time, which the
 * host paces, then a second of lab time. False when Ctrl+C ended the wait.
 */
export async function liveRound(k: Kubectl, pace: (ms: number) => Promise<boolean>): Promise<boolean> {
  if (!(await pace(1000))) return false
  await k.ctx.lab.advance(1000)
  k.ctx.signal?.throwIfAborted()
  return true
}

/**
 * Ctrl+C that kubectl's interrupt handler takes: the terminal echoes `^C` and kubectl ends with
 * status 1 (a handled SIGINT: bash goes on, with no newline of its own).
 */
export function handledInterrupt(k: Kubectl): number {
  k.ctx.ttyEcho?.('^C')
  return 1
}

/** A container's current run, which a stream lasts as long as. */
export interface ContainerRun { podPath: string; container: string; id: string }

/** The ID of the container's current run while it is running (state.running). */
export function runningID(pod: Obj | undefined, container: string): string | undefined {
  const st = ((pod?.status?.containerStatuses ?? []) as Obj[]).find((s) => s.name === container)
  return st?.state?.running ? String(st.containerID ?? '') : undefined
}

/**
 * Wait until every run in `runs` has ended; 0 then. Ctrl+C: `killed`, kubectl dies of the SIGINT
 * (the command line stops there: `^C`, 130); `handled`, kubectl's interrupt handler ends it (the
 * terminal's `^C` echo, status 1, and the line goes on). Where nothing paces commands (a
 * transcript, a job), kubectl ends at once, after `note` if there is one.
 */
export async function untilRunsEnd(k: Kubectl, client: RestClient, runs: ContainerRun[], how: { interrupt: 'killed' | 'handled'; note?: string }): Promise<number> {
  if (runs.length === 0) return 0
  const pace = k.ctx.lab.pace
  if (!pace) {
    if (how.note) k.err(how.note)
    return 0
  }
  let open = runs
  while (open.length > 0) {
    if (!(await liveRound(k, pace))) {
      if (how.interrupt === 'handled') return handledInterrupt(k)
      k.ctx.signal?.killedByInterrupt()
      return 130 // (a command run without a line's budget)
    }
    const still: ContainerRun[] = []
    for (const r of open) if (runningID(await client.getOrUndefined<Obj>(r.podPath), r.container) === r.id) still.push(r)
    open = still
  }
  return 0
}
