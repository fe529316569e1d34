// authentication.k8s.io/v1: TokenReview (is this token valid, and whose is it?) and
// SelfSubjectReview (who am I?, `kubectl auth whoami`). Both are create-only and never stored.
// Imitates: pkg/registry/authentication/tokenreview/storage.go and pkg/registry/authentication/selfsubjectreview/rest.go

import { newBadRequest } from '../../../common/apiErrors'
import { AUTHENTICATION_GROUP } from '../../api/groups'
import type { AuthResult } from '../authentication/authenticator'
import { aggregateMessage } from '../authentication/aggregate'
import { sortedExtra } from '../authentication/serviceaccount/userinfo'
import type { ApiResponse, UserInfo } from '../types'
import { respond, respondStatus } from './response'

const GV = `${AUTHENTICATION_GROUP}/v1`

/** authentication/v1 UserInfo in struct order: username, uid, groups, extra (all omitempty). */
export function userInfoBody(u: UserInfo | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  if (!u) return out
  if (u.username) out.username = u.username
  if (u.uid) out.uid = u.uid
  if (u.groups.length) out.groups = [...u.groups]
  if (u.extra && Object.keys(u.extra).length) out.extra = sortedExtra(u.extra)
  return out
}

const asObject = (x: unknown): Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Record<string, unknown>) : {}

export interface TokenReviewDeps {
  apiAudiences: string[]
  /** The whole request authenticator, given only `Authorization: Bearer <token>` and the audiences. */
  authenticate(token: string, audiences: string[]): Promise<AuthResult>
}

export async function handleTokenReview(body: unknown, namespace: string, d: TokenReviewDeps): Promise<ApiResponse> {
  if (namespace) return respondStatus(newBadRequest(`namespace is not allowed on this type: ${namespace}`))
  const spec = asObject(asObject(body).spec)
  const token = typeof spec.token === 'string' ? spec.token : ''
  if (!token) return respondStatus(newBadRequest('token is required for TokenReview in authentication'))
  const requested = Array.isArray(spec.audiences) ? (spec.audiences as unknown[]).filter((a): a is string => typeof a === 'string') : []
  const auds = requested.length ? requested : d.apiAudiences
  const r = await d.authenticate(token, auds)
  const status: Record<string, unknown> = {}
  if (r.ok) status.authenticated = true
  status.user = userInfoBody(r.ok ? r.user : undefined)
  if (r.ok && r.audiences?.length) status.audiences = r.audiences
  if (!r.ok && r.errors.length) status.error = aggregateMessage(r.errors.map((e) => e.message))
  const outSpec: Record<string, unknown> = { token }
  if (requested.length) outSpec.audiences = requested
  return respond(201, { kind: 'TokenReview', apiVersion: GV, metadata: {}, spec: outSpec, status })
}

export function handleSelfSubjectReview(user: UserInfo): ApiResponse {
  return respond(201, { kind: 'SelfSubjectReview', apiVersion: GV, metadata: {}, status: { userInfo: userInfoBody(user) } })
}
