// Plain-words explanations of the header fields and claims of Kubernetes service-account tokens,
// and the time claims shown against the lab clock, for the decoder panel.

import { rfc3339Seconds } from '../common/time'

export interface ClaimExplanation {
  /** Dotted path: `exp`, `kubernetes.io.pod`, `header.kid`. */
  name: string
  title: string
  text: string
}

const E = (name: string, title: string, text: string): ClaimExplanation => ({ name, title, text })

export const CLAIM_EXPLANATIONS: ClaimExplanation[] = [
  E('header.alg', 'Algorithm', 'How the token was signed. The API server signs with its service-account key; RS256 means an RSA key and SHA-256.'),
  E('header.kid', 'Key ID', 'Which signing key was used: a hash of the public key. The same value appears in the API server\'s JWKS, so a verifier can pick the right key.'),
  E('header.typ', 'Type', 'An optional label. Kubernetes leaves it out.'),
  E('aud', 'Audience', 'Who the token is meant for. The API server only accepts a token whose audience list contains one of its own audiences. Always a list here, even with one entry.'),
  E('exp', 'Expires', 'After this moment (plus a minute of leeway) the API server refuses the token. For a token the kubelet mounts this is a year after issue, because the API server extends 3607-second pod tokens.'),
  E('iat', 'Issued at', 'When the API server created the token.'),
  E('nbf', 'Not before', 'The token is not valid before this moment. Kubernetes sets it to the issue time.'),
  E('iss', 'Issuer', 'Who created the token: the API server\'s --service-account-issuer. A server only accepts tokens from issuers it is configured to trust.'),
  E('jti', 'Token ID', 'A random ID of this one token. It shows up as the credential-id of requests made with it, so audit logs can tell tokens apart.'),
  E('sub', 'Subject', 'Who the token speaks for: system:serviceaccount:<namespace>:<name>. This becomes the user name RBAC checks.'),
  E('kubernetes.io', 'Kubernetes claims', 'What the token is bound to. The API server looks these objects up on every request: if one is gone or has a new UID, the token stops working.'),
  E('kubernetes.io.namespace', 'Namespace', 'The namespace of the ServiceAccount.'),
  E('kubernetes.io.serviceaccount', 'ServiceAccount', 'Name and UID of the ServiceAccount. A ServiceAccount deleted and created again has a new UID, so old tokens fail.'),
  E('kubernetes.io.pod', 'Pod', 'The pod the token is bound to. When the pod is deleted, the token dies with it.'),
  E('kubernetes.io.node', 'Node', 'The node the pod runs on (or the node the token is bound to). For a pod token this is only recorded, not checked.'),
  E('kubernetes.io.secret', 'Secret', 'The Secret the token is bound to; deleting the Secret invalidates the token.'),
  E('kubernetes.io.warnafter', 'Warn after', 'One hour and seven seconds after issue. From then on the API server still accepts the token but counts it as stale in its audit log and metrics. The kubelet has long replaced the file by then: it refreshes at 80% of that hour, about 48 minutes.'),
  E('kubernetes.io/serviceaccount/namespace', 'Namespace (legacy)', 'A token stored in a Secret, the old kind: it never expires and has no audience.'),
  E('kubernetes.io/serviceaccount/secret.name', 'Secret name (legacy)', 'The Secret that holds this old-style token. Deleting the Secret invalidates it.'),
  E('kubernetes.io/serviceaccount/service-account.name', 'ServiceAccount (legacy)', 'The ServiceAccount of an old-style Secret token.'),
  E('kubernetes.io/serviceaccount/service-account.uid', 'ServiceAccount UID (legacy)', 'The UID of that ServiceAccount; the token fails if it changes.'),
]

const byName = new Map(CLAIM_EXPLANATIONS.map((e) => [e.name, e]))

export function explainClaim(name: string): ClaimExplanation | undefined {
  return byName.get(name)
}

export interface TimeClaim {
  name: 'iat' | 'nbf' | 'exp' | 'warnafter'
  /** Unix seconds as in the token. */
  seconds: number
  /** RFC 3339 UTC. */
  utc: string
  /** `in 47m12s`, `3d ago`, `now`. */
  relative: string
}

function span(ms: number): string {
  let s = Math.floor(Math.abs(ms) / 1000)
  const d = Math.floor(s / 86400); s -= d * 86400
  const h = Math.floor(s / 3600); s -= h * 3600
  const m = Math.floor(s / 60); s -= m * 60
  if (d) return h ? `${d}d${h}h` : `${d}d`
  if (h) return m ? `${h}h${m}m` : `${h}h`
  if (m) return s ? `${m}m${s}s` : `${m}m`
  return `${s}s`
}

/** The token's time claims as UTC and relative to the lab clock (ms). */
export function timeClaims(payload: unknown, nowMs: number): TimeClaim[] {
  if (typeof payload !== 'object' || payload === null) return []
  const p = payload as Record<string, unknown>
  const k8s = (typeof p['kubernetes.io'] === 'object' && p['kubernetes.io'] !== null ? p['kubernetes.io'] : {}) as Record<string, unknown>
  const out: TimeClaim[] = []
  const add = (name: TimeClaim['name'], v: unknown) => {
    if (typeof v !== 'number' || !Number.isFinite(v) || Math.abs(v) > 1e11) return
    const diff = v * 1000 - nowMs
    out.push({
      name, seconds: v,
      utc: rfc3339Seconds(v),
      relative: Math.abs(diff) < 1000 ? 'now' : diff > 0 ? `in ${span(diff)}` : `${span(diff)} ago`,
    })
  }
  add('iat', p.iat)
  add('nbf', p.nbf)
  add('warnafter', k8s.warnafter)
  add('exp', p.exp)
  return out
}
