// Imitates: kubectl pkg/cmd/describe/describe.go (and the describers' event search, pkg/describe searchEvents).

import { resourceArgs, type ResourceRequest } from '../builder'
import type { RestClient } from '../client'
import type { Kubectl, Verb } from '../command'
import { describePod } from '../describe/pod'
import { describeConfigMap, describeNamespace, describeSecret, describeServiceAccount } from '../describe/simple'
import { describeRole, describeRoleBinding } from '../describe/rbac'
import { describeService } from '../describe/service'
import { describeEndpointSlice, describeEndpoints } from '../describe/endpoints'
import { describeNode } from '../describe/node'
import { describeGeneric } from '../describe/generic'
import type { Obj } from '../describe/writer'
import { KubectlError, StatusError, renderError } from '../errors'
import { resourcePath } from '../resources'
import { matchesLabels, parseLabelSelector } from '../selectors'

/** GET …/events?fieldSelector=involvedObject.kind=…,involvedObject.name=…,…: the object's events (also filtered here; a cluster-scoped object's from every namespace). */
async function searchEvents(client: RestClient, o: Obj, kind: string | undefined): Promise<Obj[]> {
  const ns = o.metadata?.namespace ?? ''
  const sel: [string, string][] = []
  if (kind) sel.push(['involvedObject.kind', kind])
  sel.push(['involvedObject.name', o.metadata?.name], ['involvedObject.namespace', ns])
  if (o.metadata?.uid) sel.push(['involvedObject.uid', o.metadata.uid])
  const fs = sel.map(([k, v]) => `${k}=${v}`).join(',')
  try {
    const base = ns ? `/api/v1/namespaces/${encodeURIComponent(ns)}/events` : '/api/v1/events'
    const list = await client.request<Obj>('GET', `${base}?fieldSelector=${encodeURIComponent(fs)}&limit=500`)
    return (list.items ?? []).filter((e: Obj) => {
      const io = e.involvedObject ?? {}
      return io.name === o.metadata?.name && (io.namespace ?? '') === ns && (!kind || io.kind === kind) && (!o.metadata?.uid || !io.uid || io.uid === o.metadata.uid)
    })
  } catch {
    return []
  }
}

async function listOrUndefined(client: RestClient, path: string): Promise<Obj[] | undefined> {
  try {
    return ((await client.request<Obj>('GET', path)).items ?? []) as Obj[]
  } catch (e) {
    if (e instanceof StatusError && e.code === 404) return []
    throw e
  }
}

/** NodeDescriber: its lease (or why it could not be read), its non-terminated pods (undefined when forbidden), its events by uid and by name. */
async function describeNodeOf(client: RestClient, node: Obj, withEvents: boolean, now: number): Promise<string> {
  const name = String(node.metadata?.name ?? '')
  const lease = await client.request<Obj>('GET', `/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/${encodeURIComponent(name)}`).catch((e: unknown) => (e instanceof StatusError ? e.message : String(e)))
  const selector = encodeURIComponent(`spec.nodeName=${name},status.phase!=Succeeded,status.phase!=Failed`)
  let pods: Obj[] | undefined
  try {
    pods = ((await client.request<Obj>('GET', `/api/v1/pods?fieldSelector=${selector}&limit=500`)).items ?? []) as Obj[]
  } catch (e) {
    if (!(e instanceof StatusError && e.code === 403)) throw e
  }
  // the controllers record a node's events under its uid, the kubelet under its name
  const events = withEvents ? [...(await searchEvents(client, node, 'Node')), ...(await searchEvents(client, { ...node, metadata: { ...node.metadata, uid: name } }, 'Node'))] : undefined
  return describeNode(node, lease, pods, events, now)
}

async function describeOne(k: Kubectl, client: RestClient, kind: string, o: Obj): Promise<string> {
  const events = k.flags.bool('show-events')
  const now = k.now()
  switch (kind) {
    case 'Pod':
      return describePod(o, events ? await searchEvents(client, o, undefined) : undefined, now)
    case 'ServiceAccount':
      return describeServiceAccount(o, events ? await searchEvents(client, o, 'ServiceAccount') : undefined, now)
    case 'ConfigMap':
      return describeConfigMap(o, events ? await searchEvents(client, o, 'ConfigMap') : undefined, now)
    case 'Secret':
      return describeSecret(o)
    case 'Node':
      return describeNodeOf(client, o, events, now)
    case 'Endpoints':
      return describeEndpoints(o, events ? await searchEvents(client, o, 'Endpoints') : undefined, now)
    case 'EndpointSlice':
      return describeEndpointSlice(o, events ? await searchEvents(client, o, 'EndpointSlice') : undefined, now)
    case 'Service': {
      // ServiceDescriber: the service's EndpointSlices by their label (a failed list is no slices)
      const ns = encodeURIComponent(o.metadata?.namespace ?? '')
      const selector = encodeURIComponent(`kubernetes.io/service-name=${o.metadata?.name}`)
      const slices = await client.request<Obj>('GET', `/apis/discovery.k8s.io/v1/namespaces/${ns}/endpointslices?labelSelector=${selector}`).then(
        (list) => (list.items ?? []) as Obj[],
        () => [],
      )
      return describeService(o, slices, events ? await searchEvents(client, o, 'Service') : undefined, now)
    }
    case 'Role':
    case 'ClusterRole':
      return describeRole(o)
    case 'RoleBinding':
    case 'ClusterRoleBinding':
      return describeRoleBinding(o)
    case 'Namespace': {
      // A real API server always serves both lists; an empty list prints "No resource quota." / "No LimitRange resource.".
      const name = encodeURIComponent(o.metadata?.name)
      const quotas = await listOrUndefined(client, `/api/v1/namespaces/${name}/resourcequotas?limit=500`)
      const limits = await listOrUndefined(client, `/api/v1/namespaces/${name}/limitranges?limit=500`)
      return describeNamespace(o, quotas, limits)
    }
    default:
      // GenericDescriberFor: the kinds without a describer of their own (Lease, Event)
      return describeGeneric(o, events ? await searchEvents(client, o, kind) : undefined, now)
  }
}

