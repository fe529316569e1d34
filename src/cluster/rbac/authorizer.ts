// The RBAC authorizer: walks the ClusterRoleBindings, then the RoleBindings of the request's
// namespace, and allows on the first rule that matches; otherwise it has no opinion.
// Imitates: plugin/pkg/auth/authorizer/rbac/rbac.go and pkg/registry/rbac/validation/rule.go.

import type { ClusterRole, ClusterRoleBinding, PolicyRule, Role, RoleBinding, Subject } from '../api/rbac'
import { ruleAllows, type Attributes } from './rules'

export type { RoleRef, Subject } from '../api/rbac'

/** What the authorizer needs to read: roles and bindings (from the store). */
export interface RbacSource {
  getRole(namespace: string, name: string): Readonly<Role> | undefined
  getClusterRole(name: string): Readonly<ClusterRole> | undefined
  listRoleBindings(namespace: string): readonly Readonly<RoleBinding>[]
  listClusterRoleBindings(): readonly Readonly<ClusterRoleBinding>[]
}

export interface RbacDecision {
  decision: 'Allow' | 'NoOpinion'
  /** `RBAC: allowed by ClusterRoleBinding "x" of ClusterRole "y" to Group "z"`, or the resolution errors. */
  reason: string
}

function describeSubject(s: Subject, bindingNamespace: string): string {
  if (s.kind === 'ServiceAccount') return `${s.kind} "${s.name}/${s.namespace || bindingNamespace}"`
  return `${s.kind} "${s.name}"`
}

/** Whether a binding's subject is the user (appliesToUser). */
export function subjectMatches(s: Subject, user: Attributes['user'], bindingNamespace: string): boolean {
  switch (s.kind) {
    case 'User':
      return user.username === s.name
    case 'Group':
      return user.groups.includes(s.name)
    case 'ServiceAccount': {
      const ns = s.namespace || bindingNamespace
      return ns !== '' && user.username === `system:serviceaccount:${ns}:${s.name}`
    }
    default:
      return false
  }
}

function rulesOf(role: Role | ClusterRole | undefined): PolicyRule[] {
  return role?.rules ?? []
}

export function authorizeRBAC(src: RbacSource, a: Attributes): RbacDecision {
  const errors: string[] = []
  const tryBinding = (binding: RoleBinding | ClusterRoleBinding, kindLabel: 'ClusterRoleBinding' | 'RoleBinding'): string | undefined => {
    const ns = binding.metadata.namespace ?? ''
    const subjects: Subject[] = binding.subjects ?? []
    const subject = subjects.find((s) => subjectMatches(s, a.user, ns))
    if (!subject) return undefined
    const ref = binding.roleRef
    const role = ref.kind === 'ClusterRole' ? src.getClusterRole(ref.name) : src.getRole(ns, ref.name)
    if (!role) {
      errors.push(`${ref.kind === 'ClusterRole' ? 'clusterrole' : 'role'}.rbac.authorization.k8s.io "${ref.name}" not found`)
      return undefined
    }
    if (!rulesOf(role).some((r) => ruleAllows(a, r))) return undefined
    const bindingName = kindLabel === 'RoleBinding' ? `${binding.metadata.name}/${ns}` : binding.metadata.name
    return `RBAC: allowed by ${kindLabel} "${bindingName}" of ${ref.kind} "${ref.name}" to ${describeSubject(subject, ns)}`
  }
  for (const b of src.listClusterRoleBindings()) {
    const allowed = tryBinding(b, 'ClusterRoleBinding')
    if (allowed) return { decision: 'Allow', reason: allowed }
  }
  if (a.namespace) {
    for (const b of src.listRoleBindings(a.namespace)) {
      const allowed = tryBinding(b, 'RoleBinding')
      if (allowed) return { decision: 'Allow', reason: allowed }
    }
  }
  const reason = errors.length === 0 ? '' : errors.length === 1 ? `RBAC: ${errors[0]}` : `RBAC: [${errors.join(', ')}]`
  return { decision: 'NoOpinion', reason }
}
