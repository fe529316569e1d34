// Imitates: kubectl pkg/describe/describe.go @ v0.35.0, describeEndpoints and describeEndpointSliceV1.

import { PrefixWriter, describeEvents, objects, printAnnotationsMultiline, printLabelsMultiline, words, type Obj } from './writer'

function header(w: PrefixWriter, o: Obj): void {
  w.write(0, `Name:\t${o.metadata?.name}\n`)
  w.write(0, `Namespace:\t${o.metadata?.namespace ?? ''}\n`)
  printLabelsMultiline(w, 'Labels', o.metadata?.labels)
  printAnnotationsMultiline(w, 'Annotations', o.metadata?.annotations)
}

const ips = (addresses: unknown) => objects(addresses).map((a) => a.ip).join(',') || '<none>'

export function describeEndpoints(ep: Obj, events: Obj[] | undefined, now: number): string {
  const w = new PrefixWriter()
  header(w, ep)
  w.write(0, 'Subsets:\n')
  for (const subset of objects(ep.subsets)) {
    w.write(1, `Addresses:\t${ips(subset.addresses)}\n`)
    w.write(1, `NotReadyAddresses:\t${ips(subset.notReadyAddresses)}\n`)
    const ports = objects(subset.ports)
    if (ports.length) {
      w.write(1, 'Ports:\n')
      w.write(2, 'Name\tPort\tProtocol\n')
      w.write(2, '----\t----\t--------\n')
      for (const p of ports) w.write(2, `${p.name || '<unset>'}\t${p.port}\t${p.protocol ?? ''}\n`)
    }
    w.write(0, '\n')
  }
  if (events) describeEvents(w, events, now)
  return w.toString()
}

/** A pointer field as describe prints it: `<unset>` when nil. */
const orUnset = (v: unknown) => (v === undefined || v === null ? '<unset>' : String(v))

export function describeEndpointSlice(eps: Obj, events: Obj[] | undefined, now: number): string {
  const w = new PrefixWriter()
  header(w, eps)
  w.write(0, `AddressType:\t${eps.addressType ?? ''}\n`)
  const ports = objects(eps.ports)
  if (ports.length === 0) w.write(0, 'Ports: <unset>\n')
  else {
    w.write(0, 'Ports:\n')
    w.write(1, 'Name\tPort\tProtocol\n')
    w.write(1, '----\t----\t--------\n')
    for (const p of ports) w.write(1, `${p.name || '<unset>'}\t${orUnset(p.port)}\t${p.protocol ?? ''}\n`)
  }
  const endpoints = objects(eps.endpoints)
  if (endpoints.length === 0) w.write(0, 'Endpoints: <none>\n')
  else {
    w.write(0, 'Endpoints:\n')
    for (const e of endpoints) {
      w.write(1, `- Addresses:\t${words(e.addresses).join(', ') || '<none>'}\n`)
      w.write(2, 'Conditions:\n')
      w.write(3, `Ready:\t${orUnset(e.conditions?.ready)}\n`)
      w.write(2, `Hostname:\t${orUnset(e.hostname)}\n`)
      if (e.targetRef) w.write(2, `TargetRef:\t${e.targetRef.kind}/${e.targetRef.name}\n`)
      w.write(2, `NodeName:\t${orUnset(e.nodeName)}\n`)
      w.write(2, `Zone:\t${orUnset(e.zone)}\n`)
    }
  }
  if (events) describeEvents(w, events, now)
  return w.toString()
}
