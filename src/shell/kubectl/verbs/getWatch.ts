// kubectl get --watch (-w) and --watch-only, as tables: the list (or the named object), then a row
// for each object that changed, appeared or went, as the lab clock moves, until Ctrl+C. The rows
// go through one tab writer that remembers its widths (liggitt/tabwriter RememberWidths): a column
// never narrows, and widens when a later row needs it; the header is printed once, with the first
// row. Live where the host paces commands (the page's worker: a refresh each second of wall time,
// which moves the lab clock a second, as watch(1) in the lab does); elsewhere (transcripts, a job)
// the list is shown once, with a note. Changes between two refreshes show as one row per object
// (a real watch prints every event), in the order of their resourceVersions; a deleted object's
// row is its last state. The list and then the watch (GET ...?resourceVersion=RV&watch=true) are the
// command's requests, each audited and logged once (a role without the verb watch gets the list,
// then a 403); the rounds read what the watch carries, which is no new request.
// Imitates: kubectl pkg/cmd/get/get.go (GetOptions.watch) and k8s.io/kubectl/pkg/util/interrupt
// (Ctrl+C ends kubectl with status 1), cli-runtime's Result.Watch and Helper.WatchSingle.

import type { ResourceRequest } from '../builder'
import type { RestClient } from '../client'
import type { Kubectl } from '../command'
import { KubectlError } from '../errors'
import { resourcePath } from '../resources'
import type { Obj } from '../tables'
import { fetchAll, selectorParams, tableLines, tableText } from './getList'
import { handledInterrupt } from './podRuns'
import { liveRound } from '../../liveRound'

const uidOf = (o: Obj): string => String(o.metadata?.uid ?? `${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`)
const rvOf = (o: Obj): number => Number(o.metadata?.resourceVersion ?? 0)

export async function watchTables(k: Kubectl, client: RestClient, reqs: ResourceRequest[], allNamespaces: boolean, wide: boolean): Promise<number> {
  // the builder's SingleResourceType
  if (new Set(reqs.map((r) => r.resource)).size > 1) throw new KubectlError('error: you may only specify a single resource type')
  const resource = reqs[0].resource
  const errors: unknown[] = []
  const first = await fetchAll(k, client, reqs, allNamespaces, errors)
  if (errors.length > 0) throw errors[0]
  const shown: string[][] = []
  const print = (objs: Obj[]) => {
    if (objs.length === 0) return
    const lines = tableLines(k, resource, objs, { allNamespaces, wide, withKind: k.flags.bool('show-kind'), header: shown.length === 0 })
    // the new lines as the remembered widths lay them out (a column never narrows)
    const text = tableText([...shown, ...lines]).split('\n')
    k.out(`${text.slice(shown.length, shown.length + lines.length).join('\n')}\n`)
    shown.push(...lines)
  }
  let seen = new Map(first.found.map((f) => [uidOf(f.obj), f.obj] as const))
  if (!k.flags.bool('watch-only')) print(first.found.map((f) => f.obj))
  // Result.Watch: the watch is a request of its own, made after the list is printed and authorized
  // for the verb watch (a role that may list but not watch gets the list, then a 403)
  if (reqs.length !== 1) throw new KubectlError('error: you may only watch a single resource or type of resource at a time')
  await client.request('GET', watchPath(k, reqs[0], allNamespaces ? undefined : client.config.namespace, first.resourceVersion))
  // what changes afterwards comes on that stream: not new requests
  const stream = client.stream()
  const pace = k.ctx.lab.pace
  if (!pace) {
    k.err("kubectl get --watch: the lab shows the list once here (nothing paces it: a transcript or a job started with &); move the clock ('lab advance 30s') and run it again to see what changed\n")
    return 0
  }
  for (;;) {
    // Ctrl+C: kubectl's interrupt handler ends it
    if (!(await liveRound(k.ctx, pace))) return handledInterrupt(k)
    const now = await fetchAll(k, stream, reqs, allNamespaces, [])
    const current = new Map(now.found.map((f) => [uidOf(f.obj), f.obj] as const))
    // new, or with another resourceVersion
    const changed = now.found.map((f) => f.obj).filter((o) => seen.get(uidOf(o))?.metadata?.resourceVersion !== o.metadata?.resourceVersion)
    const gone = [...seen].filter(([uid]) => !current.has(uid)).map(([, o]) => o)
    print([...changed.sort((a, b) => rvOf(a) - rvOf(b)), ...gone])
    seen = current
  }
}

/**
 * The watch's path: the list's, with kubectl's selectors (a named object's own field selector
 * instead: Helper.WatchSingle), from the list's resourceVersion ("0" for a named object, whose
 * watch starts with an event for it), as client-go encodes ListOptions (keys in sorted order).
 */
function watchPath(k: Kubectl, req: ResourceRequest, namespace: string | undefined, listRV: string | undefined): string {
  const named = req.name !== undefined
  const q = selectorParams(named ? `metadata.name=${req.name}` : k.flags.str('field-selector'), named ? '' : k.flags.str('selector'))
  q.push(`resourceVersion=${named ? '0' : (listRV ?? '0')}`, 'watch=true')
  return `${resourcePath(req.resource, namespace)}?${q.join('&')}`
}