/**
 * Objects a request names: by name or the whole list; with `prefixes` (`describe TYPE NAME`, two
 * words: DescribeMatchingResources), the objects whose names start with NAME when none has it. A
 * listed object is `listed`: its describer gets it again by its name.
 */
async function objectsFor(k: Kubectl, client: RestClient, r: ResourceRequest, prefixes: boolean): Promise<{ obj: Obj; listed: boolean }[]> {
  const listed = (items: Obj[]) => items.map((obj) => ({ obj, listed: true }))
  const ns = k.flags.bool('all-namespaces') ? undefined : client.config.namespace
  if (r.name !== undefined) {
    try {
      return [{ obj: await client.request<Obj>('GET', resourcePath(r.resource, client.config.namespace, r.name)), listed: false }]
    } catch (e) {
      if (!prefixes || !(e instanceof StatusError && e.code === 404)) throw e
      const list = await client.request<Obj>('GET', `${resourcePath(r.resource, client.config.namespace)}?limit=500`)
      const matches = ((list.items ?? []) as Obj[]).filter((o) => String(o.metadata?.name ?? '').startsWith(r.name ?? ''))
      if (matches.length === 0) throw e
      return listed(matches)
    }
  }
  const list = await client.request<Obj>('GET', `${resourcePath(r.resource, ns)}?limit=500`)
  const sel = parseLabelSelector(k.flags.str('selector'))
  return listed(((list.items ?? []) as Obj[]).filter((o) => matchesLabels(sel, o.metadata?.labels)))
}

async function run(k: Kubectl): Promise<number> {
  if (k.args.length === 0) {
    throw new KubectlError('error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.')
  }
  const reqs = resourceArgs(k.args)
  const client = await k.client()
  const texts: string[] = []
  const errors: unknown[] = []
  const prefixes = k.args.length === 2 && !k.args.some((a) => a.includes('/'))
  let matched = 0
  let byPrefix = false
  for (const r of reqs) {
    try {
      const objs = await objectsFor(k, client, r, prefixes)
      matched += objs.length
      // each object on its own: one that fails leaves the others described (its error is printed once)
      for (const { obj, listed } of objs) {
        try {
          const o = listed ? await client.request<Obj>('GET', resourcePath(r.resource, obj.metadata?.namespace, obj.metadata?.name)) : obj
          texts.push(await describeOne(k, client, r.resource.kind, o))
          byPrefix ||= listed && r.name !== undefined
        } catch (e) {
          if (!errors.some((x) => renderError(x).text === renderError(e).text)) errors.push(e)
        }
      }
    } catch (e) {
      errors.push(e)
    }
  }
  // the prefix's matches each end with a line of their own; otherwise two line breaks come between
  k.out(byPrefix ? texts.map((t) => `${t}\n`).join('') : texts.join('\n\n'))
  for (const e of errors) k.err(`${renderError(e).text}\n`)
  if (matched === 0 && errors.length === 0) {
    const allNamespaced = !k.flags.bool('all-namespaces') && reqs.every((r) => r.resource.namespaced)
    k.err(allNamespaced ? `No resources found in ${client.config.namespace} namespace.\n` : 'No resources found\n')
  }
  return errors.length ? 1 : 0
}

export const describe: Verb = {
  path: 'describe',
  summary: 'Show details of a specific resource or group of resources',
  usage: 'kubectl describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME) [options]',
  discoveryAttempts: 5,
  flags: [
    { name: 'all-namespaces', short: 'A', kind: 'bool', help: 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.' },
    { name: 'selector', short: 'l', kind: 'string', help: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints." },
    { name: 'show-events', kind: 'bool', default: 'true', help: 'If true, display events related to the described object.' },
    { name: 'chunk-size', kind: 'int', default: '500', help: 'Return large lists in chunks rather than all at once. Pass 0 to disable.' },
  ],
  run,
}
