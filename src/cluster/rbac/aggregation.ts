// The rules of an aggregated ClusterRole (admin, edit, view, or one a user writes with an
// aggregationRule): the rules of every other ClusterRole its selectors match, roles taken in name
// order, each rule once.
// Imitates: pkg/controller/clusterroleaggregation/clusterroleaggregation_controller.go (syncClusterRole, ruleExists)

import type { PolicyRule } from './rules'

type Requirement = { key: string; operator: string; values?: string[] }
export interface LabelSelector { matchLabels?: Record<string, string>; matchExpressions?: Requirement[] }
export interface AggregationRule { clusterRoleSelectors?: LabelSelector[] }
export interface RoleView { name: string; labels?: Record<string, string>; rules?: PolicyRule[] | null }

function requirementMatches(r: Requirement, labels: Record<string, string>): boolean {
  const has = Object.hasOwn(labels, r.key)
  switch (r.operator) {
    case 'In': return has && (r.values ?? []).includes(labels[r.key])
    case 'NotIn': return !has || !(r.values ?? []).includes(labels[r.key])
    case 'Exists': return has
    case 'DoesNotExist': return !has
    default: return false
  }
}

/** metav1.LabelSelectorAsSelector, then Matches; an empty selector matches everything. */
export function selectorMatches(s: LabelSelector, labels: Record<string, string> = {}): boolean {
  return Object.entries(s.matchLabels ?? {}).every(([k, v]) => labels[k] === v) && (s.matchExpressions ?? []).every((r) => requirementMatches(r, labels))
}

const same = (a: string[] | undefined, b: string[] | undefined) => (a ?? []).length === (b ?? []).length && (a ?? []).every((x, i) => x === b![i])

/** equality.Semantic.DeepEqual on two PolicyRules. */
export function sameRule(a: PolicyRule, b: PolicyRule): boolean {
  return same(a.verbs, b.verbs) && same(a.apiGroups, b.apiGroups) && same(a.resources, b.resources) &&
    same(a.resourceNames, b.resourceNames) && same(a.nonResourceURLs, b.nonResourceURLs)
}

export function aggregatedRules(self: string, rule: AggregationRule, roles: RoleView[]): PolicyRule[] {
  const out: PolicyRule[] = []
  const byName = [...roles].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const selector of rule.clusterRoleSelectors ?? []) {
    for (const role of byName) {
      if (role.name === self || !selectorMatches(selector, role.labels)) continue
      for (const r of role.rules ?? []) if (!out.some((o) => sameRule(o, r))) out.push(r)
    }
  }
  return out
}
