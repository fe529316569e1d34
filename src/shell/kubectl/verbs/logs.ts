// Imitates: kubectl pkg/cmd/logs/logs.go and polymorphichelpers logsForObject (pods: default container, log options).

import type { Kubectl, Verb } from '../command'
import { KubectlError, StatusError, usageError } from '../errors'
import { parseGoDuration } from '../flags'
import { resolveResource, resourcePath } from '../resources'

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>

const USAGE = "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command"

/** The query of GET .../pods/NAME/log (PodLogOptions). */
export function logQuery(k: Kubectl, container: string): string {
  const q = [`container=${encodeURIComponent(container)}`]
  if (k.flags.bool('follow')) q.push('follow=true')
  if (k.flags.bool('previous')) q.push('previous=true')
  if (k.flags.has('since')) q.push(`sinceSeconds=${Math.ceil((parseGoDuration(k.flags.str('since')) ?? 0) / 1000)}`)
  if (k.flags.int('tail') >= 0) q.push(`tailLines=${k.flags.int('tail')}`)
  if (k.flags.bool('timestamps')) q.push('timestamps=true')
  if (k.flags.has('limit-bytes')) q.push(`limitBytes=${k.flags.str('limit-bytes')}`)
  return q.join('&')
}

async function run(k: Kubectl): Promise<number> {
  const args = k.args
  if (args.length === 0 || args.length > 2) throw usageError('kubectl logs', USAGE)
  let name = args[0]
  if (name.includes('/')) {
    const [type, n] = [name.slice(0, name.indexOf('/')), name.slice(name.indexOf('/') + 1)]
    if (resolveResource(type).kind !== 'Pod') throw new KubectlError(`error: cannot get the logs from ${resolveResource(type).kind.toLowerCase()}: the lab's pods are not run by controllers`)
    name = n
  }
  let container = k.flags.str('container')
  if (args.length === 2) {
    if (container) throw usageError('kubectl logs', "only one of -c or an inline [CONTAINER] arg is allowed")
    container = args[1]
  }
  const client = await k.client()
  const podPath = resourcePath(resolveResource('pods'), client.config.namespace, name)
  const pod = await client.request<Obj>('GET', podPath)
  const containers: Obj[] = pod.spec?.containers ?? []
  if (!container) {
    const annotated = pod.metadata?.annotations?.['kubectl.kubernetes.io/default-container']
    container = annotated ?? containers[0]?.name ?? ''
    if (!annotated && containers.length > 1) {
      k.err(`Defaulted container "${container}" out of: ${[...containers, ...(pod.spec?.initContainers ?? []), ...(pod.spec?.ephemeralContainers ?? [])].map((c: Obj) => c.name).join(', ')}\n`)
    }
  }
  let text = ''
  try {
    text = await client.request<string>('GET', `${podPath}/log?${logQuery(k, container)}`)
  } catch (e) {
    // An API server without the log subresource (NotFound for the path, not for the pod): the lab's containers
    // print nothing, which is what a served log would say for them.
    if (!(e instanceof StatusError && e.code === 404 && e.status.message === 'the server could not find the requested resource')) throw e
  }
  k.out(typeof text === 'string' ? text : '')
  return 0
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
    { name: 'limit-bytes', kind: 'int', default: '0', help: 'Maximum bytes of logs to return. Defaults to no limit.' },
    { name: 'all-containers', kind: 'bool', help: 'Get all containers\' logs in the pod(s).' },
    { name: 'prefix', kind: 'bool', help: 'Prefix each log line with the log source (pod name and container name)' },
    { name: 'selector', short: 'l', kind: 'string', help: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints." },
  ],
  run,
}
