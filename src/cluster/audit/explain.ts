// Reads one audit record as the request's path through the API server: authentication, then
// authorization, then admission, each with its verdict and the reason the server recorded.
// Mirrors the order of k8s.io/apiserver/pkg/server/filters and pkg/endpoints/handlers.

import type { AuditEntry } from './audit'

export type Verdict = 'allowed' | 'refused' | 'not reached' | 'not applicable' | 'not recorded'

export interface Stage {
  id: 'authentication' | 'authorization' | 'admission'
  title: string
  verdict: Verdict
  /** One sentence: who, which rule, or why not. */
  summary: string
  /** Further lines: the authenticator, groups, the token, annotations, a hint. */
  details: string[]
}

const AUTHENTICATORS: Record<string, string> = {
  x509: 'client certificate (x509)',
  serviceaccount: 'service-account token',
  'serviceaccount-legacy': 'legacy service-account token (from a Secret)',
  bootstrap: 'bootstrap token',
  anonymous: 'anonymous requests',
}

/** Verbs that change objects: only these pass through admission control. */
const CHANGING = new Set(['create', 'update', 'patch', 'delete', 'deletecollection'])

const STATUS_TEXT: Record<number, string> = {
  200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content', 400: 'Bad Request', 401: 'Unauthorized',
  403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 409: 'Conflict', 422: 'Unprocessable Entity',
  500: 'Internal Server Error',
}

export function statusText(code: number): string {
  return `${code}${STATUS_TEXT[code] ? ` ${STATUS_TEXT[code]}` : ''}`
}

/** `list pods in namespace sa-demo`, `get /api`: what the request asked to do. */
export function whatWasAsked(e: AuditEntry): string {
  const r = e.objectRef
  if (!r) return `${e.verb} ${e.requestURI.split('?')[0]}`
  const resource = `${r.resource}${r.subresource ? `/${r.subresource}` : ''}${r.name ? ` "${r.name}"` : ''}`
  const group = r.apiGroup ? ` (API group ${r.apiGroup})` : ''
  return `${e.verb} ${resource}${group}${r.namespace ? ` in namespace ${r.namespace}` : ''}`
}

function authentication(e: AuditEntry): Stage {
  const a = e.authentication
  const details: string[] = []
  if (a.authenticator) details.push(`Authenticator: ${AUTHENTICATORS[a.authenticator] ?? a.authenticator}.`)
  const t = e.token
  if (t && (t.pod || t.jti)) details.push(`Token${t.pod ? ` bound to pod ${t.pod}` : ''}${t.jti ? `, jti ${t.jti}` : ''}.`)
  if (t?.subject && a.decision === 'deny') details.push(`The token names ${t.subject}.`)
  const stale = e.annotations?.['authentication.k8s.io/stale-token']
  if (stale) details.push(`Stale token (annotation authentication.k8s.io/stale-token): ${stale}.`)
  if (a.decision === 'deny') {
    return {
      id: 'authentication',
      title: 'Authentication',
      verdict: 'refused',
      summary: `Refused: ${a.reason ?? 'no authenticator accepted the credentials'}.`,
      details: [...details, `The API server answered ${statusText(e.code)} without looking further.`],
    }
  }
  const user = e.user
  if (user?.groups.length) details.push(`Groups: ${user.groups.join(', ')}.`)
  if (e.impersonatedUser) details.push(`Acting as ${e.impersonatedUser.username} (impersonation); the next stages check that user.`)
  return {
    id: 'authentication',
    title: 'Authentication',
    verdict: 'allowed',
    summary: `Authenticated as ${user?.username ?? 'an unknown user'}.`,
    details,
  }
}

function authorization(e: AuditEntry): Stage {
  const title = 'Authorization'
  if (e.authentication.decision === 'deny') {
    return { id: 'authorization', title, verdict: 'not reached', summary: 'Not reached: authentication refused the request.', details: [] }
  }
  const z = e.authorization
  const subject = e.impersonatedUser ?? e.user
  if (!z) return { id: 'authorization', title, verdict: 'not recorded', summary: 'No authorization decision was recorded.', details: [] }
  if (z.decision === 'allow') {
    const masters = subject?.groups.includes('system:masters')
    const summary = z.reason
      ? `Allowed: ${z.reason}.`
      : masters
        ? 'Allowed: the group system:masters may do anything; no RBAC rule is needed.'
        : 'Allowed (no reason recorded).'
    return { id: 'authorization', title, verdict: 'allowed', summary, details: [`Asked: ${whatWasAsked(e)}.`] }
  }
  const message = e.responseStatus?.message
  return {
    id: 'authorization',
    title,
    verdict: 'refused',
    summary: `Refused (${statusText(e.code)}): ${message ?? z.reason ?? 'forbidden'}.`,
    details: [
      `Asked: ${whatWasAsked(e)}.`,
      z.reason ? `Reason: ${z.reason}.` : `No Role or ClusterRole bound to ${subject?.username ?? 'this user'} or its groups allows it (RBAC denies by default).`,
    ],
  }
}

function admission(e: AuditEntry): Stage {
  const title = 'Admission'
  if (e.authentication.decision === 'deny') {
    return { id: 'admission', title, verdict: 'not reached', summary: 'Not reached.', details: [] }
  }
  if (e.authorization && e.authorization.decision !== 'allow') {
    return { id: 'admission', title, verdict: 'not reached', summary: 'Not reached: authorization refused the request.', details: [] }
  }
  const ad = e.admission
  if (!ad) {
    return CHANGING.has(e.verb)
      ? { id: 'admission', title, verdict: 'not recorded', summary: 'No admission decision was recorded.', details: [] }
      : {
          id: 'admission',
          title,
          verdict: 'not applicable',
          summary: `Does not apply: a ${e.verb} request changes nothing; admission control runs only on create, update, patch and delete.`,
          details: [],
        }
  }
  if (ad.decision === 'deny') {
    return { id: 'admission', title, verdict: 'refused', summary: `Refused: ${ad.reason ?? 'an admission plugin denied it'}.`, details: [] }
  }
  return {
    id: 'admission',
    title,
    verdict: 'allowed',
    summary: `Admitted${ad.reason ? `: ${ad.reason}` : ': the mutating and validating admission plugins let it through'}.`,
    details: [],
  }
}

/** The three stages of one request, in the order the API server runs them. */
export function explainRequest(e: AuditEntry): Stage[] {
  return [authentication(e), authorization(e), admission(e)]
}
