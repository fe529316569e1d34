// Imitates: kubectl pkg/cmd/delete/delete.go (DeleteResult, PrintObj) and its wait through pkg/cmd/wait IsDeleted.

import { resourceArgs, type ResourceRequest } from '../builder'
import type { RestClient } from '../client'
import { DRY_RUN_FLAG, type Kubectl, type Verb } from '../command'
import { checkRawURI, rawRequest } from './raw'
import { KubectlError, StatusError, renderError } from '../errors'
import { parseGoDuration } from '../flags'
import { dryRunStrategy } from '../output'
import { groupResource, kindString, resourcePath } from '../resources'
import { listError, matchesFields, matchesLabels, parseLabelSelector } from '../selectors'
import { selectorParams } from './getList'
import { loadInfos } from '../manifest'
import { FILENAME_FLAG, withSource } from './apply'
import { watchObject } from './objectWatch'

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>

const WEEK_MS = 168 * 3600 * 1000
const NO_ARGS = `error: You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`

/**
 * Waits (moving the lab clock) until the object is gone or replaced by one with another uid, as
 * wait's IsDeleted does: a GET, then, if it is still there, a watch on it (objectWatch.ts) until it
 * goes. `refused`: the API server refused the watch (the informer would retry until the timeout).
 */
export async function waitDeleted(k: Kubectl, client: RestClient, path: string, uid: string | undefined, timeoutMs: number): Promise<boolean | 'refused'> {
  const gone = (o: Obj | undefined) => o === undefined || (uid !== undefined && o.metadata?.uid !== uid)
  if (gone(await client.getOrUndefined<Obj>(path))) return true
  const stream = await watchObject(k, client, path)
  if (!stream) return 'refused'
  return k.ctx.lab.waitUntil(async () => gone(await stream.getOrUndefined<Obj>(path)), timeoutMs)
}

/** Whether the command names its objects by --all or a selector (then a missing one is no error, by default). */
const selecting = (k: Kubectl) => k.flags.bool('all') || k.flags.has('selector') || k.flags.has('field-selector')

async function expand(k: Kubectl, client: RestClient, reqs: ResourceRequest[]): Promise<ResourceRequest[]> {
  const out: ResourceRequest[] = []
  const all = selecting(k)
  const sel = parseLabelSelector(k.flags.str('selector'))
  const fieldSel = k.flags.str('field-selector')
  for (const r of reqs) {
    if (r.name !== undefined) {
      out.push(r)
      continue
    }
    if (!all) throw new KubectlError('error: resource(s) were provided, but no name was specified')
    const ns = k.flags.bool('all-namespaces') ? undefined : client.config.namespace
    // the selectors go to the server, as the builder sends them
    const query = [...selectorParams(fieldSel, k.flags.str('selector')), 'limit=500'].join('&')
    const list = await client.request<Obj>('GET', `${resourcePath(r.resource, ns)}?${query}`).catch((e: unknown) => {
      throw listError(e, r.resource, k.flags.str('selector'), fieldSel)
    })
    for (const item of list.items ?? []) {
      if (matchesLabels(sel, item.metadata?.labels) && (!fieldSel || matchesFields(fieldSel, item))) out.push({ resource: r.resource, name: item.metadata?.name, namespace: item.metadata?.namespace })
    }
  }
  return out
}

