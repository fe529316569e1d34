// Building the audit entry of a request as it passes the filters.
// Imitates: k8s.io/apiserver/pkg/audit/request.go (NewEventFromRequest, LogResponseObject) and
// pkg/registry/core/serviceaccount/storage/token.go (the issued-credential-id annotation).

import { isStatus } from '../../common/apiErrors'
import { sourceOf, type AuditEntry, type AuditUser } from '../audit/audit'
import { ISSUED_CREDENTIAL_ID_ANNOTATION } from './authentication/serviceaccount/userinfo'
import type { RequestInfo } from './requestinfo'
import type { ApiRequest, ApiResponse, UserInfo } from './types'

export function auditUser(u: UserInfo): AuditUser {
  const out: AuditUser = { username: u.username, groups: [...u.groups] }
  if (u.uid) out.uid = u.uid
  if (u.extra && Object.keys(u.extra).length) out.extra = structuredClone(u.extra)
  return out
}

export function startAudit(at: number, req: ApiRequest, info: RequestInfo): AuditEntry {
  const ua = req.headers['user-agent']
  const e: AuditEntry = {
    at, method: req.method, verb: info.verb, requestURI: req.path, source: sourceOf(ua),
    authentication: { decision: 'deny' }, code: 0,
  }
  if (ua) e.userAgent = ua
  if (info.isResourceRequest) {
    const ref: NonNullable<AuditEntry['objectRef']> = { resource: info.resource }
    if (info.subresource) ref.subresource = info.subresource
    if (info.namespace) ref.namespace = info.namespace
    if (info.name) ref.name = info.name
    if (info.apiGroup) ref.apiGroup = info.apiGroup
    if (info.apiVersion) ref.apiVersion = info.apiVersion
    e.objectRef = ref
  }
  return e
}

export function finishAudit(e: AuditEntry, res: ApiResponse, annotations: Record<string, string>): void {
  e.code = res.status
  if (res.status >= 400) {
    const body = res.body
    e.responseStatus = isStatus(body) ? { reason: body.reason, message: body.message } : { message: typeof body === 'string' ? body : '' }
  }
  if (Object.keys(annotations).length) e.annotations = annotations
}

/** A TokenRequest that issued a token: `authentication.kubernetes.io/issued-credential-id: JTI=<jti>` (from the claims it signed). */
export function issuedCredentialAnnotation(e: AuditEntry, res: ApiResponse): Record<string, string> {
  if (res.status !== 201 || e.objectRef?.resource !== 'serviceaccounts' || e.objectRef.subresource !== 'token') return {}
  const jti = res.issued?.claims.jti
  return jti ? { [ISSUED_CREDENTIAL_ID_ANNOTATION]: `JTI=${jti}` } : {}
}
