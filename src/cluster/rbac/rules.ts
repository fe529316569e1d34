// Matching one PolicyRule against a request.
// Imitates: pkg/apis/rbac/v1/evaluation_helpers.go and plugin/pkg/auth/authorizer/rbac/rbac.go (RuleAllows).

import type { PolicyRule } from '../api/rbac'

export type { PolicyRule } from '../api/rbac'

/** The attributes of a request the authorizer decides on (authorizer.Attributes). */
export interface Attributes {
  user: { username: string; groups: string[] }
  verb: string
  /** True for /api and /apis resource paths; false for /version, /healthz, /openid/... */
  resourceRequest: boolean
  namespace?: string
  apiGroup?: string
  resource?: string
  subresource?: string
  name?: string
  /** For non-resource requests. */
  path?: string
}

const ALL = '*'

export function verbMatches(rule: PolicyRule, verb: string): boolean {
  return rule.verbs.some((v) => v === ALL || v === verb)
}

export function apiGroupMatches(rule: PolicyRule, group: string): boolean {
  return (rule.apiGroups ?? []).some((g) => g === ALL || g === group)
}

export function resourceMatches(rule: PolicyRule, combined: string, subresource: string): boolean {
  return (rule.resources ?? []).some((r) =>
    r === ALL || r === combined || (subresource !== '' && r === `${ALL}/${subresource}`))
}

export function resourceNameMatches(rule: PolicyRule, name: string): boolean {
  const names = rule.resourceNames ?? []
  return names.length === 0 || names.includes(name)
}

export function nonResourceURLMatches(rule: PolicyRule, path: string): boolean {
  return (rule.nonResourceURLs ?? []).some((u) =>
    u === ALL || u === path || (u.endsWith(ALL) && path.startsWith(u.slice(0, -1))))
}

export function ruleAllows(a: Attributes, rule: PolicyRule): boolean {
  if (a.resourceRequest) {
    const sub = a.subresource ?? ''
    const combined = sub ? `${a.resource}/${sub}` : a.resource ?? ''
    return verbMatches(rule, a.verb) && apiGroupMatches(rule, a.apiGroup ?? '') &&
      resourceMatches(rule, combined, sub) && resourceNameMatches(rule, a.name ?? '')
  }
  return verbMatches(rule, a.verb) && nonResourceURLMatches(rule, a.path ?? '')
}
