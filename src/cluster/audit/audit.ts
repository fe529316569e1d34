// The API server's audit record: one entry per request, including requests refused at
// authentication, with who asked (and as whom), what for, each decision on the way and why.
// Kept bounded (the latest 10 000) as plain data in the cluster's saved state.
// Imitates: k8s.io/apiserver/pkg/apis/audit/types.go (Event) and pkg/audit (annotations, impersonated user).

export interface AuditUser {
  username: string
  uid?: string
  groups: string[]
  extra?: Record<string, string[]>
}

export interface AuditEntry {
  /** Lab time (ms) when the request was served. */
  at: number
  method: string
  /** The Kubernetes verb (`list`, `get`, `create`, ...; `get` for non-resource paths). */
  verb: string
  /** Path and query as sent. */
  requestURI: string
  /** `kubectl`, `curl`, or the user agent as sent. */
  source: string
  userAgent?: string
  /** The authenticated user (absent when authentication failed). */
  user?: AuditUser
  /** Whom the user acted as (Impersonate-User / Impersonate-Group). */
  impersonatedUser?: AuditUser
  objectRef?: { resource: string; subresource?: string; namespace?: string; name?: string; apiGroup?: string; apiVersion?: string }
  authentication: { decision: 'allow' | 'deny'; authenticator?: string; reason?: string }
  /** The service-account token presented, as far as it could be read (also when it was refused). */
  token?: { jti?: string; pod?: string; podUID?: string; subject?: string }
  authorization?: { decision: 'allow' | 'forbid'; reason: string }
  admission?: { decision: 'allow' | 'deny'; reason?: string }
  code: number
  /** For failures: the Status reason and message sent back. */
  responseStatus?: { reason?: string; message?: string }
  annotations?: Record<string, string>
}

export const AUDIT_LIMIT = 10_000

/** The bounded record. Entries are plain JSON so the lab can be saved and restored. */
export class AuditLog {
  private entries: AuditEntry[]

  constructor(entries: AuditEntry[] = []) {
    this.entries = structuredClone(entries).slice(-AUDIT_LIMIT)
  }

  add(e: AuditEntry): void {
    this.entries.push(e)
    if (this.entries.length > AUDIT_LIMIT) this.entries.splice(0, this.entries.length - AUDIT_LIMIT)
  }

  list(): readonly AuditEntry[] {
    return this.entries
  }

  snapshot(): AuditEntry[] {
    return structuredClone(this.entries)
  }
}

/** Where a request came from, by its User-Agent. */
export function sourceOf(userAgent: string | undefined): string {
  if (!userAgent) return 'unknown'
  if (userAgent.startsWith('kubectl/') || userAgent.startsWith('kubectl.')) return 'kubectl'
  if (userAgent.startsWith('curl/')) return 'curl'
  if (userAgent.startsWith('kubelet/')) return 'kubelet'
  return userAgent
}
