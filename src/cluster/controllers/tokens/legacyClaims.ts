// The claims of a legacy Secret-based token: issuer kubernetes/serviceaccount, the subject, and
// four flat private claims; no aud, exp, iat, nbf or jti (it never expires).
// Imitates: pkg/serviceaccount/legacy.go (LegacyClaims, LegacyIssuer)

import type { KObject } from '../../api/meta'

export const LEGACY_ISSUER = 'kubernetes/serviceaccount'

/** What the controller needs of the cluster's TokenSigner. */
export interface LegacySigner { sign(payload: Record<string, unknown>): Promise<string> }

export function legacyClaims(sa: KObject, secret: KObject): Record<string, unknown> {
  const ns = sa.metadata.namespace ?? ''
  return {
    iss: LEGACY_ISSUER,
    'kubernetes.io/serviceaccount/namespace': ns,
    'kubernetes.io/serviceaccount/secret.name': secret.metadata.name,
    'kubernetes.io/serviceaccount/service-account.name': sa.metadata.name,
    'kubernetes.io/serviceaccount/service-account.uid': sa.metadata.uid,
    sub: `system:serviceaccount:${ns}:${sa.metadata.name}`,
  }
}