async function run(k: Kubectl): Promise<number> {
  const f = k.flags
  if (f.str('output') && f.str('output') !== 'name') {
    throw new KubectlError(`error: unexpected -o output mode: ${f.str('output')}. We only support '-o name'`)
  }
  let grace = f.int('grace-period')
  if (f.bool('now')) {
    if (grace !== -1) throw new KubectlError('error: --now and --grace-period cannot be specified together')
    grace = 1
  }
  if (grace === 0 && !f.bool('force')) grace = 1
  if (f.bool('force') && grace < 0) grace = 0
  const dryRun = dryRunStrategy(k)
  const filenames = f.all('filename')
  // with --raw, Complete skips the builder (arguments are not read) and Validate checks the rest
  if (f.has('raw')) return deleteRaw(k, grace, filenames)
  if (k.args.length === 0 && filenames.length === 0) throw new KubectlError(NO_ARGS)
  if (k.args.length > 0 && filenames.length > 0) {
    throw new KubectlError('error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well')
  }
  // the builder (resource.Builder SelectAllParam, then visitBySelector)
  const selector = f.str('selector').trim() !== '' || f.str('field-selector').trim() !== ''
  if (f.bool('all') && selector) throw new KubectlError("error: setting 'all' parameter but found a non empty selector. ")
  const reqs = filenames.length ? [] : resourceArgs(k.args, selector || f.bool('all'))
  if (grace === 0 && f.bool('force')) {
    k.err('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n')
  } else if (grace > 0 && f.bool('force')) {
    throw new KubectlError('error: --force and --grace-period greater than 0 cannot be specified together')
  }
  const client = await k.client()
  const ignoreNotFound = f.has('ignore-not-found') ? f.bool('ignore-not-found') : selecting(k)
  const targets: (ResourceRequest & { source?: string })[] = filenames.length
    ? loadInfos(k, filenames, client.config.namespace, client.config.enforceNamespace, false, 'delete')
      .map((i) => ({ resource: i.resource, name: i.name, namespace: i.namespace || undefined, source: i.source }))
    : await expand(k, client, reqs)
  const errors: unknown[] = []
  const deleted: { path: string; uid?: string; gr: string; name: string }[] = []
  let warnClusterScope = client.config.enforceNamespace && !f.bool('all-namespaces')
  for (const t of targets) {
    const ns = t.namespace ?? client.config.namespace
    const path = resourcePath(t.resource, ns, t.name)
    if (warnClusterScope && !t.resource.namespaced) {
      k.err('Warning: deleting cluster-scoped resources, not scoped to the provided namespace\n')
      warnClusterScope = false
    }
    let op = grace === 0 ? 'force deleted' : 'deleted'
    if (t.resource.namespaced) op += ` from ${ns} namespace`
    op += dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : ''
    const line = f.str('output') === 'name' ? `${kindString(t.resource)}/${t.name}\n` : `${kindString(t.resource)} "${t.name}" ${op}\n`
    if (dryRun === 'client') {
      k.out(line)
      continue
    }
    const body: Obj = { kind: 'DeleteOptions', apiVersion: 'v1' }
    if (grace >= 0) body.gracePeriodSeconds = grace
    if (dryRun === 'server') body.dryRun = ['All']
    body.propagationPolicy = f.str('cascade') === 'foreground' ? 'Foreground' : f.str('cascade') === 'orphan' ? 'Orphan' : 'Background'
    try {
      const res = await client.request<Obj>('DELETE', path, body)
      k.out(line)
      deleted.push({ path, uid: res?.kind === 'Status' ? res.details?.uid : res?.metadata?.uid, gr: groupResource(t.resource), name: t.name ?? '' })
    } catch (e) {
      if (!(ignoreNotFound && e instanceof StatusError && e.code === 404)) errors.push(t.source ? withSource(e, 'deleting', t.source) : e)
    }
  }
  if (errors.length) {
    for (const e of errors) k.err(`${renderError(e).text}\n`)
    return 1
  }
  if (targets.length === 0) {
    k.out('No resources found\n')
    return 0
  }
  if (!f.bool('wait') || dryRun !== 'none') return 0
  const timeout = parseGoDuration(f.str('timeout')) || WEEK_MS
  for (const d of deleted) {
    const done = await waitDeleted(k, client, d.path, d.uid, timeout)
    // a real kubectl's informer retries the refused watch until --timeout (a week by default) or Ctrl+C
    if (done === 'refused') {
      k.err(`kubectl delete: the API server refuses to let you watch ${d.gr}/${d.name}, so kubectl cannot see it go: a real kubectl keeps retrying until --timeout (a week by default) or Ctrl+C; the lab stops waiting here (--wait=false deletes without waiting)\n`)
      return 1
    }
    if (!done) throw new KubectlError(`error: timed out waiting for the condition on ${d.gr}/${d.name}`)
  }
  return 0
}

export const deleteVerb: Verb = {
  path: 'delete',
  summary: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  usage: 'kubectl delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)]) [options]',
  discoveryAttempts: 5,
  flags: [
    { name: 'output', short: 'o', kind: 'string', help: "Output mode. Use \"-o name\" for shorter output (resource/name)." },
    DRY_RUN_FLAG,
    { ...FILENAME_FLAG, help: 'containing the resource to delete.' },
    { name: 'all', kind: 'bool', help: 'Delete all resources, in the namespace of the specified resource types.' },
    { name: 'all-namespaces', short: 'A', kind: 'bool', help: 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.' },
    { name: 'selector', short: 'l', kind: 'string', help: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints." },
    { name: 'field-selector', kind: 'string', help: "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type." },
    { name: 'force', kind: 'bool', help: 'If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.' },
    { name: 'grace-period', kind: 'int', default: '-1', help: 'Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).' },
    { name: 'now', kind: 'bool', help: 'If true, resources are signaled for immediate shutdown (same as --grace-period=1).' },
    { name: 'ignore-not-found', kind: 'bool', help: 'Treat "resource not found" as a successful delete. Defaults to "true" when --all is specified.' },
    { name: 'wait', kind: 'bool', default: 'true', help: 'If true, wait for resources to be gone before returning. This waits for finalizers.' },
    { name: 'timeout', kind: 'duration', default: '0s', help: 'The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object' },
    { name: 'raw', kind: 'string', help: 'Raw URI to DELETE to the server.  Uses the transport specified by the kubeconfig file.' },
    { name: 'cascade', kind: 'string', default: 'background', noOptDefault: 'background', help: 'Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.' },
  ],
  run,
}

/** delete --raw URI [-f FILE]: DeleteOptions.Validate's checks in its order, then rawhttp.RawDelete. */
async function deleteRaw(k: Kubectl, grace: number, filenames: string[]): Promise<number> {
  const f = k.flags
  const selector = f.str('selector').trim() !== ''
  if (f.bool('all') && selector) throw new KubectlError('error: cannot set --all and --selector at the same time')
  if (f.bool('all') && f.str('field-selector').trim() !== '') throw new KubectlError('error: cannot set --all and --field-selector at the same time')
  if (grace === 0 && f.bool('force')) {
    k.err('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n')
  } else if (grace > 0 && f.bool('force')) {
    throw new KubectlError('error: --force and --grace-period greater than 0 cannot be specified together')
  }
  if (filenames.length > 1) throw new KubectlError('error: --raw can only use a single local file or stdin')
  if (filenames.length === 1 && /^https?:\/\//.test(filenames[0])) throw new KubectlError('error: --raw cannot read from a url')
  if (f.str('output')) throw new KubectlError('error: --raw and --output are mutually exclusive')
  checkRawURI(f.str('raw'))
  return rawRequest(k, 'DELETE', filenames[0])
}
