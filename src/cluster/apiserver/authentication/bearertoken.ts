// The Authorization: Bearer header handed to the token authenticators.
// Imitates: k8s.io/apiserver/pkg/authentication/request/bearertoken/bearertoken.go

import { authError, type AuthResult, type RequestAuthenticator, type TokenAuthenticator } from './authenticator'

export const INVALID_BEARER_TOKEN = 'invalid bearer token'

/** The token of `Authorization: Bearer <token>` as the real parser reads it (SplitN on one space). */
export function bearerToken(header: string | undefined): string | undefined {
  const auth = (header ?? '').trim()
  if (auth === '') return undefined
  const parts = auth.split(' ')
  if (parts.length < 2 || parts[0].toLowerCase() !== 'bearer') return undefined
  // `Bearer  x` (two spaces) gives an empty token: no credential at all (the real server adds a warning)
  return parts[1] === '' ? undefined : parts[1]
}

export function bearerTokenAuthenticator(name: string, tokens: TokenAuthenticator): RequestAuthenticator {
  return {
    name,
    async authenticateRequest(req, ctx): Promise<AuthResult> {
      const token = bearerToken(req.headers['authorization'])
      if (token === undefined) return { ok: false, errors: [] }
      const r = await tokens.authenticateToken(token, ctx)
      if (r.ok) return r
      // a token nobody recognised is an error, never anonymous
      return { ok: false, errors: r.errors.length ? r.errors : [authError('invalid-bearer-token', INVALID_BEARER_TOKEN)] }
    },
  }
}
