// The rules a user has in a namespace (what SelfSubjectRulesReview and `kubectl auth can-i --list` show):
// every rule of every role bound to the user, cluster bindings first.
// Imitates: pkg/registry/rbac/validation/rule.go (DefaultRuleResolver.RulesFor, VisitRulesFor)

import type { ClusterRoleBinding, PolicyRule, RoleBinding } from '../api/rbac'
import { subjectMatches, type RbacSource } from './authorizer'
import type { Attributes } from './rules'

export interface RulesForResult {
  resourceRules: PolicyRule[]
  nonResourceRules: PolicyRule[]
  errors: string[]
}

export function rulesFor(src: RbacSource, user: Attributes['user'], namespace: string): RulesForResult {
  const out: RulesForResult = { resourceRules: [], nonResourceRules: [], errors: [] }
  const visit = (binding: RoleBinding | ClusterRoleBinding) => {
    const ns = binding.metadata.namespace ?? ''
    const subjects = binding.subjects ?? []
    if (!subjects.some((s) => subjectMatches(s, user, ns))) return
    const ref = binding.roleRef
    const role = ref.kind === 'ClusterRole' ? src.getClusterRole(ref.name) : src.getRole(ns, ref.name)
    if (!role) {
      out.errors.push(`${ref.kind === 'ClusterRole' ? 'clusterrole' : 'role'}.rbac.authorization.k8s.io "${ref.name}" not found`)
      return
    }
    for (const r of role.rules ?? []) {
      if ((r.nonResourceURLs ?? []).length > 0) out.nonResourceRules.push({ verbs: r.verbs, nonResourceURLs: r.nonResourceURLs })
      else out.resourceRules.push(r)
    }
  }
  for (const b of src.listClusterRoleBindings()) visit(b)
  if (namespace) for (const b of src.listRoleBindings(namespace)) visit(b)
  return out
}
