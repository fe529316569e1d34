// `lab audit`: the latest audit entries as a table a projector can show: time, code, user,
// verb and path, and the reason of the decision that mattered.

import { isComponentRequest, type AuditEntry } from './audit'

function time(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, '')
}

function who(e: AuditEntry): string {
  if (!e.user) return e.token?.subject ? `(token of ${e.token.subject})` : '(unauthenticated)'
  return e.impersonatedUser ? `${e.user.username} as ${e.impersonatedUser.username}` : e.user.username
}

function pathOf(uri: string): string {
  const i = uri.indexOf('?')
  return i < 0 ? uri : uri.slice(0, i)
}

/** The reason that explains the code: authentication failure, the 403 reason, admission, or the allowing rule. */
export function auditReason(e: AuditEntry): string {
  const parts: string[] = []
  if (e.authentication.decision === 'deny') parts.push(e.authentication.reason ?? '')
  else if (e.authorization?.decision === 'forbid') parts.push(e.authorization.reason || 'no RBAC rule allows it')
  else if (e.admission?.decision === 'deny') parts.push(`admission: ${e.admission.reason ?? ''}`)
  else if (e.authorization?.reason) parts.push(e.authorization.reason)
  else if (e.authorization?.authorizer === 'Node') parts.push('allowed by the Node authorizer')
  else if (e.authorization) parts.push('allowed (system:masters)')
  if (e.token?.jti) parts.push(`jti ${e.token.jti.slice(0, 8)}${e.token.pod ? ` pod ${e.token.pod}` : ''}`)
  for (const [k, v] of Object.entries(e.annotations ?? {})) {
    if (k.endsWith('stale-token')) parts.push(`STALE (${v.replace(/^subject: [^,]*, /, '')})`)
    else if (k.endsWith('/legacy-token')) parts.push('legacy token')
    else if (k.endsWith('issued-credential-id')) parts.push(`issued ${v}`)
  }
  return parts.filter(Boolean).join('; ')
}

/**
 * The last `n` entries (oldest first) as a padded table with a header line: people's requests,
 * or with `withComponents` also the components' (kubelets, controllers).
 */
export function formatAudit(entries: readonly AuditEntry[], n: number, withComponents = false): string {
  const shown = withComponents ? entries : entries.filter((e) => !isComponentRequest(e))
  const rows = shown.slice(-Math.max(0, n)).map((e) => [time(e.at), String(e.code), who(e), `${e.verb} ${pathOf(e.requestURI)}`, auditReason(e)])
  if (rows.length === 0) return 'No requests recorded yet.\n'
  const header = ['TIME (UTC)', 'CODE', 'USER', 'REQUEST', 'REASON']
  const all = [header, ...rows]
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i].length)))
  return all.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('   ').trimEnd()).join('\n') + '\n'
}
