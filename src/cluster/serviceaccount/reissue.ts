// The TokenRequest the kubelet repeats for a pod's projected token: the same, already validated
// spec, so only the lookups, the extension rule and Claims() of TokenREST.Create run again.
// Kept lean because a year of lab time repeats it every ~48 minutes for every pod.
// Imitates: pkg/registry/core/serviceaccount/storage/token.go (Create, the pod-bound path).

import type { ClusterContext } from '../context'
import { Claims, ExpirationExtensionSeconds, WarnOnlyBoundTokenExpirationSeconds, type BoundTokenClaims, type Ref } from './claims'
import type { TokenLookups } from './tokenrequest'

export interface PodTokenRequest {
  namespace: string
  serviceAccountName: string
  podName: string
  podUID: string
  /** As requested; empty means the API server's audiences. */
  audiences: string[]
  expirationSeconds: number
}

export type Reissued = { ok: true; claims: BoundTokenClaims; expirationTime: number } | { ok: false; message: string }

/** The repeated request as the API server would have answered it at `now` (ms). */
export function reissuePodToken(ctx: ClusterContext, lookups: TokenLookups, r: PodTokenRequest, jti: string, now: number): Reissued {
  const sa = lookups.serviceAccount(r.namespace, r.serviceAccountName)
  if (!sa) return { ok: false, message: `serviceaccounts "${r.serviceAccountName}" not found` }
  const audiences = r.audiences.length ? r.audiences : ctx.config.apiAudiences
  const pod = lookups.pod(r.namespace, r.podName)
  if (!pod) return { ok: false, message: `pods "${r.podName}" not found` }
  const spec = pod.spec as { serviceAccountName?: string; nodeName?: string }
  if (spec.serviceAccountName !== r.serviceAccountName) {
    return { ok: false, message: `cannot bind token for serviceaccount ${JSON.stringify(r.serviceAccountName)} to pod running with different serviceaccount name.` }
  }
  if (pod.metadata.uid !== r.podUID) {
    return { ok: false, message: `Operation cannot be fulfilled on Pod ${JSON.stringify(r.podName)}: the UID in the bound object reference (${r.podUID}) does not match the UID in record. The object might have been deleted and then recreated` }
  }
  let node: Ref | undefined
  if (spec.nodeName) {
    const n = lookups.node(spec.nodeName)
    node = n ? { name: spec.nodeName, uid: n.metadata.uid } : { name: spec.nodeName }
  }
  const extend = r.expirationSeconds === WarnOnlyBoundTokenExpirationSeconds && audiences.every((a) => ctx.config.apiAudiences.includes(a))
  const claims = Claims({
    serviceAccount: sa, pod, node, audiences, issuer: ctx.config.issuer, now, jti,
    expirationSeconds: extend ? ExpirationExtensionSeconds : r.expirationSeconds,
    warnAfter: extend ? r.expirationSeconds : 0,
  })
  if ('error' in claims) return { ok: false, message: claims.error }
  return { ok: true, claims, expirationTime: Math.floor(now / 1000) * 1000 + r.expirationSeconds * 1000 }
}
