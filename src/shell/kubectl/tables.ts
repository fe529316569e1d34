// Imitates: kubernetes pkg/printers/internalversion/printers.go (the server-side table columns kubectl shows).

import { eventFromV1, isEventV1, type EventV1 } from '../../cluster/api/eventsV1'
import type { KObject } from '../../cluster/api/meta'
import { humanDuration } from './format'
import { podStatusReason, podRestarts } from './podstatus'
import { endpointSlice, endpoints, service } from './tablesNetwork'

// Loose views of the objects' JSON: every field may be missing.
/* eslint-disable @typescript-eslint/no-explicit-any */
export type Obj = Record<string, any>

export interface TableDef {
  headers: string[]
  /** The columns `-o wide` adds after the others (kubectl's priority-1 columns). */
  wideHeaders: string[]
  /** The whole `-o wide` header where the wide columns stand between the others (events). */
  wideLayout?: string[]
  row(o: Obj, now: number, wide: boolean): string[]
}

/** The header row of a table, with or without `-o wide`. */
export const headerRow = (t: TableDef, wide: boolean): string[] => (!wide ? t.headers : t.wideLayout ?? [...t.headers, ...t.wideHeaders])

/** translateTimestampSince: `<unknown>` for a missing timestamp, else HumanDuration(now − t). */
export function age(ts: string | undefined | null, now: number): string {
  if (!ts) return '<unknown>'
  return humanDuration(now - Date.parse(ts))
}

const orNone = (s: unknown) => (s === undefined || s === null || s === '' ? '<none>' : String(s))
const count = (o: unknown) => (o && typeof o === 'object' ? Object.keys(o).length : 0)

const pod: TableDef = {
  headers: ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
  wideHeaders: ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'],
  row(o, now, wide) {
    const containers: Obj[] = o.spec?.containers ?? []
    const statuses: Obj[] = o.status?.containerStatuses ?? []
    const ready = statuses.filter((c) => c.ready && c.state?.running).length
    const cells = [
      o.metadata?.name,
      `${ready}/${containers.length}`,
      podStatusReason(o),
      podRestarts(o, now),
      age(o.metadata?.creationTimestamp, now),
    ]
    if (!wide) return cells
    const gates: Obj[] = o.spec?.readinessGates ?? []
    let readiness = '<none>'
    if (gates.length) {
      const conds: Obj[] = o.status?.conditions ?? []
      const ok = gates.filter((g) => conds.find((c) => c.type === g.conditionType)?.status === 'True').length
      readiness = `${ok}/${gates.length}`
    }
    return [...cells, orNone(o.status?.podIPs?.[0]?.ip), orNone(o.spec?.nodeName), orNone(o.status?.nominatedNodeName), readiness]
  },
}

const namespace: TableDef = {
  headers: ['NAME', 'STATUS', 'AGE'],
  wideHeaders: [],
  row: (o, now) => [o.metadata?.name, o.status?.phase ?? '', age(o.metadata?.creationTimestamp, now)],
}

const serviceAccount: TableDef = {
  headers: ['NAME', 'AGE'],
  wideHeaders: [],
  row: (o, now) => [o.metadata?.name, age(o.metadata?.creationTimestamp, now)],
}

const configMap: TableDef = {
  headers: ['NAME', 'DATA', 'AGE'],
  wideHeaders: [],
  row: (o, now) => [o.metadata?.name, String(count(o.data) + count(o.binaryData)), age(o.metadata?.creationTimestamp, now)],
}

const secret: TableDef = {
  headers: ['NAME', 'TYPE', 'DATA', 'AGE'],
  wideHeaders: [],
  row: (o, now) => [o.metadata?.name, o.type ?? '', String(count(o.data)), age(o.metadata?.creationTimestamp, now)],
}

function eventSource(o: Obj): string {
  const component = o.source?.component || o.reportingComponent || ''
  const host = o.source?.component ? o.source?.host : o.reportingInstance
  return host ? `${component}, ${host}` : component
}

