// The Authorization: Bearer header handed to the token authenticators.
// Imitates: k8s.io/apiserver/pkg/authentication/request/bearertoken/bearertoken.go

import type { AuthResult, RequestAuthenticator, TokenAuthenticator } from './authenticator'

export const INVALID_BEARER_TOKEN = 'invalid bearer token'

export function bearerTokenAuthenticator(tokens: TokenAuthenticator[]): RequestAuthenticator {
  return {
    name: 'bearertoken',
    async authenticateRequest(req): Promise<AuthResult> {
      const auth = (req.headers['authorization'] ?? '').trim()
      const parts = auth.split(/\s+/)
      if (parts.length < 2 || parts[0].toLowerCase() !== 'bearer') return { ok: false }
      const token = parts[1]
      if (!token) return { ok: false }
      const errors: string[] = []
      let jti: string | undefined
      for (const t of tokens) {
        const r = await t.authenticateToken(token, req)
        if (r.ok) return r
        if (r.jti) jti = r.jti
        if (r.error) errors.push(r.error)
      }
      // a token nobody recognised is an error, never anonymous
      return { ok: false, error: [INVALID_BEARER_TOKEN, ...errors].join(', '), jti }
    },
  }
}
