// kubectl run --attach (or -i/--stdin, or -t): after the pod is created, wait until it runs and is
// ready, or has completed. A completed pod's log is shown (what its main process printed). A pod
// whose main process is a shell reading its terminal (`-it -- sh`) is attached to: that shell
// takes the terminal, and when it ends (so does the container), the rest runs: the reattach hint
// with restartPolicy Always, the container's exit code with Never or OnFailure, --rm's delete.
// An attach the API server refuses (RBAC: create pods/attach) is warned about, and the log shown
// instead, as handleAttachPod falls back. Without a terminal (-i or --attach alone), any other
// running process is attached to as `kubectl attach` does (podRuns.ts): kubectl waits for its run
// to end, then goes on. With -it, the lab cannot give a terminal to a process that is not a shell:
// it says so, and leaves the pod running.
// Imitates: kubectl 1.35 pkg/cmd/run/run.go (Run's attach branch, handleAttachPod, waitForPod,
// podRunningAndReady, podCompleted, podSucceeded, removeCreatedObjects) and pkg/cmd/attach/attach.go
// (Run's notices, reattachMessage).

import type { ExecResult } from '../../../cluster/apiserver/types'
import { newNotFound } from '../../../common/apiErrors'
import type { RunResult } from '../../types'
import type { RestClient } from '../client'
import type { Kubectl } from '../command'
import { KubectlError, renderError, StatusError } from '../errors'
import { parseGoDuration } from '../flags'
import type { Obj } from '../tables'
import { NOTICE } from './attach'
import { streamQuery } from './podcmd'
import { printedMeanwhile, runningID, untilRunsEnd } from './podRuns'


/** Where the steps after the wait write: the command's own output, or (after an attached session) the `exit` line's. */
interface Sink {
  out(text: string): void
  err(text: string): void
}

/** podRunningAndReady: ready, completed (ErrPodCompleted), deleted, or not yet. */
function runningAndReady(pod: Obj | undefined): 'ready' | 'completed' | 'deleted' | undefined {
  if (!pod) return 'deleted'
  const phase = pod.status?.phase
  if (phase === 'Succeeded' || phase === 'Failed') return 'completed'
  if (phase === 'Running' && (pod.status?.conditions ?? []).some((c: Obj) => c.type === 'Ready' && c.status === 'True')) return 'ready'
  return undefined
}

