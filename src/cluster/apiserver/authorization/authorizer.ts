// Authorizers, their Decision, and the union that asks each in turn.
// Imitates: k8s.io/apiserver/pkg/authorization/authorizer/interfaces.go and authorizer/union/union.go

import type { UserInfo } from '../types'
import type { RequestInfo } from '../requestinfo'

export type Decision = 'Allow' | 'Deny' | 'NoOpinion'

/** authorizer.Attributes (field names match src/cluster/rbac's Attributes). */
export interface Attributes {
  user: UserInfo
  verb: string
  resourceRequest: boolean
  namespace?: string
  apiGroup?: string
  apiVersion?: string
  resource?: string
  subresource?: string
  name?: string
  path?: string
}

export interface AuthorizationResult {
  decision: Decision
  reason: string
  /** Set by the union: the authorizer whose Allow or Deny decided. */
  authorizer?: string
}

export interface Authorizer {
  name: string
  authorize(a: Attributes): AuthorizationResult
}

export function attributesFrom(user: UserInfo, info: RequestInfo): Attributes {
  if (!info.isResourceRequest) return { user, verb: info.verb, resourceRequest: false, path: info.path }
  return {
    user, verb: info.verb, resourceRequest: true, namespace: info.namespace, apiGroup: info.apiGroup,
    apiVersion: info.apiVersion, resource: info.resource, subresource: info.subresource, name: info.name,
  }
}

/** union.New: the first Allow or Deny decides; otherwise NoOpinion with the reasons joined. */
export function unionAuthorizer(list: Authorizer[]): Authorizer {
  return {
    name: 'union',
    authorize(a) {
      const reasons: string[] = []
      for (const z of list) {
        const r = z.authorize(a)
        if (r.decision === 'Allow' || r.decision === 'Deny') return { ...r, authorizer: z.name }
        if (r.reason) reasons.push(r.reason)
      }
      return { decision: 'NoOpinion', reason: reasons.join('\n') }
    },
  }
}
