// Imitates: kubectl pkg/cmd/logs/logs.go and polymorphichelpers logsForObject (pods: default container, log options).

import type { RestClient } from '../client'
import type { Kubectl, Verb } from '../command'
import { KubectlError, StatusError, usageError } from '../errors'
import { parseGoDuration } from '../flags'
import { resolveResource, resourcePath } from '../resources'
import { matchesLabels, parseLabelSelector } from '../selectors'
import { defaultedNote, everyContainer, names, podNamed } from './podcmd'
import { printedMeanwhile, runningID, untilRunsEnd, type ContainerRun } from './podRuns'
import { textLines } from '../../../common/textLines'

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>

const USAGE = "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command"

/** LogsOptions.selectorTail: a selector's logs are the last 10 lines of each, unless --tail says otherwise. */
const SELECTOR_TAIL = 10

const RFC3339 = '2006-01-02T15:04:05Z07:00'
/** The layout's elements as Go's time.Parse walks them: what each takes from the value. */
const RFC3339_ELEMENTS: [string, RegExp][] = [
  ['2006', /^\d{4}/], ['-', /^-/], ['01', /^\d{2}/], ['-', /^-/], ['02', /^\d{2}/], ['T', /^T/],
  ['15', /^\d{2}/], [':', /^:/], ['04', /^\d{2}/], [':', /^:/], ['05', /^\d{2}(?:\.\d+)?/], ['Z07:00', /^(?:Z|[+-]\d{2}:\d{2})/],
]

/**
 * kubectl's util.ParseRFC3339 (Go's time.Parse with RFC3339Nano, then RFC3339): the time, or
 * time.Parse's error for RFC3339 (the element it could not parse, text left over, a field out of range).
 */
export function parseRFC3339(s: string): number | string {
  const fail = (why: string) => `parsing time ${JSON.stringify(s)}${why}`
  let rest = s
  const parts: string[] = []
  for (const [element, re] of RFC3339_ELEMENTS) {
    const m = re.exec(rest)
    if (!m) return fail(` as "${RFC3339}": cannot parse ${JSON.stringify(rest)} as ${JSON.stringify(element)}`)
    parts.push(m[0])
    rest = rest.slice(m[0].length)
  }
  if (rest !== '') return fail(`: extra text: ${JSON.stringify(rest)}`)
  const [year, , month, , day, , hour, , minute, , second, zone] = parts
  const [mo, d, h, mi, sec] = [month, day, hour, minute, second].map(Number)
  if (mo < 1 || mo > 12) return fail(': month out of range')
  if (d < 1 || d > new Date(Date.UTC(Number(year), mo, 0)).getUTCDate()) return fail(': day out of range')
  if (h > 23) return fail(': hour out of range')
  if (mi > 59) return fail(': minute out of range')
  if (sec >= 60) return fail(': second out of range')
  return Date.parse(`${year}-${month}-${day}T${hour}:${minute}:${second.slice(0, 6)}${zone}`)
}

/**
 * The query of GET .../pods/NAME/log (PodLogOptions, encoded as client-go encodes a query: keys
 * in sorted order). --since is rounded to the second; --since-time goes as RFC3339.
 */
export function logQuery(k: Kubectl, container: string): string {
  const q: [string, string][] = [['container', container]]
  if (k.flags.bool('follow')) q.push(['follow', 'true'])
  if (k.flags.bool('previous')) q.push(['previous', 'true'])
  const since = parseGoDuration(k.flags.str('since')) ?? 0
  if (since !== 0) q.push(['sinceSeconds', String(Math.round(since / 1000))])
  const sinceTime = k.flags.str('since-time')
  const at = parseRFC3339(sinceTime)
  if (sinceTime !== '' && typeof at === 'number') q.push(['sinceTime', new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z')])
  const tail = k.flags.int('tail')
  if (tail >= 0) q.push(['tailLines', String(tail)])
  else if (k.flags.str('selector') !== '' && !k.flags.has('tail')) q.push(['tailLines', String(SELECTOR_TAIL)])
  if (k.flags.bool('timestamps')) q.push(['timestamps', 'true'])
  const limit = k.flags.int('limit-bytes')
  if (limit !== 0) q.push(['limitBytes', String(limit)])
  return q.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, v]) => `${key}=${encodeURIComponent(v)}`).join('&')
}

/**
 * The containers whose logs are asked for, in the order logsForObject asks (init containers,
 * containers, ephemeral ones with --all-containers; else the named, annotated or first one,
 * saying so when the pod has others).
 */
function containersOf(k: Kubectl, pod: Obj, named: string): string[] {
  if (k.flags.bool('all-containers')) return everyContainer(pod)
  let container = named
  const annotated = pod.metadata?.annotations?.['kubectl.kubernetes.io/default-container']
  if (!container && annotated) {
    if (everyContainer(pod).includes(annotated)) container = annotated
    else k.err(`Default container name "${annotated}" not found in pod ${pod.metadata?.name}\n`)
  }
  if (!container) {
    container = names(pod.spec?.containers)[0] ?? ''
    const note = defaultedNote(pod)
    if (note) k.err(note)
  }
  return [container]
}

async function logText(k: Kubectl, client: RestClient, podPath: string, container: string): Promise<string> {
  try {
    const text = await client.request<string>('GET', `${podPath}/log?${logQuery(k, container)}`)
    return typeof text === 'string' ? text : ''
  } catch (e) {
    // An API server without the log subresource (NotFound for the path, not for the pod): the lab's containers
    // print nothing, which is what a served log would say for them.
    if (!(e instanceof StatusError && e.code === 404 && e.status.message === 'the server could not find the requested resource')) throw e
    return ''
  }
}

