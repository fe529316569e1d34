// Imitates: kubectl pkg/describe/describe.go @ v0.35.0, describeService and formatEndpointSlices (the
// Endpoints line comes from the service's EndpointSlices, not from its Endpoints object).

import { formatLabels } from '../tables'
import { PrefixWriter, describeEvents, objects, printAnnotationsMultiline, printLabelsMultiline, words, type Obj } from './writer'

/** net.JoinHostPort: an IPv6 address goes in brackets. */
const hostPort = (addr: string, port: number) => (addr.includes(':') ? `[${addr}]:${port}` : `${addr}:${port}`)

/** formatEndpointSlices: the ready endpoints of the slices for one port name, at most 3 and a count of the rest. */
export function formatEndpointSlices(slices: Obj[], portName: string): string {
  if (slices.length === 0) return '<none>'
  const MAX = 3
  const list: string[] = []
  let more = false
  let count = 0
  const add = (endpoint: Obj, text: () => string) => {
    if (list.length === MAX) more = true
    // a missing ready condition counts as ready (discovery/v1 types.go)
    if (endpoint.conditions?.ready === false) return
    if (!more) list.push(text())
    count++
  }
  for (const slice of slices) {
    const endpoints = objects(slice.endpoints)
    const ports = objects(slice.ports)
    // a headless service may have no ports: the addresses alone
    if (ports.length === 0) for (const e of endpoints) add(e, () => String(words(e.addresses)[0]))
    for (const p of ports) {
      if ((p.name ?? '') !== portName) continue
      for (const e of endpoints) add(e, () => hostPort(String(words(e.addresses)[0]), p.port))
    }
  }
  const text = list.join(',')
  return more ? `${text} + ${count - MAX} more...` : text
}

export function describeService(svc: Obj, slices: Obj[], events: Obj[] | undefined, now: number): string {
  const w = new PrefixWriter()
  const spec = svc.spec ?? {}
  w.write(0, `Name:\t${svc.metadata?.name}\n`)
  w.write(0, `Namespace:\t${svc.metadata?.namespace ?? ''}\n`)
  printLabelsMultiline(w, 'Labels', svc.metadata?.labels)
  printAnnotationsMultiline(w, 'Annotations', svc.metadata?.annotations)
  w.write(0, `Selector:\t${formatLabels(typeof spec.selector === 'object' && spec.selector !== null ? spec.selector : undefined)}\n`)
  w.write(0, `Type:\t${spec.type ?? ''}\n`)
  if (spec.ipFamilyPolicy) w.write(0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`)
  const families = words(spec.ipFamilies)
  const ips = words(spec.clusterIPs)
  w.write(0, `IP Families:\t${families.length ? families.join(',') : '<none>'}\n`)
  w.write(0, `IP:\t${spec.clusterIP ?? ''}\n`)
  w.write(0, `IPs:\t${ips.length ? ips.join(',') : '<none>'}\n`)
  if (words(spec.externalIPs).length) w.write(0, `External IPs:\t${words(spec.externalIPs).join(',')}\n`)
  if (spec.loadBalancerIP) w.write(0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`)
  if (spec.externalName) w.write(0, `External Name:\t${spec.externalName}\n`)
  const ingress = objects(svc.status?.loadBalancer?.ingress)
  if (ingress.length) {
    const shown = ingress.map((i) => (i.ip ? `${i.ip}${i.ipMode ? ` (${i.ipMode})` : ''}` : (i.hostname ?? '')))
    w.write(0, `LoadBalancer Ingress:\t${shown.join(', ')}\n`)
  }
  for (const p of objects(spec.ports)) {
    const name = p.name || '<unset>'
    const protocol = p.protocol ?? ''
    w.write(0, `Port:\t${name}\t${p.port ?? 0}/${protocol}\n`)
    w.write(0, `TargetPort:\t${p.targetPort ?? 0}/${protocol}\n`)
    if (p.nodePort) w.write(0, `NodePort:\t${name}\t${p.nodePort}/${protocol}\n`)
    w.write(0, `Endpoints:\t${formatEndpointSlices(slices, p.name ?? '')}\n`)
  }
  w.write(0, `Session Affinity:\t${spec.sessionAffinity ?? ''}\n`)
  if (spec.externalTrafficPolicy) w.write(0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`)
  if (spec.internalTrafficPolicy) w.write(0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`)
  if (spec.healthCheckNodePort) w.write(0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`)
  if (words(spec.loadBalancerSourceRanges).length) w.write(0, `LoadBalancer Source Ranges:\t${words(spec.loadBalancerSourceRanges).join(',')}\n`)
  if (spec.trafficDistribution) w.write(0, `Traffic Distribution:\t${spec.trafficDistribution}\n`)
  if (events) describeEvents(w, events, now)
  return w.toString()
}
