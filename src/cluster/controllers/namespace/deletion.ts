// Emptying a terminating namespace through the API server: pods first (gracefully; the kubelets
// remove them), then every other namespaced resource the server serves, each listed and its items
// deleted one by one; the status conditions are written while content remains.
// Imitates: pkg/controller/namespace/deletion/namespaced_resources_deleter.go (deleteAllContent,
// deleteEachItem) and status_condition_utils.go

import type { Namespace, NamespaceCondition } from '../../api/core'
import type { KObject } from '../../api/meta'
import { API_GROUPS } from '../../api/groups'
import { CORE_RESOURCES } from '../../api/resources'
import { rfc3339 } from '../../../common/time'
import type { ComponentClient } from '../../client/inProcess'

type Cond = Omit<NamespaceCondition, 'lastTransitionTime'>

/** The five conditions in their fixed order; `remaining` lists "<resource>.<group> has N resource instances". */
export function deletionConditions(remaining: string[]): Cond[] {
  return [
    { type: 'NamespaceDeletionDiscoveryFailure', status: 'False', reason: 'ResourcesDiscovered', message: 'All resources successfully discovered' },
    { type: 'NamespaceDeletionGroupVersionParsingFailure', status: 'False', reason: 'ParsedGroupVersions', message: 'All legacy kube types successfully parsed' },
    { type: 'NamespaceDeletionContentFailure', status: 'False', reason: 'ContentDeleted', message: 'All content successfully deleted, may be waiting on finalization' },
    remaining.length
      ? { type: 'NamespaceContentRemaining', status: 'True', reason: 'SomeResourcesRemain', message: `Some resources are remaining: ${remaining.join(', ')}` }
      : { type: 'NamespaceContentRemaining', status: 'False', reason: 'ContentRemoved', message: 'All content successfully removed' },
    { type: 'NamespaceFinalizersRemaining', status: 'False', reason: 'ContentHasNoFinalizers', message: 'All content-preserving finalizers finished' },
  ]
}

/** Write conditions, keeping lastTransitionTime of those whose status did not change. Returns whether anything changed. */
export function withConditions(ns: Namespace, conds: Cond[], now: number): boolean {
  const old = ns.status?.conditions ?? []
  const next: NamespaceCondition[] = conds.map((c) => {
    const prev = old.find((o) => o.type === c.type)
    const lastTransitionTime = prev && prev.status === c.status ? prev.lastTransitionTime : rfc3339(now)
    return { type: c.type, status: c.status, lastTransitionTime, reason: c.reason, message: c.message }
  })
  if (JSON.stringify(next) === JSON.stringify(old)) return false
  ns.status = { ...ns.status, conditions: next }
  return true
}

export interface ContentResource { resource: string; group: string; version: string }

/** What discovery lists as namespaced and deletable (list and delete verbs), pods first. */
export function deletableResources(): ContentResource[] {
  const all = [...CORE_RESOURCES, ...API_GROUPS.flatMap((g) => g.resources)]
  const out = all
    .filter((r) => r.namespaced && r.verbs.includes('delete') && r.verbs.includes('list'))
    .map((r) => ({ resource: r.name, group: r.group, version: r.version }))
  return [...out.filter((r) => r.resource === 'pods' && !r.group), ...out.filter((r) => r.resource !== 'pods' || r.group)]
}

const collectionPath = (r: ContentResource, namespace: string) =>
  `${r.group ? `/apis/${r.group}/${r.version}` : '/api/v1'}/namespaces/${namespace}/${r.resource}`

/**
 * deleteEachItem: list, then DELETE each item (propagationPolicy Background). The lab's server
 * answers deletecollection with MethodNotSupported, which is when upstream lists and deletes one
 * by one. Returns how many items remain: those already terminating (not deleted again, to keep the
 * audit readable; upstream asks again and gets the same object back) and those the DELETE left in
 * place (graceful deletion), counted from the answers instead of a second list.
 */
async function deleteEachItem(client: ComponentClient, r: ContentResource, namespace: string): Promise<number> {
  const path = collectionPath(r, namespace)
  const list = await client.request('GET', path)
  if (list.status !== 200) return 0
  let remaining = 0
  for (const item of (list.body as { items?: KObject[] }).items ?? []) {
    if (item.metadata.deletionTimestamp) {
      remaining++
      continue
    }
    const res = await client.request('DELETE', `${path}/${item.metadata.name}`, { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: 'Background' })
    if (res.status === 404) continue
    const body = res.body as Partial<KObject> | undefined
    if (res.status >= 400 || (body?.kind !== 'Status' && body?.metadata?.deletionTimestamp)) remaining++
  }
  return remaining
}

/** `UpdateStatus` when the conditions changed (`ns` is the controller's copy, from its cache). */
async function updateConditions(client: ComponentClient, ns: Namespace, remaining: string[], now: number): Promise<void> {
  const copy = structuredClone(ns)
  if (!withConditions(copy, deletionConditions(remaining), now)) return
  await client.request('PUT', `/api/v1/namespaces/${ns.metadata.name}/status`, copy)
}

/**
 * One pass of the deleter (OrderedNamespaceDeletion, GA in 1.34: while pods remain, nothing else
 * is deleted). Returns true when the namespace is empty.
 */
export async function deleteAllContent(client: ComponentClient, ns: Namespace, now: number): Promise<boolean> {
  const namespace = ns.metadata.name
  const [pods, ...others] = deletableResources()
  const podsLeft = await deleteEachItem(client, pods, namespace)
  if (podsLeft > 0) {
    await updateConditions(client, ns, [`pods. has ${podsLeft} resource instances`], now)
    return false
  }
  const remaining: string[] = []
  for (const r of others) {
    const n = await deleteEachItem(client, r, namespace)
    if (n > 0) remaining.push(`${r.resource}.${r.group} has ${n} resource instances`)
  }
  await updateConditions(client, ns, remaining.sort(), now)
  return remaining.length === 0
}
