// A stream that lasts as long as a container's run: `kubectl logs -f` and `kubectl attach` (and the
// rounds of every live command, `kubectl get -w` too). It ends when the process ends (the container
// exits, is restarted, or is killed with its pod), and kubectl with it, status 0. kubectl waits, a
// second of wall time and of lab time each round, as `kubectl get -w` does; `logs -f` writes what
// the container printed in each round (most main processes print only as they start; a script
// that sleeps between its commands prints as it goes on: kubelet/scriptSteps.ts). Each round reads
// what the open stream carries (RestClient.stream): the request that opened it is the only one the
// API server audits and kubectl -v logs.
// Imitates: client-go's log stream and remotecommand's attach stream (both end with the process),
// and kubectl's SIGINT handling (k8s.io/kubectl/pkg/util/interrupt, term.TTY.Safe).

import type { RestClient } from '../client'
import type { Kubectl } from '../command'
import type { Obj } from '../tables'
import { liveRound } from '../../liveRound'
import { textLines } from '../../../common/textLines'

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
export async function untilRunsEnd(k: Kubectl, client: RestClient, runs: ContainerRun[], how: { interrupt: 'killed' | 'handled'; note?: string; eachRound?(open: ContainerRun[]): Promise<void> }): Promise<number> {
  if (runs.length === 0) return 0
  const pace = k.ctx.lab.pace
  if (!pace) {
    if (how.note) k.err(how.note)
    return 0
  }
  // the streams' own reads: the container's log and whether its run goes on (the stream ends with it)
  const stream = client.stream()
  let open = runs
  while (open.length > 0) {
    if (!(await liveRound(k.ctx, pace))) {
      if (how.interrupt === 'handled') return handledInterrupt(k)
      k.ctx.signal?.killedByInterrupt()
      return 130 // (a command run without a line's budget)
    }
    // what the streams carried in this round (a run that ended in it included)
    await how.eachRound?.(open)
    const still: ContainerRun[] = []
    for (const r of open) if (runningID(await stream.getOrUndefined<Obj>(r.podPath), r.container) === r.id) still.push(r)
    open = still
  }
  return 0
}

/**
 * A live command's round (untilRunsEnd eachRound) that writes what each run's container printed
 * since the round before (since now, the first time): the lines of its log written meanwhile,
 * with their times if `stamped` (kubectl logs -f --timestamps).
 */
export function printedMeanwhile(k: Kubectl, client: RestClient, write: (r: ContainerRun, text: string) => void, stamped = false): (open: ContainerRun[]) => Promise<void> {
  let since = k.ctx.lab.now()
  const stream = client.stream()
  return async (open) => {
    const until = k.ctx.lab.now()
    for (const r of open) {
      const text = await stream.request<string>('GET', `${r.podPath}/log?container=${encodeURIComponent(r.container)}&timestamps=true`).catch(() => '')
      // each line as `TIME TEXT` (timestamps=true)
      const lines = textLines(typeof text === 'string' ? text : '')
        .map((line) => ({ line, space: line.indexOf(' ') }))
        .filter(({ line, space }) => Date.parse(line.slice(0, space)) > since)
        .map(({ line, space }) => (stamped ? line : line.slice(space + 1)))
      if (lines.length > 0) write(r, lines.join(''))
    }
    since = until
  }
}