export async function attachToPod(k: Kubectl, client: RestClient, created: Obj): Promise<number> {
  const ns = String(created.metadata?.namespace ?? client.config.namespace)
  const name = String(created.metadata?.name ?? '')
  const path = `/api/v1/namespaces/${encodeURIComponent(ns)}/pods/${encodeURIComponent(name)}`
  const timeout = parseGoDuration(k.flags.str('pod-running-timeout')) ?? 60_000
  const restart = k.flags.str('restart')
  const container = String(created.spec?.containers?.[0]?.name ?? name)
  let pod: Obj | undefined = created
  /** Watch the pod until `until` says it is there, within the timeout (watchtools.UntilWithSync). */
  const waitFor = async <T>(until: (p: Obj | undefined) => T | undefined): Promise<T> => {
    const deadline = k.now() + timeout
    let seen = until((pod = await client.getOrUndefined<Obj>(path)))
    const met = async () => (seen = until((pod = await client.getOrUndefined<Obj>(path)))) !== undefined
    if (seen === undefined && !(await k.ctx.lab.waitUntil(met, Math.max(0, deadline - k.now())))) throw new KubectlError('error: timed out waiting for the condition')
    return seen as T
  }

  /** After the attach (or the log): the exit code where the pod ends, then --rm's delete (deferred in run.go), then the error. */
  const finish = async (sink: Sink, attached: boolean): Promise<number> => {
    let failed: { text: string; rc: number } | undefined
    try {
      if (attached && restart === 'Always' && !k.flags.bool('quiet')) {
        sink.out(`Session ended, resume using 'kubectl attach ${name} -c ${container} -i -t' command when the pod is running\n`)
      }
      // the exit code matters only where the pod ends (Never: either way; OnFailure: once it succeeds)
      if (k.flags.bool('leave-stdin-open') || (restart !== 'Never' && restart !== 'OnFailure')) return 0
      const done = await waitFor((p) => (p === undefined ? 'deleted' : p.status?.phase === 'Succeeded' || (restart === 'Never' && p.status?.phase === 'Failed') ? 'done' : undefined))
      if (done === 'deleted' || pod?.status?.phase === 'Succeeded') return 0
      const terminated = pod?.status?.containerStatuses?.[0]?.state?.terminated
      const rc = Number(terminated?.exitCode ?? 0)
      if (!terminated || rc === 0) throw new KubectlError(`error: pod ${ns}/${name} failed with unknown exit code`)
      const text = `pod ${ns}/${name} terminated (${terminated.reason ?? ''})\n${terminated.message ?? ''}`
      failed = { text: text.endsWith('\n') ? text : `${text}\n`, rc }
    } finally {
      if (k.flags.bool('rm')) await remove(k, sink, client, path, ns, name)
    }
    // (printed as kubectl's CheckErr prints an exit error: after the deferred delete)
    sink.err(failed.text)
    return failed.rc
  }

  /** A step whose failure ends kubectl run: --rm's deferred delete still runs first. */
  const orRemove = async <T>(step: () => Promise<T>): Promise<T> => {
    try {
      return await step()
    } catch (e) {
      if (k.flags.bool('rm')) await remove(k, k, client, path, ns, name)
      throw e
    }
  }
  const ready = await orRemove(async () => {
    const seen = await waitFor(runningAndReady)
    if (seen === 'deleted') throw new StatusError(newNotFound({ group: '', resource: 'pods' }, ''))
    return seen === 'ready'
  })
  /** logOpts: the container's log, then what follows. */
  const logsThenFinish = async (): Promise<number> => {
    const text = await orRemove(() => client.request<string>('GET', `${path}/log?container=${encodeURIComponent(container)}`))
    if (typeof text === 'string') k.out(text)
    return finish(k, false)
  }
  if (!ready) return logsThenFinish()
  /** The API server refused the attach (RBAC: create pods/attach): handleAttachPod says so and streams the log instead. */
  const refused = (e: unknown): Promise<number> => {
    if (!(e instanceof StatusError)) throw e
    if (!k.flags.bool('quiet')) k.err(NOTICE)
    k.err(`warning: couldn't attach to pod/${name}, falling back to streaming logs: ${e.message}\n`)
    return logsThenFinish()
  }
  if (k.flags.bool('stdin') && k.flags.bool('tty') && k.ctx.lab.afterSession) {
    const q = streamQuery({ container, stdin: true, tty: true })
    let r: ExecResult
    try {
      r = await client.request<ExecResult>('POST', `${path}/attach?${q}`)
    } catch (e) {
      return refused(e)
    }
    if (r.session) {
      if (!k.flags.bool('quiet')) k.err(NOTICE)
      k.ctx.lab.afterSession(async () => {
        const end: RunResult = { stdout: '', stderr: '', exitCode: 0 }
        const sink = { out: (t: string) => void (end.stdout += t), err: (t: string) => void (end.stderr += t) }
        try {
          end.exitCode = await finish(sink, true)
        } catch (e) {
          const err = renderError(e)
          sink.err(err.text.endsWith('\n') ? err.text : `${err.text}\n`)
          end.exitCode = err.exitCode
        }
        return end
      })
      return 0
    }
  }
  const stdin = k.flags.bool('stdin')
  /** What the lab cannot do: a raw terminal on a process that is not a shell reading it, or input lines for one without a terminal. */
  const unavailable = () =>
    new KubectlError(
      `error: attaching to a running container is not available in this lab yet: pod/${name} runs on${k.flags.bool('rm') ? ' (not deleted)' : ''}; ` +
        `kubectl exec -it ${name} -- sh opens a shell in it, kubectl logs ${name} shows what it printed`,
    )
  if (stdin && k.flags.bool('tty')) throw unavailable()
  // Without a terminal (-i, or --attach): attach.go's Run streams the process's output, which lasts as
  // long as its run (most of the lab's processes print only as they start; a script that sleeps
  // between its commands prints as it goes on), then run.go goes on.
  const q = streamQuery({ container, stdin, tty: false })
  let attached: ExecResult
  try {
    attached = await client.request<ExecResult>('POST', `${path}/attach?${q}`)
  } catch (e) {
    return refused(e)
  }
  if (stdin && attached.readsInput) throw unavailable()
  if (!k.flags.bool('quiet')) k.err(NOTICE)
  const id = runningID(pod, container)
  // Ctrl+C: with -i, the terminal state's interrupt handler ends kubectl (status 1, no --rm: os.Exit
  // skips it); without, the SIGINT kills it
  const code = await untilRunsEnd(k, client, id === undefined ? [] : [{ podPath: path, container, id }], {
    interrupt: stdin ? 'handled' : 'killed',
    eachRound: printedMeanwhile(k, client, (_, text) => k.out(text)),
  })
  return code !== 0 ? code : finish(k, false)
}

/** removeCreatedObjects: a plain delete (no grace period given, not waited for), not found ignored. */
async function remove(k: Kubectl, sink: Sink, client: RestClient, path: string, ns: string, name: string): Promise<void> {
  try {
    await client.request('DELETE', path, { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: 'Background' })
    if (!k.flags.bool('quiet')) sink.out(`pod "${name}" deleted from ${ns} namespace\n`)
  } catch (e) {
    if (!(e instanceof StatusError && e.code === 404)) throw e
  }
}
