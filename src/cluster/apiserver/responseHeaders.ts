// The headers every kube-apiserver response carries besides the handler's own: `audit-id` first (set by the
// audit filter before authentication, so 401s have it too) and, once a request is past authentication and
// impersonation, the UIDs of the FlowSchema and PriorityLevelConfiguration that API Priority and Fairness
// matched (so 403s from authorization carry them). Order as sent: audit-id, the handler's headers, the two
// x-kubernetes-pf-* headers (reference kubernetes-next.md §6.2).
// Imitates: k8s.io/apiserver/pkg/endpoints/filters/audit_init.go and pkg/server/filters/priority-and-fairness.go
// with the suggested FlowSchemas of k8s.io/apiserver/pkg/apis/flowcontrol/bootstrap/default.go

import { Random } from '../random'
import type { UserInfo } from './types'

/** The suggested FlowSchema a user's requests match, and its priority level (matching precedence order). */
export function flowSchemaFor(user: UserInfo, path: string): { schema: string; level: string } {
  const groups = user.groups ?? []
  if (groups.includes('system:masters')) return { schema: 'exempt', level: 'exempt' }
  if (/^\/(healthz|readyz|livez)(\/|$)/.test(path)) return { schema: 'probes', level: 'exempt' }
  if (groups.includes('system:nodes')) return { schema: 'system-nodes', level: 'system' }
  if (user.username === 'system:kube-controller-manager') return { schema: 'kube-controller-manager', level: 'workload-high' }
  if (user.username === 'system:kube-scheduler') return { schema: 'kube-scheduler', level: 'workload-high' }
  if (groups.includes('system:serviceaccounts:kube-system')) return { schema: 'kube-system-service-accounts', level: 'workload-high' }
  if (groups.includes('system:serviceaccounts')) return { schema: 'service-accounts', level: 'workload-low' }
  return { schema: 'global-default', level: 'global-default' }
}

/** The objects' UIDs: created once per cluster in reality, here stable stand-ins derived from their names. */
const uidOf = (kind: string, name: string) => Random.fromSeed(`${kind}/${name}`).uuid()

export function withServerHeaders(headers: Record<string, string>, auditId: string, flowUser?: UserInfo, path = ''): Record<string, string> {
  const out: Record<string, string> = { 'audit-id': auditId }
  // the order the server's writers set them in: cache-control, content-type, x-content-type-options, the rest
  for (const k of ['cache-control', 'content-type', 'x-content-type-options']) if (k in headers) out[k] = headers[k]
  for (const [k, v] of Object.entries(headers)) if (!(k in out)) out[k] = v
  if (flowUser) {
    const f = flowSchemaFor(flowUser, path)
    out['x-kubernetes-pf-flowschema-uid'] = uidOf('flowschema', f.schema)
    out['x-kubernetes-pf-prioritylevel-uid'] = uidOf('prioritylevelconfiguration', f.level)
  }
  return out
}
