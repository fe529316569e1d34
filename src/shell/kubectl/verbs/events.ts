// Imitates: kubectl pkg/cmd/events/events.go and event_printer.go (`kubectl events`: oldest first, LAST SEEN … MESSAGE).

import type { Kubectl, Verb } from '../command'
import { KubectlError } from '../errors'
import { KUBECTL_TABWRITER, tabwrite } from '../format'
import { listOf, outputFormatFor, printGeneric, printOptions } from '../output'
import { age } from '../tables'

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>

const when = (e: Obj): string => e.series?.lastObservedTime ?? e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp ?? ''

/** event_printer.go printOneEvent: `5m (x3 over 10m)` for repeated events. */
function interval(e: Obj, now: number): string {
  const first = e.eventTime ? age(e.eventTime, now) : e.firstTimestamp ? age(e.firstTimestamp, now) : '<unknown>'
  const count = e.series?.count ?? e.count ?? 1
  if (count > 1) return `${age(when(e), now)} (x${count} over ${first})`
  return first
}

async function run(k: Kubectl): Promise<number> {
  const all = k.flags.bool('all-namespaces')
  const types = k.flags.all('types').flatMap((t) => t.split(',')).filter((t) => t !== '')
  for (const t of types) if (t.toLowerCase() !== 'normal' && t.toLowerCase() !== 'warning') throw new KubectlError(`error: valid --types are Normal or Warning`)
  const client = await k.client()
  const ns = client.config.namespace
  const forObj = k.flags.str('for')
  const q: string[] = []
  // decodeResourceTypeName: --for's kind and name
  const [kind, forName, ...more] = forObj.split('/')
  if (forObj) {
    if (forName === undefined) throw new KubectlError('error: --for must be in resource/name form')
    if (more.length) throw new KubectlError('error: arguments in resource/name form may not have more than one slash')
    const KINDS: Record<string, string> = { pod: 'Pod', pods: 'Pod', po: 'Pod', sa: 'ServiceAccount', serviceaccount: 'ServiceAccount', serviceaccounts: 'ServiceAccount', node: 'Node', nodes: 'Node', no: 'Node' }
    const k8sKind = KINDS[kind.toLowerCase()]
    if (!k8sKind) throw new KubectlError(`error: the server doesn't have a resource type "${kind}"`)
    q.push(`fieldSelector=${encodeURIComponent(`involvedObject.kind=${k8sKind},involvedObject.name=${forName}`)}`)
  }
  q.push('limit=500')
  const path = `${all ? '/api/v1/events' : `/api/v1/namespaces/${encodeURIComponent(ns)}/events`}?${q.join('&')}`
  const list = await client.request<Obj>('GET', path)
  let items: Obj[] = list.items ?? []
  if (forObj) items = items.filter((e) => e.involvedObject?.name === forName)
  if (types.length) items = items.filter((e) => types.some((t) => t.toLowerCase() === String(e.type).toLowerCase()))
  items = [...items].sort((a, b) => Date.parse(when(a)) - Date.parse(when(b)))
  if (k.flags.str('output')) {
    k.out(printGeneric(listOf(items.map((e) => ({ apiVersion: 'v1', kind: 'Event', ...e }))), outputFormatFor(k, false), printOptions(k)))
    return 0
  }
  if (items.length === 0) {
    k.err(all ? 'No events found.\n' : `No events found in ${ns} namespace.\n`)
    return 0
  }
  const now = k.now()
  const rows: string[] = []
  if (!k.flags.bool('no-headers')) rows.push(`${all ? 'NAMESPACE\t' : ''}LAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE\n`)
  for (const e of items) {
    const io: Obj = e.involvedObject ?? {}
    rows.push(`${all ? `${e.metadata?.namespace ?? ''}\t` : ''}${interval(e, now)}\t${e.type ?? ''}\t${e.reason ?? ''}\t${io.kind}/${io.name}\t${String(e.message ?? '').trim()}\n`)
  }
  k.out(tabwrite(rows.join(''), KUBECTL_TABWRITER))
  return 0
}

export const events: Verb = {
  path: 'events',
  summary: 'List events',
  usage: 'kubectl events [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file] [--for TYPE/NAME] [--watch] [--types=Normal,Warning] [options]',
  discoveryAttempts: 5,
  flags: [
    { name: 'output', short: 'o', kind: 'string', help: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' },
    { name: 'all-namespaces', short: 'A', kind: 'bool', help: 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.' },
    { name: 'for', kind: 'string', help: 'Filter events to only those pertaining to the specified resource.' },
    { name: 'types', kind: 'stringArray', help: 'Output only events of given types.' },
    { name: 'no-headers', kind: 'bool', help: "When using the default output format, don't print headers." },
    { name: 'watch', short: 'w', kind: 'bool', help: 'After listing the requested events, watch for more events.' },
    { name: 'allow-missing-template-keys', kind: 'bool', default: 'true', help: 'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.' },
    { name: 'show-managed-fields', kind: 'bool', help: 'If true, keep the managedFields when printing objects in JSON or YAML format.' },
  ],
  run,
}
