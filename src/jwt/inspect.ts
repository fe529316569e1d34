// The decoder's verdict on a token: what the API server would answer if it were presented now,
// in plain words, from the decoded claims, the signature check against the published keys and
// the server's own authentication answer (typed failure codes beside the real error strings, see
// src/cluster/apiserver/authentication/authenticator.ts).

import type { AuthError, AuthFailureCode } from '../cluster/apiserver/authentication/authenticator'
import type { DecodedJwt } from './decode'

export type TokenVerdict =
  | 'valid' // accepted
  | 'stale' // accepted, but past warnafter: the audit log marks it stale
  | 'legacy' // accepted, a Secret-based token that never expires
  | 'expired' // past exp (plus a minute of leeway)
  | 'not-yet-valid' // nbf or iat in the future
  | 'rejected' // a bound object is gone or was recreated, or the audience/issuer is wrong
  | 'signature-invalid' // not signed by the cluster's key
  | 'malformed' // not a JWT at all

export type TokenKind = 'pod-bound' | 'secret-bound' | 'node-bound' | 'unbound' | 'legacy' | 'unknown'

export interface ServerAnswer {
  ok: boolean
  username?: string
  /** The authenticators' errors, e.g. `[invalid bearer token, service account token has expired]`. */
  error?: string
  /** The same errors with their typed codes (what the verdict is read from). */
  failures?: readonly AuthError[]
  annotations: Record<string, string>
}

export interface Verdict {
  verdict: TokenVerdict
  kind: TokenKind
  /** One or two sentences for the badge's explanation. */
  reason: string
}

type Obj = Record<string, unknown>
const obj = (v: unknown): Obj | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined)

export function tokenKind(payload: unknown): TokenKind {
  const p = obj(payload)
  if (!p) return 'unknown'
  if (p.iss === 'kubernetes/serviceaccount') return 'legacy'
  const k = obj(p['kubernetes.io'])
  if (!k) return 'unknown'
  if (k.pod) return 'pod-bound'
  if (k.secret) return 'secret-bound'
  if (k.node) return 'node-bound'
  return 'unbound'
}

function boundName(payload: unknown, key: 'pod' | 'secret' | 'node'): string {
  const ref = obj(obj(obj(payload)?.['kubernetes.io'])?.[key])
  return typeof ref?.name === 'string' ? ref.name : '?'
}

/** Why the server refused the token, in plain words, from its typed failure (the first that explains it). */
function refusal(failures: readonly AuthError[], error: string, d: DecodedJwt, kind: TokenKind): Verdict {
  const p = d.payload
  const codes = failures.map((f) => f.code)
  const has = (c: AuthFailureCode) => codes.includes(c)
  const uids = (c: AuthFailureCode) => failures.find((f) => f.code === c)?.uids
  if (has('signature-invalid')) {
    return { verdict: 'signature-invalid', kind, reason: 'The signature does not match any key the API server publishes: the token was changed after signing, or another key signed it.' }
  }
  if (has('expired')) return { verdict: 'expired', kind, reason: 'Its exp has passed (the API server allows one minute of clock skew), so authentication fails with 401.' }
  if (has('not-yet-valid')) {
    return { verdict: 'not-yet-valid', kind, reason: 'Its nbf or iat lies in the future (beyond a minute of leeway), so it is not accepted yet.' }
  }
  const pod = uids('pod-recreated')
  if (pod) return { verdict: 'rejected', kind, reason: `Pod ${boundName(p, 'pod')} was deleted and created again: it now has uid ${pod.current}, the token names the old one (${pod.claimed}).` }
  if (has('serviceaccount-recreated')) return { verdict: 'rejected', kind, reason: 'Its ServiceAccount was deleted and created again: the new one has another uid than the token names.' }
  if (has('serviceaccount-gone')) return { verdict: 'rejected', kind, reason: 'Its ServiceAccount is gone.' }
  if (has('secret-recreated')) return { verdict: 'rejected', kind, reason: `Secret ${boundName(p, 'secret')} was deleted and created again with another uid.` }
  if (has('bound-object-gone')) {
    if (kind === 'pod-bound') return { verdict: 'rejected', kind, reason: `Pod ${boundName(p, 'pod')}, which the token is bound to, is gone (or being deleted for over a minute): the token died with it.` }
    if (kind === 'secret-bound') return { verdict: 'rejected', kind, reason: `Secret ${boundName(p, 'secret')}, which the token is bound to, is gone.` }
    if (kind === 'node-bound') return { verdict: 'rejected', kind, reason: `Node ${boundName(p, 'node')}, which the token is bound to, is gone.` }
    if (kind === 'legacy') return { verdict: 'rejected', kind, reason: 'The Secret that holds this legacy token is gone, so the token is no longer accepted.' }
  }
  if (has('legacy-token-replaced')) return { verdict: 'rejected', kind, reason: 'The Secret holds another token now.' }
  if (has('node-recreated')) return { verdict: 'rejected', kind, reason: `Node ${boundName(p, 'node')} was replaced: it has another uid than the token names.` }
  if (has('audience')) return { verdict: 'rejected', kind, reason: 'Its audience is not the API server: it was issued for someone else (a token for another service cannot be replayed here).' }
  if (has('issuer')) return { verdict: 'rejected', kind, reason: 'Another issuer signed it; this API server only trusts its own.' }
  return { verdict: 'rejected', kind, reason: `The API server refuses it: ${error}` }
}

/** What the decoder shows about a token (Lab.inspectToken). */
export interface TokenInspection extends Verdict {
  decoded: DecodedJwt
  /** The signature checked against the cluster's published keys (/openid/v1/jwks) with jose. */
  signature: { ok: boolean; reason?: string }
  /** Whether the API server would authenticate it now, and its error text if not. */
  server: ServerAnswer
}

/** The verdict from the decoded token and the API server's answer. */
export function classifyToken(d: DecodedJwt, server: ServerAnswer): Verdict {
  const kind = tokenKind(d.payload)
  if (d.header === undefined || d.payload === undefined) {
    return { verdict: 'malformed', kind, reason: d.problems[0] ? `Not a readable JWT: ${d.problems[0]}.` : 'Not a readable JWT.' }
  }
  if (!server.ok) {
    if (!server.error) return { verdict: 'rejected', kind, reason: 'No authenticator of the API server recognises this token (another issuer).' }
    return refusal(server.failures ?? [], server.error, d, kind)
  }
  const stale = Object.entries(server.annotations).find(([k]) => k.endsWith('/stale-token'))
  if (stale) {
    const seconds = /seconds after warning threshold: (\d+)/.exec(stale[1])?.[1] ?? '?'
    return { verdict: 'stale', kind, reason: `Still accepted, but ${seconds} s past warnafter: the API server counts each use as stale. The kubelet would have swapped the file long ago.` }
  }
  if (kind === 'legacy') return { verdict: 'legacy', kind, reason: 'Accepted. A Secret-based token has no exp: it works until its Secret or ServiceAccount is deleted.' }
  const who = server.username ? ` as ${server.username}` : ''
  return { verdict: 'valid', kind, reason: `The API server accepts it now${who}. Whether the request is then allowed is RBAC's decision (403 is not 401).` }
}
