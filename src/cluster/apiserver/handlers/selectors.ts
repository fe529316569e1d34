// labelSelector and fieldSelector of list requests (equality and existence forms).
// Imitates: k8s.io/apimachinery/pkg/labels/selector.go and pkg/fields/selector.go (a subset)

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
