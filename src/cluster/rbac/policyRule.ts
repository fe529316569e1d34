// Builders for the PolicyRules of the default policy, written as the reconciled objects show them
// (verbs, groups, resources and names each sorted, as rbacv1helpers.NewRule(...).RuleOrDie() leaves them).
// Imitates: pkg/apis/rbac/v1/helpers.go (PolicyRuleBuilder)

import type { PolicyRule } from './rules'

export const R = ['get', 'list', 'watch']

export function rule(verbs: string[], group: string | string[], resources: string[], resourceNames?: string[]): PolicyRule {
  return {
    apiGroups: Array.isArray(group) ? group : [group],
    ...(resourceNames ? { resourceNames } : {}),
    resources,
    verbs,
  }
}

/** controller_policy.go eventsRule(): create, update, patch on events in "" and events.k8s.io. */
export const EVENTS: PolicyRule = rule(['create', 'patch', 'update'], ['', 'events.k8s.io'], ['events'])
