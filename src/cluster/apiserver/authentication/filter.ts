// The authentication step of the request path: who is calling, or 401.
// Imitates: k8s.io/apiserver/pkg/endpoints/filters/authentication.go; the chain of
// pkg/kubeapiserver/authenticator/config.go (x509, then bearer tokens; group adder; anonymous
// behind union.NewFailOnError) and the loopback bearer authenticator the kube-apiserver puts in
// front of it (genericapiserver AuthorizeClientBearerToken), which is why a refused token reads
// `[invalid bearer token, <the service-account error>]`.

import type { ApiRequest, UserInfo } from '../types'
import { aggregateMessage } from './aggregate'
import { messagesOf, unionAuthenticator, unionTokenAuthenticator, type AuthnContext, type RequestAuthenticator, type TokenAuthenticator } from './authenticator'
import { bearerTokenAuthenticator } from './bearertoken'
import { x509Authenticator } from './x509'

export const ANONYMOUS: UserInfo = { username: 'system:anonymous', groups: ['system:unauthenticated'] }
export const ALL_AUTHENTICATED = 'system:authenticated'
export const ALL_UNAUTHENTICATED = 'system:unauthenticated'

export type AuthenticationOutcome =
  | { ok: true; user: UserInfo; authenticator: string; audiences?: string[] }
  | { ok: false; reason: string }

/** group.NewAuthenticatedGroupAdder: everyone authenticated (except anonymous) is in system:authenticated. */
export function withAuthenticatedGroup(user: UserInfo): UserInfo {
  if (user.username === ANONYMOUS.username) return user
  if (user.groups.some((g) => g === ALL_AUTHENTICATED || g === ALL_UNAUTHENTICATED)) return user
  return { ...user, groups: [...user.groups, ALL_AUTHENTICATED] }
}

/** The request authenticator: loopback bearer, then x509 and the token authenticators, then anonymous. */
export function newRequestAuthenticator(tokenAuthenticators: TokenAuthenticator[]): RequestAuthenticator {
  const loopback = bearerTokenAuthenticator('loopback', unionTokenAuthenticator([]))
  const chain = unionAuthenticator('union', [x509Authenticator, bearerTokenAuthenticator('bearertoken', unionTokenAuthenticator(tokenAuthenticators))])
  const inner: RequestAuthenticator = {
    name: 'failonerror',
    async authenticateRequest(req, ctx) {
      const r = await chain.authenticateRequest(req, ctx)
      if (r.ok) return { ...r, user: withAuthenticatedGroup(r.user) }
      // a presented credential that failed is 401; no credential at all is the anonymous user
      if (r.errors.length) return r
      return { ok: true, user: ANONYMOUS, authenticator: 'anonymous' }
    },
  }
  return unionAuthenticator('union', [loopback, inner])
}

/** Builds the filter. `tokenAuthenticators` is read on every request (the list may grow after construction). */
export function newAuthenticationFilter(tokenAuthenticators: TokenAuthenticator[]) {
  const authenticator = newRequestAuthenticator(tokenAuthenticators)
  return async function authenticate(req: ApiRequest, ctx: AuthnContext): Promise<AuthenticationOutcome> {
    const r = await authenticator.authenticateRequest(req, ctx)
    if (r.ok) return r
    return { ok: false, reason: aggregateMessage(messagesOf(r.errors)) }
  }
}
