// kubectl run --attach (or -i/--stdin, or -t): after the pod is created, wait until it runs and is
// ready, or has completed; a completed pod's log is shown (what its main process printed); with
// --restart=Never or OnFailure the container's exit code becomes kubectl's; --rm deletes the pod
// at the end. The lab cannot attach to a process that runs on (a shell waiting for its input): it
// says so, and leaves the pod running for kubectl exec.
// Imitates: kubectl pkg/cmd/run/run.go (Run's attach branch, handleAttachPod, waitForPod,
// podRunningAndReady, podCompleted, podSucceeded, removeCreatedObjects).

import type { RestClient } from '../client'
import type { Kubectl } from '../command'
import { KubectlError, StatusError } from '../errors'
import { parseGoDuration } from '../flags'
import { newNotFound } from '../../../common/apiErrors'

type Obj = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

type Seen = 'ready' | 'completed' | 'deleted' | undefined

/** podRunningAndReady: ready, completed (ErrPodCompleted), deleted, or not yet. */
function runningAndReady(pod: Obj | undefined): Seen {
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
  let pod: Obj | undefined = created
  /** Watch the pod until `until` says it is there, within the timeout (watchtools.UntilWithSync). */
  const waitFor = async <T>(until: (p: Obj | undefined) => T | undefined): Promise<T> => {
    const deadline = k.now() + timeout
    let seen = until((pod = await client.getOrUndefined<Obj>(path)))
    const met = async () => (seen = until((pod = await client.getOrUndefined<Obj>(path)))) !== undefined
    if (seen === undefined && !(await k.ctx.lab.waitUntil(met, Math.max(0, deadline - k.now())))) throw new KubectlError('error: timed out waiting for the condition')
    return seen as T
  }
  let keep = false
  let failed: { text: string; rc: number } | undefined
  try {
    const seen = await waitFor(runningAndReady)
    if (seen === 'deleted') throw new StatusError(newNotFound({ group: '', resource: 'pods' }, ''))
    if (seen === 'ready') {
      keep = true
      throw new KubectlError(
        `error: attaching to a running container is not available in this lab yet: pod/${name} runs on${k.flags.bool('rm') ? ' (not deleted)' : ''}; ` +
          `kubectl exec -it ${name} -- sh opens a shell in it, kubectl logs ${name} shows what it printed`,
      )
    }
    const text = await client.request<string>('GET', `${path}/log?container=${encodeURIComponent(String(pod?.spec?.containers?.[0]?.name ?? name))}`)
    if (typeof text === 'string') k.out(text)
    // the exit code matters only where the pod ends (Never: either way; OnFailure: once it succeeds)
    if (k.flags.bool('leave-stdin-open') || (restart !== 'Never' && restart !== 'OnFailure')) return 0
    const done = await waitFor((p) => (p === undefined ? 'deleted' : p.status?.phase === 'Succeeded' || (restart === 'Never' && p.status?.phase === 'Failed') ? 'done' : undefined))
    if (done === 'deleted' || pod?.status?.phase === 'Succeeded') return 0
    const terminated = pod?.status?.containerStatuses?.[0]?.state?.terminated
    const rc = Number(terminated?.exitCode ?? 0)
    if (!terminated || rc === 0) throw new KubectlError(`error: pod ${ns}/${name} failed with unknown exit code`)
    const text2 = `pod ${ns}/${name} terminated (${terminated.reason ?? ''})\n${terminated.message ?? ''}`
    failed = { text: text2.endsWith('\n') ? text2 : `${text2}\n`, rc }
  } finally {
    if (k.flags.bool('rm') && !keep) await remove(k, client, path, ns, name)
  }
  // (printed as kubectl's CheckErr prints an exit error: after the deferred delete)
  k.err(failed.text)
  return failed.rc
}

/** removeCreatedObjects: a plain delete (no grace period given, not waited for), not found ignored. */
async function remove(k: Kubectl, client: RestClient, path: string, ns: string, name: string): Promise<void> {
  try {
    await client.request('DELETE', path, { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: 'Background' })
    if (!k.flags.bool('quiet')) k.out(`pod "${name}" deleted from ${ns} namespace\n`)
  } catch (e) {
    if (!(e instanceof StatusError && e.code === 404)) throw e
  }
}
