// The 403 a denied request gets.
// Imitates: k8s.io/apiserver/pkg/endpoints/handlers/responsewriters/errors.go (Forbidden, forbiddenMessage)

import { newForbidden } from '../../../common/apiErrors'
import type { Status } from '../types'
import type { Attributes } from './authorizer'

const escapeHTML = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

export function forbiddenMessage(a: Attributes): string {
  const user = a.user.username
  if (!a.resourceRequest) return `User "${user}" cannot ${a.verb} path "${a.path}"`
  const resource = a.subresource ? `${a.resource}/${a.subresource}` : a.resource
  if (a.namespace) {
    return `User "${user}" cannot ${a.verb} resource "${resource}" in API group "${a.apiGroup ?? ''}" in the namespace "${a.namespace}"`
  }
  return `User "${user}" cannot ${a.verb} resource "${resource}" in API group "${a.apiGroup ?? ''}" at the cluster scope`
}

export function forbidden(a: Attributes, reason: string): Status {
  const msg = escapeHTML(forbiddenMessage(a))
  const err = reason ? `${msg}: ${reason}` : msg
  return newForbidden({ group: a.apiGroup ?? '', resource: a.resource ?? '' }, a.name ?? '', err)
}
