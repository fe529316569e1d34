// Authenticators and their union: the first that recognises the request wins; errors collect.
// Imitates: k8s.io/apiserver/pkg/authentication/authenticator/interfaces.go and request/union/union.go

import type { ApiRequest, UserInfo } from '../types'

/** AuthenticateRequest's result: ok with a user, or not ok (with an error when the credential was bad). */
export type AuthResult =
  | { ok: true; user: UserInfo; jti?: string }
  | { ok: false; error?: string; jti?: string }

/** authenticator.Request: looks at the whole request (x509 client certificates). */
export interface RequestAuthenticator {
  name: string
  authenticateRequest(req: ApiRequest): AuthResult | Promise<AuthResult>
}

/** authenticator.Token: looks at a bearer token (service-account tokens, next). */
export interface TokenAuthenticator {
  name: string
  authenticateToken(token: string, req: ApiRequest): AuthResult | Promise<AuthResult>
}

/** union.New: try each in order; the first success wins, errors are aggregated. */
export function unionAuthenticator(name: string, list: RequestAuthenticator[]): RequestAuthenticator {
  return {
    name,
    async authenticateRequest(req) {
      const errors: string[] = []
      let jti: string | undefined
      for (const a of list) {
        const r = await a.authenticateRequest(req)
        if (r.ok) return r
        if (r.jti) jti = r.jti
        if (r.error) errors.push(r.error)
      }
      if (errors.length === 0) return { ok: false, jti }
      return { ok: false, error: errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`, jti }
    },
  }
}
