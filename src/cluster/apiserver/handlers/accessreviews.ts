// authorization.k8s.io/v1: SelfSubjectAccessReview (`kubectl auth can-i`), SubjectAccessReview,
// LocalSubjectAccessReview and SelfSubjectRulesReview (`kubectl auth can-i --list`).
// Imitates: pkg/registry/authorization/{selfsubjectaccessreview,subjectaccessreview,localsubjectaccessreview,selfsubjectrulesreview}/rest.go
// and pkg/registry/authorization/util/helpers.go (ResourceAttributesFrom, NonResourceAttributesFrom)

import { newBadRequest } from '../../../common/apiErrors'
import { AUTHORIZATION_GROUP } from '../../api/groups'
import type { RulesForResult } from '../../rbac/rulesfor'
import type { Attributes, Authorizer } from '../authorization/authorizer'
import type { ApiResponse, UserInfo } from '../types'
import { respond, respondStatus } from './response'

const GV = `${AUTHORIZATION_GROUP}/v1`

const asObject = (x: unknown): Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Record<string, unknown>) : {}
const str = (o: Record<string, unknown>, k: string) => (typeof o[k] === 'string' ? (o[k] as string) : '')

function attributesFrom(user: UserInfo, spec: Record<string, unknown>): Attributes | string {
  const ra = spec.resourceAttributes, nra = spec.nonResourceAttributes
  if (ra && nra) return 'spec.resourceAttributes: Invalid value: "": cannot be specified in combination with nonResourceAttributes'
  if (ra) {
    const r = asObject(ra)
    return { user, verb: str(r, 'verb'), resourceRequest: true, namespace: str(r, 'namespace'), apiGroup: str(r, 'group'), apiVersion: str(r, 'version'), resource: str(r, 'resource'), subresource: str(r, 'subresource'), name: str(r, 'name') }
  }
  if (nra) {
    const n = asObject(nra)
    return { user, verb: str(n, 'verb'), resourceRequest: false, path: str(n, 'path') }
  }
  return 'spec.resourceAttributes: Required value: exactly one of nonResourceAttributes or resourceAttributes must be specified'
}

function review(kind: string, spec: Record<string, unknown>, user: UserInfo, authorizer: Authorizer, namespace?: string): ApiResponse {
  const a = attributesFrom(user, spec)
  if (typeof a === 'string') return respondStatus({ ...newBadRequest(''), reason: 'Invalid', code: 422, message: `${kind}.${AUTHORIZATION_GROUP} "" is invalid: ${a}` })
  if (namespace !== undefined && a.resourceRequest && a.namespace !== namespace) {
    return respondStatus(newBadRequest(`spec.resourceAttributes.namespace must match namespace: ${namespace}`))
  }
  const d = authorizer.authorize(a)
  const status: Record<string, unknown> = { allowed: d.decision === 'Allow' }
  if (d.decision === 'Deny') status.denied = true
  if (d.reason) status.reason = d.reason
  return respond(201, { kind, apiVersion: GV, metadata: namespace ? { namespace } : {}, spec, status })
}

export function handleSelfSubjectAccessReview(body: unknown, user: UserInfo, authorizer: Authorizer): ApiResponse {
  const spec = asObject(asObject(body).spec)
  return review('SelfSubjectAccessReview', spec, user, authorizer)
}

/** SubjectAccessReview / LocalSubjectAccessReview: the user is taken from the spec. */
export function handleSubjectAccessReview(body: unknown, authorizer: Authorizer, namespace?: string): ApiResponse {
  const spec = asObject(asObject(body).spec)
  const user: UserInfo = { username: str(spec, 'user'), groups: Array.isArray(spec.groups) ? (spec.groups as string[]) : [] }
  if (str(spec, 'uid')) user.uid = str(spec, 'uid')
  if (!user.username && user.groups.length === 0) {
    const kind = namespace === undefined ? 'SubjectAccessReview' : 'LocalSubjectAccessReview'
    return respondStatus({ ...newBadRequest(''), reason: 'Invalid', code: 422, message: `${kind}.${AUTHORIZATION_GROUP} "" is invalid: spec.user: Invalid value: "": at least one of user or group must be specified` })
  }
  return review(namespace === undefined ? 'SubjectAccessReview' : 'LocalSubjectAccessReview', spec, user, authorizer, namespace)
}

export function handleSelfSubjectRulesReview(body: unknown, rules: (namespace: string) => RulesForResult): ApiResponse {
  const spec = asObject(asObject(body).spec)
  const namespace = str(spec, 'namespace')
  const r = rules(namespace)
  const status: Record<string, unknown> = {
    resourceRules: r.resourceRules.map((x) => {
      const o: Record<string, unknown> = { verbs: x.verbs }
      if (x.apiGroups?.length) o.apiGroups = x.apiGroups
      if (x.resources?.length) o.resources = x.resources
      if (x.resourceNames?.length) o.resourceNames = x.resourceNames
      return o
    }),
    nonResourceRules: r.nonResourceRules.map((x) => ({ verbs: x.verbs, nonResourceURLs: x.nonResourceURLs })),
    incomplete: r.errors.length > 0,
  }
  if (r.errors.length) status.evaluationError = r.errors.length === 1 ? r.errors[0] : `[${r.errors.join(', ')}]`
  return respond(201, { kind: 'SelfSubjectRulesReview', apiVersion: GV, metadata: {}, spec: { namespace }, status })
}
