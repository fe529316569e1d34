// The API server's audit record: one entry per request, including requests refused at
// authentication, with who asked (and as whom), what for, each decision on the way and why.
// Kept bounded (the latest 10 000) as plain data in the cluster's saved state.
// Every request is recorded, the components' events included (the kubelet's POST .../events):
// kubeadm sets no audit policy of its own, and the lab records as a catch-all Metadata policy would.
// Kubernetes' GCE policy (cluster/gce/gci/configure-helper.sh, "Don't log events requests") and
// policies derived from it drop core events with `level: None` because of their volume; in the lab
// they are a few per pod start and part of what a learner follows, so they stay, shown only by
// `lab audit --all` (plain `lab audit` lists people's requests), and the bound above holds them.
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
  authorization?: { decision: 'allow' | 'forbid'; reason: string; authorizer?: string }
  admission?: { decision: 'allow' | 'deny'; reason?: string }
  code: number
  /** For failures: the Status reason and message sent back. */
  responseStatus?: { reason?: string; message?: string }
  annotations?: Record<string, string>
  /** Made while a lesson set the lab up (`lab lesson`): no command the student typed made it. */
  lessonSetup?: true
}

export const AUDIT_LIMIT = 10_000

/** The bounded record. Entries are plain JSON so the lab can be saved and restored. */
export class AuditLog {
  private entries: AuditEntry[]

  constructor(entries: AuditEntry[] = []) {
    this.entries = structuredClone(entries).slice(-AUDIT_LIMIT)
  }

  /** In time order: a request materialised later (a kubelet refresh nobody looked at) goes where it fell due. */
  add(e: AuditEntry): void {
    let i = this.entries.length
    while (i > 0 && this.entries[i - 1].at > e.at) i--
    if (i === this.entries.length) this.entries.push(e)
    else this.entries.splice(i, 0, e)
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
  if (userAgent.startsWith('kube-controller-manager/')) return 'kube-controller-manager'
  if (userAgent.startsWith('kube-scheduler/')) return 'kube-scheduler'
  return userAgent
}

/** The cluster's own components, by where their requests come from. */
export const COMPONENT_SOURCES = ['kubelet', 'kube-controller-manager', 'kube-scheduler']

/** A request a component of the cluster made (a kubelet, a controller), not a person. */
export function isComponentRequest(e: AuditEntry): boolean {
  return COMPONENT_SOURCES.includes(e.source)
}
