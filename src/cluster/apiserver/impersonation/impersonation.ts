// Acting as another user: Impersonate-User, Impersonate-Group (several, or several joined by
// commas in one header), Impersonate-Uid and Impersonate-Extra-*; each is authorized with the verb
// `impersonate` for the requesting user before the request continues as the impersonated one.
// Imitates: k8s.io/apiserver/pkg/endpoints/filters/impersonation/impersonation.go (WithImpersonation, buildImpersonationRequests)

import { newBadRequest } from '../../../common/apiErrors'
import { ALL_AUTHENTICATED, ALL_UNAUTHENTICATED, ANONYMOUS } from '../authentication/filter'
import { makeGroupNames, makeUsername, splitUsername } from '../authentication/serviceaccount/userinfo'
import type { Attributes, Authorizer } from '../authorization/authorizer'
import { forbidden } from '../authorization/forbidden'
import type { Status, UserInfo } from '../types'

interface ObjectReference { kind: string; namespace?: string; name: string; apiVersion?: string; fieldPath?: string }

const EXTRA_PREFIX = 'impersonate-extra-'

/** Go's %v of a v1.ObjectReference: `{Group  devs    }`. */
const refString = (r: ObjectReference) =>
  `{${[r.kind, r.namespace ?? '', r.name, '', r.apiVersion ?? '', '', r.fieldPath ?? ''].join(' ')}}`

function buildImpersonationRequests(headers: Record<string, string>): ObjectReference[] | Status {
  const out: ObjectReference[] = []
  const requestedUser = headers['impersonate-user'] ?? ''
  if (requestedUser) {
    const sa = splitUsername(requestedUser)
    out.push(sa ? { kind: 'ServiceAccount', namespace: sa.namespace, name: sa.name } : { kind: 'User', name: requestedUser })
  }
  const groups = (headers['impersonate-group'] ?? '').split(',').map((g) => g.trim()).filter((g) => g !== '')
  for (const g of groups) out.push({ kind: 'Group', name: g })
  let hasExtra = false
  for (const [h, v] of Object.entries(headers)) {
    if (!h.startsWith(EXTRA_PREFIX)) continue
    hasExtra = true
    let key = h.slice(EXTRA_PREFIX.length)
    try { key = decodeURIComponent(key) } catch { /* kept as sent */ }
    for (const value of v.split(',').map((x) => x.trim())) {
      out.push({ kind: 'UserExtra', apiVersion: 'authentication.k8s.io/v1', name: value, fieldPath: key })
    }
  }
  const uid = headers['impersonate-uid'] ?? ''
  if (uid) out.push({ kind: 'UID', name: uid, apiVersion: 'authentication.k8s.io/v1' })
  if ((groups.length || hasExtra || uid) && !requestedUser) {
    return newBadRequest(`requested [${out.map(refString).join(' ')}] without impersonating a user`)
  }
  return out
}

export type ImpersonationResult =
  | { impersonated: false }
  | { impersonated: true; user: UserInfo }
  | { status: Status; reason: string }

export function impersonate(headers: Record<string, string>, requestor: UserInfo, authorizer: Authorizer): ImpersonationResult {
  const requests = buildImpersonationRequests(headers)
  if (!Array.isArray(requests)) return { status: requests, reason: requests.message ?? '' }
  if (requests.length === 0) return { impersonated: false }
  const groupsSpecified = requests.some((r) => r.kind === 'Group')
  let username = ''
  let uid = ''
  let groups: string[] = []
  const extra: Record<string, string[]> = {}
  for (const r of requests) {
    const a: Attributes = { user: requestor, verb: 'impersonate', resourceRequest: true, apiGroup: '', namespace: r.namespace ?? '', name: r.name, resource: '' }
    switch (r.kind) {
      case 'ServiceAccount':
        a.resource = 'serviceaccounts'
        username = makeUsername(r.namespace ?? '', r.name)
        if (!groupsSpecified) groups = makeGroupNames(r.namespace ?? '')
        break
      case 'User':
        a.resource = 'users'
        username = r.name
        break
      case 'Group':
        a.resource = 'groups'
        groups.push(r.name)
        break
      case 'UserExtra':
        a.apiGroup = 'authentication.k8s.io'
        a.resource = 'userextras'
        a.subresource = r.fieldPath
        ;(extra[r.fieldPath ?? ''] ??= []).push(r.name)
        break
      case 'UID':
        a.apiGroup = 'authentication.k8s.io'
        a.resource = 'uids'
        uid = r.name
        break
    }
    const d = authorizer.authorize(a)
    if (d.decision !== 'Allow') return { status: forbidden(a, d.reason), reason: d.reason }
  }
  if (username !== ANONYMOUS.username) {
    if (!groups.some((g) => g === ALL_AUTHENTICATED || g === ALL_UNAUTHENTICATED)) groups.push(ALL_AUTHENTICATED)
  } else if (!groups.includes(ALL_UNAUTHENTICATED)) {
    groups.push(ALL_UNAUTHENTICATED)
  }
  const user: UserInfo = { username, groups }
  if (uid) user.uid = uid
  if (Object.keys(extra).length) user.extra = extra
  return { impersonated: true, user }
}
