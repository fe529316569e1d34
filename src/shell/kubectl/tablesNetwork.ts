// Table columns of Services, Endpoints and EndpointSlices.
// Imitates: kubernetes pkg/printers/internalversion/printers.go (printService, printEndpoints, printEndpointSlice)

import type { EndpointSlice, Endpoints } from '../../cluster/api/service'
import { humanDuration } from './format'
import type { Obj, TableDef } from './tables'

/** tables.ts `age` (translateTimestampSince), repeated here so the two modules import no cycle. */
const age = (ts: string | undefined, now: number) => (ts ? humanDuration(now - Date.parse(ts)) : '<unknown>')

const MAX = 3

function more(items: string[], empty: string): string {
  if (items.length === 0) return empty
  const shown = items.slice(0, MAX).join(',')
  return items.length > MAX ? `${shown} + ${items.length - MAX} more...` : shown
}

function servicePorts(o: Obj): string {
  const ports: Obj[] = o.spec?.ports ?? []
  if (!ports.length) return '<none>'
  return ports.map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol}` : `${p.port}/${p.protocol}`)).join(',')
}

function externalIP(o: Obj): string {
  const ext: string[] = o.spec?.externalIPs ?? []
  if (o.spec?.type === 'ExternalName') return o.spec?.externalName ?? '<none>'
  if (o.spec?.type === 'LoadBalancer') {
    const ing: Obj[] = o.status?.loadBalancer?.ingress ?? []
    const ips = [...ing.map((i) => i.ip || i.hostname), ...ext]
    return ips.length ? ips.join(',') : '<pending>'
  }
  return ext.length ? ext.join(',') : '<none>'
}

export const service: TableDef = {
  headers: ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'],
  wideHeaders: ['SELECTOR'],
  row(o, now, wide) {
    const cells = [o.metadata?.name, o.spec?.type ?? '', o.spec?.clusterIP || '<none>', externalIP(o), servicePorts(o), age(o.metadata?.creationTimestamp, now)]
    if (!wide) return cells
    const sel = Object.entries<string>(o.spec?.selector ?? {}).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${k}=${v}`)
    return [...cells, sel.length ? sel.join(',') : '<none>']
  },
}

export const endpoints: TableDef = {
  headers: ['NAME', 'ENDPOINTS', 'AGE'],
  wideHeaders: [],
  row(o, now) {
    const ep: Pick<Endpoints, 'subsets'> = o
    const list: string[] = []
    for (const s of ep.subsets ?? []) {
      for (const a of s.addresses ?? []) {
        const ports = s.ports ?? []
        if (!ports.length) list.push(a.ip)
        for (const p of ports) list.push(`${a.ip}:${p.port}`)
      }
    }
    return [o.metadata?.name, more(list, '<none>'), age(o.metadata?.creationTimestamp, now)]
  },
}

export const endpointSlice: TableDef = {
  headers: ['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE'],
  wideHeaders: [],
  row(o, now) {
    const slice: Partial<Pick<EndpointSlice, 'ports' | 'endpoints'>> = o
    const ports = (slice.ports ?? []).map((p) => String(p.port ?? ''))
    const addrs = (slice.endpoints ?? []).flatMap((e) => e.addresses ?? [])
    return [o.metadata?.name, o.addressType ?? '', ports.length ? ports.join(',') : '<unset>', more(addrs, '<unset>'), age(o.metadata?.creationTimestamp, now)]
  },
}
