// Imitates: pkg/serviceaccount/claims.go (Claims, privateClaims, the 3607 marker) and go-jose's
// claim serialisation (a map, so keys come out sorted at every level).

import type { KObject } from '../api/meta'

/** WarnOnlyBoundTokenExpirationSeconds: the marker the ServiceAccount admission plugin asks for (1 h + 7 s). */
export const WarnOnlyBoundTokenExpirationSeconds = 60 * 60 + 7
/** ExpirationExtensionSeconds: how long an extended pod token really lives (365 days). */
export const ExpirationExtensionSeconds = 24 * 365 * 60 * 60

export interface Ref { name: string; uid?: string }

/** The `kubernetes.io` private claim. */
export interface KubernetesClaim {
  namespace: string
  node?: Ref
  pod?: Ref
  secret?: Ref
  serviceaccount: Ref
  warnafter?: number
}

/** The whole payload of a bound token, as the API server signs it. */
export interface BoundTokenClaims {
  aud: string[]
  exp: number
  iat: number
  iss: string
  jti: string
  'kubernetes.io': KubernetesClaim
  nbf: number
  sub: string
}

export interface ClaimsInput {
  serviceAccount: KObject
  pod?: KObject
  secret?: KObject
  /** For a pod-bound token: the pod's node (uid omitted when the Node could not be read). */
  node?: Ref
  /** Seconds the token lives (after the extension rule). */
  expirationSeconds: number
  /** Seconds after issue when the token counts as stale; 0 = no warnafter claim. */
  warnAfter: number
  audiences: string[]
  issuer: string
  /** Lab time in ms. */
  now: number
  jti: string
}

/** `system:serviceaccount:<ns>:<name>` (apiserver pkg/authentication/serviceaccount MakeUsername). */
export function makeUsername(namespace: string, name: string): string {
  return `system:serviceaccount:${namespace}:${name}`
}

/** Claims(): the registered and private claims of a bound token. */
export function Claims(c: ClaimsInput): BoundTokenClaims | { error: string } {
  const now = Math.floor(c.now / 1000)
  const sa = c.serviceAccount.metadata
  const k8s: KubernetesClaim = {
    namespace: sa.namespace ?? '',
    serviceaccount: { name: sa.name, uid: sa.uid },
  }
  if (c.secret && (c.pod || c.node)) return { error: 'internal error, token can only be bound to one object type' }
  if (c.pod) {
    k8s.pod = { name: c.pod.metadata.name, uid: c.pod.metadata.uid }
    if (c.node) k8s.node = c.node.uid ? { name: c.node.name, uid: c.node.uid } : { name: c.node.name }
  } else if (c.secret) {
    k8s.secret = { name: c.secret.metadata.name, uid: c.secret.metadata.uid }
  } else if (c.node) {
    k8s.node = c.node.uid ? { name: c.node.name, uid: c.node.uid } : { name: c.node.name }
  }
  if (c.warnAfter !== 0) k8s.warnafter = now + c.warnAfter
  return {
    aud: [...c.audiences],
    exp: now + c.expirationSeconds,
    iat: now,
    iss: c.issuer,
    jti: c.jti,
    'kubernetes.io': k8s,
    nbf: now,
    sub: makeUsername(k8s.namespace, sa.name),
  }
}

/** Go's encoding/json string escaping: like JSON.stringify, plus `<`, `>`, `&`, U+2028 and U+2029 as \u escapes. */
function goString(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (ch) => '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0'))
}

/** Compact JSON with object keys sorted at every level (what go-jose produces from its claim map). */
export function sortedJson(v: unknown): string {
  if (v === null || v === undefined) return 'null'
  if (typeof v === 'string') return goString(v)
  if (typeof v === 'number' || typeof v === 'boolean') return JSON.stringify(v)
  if (Array.isArray(v)) return `[${v.map(sortedJson).join(',')}]`
  const o = v as Record<string, unknown>
  const keys = Object.keys(o).filter((k) => o[k] !== undefined).sort()
  return `{${keys.map((k) => `${goString(k)}:${sortedJson(o[k])}`).join(',')}}`
}
