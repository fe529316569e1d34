// Imitates: kubectl pkg/cmd/util/podcmd (AllContainerNames, and the note FindOrDefaultContainerByName
// writes when it picks a pod's first container), and what exec and attach share of client-go's
// remotecommand: the stream options' query, and a refused upgrade as a plain error.

import type { ExecResult } from '../../../cluster/apiserver/types'
import type { RestClient } from '../client'
import type { Kubectl } from '../command'
import { KubectlError, StatusError } from '../errors'
import { resolveResource, resourcePath } from '../resources'

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>

/** The names of a list of containers (none when the list is absent). */
export const names = (cs: Obj[] | undefined): string[] => (cs ?? []).map((c) => String(c.name))

/** Every container's name in the order logsForObject asks for them: init containers, containers, ephemeral ones. */
export const everyContainer = (pod: Obj): string[] => [...names(pod.spec?.initContainers), ...names(pod.spec?.containers), ...names(pod.spec?.ephemeralContainers)]

/** Every container of the pod: its containers, then the ephemeral ones, then the init ones, marked. */
export function allContainerNames(pod: Obj): string {
  const spec = pod.spec ?? {}
  return [...names(spec.containers), ...names(spec.ephemeralContainers).map((n) => `${n} (ephem)`), ...names(spec.initContainers).map((n) => `${n} (init)`)].join(', ')
}

/** The note (with its newline) when the first container stands for a pod that has others; undefined when it has none. */
export function defaultedNote(pod: Obj): string | undefined {
  const spec = pod.spec ?? {}
  const others = names(spec.containers).length > 1 || names(spec.initContainers).length > 0 || names(spec.ephemeralContainers).length > 0
  return others ? `Defaulted container "${names(spec.containers)[0]}" out of: ${allContainerNames(pod)}\n` : undefined
}

/**
 * FindOrDefaultContainerByName without a name: the annotation's container, else the first (with
 * the note when the pod has others, written by `warn`; none when quiet).
 */
export function defaultContainer(pod: Obj, warn?: (text: string) => void): string {
  const containers: Obj[] = pod.spec?.containers ?? []
  const annotated = pod.metadata?.annotations?.['kubectl.kubernetes.io/default-container']
  if (annotated && containers.some((c) => c.name === annotated)) return annotated
  const note = defaultedNote(pod)
  if (note) warn?.(note)
  return containers[0]?.name ?? ''
}

/**
 * PodExecOptions / PodAttachOptions as client-go encodes them in the query: keys sorted, false
 * ones left out, stderr only without a TTY (a TTY carries both streams).
 */
export function streamQuery(o: { command?: readonly string[]; container: string; stdin: boolean; tty: boolean }): string {
  const q = (o.command ?? []).map((c) => `command=${encodeURIComponent(c)}`)
  q.push(`container=${encodeURIComponent(o.container)}`)
  if (!o.tty) q.push('stderr=true')
  if (o.stdin) q.push('stdin=true')
  q.push('stdout=true')
  if (o.tty) q.push('tty=true')
  return q.join('&')
}

/**
 * What the process printed, as the stream's two channels deliver it: in the order it was written
 * (ExecResult.written), stderr on kubectl's stderr, or, with a terminal (`tty`), on its stdout
 * (the terminal is both).
 */
export function writeStreams(k: Kubectl, r: ExecResult, tty = false): void {
  const err = tty ? k.out.bind(k) : k.err.bind(k)
  for (const w of r.written ?? [{ stream: 'stdout', text: r.stdout }, { stream: 'stderr', text: r.stderr }]) if (w.text) (w.stream === 'stdout' ? k.out.bind(k) : err)(w.text)
}

/**
 * POST a stream subresource (exec, attach). The upgrade is not a Status-returning API call:
 * client-go reports a refused one as a plain error (`error: unable to upgrade connection:
 * container not found ("app")`).
 */
export async function openStream(client: RestClient, url: string, body?: string): Promise<ExecResult> {
  try {
    return await client.request<ExecResult>('POST', url, body)
  } catch (e) {
    if (e instanceof StatusError && e.message.startsWith('unable to upgrade connection: ')) throw new KubectlError(`error: ${e.message}`)
    throw e
  }
}

/**
 * The pod a POD or TYPE/NAME argument names. Another type's object is read first (the builder), then
 * refused as polymorphichelpers refuse it: `cannot attach to *v1.Kind: ...` (exec, attach) or
 * `cannot get the logs from *v1.Kind: ...` (logs). A Service without a selector says so; the lab's
 * other kinds have none to follow.
 */
export async function podNamed(client: RestClient, resourceName: string, doing: 'attach to' | 'get the logs from'): Promise<string> {
  const slash = resourceName.indexOf('/')
  if (slash < 0) return resourceName
  const r = resolveResource(resourceName.slice(0, slash))
  const name = resourceName.slice(slash + 1)
  if (r.kind === 'Pod') return name
  const obj = await client.request<Obj>('GET', resourcePath(r, client.config.namespace, name))
  const type = `*v1.${r.kind}`
  const why = r.kind === 'Service' && Object.keys(obj.spec?.selector ?? {}).length === 0
    ? `invalid service '${name}': Service is defined without a selector`
    : `selector for ${type} not implemented`
  throw new KubectlError(`error: cannot ${doing} ${type}: ${why}`)
}