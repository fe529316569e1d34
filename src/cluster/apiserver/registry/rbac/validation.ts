// Validation of Roles, ClusterRoles and their bindings, with the real field errors.
// Imitates: pkg/apis/rbac/validation/validation.go and k8s.io/apimachinery/pkg/api/validation/path/name.go
// (the lab skips the escalation checks of the real registry: its admin is system:masters).

import { goValue, invalid, notSupported, required, type FieldError } from '../../../../common/apiErrors'
import { RBAC_GROUP } from '../../../api/groups'
import type { ClusterRole, ClusterRoleBinding, Role, RoleBinding } from '../../../api/rbac'
import { nameIsDNSSubdomain, validateObjectMeta, type NameFn } from '../../../api/validation'

export { RBAC_GROUP }

/** path.IsValidPathSegmentName: the minimal name rule of RBAC objects. */
export const pathSegmentName: NameFn = (name) => {
  if (name === '.' || name === '..') return [`may not be '${name}'`]
  return ['/', '%'].filter((c) => name.includes(c)).map((c) => `may not contain '${c}'`)
}

// What validation reads, as loose as a decoded body can be (Go zero values: fields may be missing)
interface Rule { verbs?: string[]; apiGroups?: string[]; resources?: string[]; resourceNames?: string[]; nonResourceURLs?: string[] }
interface Subject { kind?: string; apiGroup?: string; name?: string; namespace?: string }
export interface RoleRef { apiGroup?: string; kind?: string; name?: string }

const goStrings = (l: string[]) => `[]string{${l.map((x) => JSON.stringify(x)).join(', ')}}`
export const goRoleRef = (r: RoleRef) =>
  `rbac.RoleRef{APIGroup:${JSON.stringify(r.apiGroup ?? '')}, Kind:${JSON.stringify(r.kind ?? '')}, Name:${JSON.stringify(r.name ?? '')}}`

function validatePolicyRule(rule: Rule, namespaced: boolean, path: string): FieldError[] {
  const errs: FieldError[] = []
  const len = (l?: string[]) => (l ?? []).length
  if (len(rule.verbs) === 0) errs.push(required(`${path}.verbs`, 'verbs must contain at least one value'))
  if (len(rule.nonResourceURLs) > 0) {
    const urls = goValue(goStrings(rule.nonResourceURLs ?? []))
    if (namespaced) errs.push(invalid(`${path}.nonResourceURLs`, urls, 'namespaced rules cannot apply to non-resource URLs'))
    if (len(rule.apiGroups) || len(rule.resources) || len(rule.resourceNames)) {
      errs.push(invalid(`${path}.nonResourceURLs`, urls, 'rules cannot apply to both regular resources and non-resource URLs'))
    }
    return errs
  }
  if (len(rule.apiGroups) === 0) errs.push(required(`${path}.apiGroups`, 'resource rules must supply at least one api group'))
  if (len(rule.resources) === 0) errs.push(required(`${path}.resources`, 'resource rules must supply at least one resource'))
  return errs
}

export function validateRole(obj: Role | ClusterRole, namespaced: boolean): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, namespaced, pathSegmentName)
  const rules: (Rule | null)[] = obj.rules ?? []
  rules.forEach((r, i) => errs.push(...validatePolicyRule(r ?? {}, namespaced, `rules[${i}]`)))
  return errs
}

function validateSubject(s: Subject, namespaced: boolean, path: string): FieldError[] {
  const errs: FieldError[] = []
  const name = s.name ?? ''
  if (!name) errs.push(required(`${path}.name`))
  switch (s.kind) {
    case 'ServiceAccount':
      if (name) for (const m of nameIsDNSSubdomain(name, false)) errs.push(invalid(`${path}.name`, name, m))
      if (s.apiGroup) errs.push(notSupported(`${path}.apiGroup`, s.apiGroup, ['']))
      if (!namespaced && !s.namespace) errs.push(required(`${path}.namespace`))
      break
    case 'User':
    case 'Group':
      if (!name) errs.push(invalid(`${path}.name`, name, `${s.kind.toLowerCase()} name cannot be empty`))
      if (s.apiGroup !== RBAC_GROUP) errs.push(notSupported(`${path}.apiGroup`, s.apiGroup ?? '', [RBAC_GROUP]))
      break
    default:
      errs.push(notSupported(`${path}.kind`, s.kind ?? '', ['ServiceAccount', 'User', 'Group']))
  }
  return errs
}

export function validateBinding(obj: RoleBinding | ClusterRoleBinding, namespaced: boolean): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, namespaced, pathSegmentName)
  const ref: RoleRef = obj.roleRef ?? {}
  if (ref.apiGroup !== RBAC_GROUP) errs.push(notSupported('roleRef.apiGroup', ref.apiGroup ?? '', [RBAC_GROUP]))
  const kinds = namespaced ? ['Role', 'ClusterRole'] : ['ClusterRole']
  if (!kinds.includes(ref.kind ?? '')) errs.push(notSupported('roleRef.kind', ref.kind ?? '', kinds))
  if (!ref.name) errs.push(required('roleRef.name'))
  else for (const m of pathSegmentName(ref.name, false)) errs.push(invalid('roleRef.name', ref.name, m))
  const subjects: (Subject | null)[] = obj.subjects ?? []
  subjects.forEach((s, i) => errs.push(...validateSubject(s ?? {}, namespaced, `subjects[${i}]`)))
  return errs
}

export function validateBindingUpdate(obj: RoleBinding | ClusterRoleBinding, old: RoleBinding | ClusterRoleBinding, namespaced: boolean): FieldError[] {
  const errs = validateBinding(obj, namespaced)
  const a: RoleRef = obj.roleRef ?? {}, b: RoleRef = old.roleRef ?? {}
  if (a.apiGroup !== b.apiGroup || a.kind !== b.kind || a.name !== b.name) errs.push(invalid('roleRef', goValue(goRoleRef(a)), 'cannot change roleRef'))
  return errs
}