async function run(k: Kubectl): Promise<number> {
  const args = k.args
  const selector = k.flags.str('selector')
  // LogsOptions.Complete
  if (args.length === 0 && selector === '') throw usageError('kubectl logs', USAGE)
  if (args.length === 1 && selector !== '') throw usageError('kubectl logs', 'only a selector (-l) or a POD name is allowed')
  if (args.length > 2) throw usageError('kubectl logs', USAGE)
  const named = k.flags.str('container')
  const container = args.length === 2 ? args[1] : named
  const client = await k.client()
  const name = args[0] === undefined ? undefined : await podNamed(client, args[0], 'get the logs from')
  // ToLogOptions (in Complete, before the pods are read): --since-time is an RFC3339 time
  const sinceTime = k.flags.str('since-time')
  const at = sinceTime === '' ? 0 : parseRFC3339(sinceTime)
  if (typeof at === 'string') throw new KubectlError(`error: ${at}`)
  const pods: Obj[] = []
  if (selector !== '') {
    const path = `${resourcePath(resolveResource('pods'), client.config.namespace)}?labelSelector=${encodeURIComponent(selector)}`
    const list = await client.request<Obj>('GET', path)
    const wanted = parseLabelSelector(selector)
    pods.push(...((list.items ?? []) as Obj[]).filter((p) => matchesLabels(wanted, p.metadata?.labels)))
    if (pods.length === 0) k.err(`No resources found in ${client.config.namespace} namespace.\n`)
  } else pods.push(await client.request<Obj>('GET', resourcePath(resolveResource('pods'), client.config.namespace, name)))
  // LogsOptions.Validate
  const since = parseGoDuration(k.flags.str('since')) ?? 0
  if (sinceTime !== '' && since !== 0) throw new KubectlError('error: at most one of `sinceTime` or `sinceSeconds` may be specified')
  if (k.flags.bool('all-containers') && container) throw new KubectlError(`error: --all-containers=true should not be specified with container name ${container}`)
  if (named && args.length === 2) throw new KubectlError('error: only one of -c or an inline [CONTAINER] arg is allowed')
  if (k.flags.int('limit-bytes') < 0) throw new KubectlError('error: --limit-bytes must be greater than 0')
  if (Math.round(since / 1000) < 0) throw new KubectlError('error: --since must be greater than 0')
  if (k.flags.int('tail') < -1) throw new KubectlError('error: --tail must be greater than or equal to -1')
  const prefix = k.flags.bool('prefix')
  const streams: ContainerRun[] = []
  // --prefix: each line written with its source, pod/NAME/CONTAINER (prefixingWriter, one write per line)
  const write = (text: string, podPath: string, c: string) =>
    k.out(prefix ? textLines(text).map((line) => `[pod/${podPath.slice(podPath.lastIndexOf('/') + 1)}/${c}] ${line}`).join('') : text)
  for (const pod of pods) {
    const podPath = resourcePath(resolveResource('pods'), client.config.namespace, String(pod.metadata?.name ?? ''))
    for (const c of containersOf(k, pod, container)) {
      write(await logText(k, client, podPath, c), podPath, c)
      const id = runningID(pod, c)
      if (id !== undefined) streams.push({ podPath, container: c, id })
    }
  }
  if (!k.flags.bool('follow') || k.flags.bool('previous')) return 0
  // --follow: the stream stays open as long as the container's run, and writes what the container
  // prints meanwhile (a script that sleeps between its commands). kubectl logs has no handler for
  // SIGINT: Ctrl+C kills it.
  return untilRunsEnd(k, client, streams, {
    interrupt: 'killed',
    note: "kubectl logs --follow: the lab shows the log once here (nothing paces it: a transcript or a job started with &); the container runs on, and 'kubectl logs' again shows what it printed\n",
    eachRound: printedMeanwhile(k, client, (r, text) => write(text, r.podPath, r.container), k.flags.bool('timestamps')),
  })
}

export const logs: Verb = {
  path: 'logs',
  summary: 'Print the logs for a container in a pod',
  usage: 'kubectl logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER] [options]',
  discoveryAttempts: 5,
  flags: [
    { name: 'container', short: 'c', kind: 'string', help: 'Print the logs of this container' },
    { name: 'follow', short: 'f', kind: 'bool', help: 'Specify if the logs should be streamed.' },
    { name: 'previous', short: 'p', kind: 'bool', help: 'If true, print the logs for the previous instance of the container in a pod if it exists.' },
    { name: 'tail', kind: 'int', default: '-1', help: 'Lines of recent log file to display. Defaults to -1 with no selector, showing all log lines otherwise 10, if a selector is provided.' },
    { name: 'timestamps', kind: 'bool', help: 'Include timestamps on each line in the log output' },
    { name: 'since', kind: 'duration', default: '0s', help: 'Only return logs newer than a relative duration like 5s, 2m, or 3h. Defaults to all logs. Only one of since-time / since may be used.' },
    { name: 'since-time', kind: 'string', help: 'Only return logs after a specific date (RFC3339). Defaults to all logs. Only one of since-time / since may be used.' },
    { name: 'limit-bytes', kind: 'int', default: '0', help: 'Maximum bytes of logs to return. Defaults to no limit.' },
    { name: 'all-containers', kind: 'bool', help: 'Get all containers\' logs in the pod(s).' },
    { name: 'prefix', kind: 'bool', help: 'Prefix each log line with the log source (pod name and container name)' },
    { name: 'selector', short: 'l', kind: 'string', help: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints." },
  ],
  run,
}
