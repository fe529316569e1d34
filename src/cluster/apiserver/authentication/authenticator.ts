// Authenticators and their union: the first that recognises the request wins; errors collect.
// Imitates: k8s.io/apiserver/pkg/authentication/authenticator/interfaces.go, request/union/union.go
// and token/union/union.go

import type { ApiRequest, UserInfo } from '../types'

/**
 * What an authenticator learns beside its answer, kept for the audit record (the real server puts
 * these in the request context: audit annotations, the audiences a TokenReview asks for).
 */
export interface AuthnContext {
  /** The audiences the credential must be for; the API server's own when unset. */
  audiences?: string[]
  /** Audit annotations added while authenticating (stale-token, legacy-token, ...). */
  annotations: Record<string, string>
  /** What was read from a presented service-account token, even when it was refused. */
  token?: { jti?: string; pod?: string; podUID?: string; subject?: string }
  /** Only asking (the lab's token inspector): change nothing, e.g. no last-used label on legacy Secrets. */
  dryRun?: boolean
}

export function newAuthnContext(audiences?: string[]): AuthnContext {
  return audiences ? { audiences, annotations: {} } : { annotations: {} }
}

/**
 * Why a credential was refused, as a code the lab's own tools read (the token inspector), beside
 * the exact message the API server prints. Uid mismatches keep both uids.
 */
export type AuthFailureCode =
  | 'invalid-bearer-token' // no authenticator recognised the token
  | 'signature-invalid' // no key, or no key verifies the signature
  | 'malformed-claims' // a claim cannot be read
  | 'issuer' // not this API server's issuer
  | 'audience' // not for this API server's audiences
  | 'expired'
  | 'not-yet-valid' // nbf or iat in the future
  | 'serviceaccount-gone'
  | 'serviceaccount-recreated'
  | 'bound-object-gone' // the pod, secret or node the token is bound to (or a legacy token's Secret)
  | 'pod-recreated'
  | 'secret-recreated'
  | 'node-recreated'
  | 'legacy-token-replaced' // the Secret holds another token
  | 'legacy-token-invalidated' // the Secret is labelled invalid
  | 'x509' // a client certificate the cluster CA did not sign, or without a name

export interface AuthError {
  code: AuthFailureCode
  message: string
  /** For the `*-recreated` codes: the object's uid now, and the one the token names. */
  uids?: { current: string; claimed: string }
}

export const authError = (code: AuthFailureCode, message: string, uids?: AuthError['uids']): AuthError =>
  (uids ? { code, message, uids } : { code, message })

/** The messages of some errors (for aggregation). */
export const messagesOf = (errors: readonly AuthError[]): string[] => errors.map((e) => e.message)

/** The answer of an authenticator: a user (and which authenticator), or errors (empty when it had no opinion). */
export type AuthResult =
  | { ok: true; user: UserInfo; authenticator: string; audiences?: string[] }
  | { ok: false; errors: AuthError[] }

export const NO_OPINION: AuthResult = { ok: false, errors: [] }

/** authenticator.Request: looks at the whole request (x509 client certificates, the Authorization header). */
export interface RequestAuthenticator {
  name: string
  authenticateRequest(req: ApiRequest, ctx: AuthnContext): AuthResult | Promise<AuthResult>
}

/** authenticator.Token: looks at a bearer token (service-account tokens). */
export interface TokenAuthenticator {
  name: string
  authenticateToken(token: string, ctx: AuthnContext): AuthResult | Promise<AuthResult>
}

/** union.New (requests): the first success wins; errors of all the others are kept (flattened). */
export function unionAuthenticator(name: string, list: RequestAuthenticator[]): RequestAuthenticator {
  return {
    name,
    async authenticateRequest(req, ctx) {
      const errors: AuthError[] = []
      for (const a of list) {
        const r = await a.authenticateRequest(req, ctx)
        if (r.ok) return r
        errors.push(...r.errors)
      }
      return { ok: false, errors }
    },
  }
}

/** tokenunion.New: the same for token authenticators. */
export function unionTokenAuthenticator(list: TokenAuthenticator[]): TokenAuthenticator {
  return {
    name: 'tokenunion',
    async authenticateToken(token, ctx) {
      const errors: AuthError[] = []
      for (const a of list) {
        const r = await a.authenticateToken(token, ctx)
        if (r.ok) return r
        errors.push(...r.errors)
      }
      return { ok: false, errors }
    },
  }
}
