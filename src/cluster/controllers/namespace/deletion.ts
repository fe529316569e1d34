// Emptying a terminating namespace: pods first (gracefully; the kubelets remove them), then the rest,
// with the status conditions written while content remains.
// Imitates: pkg/controller/namespace/deletion/namespaced_resources_deleter.go and status_condition_utils.go

import type { Namespace, NamespaceCondition } from '../../api/core'
import { rfc3339 } from '../../../common/time'
import { isStatus } from '../../../common/apiErrors'
import type { ClusterContext } from '../../context'
import { deletePod } from '../../apiserver/registry/pod/delete'
import { podStrategy } from '../../apiserver/registry/pod/strategy'
import { RegistryStore } from '../../apiserver/registry/store'

/** Namespaced content removed after the pods (OrderedNamespaceDeletion), in this order. */
export const OTHER_CONTENT = ['serviceaccounts', 'configmaps', 'secrets', 'events']

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

/** One pass of the deleter; returns true when the namespace is empty. */
export function deleteAllContent(ctx: ClusterContext, ns: Namespace): boolean {
  const name = ns.metadata.name
  const pods = new RegistryStore(podStrategy, ctx)
  for (const p of ctx.store.list('pods', name)) {
    if (!p.metadata.deletionTimestamp) {
      const r = deletePod(pods, ctx, name, p.metadata.name, {})
      if (isStatus(r)) continue
    }
  }
  const remainingPods = ctx.store.list('pods', name).length
  if (remainingPods > 0) {
    if (withConditions(ns, deletionConditions([`pods. has ${remainingPods} resource instances`]), ctx.clock.now())) {
      ctx.store.update('namespaces', ns)
    }
    return false
  }
  for (const resource of OTHER_CONTENT) {
    for (const o of ctx.store.list(resource, name)) ctx.store.delete(resource, name, o.metadata.name)
  }
  return true
}
