// What the JWT authenticator hands a verified token to: a validator that checks it against the
// cluster's objects and says whose it is.
// Imitates: k8s pkg/serviceaccount/jwt.go (Validator interface)

import { authError, type AuthError, type AuthFailureCode, type AuthnContext } from '../authenticator'
import type { PublicClaims } from './publicclaims'
import type { ServiceAccountInfo } from './userinfo'

export interface Validator {
  validate(token: string, pub: PublicClaims, payload: Record<string, unknown>, ctx: AuthnContext, nowMs: number):
    ServiceAccountInfo | { error: AuthError }
}

export const fail = (code: AuthFailureCode, message: string, uids?: AuthError['uids']) => ({ error: authError(code, message, uids) })
