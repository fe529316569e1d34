// Keeps the rules of every ClusterRole with an aggregationRule (admin, edit, view, or one a user
// writes) equal to the rules of the ClusterRoles its selectors match: any ClusterRole change queues
// every aggregated role; each is rewritten through the API server when its rules differ.
// Imitates: pkg/controller/clusterroleaggregation/clusterroleaggregation_controller.go

import type { ComponentClient } from '../../client/inProcess'
import type { ClusterContext } from '../../context'
import { aggregatedRules, sameRule, type AggregationRule, type RoleView } from '../../rbac/aggregation'
import type { PolicyRule } from '../../rbac/rules'
import { CLUSTER_ROLES } from '../../rbac/store'
import { enqueue } from '../queue'

export const CLUSTER_ROLE_AGGREGATION_SYNC = 'clusterrole-aggregation-controller.sync'

type Role = RoleView & { aggregationRule?: AggregationRule }

function roles(ctx: ClusterContext): Role[] {
  return ctx.store.read(CLUSTER_ROLES).map((o) => {
    const r = o as unknown as { metadata: { name: string; labels?: Record<string, string> }; rules?: PolicyRule[] | null; aggregationRule?: AggregationRule }
    return { name: r.metadata.name, labels: r.metadata.labels, rules: r.rules, aggregationRule: r.aggregationRule }
  })
}

const sameRules = (a: PolicyRule[], b: PolicyRule[]) => a.length === b.length && a.every((r, i) => sameRule(r, b[i]))

/** enqueueAll: every aggregated role, as the controller does for any ClusterRole event (and at its start). */
function enqueueAll(ctx: ClusterContext, aggregated: Set<string>): void {
  for (const name of [...aggregated].sort()) enqueue(ctx, CLUSTER_ROLE_AGGREGATION_SYNC, name)
}

/** `client`: system:serviceaccount:kube-system:clusterrole-aggregation-controller. */
export function startClusterRoleAggregationController(ctx: ClusterContext, client: ComponentClient): void {
  // the names of the roles with an aggregationRule, kept from the events (no list of every role per event)
  const all = roles(ctx)
  const aggregated = new Set(all.filter((r) => r.aggregationRule).map((r) => r.name))
  ctx.store.watch((e) => {
    if (e.resource !== CLUSTER_ROLES) return
    const o = e.object as { metadata: { name: string }; aggregationRule?: AggregationRule }
    if (e.type !== 'DELETED' && o.aggregationRule) aggregated.add(o.metadata.name)
    else aggregated.delete(o.metadata.name)
    enqueueAll(ctx, aggregated)
  })
  ctx.onWork(CLUSTER_ROLE_AGGREGATION_SYNC, (data) => syncClusterRole(ctx, client, String(data.key)))
  // the informers' first list: only roles whose rules are out of date get queued, so that a restored
  // lab carries on exactly as the saved one (a lab saved before the aggregate-to-* roles existed is fixed here)
  for (const r of all) if (r.aggregationRule && !sameRules(aggregatedRules(r.name, r.aggregationRule, all), r.rules ?? [])) enqueue(ctx, CLUSTER_ROLE_AGGREGATION_SYNC, r.name)
}

export async function syncClusterRole(ctx: ClusterContext, client: ComponentClient, name: string): Promise<void> {
  const stored = ctx.store.get(CLUSTER_ROLES, undefined, name) as unknown as ({ aggregationRule?: AggregationRule; rules?: PolicyRule[] | null } & Record<string, unknown>) | undefined
  if (!stored?.aggregationRule) return
  const rules = aggregatedRules(name, stored.aggregationRule, roles(ctx))
  if (sameRules(rules, stored.rules ?? [])) return
  await client.request('PUT', `/apis/rbac.authorization.k8s.io/v1/clusterroles/${encodeURIComponent(name)}`, { ...stored, rules })
}
