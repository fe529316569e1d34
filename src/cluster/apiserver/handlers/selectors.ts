// labelSelector and fieldSelector of list requests (equality and existence forms), and the fields each
// kind lets a field selector name.
// Imitates: k8s.io/apimachinery/pkg/labels/selector.go and pkg/fields/selector.go (a subset), and the field
// label conversions of pkg/apis/core/v1/conversion.go, pkg/apis/events/v1 and runtime's
// DefaultMetaV1FieldSelectorConversion (every other kind)

import type { KObject } from '../../api/meta'

type Requirement = { key: string; op: '=' | '!=' | 'exists' | '!exists' | 'in' | 'notin'; values: string[] }

function splitTerms(s: string): string[] {
  const out: string[] = []
  let depth = 0, cur = ''
  for (const ch of s) {
    if (ch === '(') depth++
    if (ch === ')') depth--
    if (ch === ',' && depth === 0) { out.push(cur); cur = '' } else cur += ch
  }
  if (cur) out.push(cur)
  return out.map((t) => t.trim()).filter(Boolean)
}

export function parseSelector(s: string): Requirement[] {
  return splitTerms(s).map((t): Requirement => {
    let m = /^(\S+)\s+(in|notin)\s+\((.*)\)$/.exec(t)
    if (m) return { key: m[1], op: m[2] as 'in' | 'notin', values: m[3].split(',').map((v) => v.trim()) }
    m = /^([^!=]+?)\s*(==|=|!=)\s*(.*)$/.exec(t)
    if (m) return { key: m[1], op: m[2] === '!=' ? '!=' : '=', values: [m[3]] }
    if (t.startsWith('!')) return { key: t.slice(1), op: '!exists', values: [] }
    return { key: t, op: 'exists', values: [] }
  })
}

function matches(get: (k: string) => string | undefined, reqs: Requirement[]): boolean {
  return reqs.every((r) => {
    const v = get(r.key)
    switch (r.op) {
      case '=': return v === r.values[0]
      case '!=': return v !== r.values[0]
      case 'exists': return v !== undefined
      case '!exists': return v === undefined
      case 'in': return v !== undefined && r.values.includes(v)
      case 'notin': return v === undefined || !r.values.includes(v)
    }
  })
}

function fieldValue(obj: KObject, path: string): string | undefined {
  let cur: unknown = obj
  for (const p of path.split('.')) {
    if (typeof cur !== 'object' || cur === null) return undefined
    cur = (cur as Record<string, unknown>)[p]
  }
  if (cur === undefined || cur === null) return path === 'spec.nodeName' ? '' : undefined
  return String(cur)
}

export function filterList(items: KObject[], query: URLSearchParams): KObject[] {
  const ls = query.get('labelSelector')
  const fs = query.get('fieldSelector')
  let out = items
  if (ls) {
    const reqs = parseSelector(ls)
    out = out.filter((o) => matches((k) => o.metadata.labels?.[k], reqs))
  }
  if (fs) {
    const reqs = parseSelector(fs)
    out = out.filter((o) => matches((k) => fieldValue(o, k), reqs))
  }
  return out
}

/** The fields a field selector may name, by `group/Kind` (pkg/apis/core/v1/conversion.go, events/v1). */
const SELECTABLE: Record<string, readonly string[]> = {
  '/Pod': ['metadata.name', 'metadata.namespace', 'spec.nodeName', 'spec.restartPolicy', 'spec.schedulerName', 'spec.serviceAccountName', 'spec.hostNetwork', 'status.phase', 'status.podIP', 'status.podIPs', 'status.nominatedNodeName', 'spec.host'],
  '/Node': ['metadata.name', 'spec.unschedulable'],
  '/Event': ['involvedObject.kind', 'involvedObject.namespace', 'involvedObject.name', 'involvedObject.uid', 'involvedObject.apiVersion', 'involvedObject.resourceVersion', 'involvedObject.fieldPath', 'reason', 'reportingComponent', 'source', 'type', 'metadata.namespace', 'metadata.name'],
  '/Namespace': ['status.phase', 'metadata.name'],
  '/Secret': ['type', 'metadata.namespace', 'metadata.name'],
  '/Service': ['metadata.namespace', 'metadata.name', 'spec.clusterIP', 'spec.type'],
  'events.k8s.io/Event': ['reason', 'regarding.kind', 'regarding.namespace', 'regarding.name', 'regarding.uid', 'regarding.apiVersion', 'regarding.resourceVersion', 'regarding.fieldPath', 'reportingController', 'type', 'metadata.namespace', 'metadata.name'],
}

/** The error of the first field a field selector names that the kind does not let it name, in the selector's order. */
export function fieldSelectorError(group: string, kind: string, selector: string): string | undefined {
  const own = SELECTABLE[`${group}/${kind}`]
  for (const r of parseSelector(selector)) {
    if (own) {
      if (!own.includes(r.key)) return `field label not supported: ${r.key}`
    } else if (r.key !== 'metadata.name' && r.key !== 'metadata.namespace') {
      return `${JSON.stringify(r.key)} is not a known field selector: only "metadata.name", "metadata.namespace"`
    }
  }
  return undefined
}
