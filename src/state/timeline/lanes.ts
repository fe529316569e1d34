// The timeline's data: a lane per pod (lifecycle events, kubelet refreshes, and a row per token it
// was issued), a lane per token from `kubectl create token` (TokenRequest) or a legacy Secret,
// and the requests made with each token (audit entries that carry its jti). Plain types and the
// small pure helpers the incremental builder (timelineModel.ts) and the marks use.

import type { AuditEntry } from '../../cluster/audit/audit'

export type LifecycleKind = 'created' | 'scheduled' | 'pulled' | 'started' | 'deletionRequested' | 'deleted'

export const LIFECYCLE_WORDS: Record<LifecycleKind, string> = {
  created: 'pod created',
  scheduled: 'scheduled',
  pulled: 'image pulled',
  started: 'started',
  deletionRequested: 'deletion requested',
  deleted: 'gone',
}

export interface PodEvent {
  t: number
  kind: LifecycleKind
  node?: string
}

export interface PodInfo {
  namespace: string
  name: string
  uid: string
  node?: string
  events: PodEvent[]
  createdAt: number
  deletionAt?: number
  goneAt?: number
}

export type Answer = 'allowed' | 'forbidden' | 'unauthorized' | 'other'

export interface RequestMark {
  t: number
  /** Index into lab.audit() (for the why-this-answer panel). */
  index: number
  code: number
  answer: Answer
  method: string
  verb: string
  uri: string
  user?: string
  source: string
  /** Why: the refusal's message, or what allowed it. */
  reason: string
  stale: boolean
}

export type TokenSource = 'kubelet' | 'TokenRequest' | 'legacy-secret' | 'unknown'

export interface TokenInfo {
  /** The jti, or `subject:<name>` for a token without one (legacy Secrets). */
  key: string
  jti?: string
  namespace: string
  serviceAccount: string
  source: TokenSource
  pod?: { name: string; uid: string }
  /** iat, exp, warnafter in ms (the claims are in seconds). */
  iat?: number
  exp?: number
  warnafter?: number
  /** When the kubelet replaces this token (pod tokens): exact from its schedule, or the nominal point. */
  refresh?: { t: number; exact: boolean; afterGone: boolean }
  /** When it stopped authenticating before exp: its pod was gone. */
  invalidAt?: number
  requests: RequestMark[]
}

export type LaneKind = 'pod' | 'TokenRequest' | 'legacy' | 'unknown'

export interface Lane {
  id: string
  kind: LaneKind
  title: string
  pod?: PodInfo
  tokens: TokenInfo[]
  /** The kubelet's refresh times for the pod's token volume(s), sorted, clipped to its life. */
  refreshes: readonly number[]
}

export function answerOf(code: number): Answer {
  if (code === 401) return 'unauthorized'
  if (code === 403) return 'forbidden'
  if (code >= 200 && code < 400) return 'allowed'
  return 'other'
}

/** "[invalid bearer token, service account token has been invalidated]" -> the specific part. */
export function authnReason(reason: string | undefined): string {
  if (!reason) return 'authentication failed'
  const inner = reason.replace(/^\[/, '').replace(/\]$/, '')
  const parts = inner.split(', ').filter((p) => p !== 'invalid bearer token')
  return parts.length ? parts.join(', ') : inner
}

/** Why the API server answered as it did, in one line. */
export function requestReason(e: AuditEntry): string {
  const stale = Object.entries(e.annotations ?? {}).some(([k]) => k.endsWith('stale-token'))
  if (e.code === 401) return authnReason(e.authentication.reason)
  if (e.code === 403) return e.responseStatus?.message ?? e.authorization?.reason ?? 'forbidden'
  if (e.code >= 400) return e.responseStatus?.message ?? `HTTP ${e.code}`
  const why = e.authorization?.reason ? `allowed: ${e.authorization.reason}` : 'allowed'
  return stale ? `${why} (stale token: past warnafter)` : why
}

export function requestMark(e: AuditEntry, index: number): RequestMark {
  return {
    t: e.at,
    index,
    code: e.code,
    answer: answerOf(e.code),
    method: e.method,
    verb: e.verb,
    uri: e.requestURI,
    user: e.user?.username,
    source: e.source,
    reason: requestReason(e),
    stale: Object.keys(e.annotations ?? {}).some((k) => k.endsWith('stale-token')),
  }
}

/**
 * The kubelet's nominal refresh point of a pod token (token_manager.go requiresRefresh):
 * min(iat + 24 h, exp - 20% of the TTL) + 1 ms, where exp = iat + expirationSeconds; the real
 * point is up to 9 s earlier (jitter), which only the kubelet's schedule knows.
 */
export function nominalRefresh(iatMs: number, expirationSeconds: number): number {
  const es = expirationSeconds
  return Math.min(iatMs + 24 * 3600 * 1000, iatMs + (es - Math.floor((es * 20) / 100)) * 1000) + 1
}

/** First index in sorted `xs` with xs[i] >= t. */
export function lowerBound(xs: readonly number[], t: number): number {
  let lo = 0
  let hi = xs.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (xs[mid] < t) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** First index in `items` sorted by `.t` with items[i].t >= t. */
export function lowerBoundBy<T extends { t: number }>(items: readonly T[], t: number): number {
  let lo = 0
  let hi = items.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (items[mid].t < t) lo = mid + 1
    else hi = mid
  }
  return lo
}

export const shortJti = (jti: string | undefined) => (jti ? `${jti.slice(0, 8)}…` : 'no jti')

/** How a token is named in marks and labels. */
export function tokenName(tok: Pick<TokenInfo, 'key' | 'jti' | 'namespace' | 'serviceAccount' | 'source' | 'pod'>): string {
  if (tok.source === 'kubelet' && tok.pod) return `token ${shortJti(tok.jti)} of pod ${tok.namespace}/${tok.pod.name}`
  if (tok.source === 'TokenRequest') return `token ${shortJti(tok.jti)} of ${tok.namespace}/${tok.serviceAccount} (kubectl create token)`
  if (tok.source === 'legacy-secret') return `legacy Secret token of ${tok.namespace}/${tok.serviceAccount}`
  return `token ${tok.jti ? shortJti(tok.jti) : tok.key} (not issued in this lab's record)`
}
