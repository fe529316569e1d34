// The authentication step of the request path: who is calling, or 401.
// Imitates: k8s.io/apiserver/pkg/endpoints/filters/authentication.go, with the anonymous fallback of
// pkg/kubeapiserver/authenticator/config.go (union.NewFailOnError) and group/authenticated_group_adder.go.

import type { ApiRequest, UserInfo } from '../types'
import { unionAuthenticator, type TokenAuthenticator } from './authenticator'
import { bearerTokenAuthenticator } from './bearertoken'
import { x509Authenticator } from './x509'

export const ANONYMOUS: UserInfo = { username: 'system:anonymous', groups: ['system:unauthenticated'] }

export type AuthenticationOutcome =
  | { ok: true; user: UserInfo; jti?: string }
  | { ok: false; reason: string; jti?: string }

/** Builds the authenticator chain. `tokenAuthenticators` is the list the service-account authenticator joins. */
export function newAuthenticationFilter(tokenAuthenticators: TokenAuthenticator[]) {
  const chain = unionAuthenticator('union', [x509Authenticator, bearerTokenAuthenticator(tokenAuthenticators)])
  return async function authenticate(req: ApiRequest): Promise<AuthenticationOutcome> {
    const r = await chain.authenticateRequest(req)
    if (r.ok) {
      const groups = r.user.groups.includes('system:authenticated') ? r.user.groups : [...r.user.groups, 'system:authenticated']
      return { ok: true, user: { ...r.user, groups }, jti: r.jti }
    }
    // a presented credential that failed is 401; no credential at all is the anonymous user
    if (r.error) return { ok: false, reason: r.error, jti: r.jti }
    return { ok: true, user: ANONYMOUS }
  }
}