const event: TableDef = {
  headers: ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'],
  wideHeaders: ['SUBOBJECT', 'SOURCE', 'FIRST SEEN', 'COUNT', 'NAME'],
  // pkg/printers/internalversion/printers.go eventColumnDefinitions: Subobject and Source
  // (priority 1) stand before Message, the other wide ones after it.
  wideLayout: ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'SUBOBJECT', 'SOURCE', 'MESSAGE', 'FIRST SEEN', 'COUNT', 'NAME'],
  row(obj, now, wide) {
    // events.k8s.io/v1 objects print as the server's one Event printer prints them (after conversion)
    const o: Obj = isEventV1(obj as KObject) ? eventFromV1(obj as EventV1) : obj
    const first = o.firstTimestamp ? age(o.firstTimestamp, now) : age(o.eventTime, now)
    let last = o.lastTimestamp ? age(o.lastTimestamp, now) : first
    let n = o.count ?? 0
    if (o.series) {
      last = age(o.series.lastObservedTime, now)
      n = o.series.count
    } else if (!n) n = 1
    const io: Obj = o.involvedObject ?? {}
    const kind = String(io.kind ?? '').toLowerCase()
    const target = io.name ? `${kind}/${io.name}` : kind
    const msg = String(o.message ?? '').trim()
    if (!wide) return [last, o.type ?? '', o.reason ?? '', target, msg]
    return [last, o.type ?? '', o.reason ?? '', target, io.fieldPath ?? '', eventSource(o), msg, first, String(n), o.metadata?.name]
  },
}

function nodeStatus(o: Obj): string {
  const ready: Obj | undefined = (o.status?.conditions ?? []).find((c: Obj) => c.type === 'Ready')
  const parts = [ready ? (ready.status === 'True' ? 'Ready' : ready.status === 'False' ? 'NotReady' : 'Unknown') : 'Unknown']
  if (o.spec?.unschedulable) parts.push('SchedulingDisabled')
  return parts.join(',')
}

function nodeRoles(o: Obj): string {
  const roles = new Set<string>()
  for (const [k, v] of Object.entries<string>(o.metadata?.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) roles.add(k.slice('node-role.kubernetes.io/'.length))
    else if (k === 'kubernetes.io/role' && v) roles.add(v)
  }
  return roles.size ? [...roles].sort().join(',') : '<none>'
}

const node: TableDef = {
  headers: ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'],
  wideHeaders: ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'],
  row(o, now, wide) {
    const info: Obj = o.status?.nodeInfo ?? {}
    const cells = [o.metadata?.name, nodeStatus(o), nodeRoles(o), age(o.metadata?.creationTimestamp, now), info.kubeletVersion ?? '']
    if (!wide) return cells
    const addr = (t: string) => orNone((o.status?.addresses ?? []).find((a: Obj) => a.type === t)?.address)
    const unknown = (s: unknown) => (s ? String(s) : '<unknown>')
    return [...cells, addr('InternalIP'), addr('ExternalIP'), unknown(info.osImage), unknown(info.kernelVersion), unknown(info.containerRuntimeVersion)]
  },
}

const createdAt = (o: Obj) => o.metadata?.creationTimestamp ?? ''
const role: TableDef = { headers: ['NAME', 'CREATED AT'], wideHeaders: [], row: (o) => [o.metadata?.name, createdAt(o)] }

function subjects(o: Obj, kind: string): string {
  return (o.subjects ?? [])
    .filter((s: Obj) => s.kind === kind)
    .map((s: Obj) => (kind === 'ServiceAccount' ? `${s.namespace ?? ''}/${s.name}` : s.name))
    .join(', ')
}

const binding: TableDef = {
  headers: ['NAME', 'ROLE', 'AGE'],
  wideHeaders: ['USERS', 'GROUPS', 'SERVICEACCOUNTS'],
  row(o, now, wide) {
    const cells = [o.metadata?.name, `${o.roleRef?.kind ?? ''}/${o.roleRef?.name ?? ''}`, age(o.metadata?.creationTimestamp, now)]
    return wide ? [...cells, subjects(o, 'User'), subjects(o, 'Group'), subjects(o, 'ServiceAccount')] : cells
  },
}

/** printLease: the holder, empty when there is none. */
const lease: TableDef = {
  headers: ['NAME', 'HOLDER', 'AGE'],
  wideHeaders: [],
  row: (o, now) => [o.metadata?.name, o.spec?.holderIdentity ?? '', age(o.metadata?.creationTimestamp, now)],
}

const fallback: TableDef = { headers: ['NAME', 'AGE'], wideHeaders: [], row: (o, now) => [o.metadata?.name, age(o.metadata?.creationTimestamp, now)] }

const TABLES: Record<string, TableDef> = {
  Pod: pod,
  Namespace: namespace,
  ServiceAccount: serviceAccount,
  ConfigMap: configMap,
  Secret: secret,
  Event: event,
  Node: node,
  Role: role,
  ClusterRole: role,
  RoleBinding: binding,
  ClusterRoleBinding: binding,
  Service: service,
  Endpoints: endpoints,
  EndpointSlice: endpointSlice,
  Lease: lease,
}

export function tableFor(kind: string): TableDef {
  return TABLES[kind] ?? fallback
}

/** labels.FormatLabels: `k=v,k2=v2` sorted by key, `<none>` when empty. */
export function formatLabels(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort()
  return keys.length ? keys.map((k) => `${k}=${labels?.[k]}`).join(',') : '<none>'
}
