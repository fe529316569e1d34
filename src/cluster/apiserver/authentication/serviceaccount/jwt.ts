// The service-account token authenticator: peek at the issuer (not ours: no opinion), verify the
// signature with the key named by `kid`, re-check the issuer, intersect the audiences, then hand
// the claims to the validator (bound or legacy).
// Imitates: pkg/serviceaccount/jwt.go (JWTTokenAuthenticator, AuthenticateToken, hasCorrectIssuer)

import { authError, type AuthError, type AuthFailureCode, type AuthnContext, type AuthResult, type TokenAuthenticator } from '../authenticator'
import { parseSigned, peekPayload } from './jws'
import { ERR_CRYPTO_FAILURE, verifyRS256, type PublicKeysGetter } from './keys'
import { LEGACY_TOKEN_ANNOTATION } from './legacy'
import { parsePublicClaims, type PublicClaims } from './publicclaims'
import { serviceAccountUserInfo } from './userinfo'
import type { Validator } from './validator'

/** Go's %q of a []string: `["a" "b"]`. */
export const goQuoteList = (l: readonly string[]) => `[${l.map((s) => JSON.stringify(s)).join(' ')}]`

const fail = (code: AuthFailureCode, message: string): AuthResult => ({ ok: false, errors: [authError(code, message)] })

export interface JWTAuthenticatorOptions {
  name: string
  issuers: string[]
  keys: PublicKeysGetter
  /** The API server's audiences (`--api-audiences`). */
  implicitAudiences: string[]
  validator: Validator
  now(): number
}

/** What the audit record keeps of a presented token, read before anything is trusted. */
function noteToken(ctx: AuthnContext, payload: Record<string, unknown>): void {
  const k8s = payload['kubernetes.io'] as { pod?: { name?: unknown; uid?: unknown } } | undefined
  const pod = typeof k8s === 'object' && k8s !== null ? k8s.pod : undefined
  ctx.token = {
    ...(typeof payload.jti === 'string' ? { jti: payload.jti } : {}),
    ...(typeof pod?.name === 'string' ? { pod: pod.name } : {}),
    ...(typeof pod?.uid === 'string' ? { podUID: pod.uid } : {}),
    ...(typeof payload.sub === 'string' ? { subject: payload.sub } : {}),
  }
}

export function jwtTokenAuthenticator(o: JWTAuthenticatorOptions): TokenAuthenticator {
  return {
    name: o.name,
    async authenticateToken(token, ctx): Promise<AuthResult> {
      const peek = peekPayload(token)
      if (!peek || typeof peek.iss !== 'string' || !o.issuers.includes(peek.iss)) return { ok: false, errors: [] }
      noteToken(ctx, peek)
      const tok = parseSigned(token)
      if (!tok) return { ok: false, errors: [] }

      const keys = o.keys.getPublicKeys(tok.header.kid)
      if (keys.length === 0) return fail('signature-invalid', 'invalid signature, no keys found')
      const errors: AuthError[] = []
      let pub: PublicClaims | undefined
      for (const key of keys) {
        // critical headers are not supported; any signature failure is ErrCryptoFailure
        const crit = Array.isArray(tok.header.crit) && tok.header.crit.length > 0
        if (crit || !(await verifyRS256(key, tok.header.alg, tok.signingInput, tok.signature))) {
          errors.push(authError('signature-invalid', ERR_CRYPTO_FAILURE))
          continue
        }
        const c = parsePublicClaims(tok.payload)
        if ('error' in c) {
          errors.push(authError('malformed-claims', c.error))
          continue
        }
        pub = c
        break
      }
      if (!pub) return { ok: false, errors }

      // sanity check issuer since we parsed it out before signature validation
      if (!o.issuers.includes(pub.iss)) return fail('issuer', `token issuer ${JSON.stringify(pub.iss)} is invalid`)

      let tokenAudiences = pub.aud
      if (tokenAudiences.length === 0) {
        // only apiserver audiences are allowed for legacy tokens
        ctx.annotations[LEGACY_TOKEN_ANNOTATION] = pub.sub
        tokenAudiences = o.implicitAudiences
      }
      const requested = ctx.audiences ?? o.implicitAudiences
      const auds = tokenAudiences.filter((a) => requested.includes(a))
      if (auds.length === 0 && o.implicitAudiences.length !== 0) {
        return fail('audience', `token audiences ${goQuoteList(tokenAudiences)} is invalid for the target audiences ${goQuoteList(requested)}`)
      }

      const sa = o.validator.validate(token, pub, tok.payload, ctx, o.now())
      if ('error' in sa) return { ok: false, errors: [sa.error] }
      return { ok: true, user: serviceAccountUserInfo(sa), authenticator: o.name, audiences: auds }
    },
  }
}
