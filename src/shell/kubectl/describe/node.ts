// kubectl describe node: the node, its lease, conditions, addresses, capacity, system info, the
// pods it runs with what they ask for, and its events.
// Imitates: kubectl pkg/describe/describe.go @ v0.35.0 (describeNode, describeNodeLease,
// describeNodeResource, printNodeTaintsMultiline, findNodeRoles) and pkg/util/resource
// (PodRequestsAndLimits)

import { age } from '../tables'
import { ZERO, addQuantity, formatQuantity, parseQuantity, quantityMilli, quantityValue, type Quantity } from './quantity'
import { PrefixWriter, describeEvents, objects, printAnnotationsMultiline, printLabelsMultiline, rfc1123z, type Obj } from './writer'

const ROLE_PREFIX = 'node-role.kubernetes.io/'

function findNodeRoles(node: Obj): string[] {
  const roles = new Set<string>()
  for (const [k, v] of Object.entries((node.metadata?.labels ?? {}) as Record<string, string>)) {
    if (k.startsWith(ROLE_PREFIX) && k.length > ROLE_PREFIX.length) roles.add(k.slice(ROLE_PREFIX.length))
    else if (k === 'kubernetes.io/role' && v !== '') roles.add(v)
  }
  return [...roles].sort()
}

/** Taint.ToString: `key=value:effect`, `key:effect` without a value, `key=value:` or `key` without an effect. */
const taintText = (t: Obj) => (t.effect ? `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}` : t.value ? `${t.key}=${t.value}:` : String(t.key ?? ''))

type Resources = Map<string, Quantity>

function addAll(into: Resources, list: Record<string, string> | undefined): void {
  for (const [name, text] of Object.entries(list ?? {})) {
    const q = parseQuantity(text)
    if (q) into.set(name, addQuantity(into.get(name) ?? ZERO, q))
  }
}

/** maxResourceList: each resource at the larger of the two. */
function maxAll(into: Resources, other: Resources): void {
  for (const [name, v] of other) if (!into.has(name) || v.nanos > (into.get(name) as Quantity).nanos) into.set(name, v)
}

function listOf(list: unknown): Resources {
  const out: Resources = new Map()
  addAll(out, typeof list === 'object' && list !== null ? (list as Record<string, string>) : undefined)
  return out
}

/**
 * PodRequestsAndLimits (pkg/util/resource podRequests, podLimits): the containers' sum; a sidecar
 * (an init container that restarts Always) adds to it, an init container counts where it (with the
 * sidecars before it) asks for more; the overhead adds to the requests and to the limits that are set.
 */
function podRequestsAndLimits(pod: Obj): { reqs: Resources; limits: Resources } {
  const side = (field: 'requests' | 'limits') => {
    const total: Resources = new Map()
    for (const c of objects(pod.spec?.containers)) for (const [n, v] of listOf(c.resources?.[field])) total.set(n, addQuantity(total.get(n) ?? ZERO, v))
    const sidecars: Resources = new Map()
    const inits: Resources = new Map()
    for (const c of objects(pod.spec?.initContainers)) {
      const own = listOf(c.resources?.[field])
      const add = (into: Resources, from: Resources) => { for (const [n, v] of from) into.set(n, addQuantity(into.get(n) ?? ZERO, v)) }
      let counted: Resources
      if (c.restartPolicy === 'Always') {
        add(total, own)
        add(sidecars, own)
        counted = sidecars
      } else {
        counted = new Map()
        add(counted, own)
        add(counted, sidecars)
      }
      maxAll(inits, counted)
    }
    maxAll(total, inits)
    return total
  }
  const reqs = side('requests')
  const limits = side('limits')
  for (const [n, v] of listOf(pod.spec?.overhead)) {
    reqs.set(n, addQuantity(reqs.get(n) ?? ZERO, v))
    const limit = limits.get(n)
    if (limit && limit.nanos !== 0n) limits.set(n, addQuantity(limit, v))
  }
  return { reqs, limits }
}

const q = (r: Resources, name: string) => r.get(name) ?? ZERO
const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.trunc((part / whole) * 100))

function describeNodeResource(w: PrefixWriter, pods: Obj[], node: Obj, now: number): void {
  w.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`)
  w.write(1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n')
  w.write(1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n')
  const alloc: Resources = new Map()
  addAll(alloc, Object.keys(node.status?.allocatable ?? {}).length ? node.status.allocatable : node.status?.capacity)
  const cpu = quantityMilli(q(alloc, 'cpu'))
  const memory = quantityValue(q(alloc, 'memory'))
  const cell = (x: Quantity, whole: number, milli: boolean) => `${formatQuantity(x)} (${percent(milli ? quantityMilli(x) : quantityValue(x), whole)}%)`
  const reqs: Resources = new Map()
  const limits: Resources = new Map()
  for (const pod of pods) {
    const own = podRequestsAndLimits(pod)
    for (const [n, v] of own.reqs) reqs.set(n, addQuantity(reqs.get(n) ?? ZERO, v))
    for (const [n, v] of own.limits) limits.set(n, addQuantity(limits.get(n) ?? ZERO, v))
    w.write(1, `${pod.metadata?.namespace}\t${pod.metadata?.name}\t\t${cell(q(own.reqs, 'cpu'), cpu, true)}\t${cell(q(own.limits, 'cpu'), cpu, true)}\t${cell(q(own.reqs, 'memory'), memory, false)}\t${cell(q(own.limits, 'memory'), memory, false)}\t${age(pod.metadata?.creationTimestamp, now)}\n`)
  }
  w.write(0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n')
  w.write(1, 'Resource\tRequests\tLimits\n')
  w.write(1, '--------\t--------\t------\n')
  const line = (name: string, milli: boolean) => {
    const whole = milli ? quantityMilli(q(alloc, name)) : quantityValue(q(alloc, name))
    w.write(1, `${name}\t${cell(q(reqs, name), whole, milli)}\t${cell(q(limits, name), whole, milli)}\n`)
  }
  line('cpu', true)
  line('memory', false)
  line('ephemeral-storage', false)
  const names = [...alloc.keys()]
  const standard = new Set(['cpu', 'memory', 'ephemeral-storage', 'storage', 'pods'])
  for (const name of names.filter((n) => n.startsWith('hugepages-')).sort()) line(name, false)
  for (const name of names.filter((n) => !n.startsWith('hugepages-') && !standard.has(n) && !n.startsWith('requests.') && !n.startsWith('limits.')).sort()) {
    w.write(1, `${name}\t${formatQuantity(q(reqs, name))}\t${formatQuantity(q(limits, name))}\n`)
  }
}

/**
 * `lease`: the node's lease, or the error text of getting it; `pods`: its non-terminated pods, or
 * undefined when the user may not list them; `events`: undefined with --show-events=false.
 */
export function describeNode(node: Obj, lease: Obj | string, pods: Obj[] | undefined, events: Obj[] | undefined, now: number): string {
  const w = new PrefixWriter()
  w.write(0, `Name:\t${node.metadata?.name}\n`)
  const roles = findNodeRoles(node)
  w.write(0, `Roles:\t${roles.length ? roles.join(',') : '<none>'}\n`)
  printLabelsMultiline(w, 'Labels', node.metadata?.labels)
  printAnnotationsMultiline(w, 'Annotations', node.metadata?.annotations)
  w.write(0, `CreationTimestamp:\t${rfc1123z(node.metadata?.creationTimestamp)}\n`)
  const taints = [...objects(node.spec?.taints)].sort((a, b) => (`${a.effect},${a.key}` < `${b.effect},${b.key}` ? -1 : 1))
  w.write(0, 'Taints:\t')
  if (taints.length === 0) w.write(0, '<none>\n')
  taints.forEach((t, i) => w.write(0, `${i ? '\t' : ''}${taintText(t)}\n`))
  w.write(0, `Unschedulable:\t${node.spec?.unschedulable === true}\n`)
  if (typeof lease === 'string') w.write(0, `Lease:\tFailed to get lease: ${lease}\n`)
  else {
    w.write(0, 'Lease:\n')
    w.write(1, `HolderIdentity:\t${lease.spec?.holderIdentity ?? '<unset>'}\n`)
    w.write(1, `AcquireTime:\t${lease.spec?.acquireTime ? rfc1123z(lease.spec.acquireTime) : '<unset>'}\n`)
    w.write(1, `RenewTime:\t${lease.spec?.renewTime ? rfc1123z(lease.spec.renewTime) : '<unset>'}\n`)
  }
  const conditions = objects(node.status?.conditions)
  if (conditions.length) {
    w.write(0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n')
    w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n')
    for (const c of conditions) {
      w.write(1, `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`)
    }
  }
  w.write(0, 'Addresses:\n')
  for (const a of objects(node.status?.addresses)) w.write(1, `${a.type}:\t${a.address}\n`)
  const resourceList = (title: string, list: Record<string, string> | undefined) => {
    if (!list || Object.keys(list).length === 0) return
    w.write(0, `${title}:\n`)
    for (const name of Object.keys(list).sort()) {
      const parsed = parseQuantity(list[name])
      w.write(0, `  ${name}:\t${parsed ? formatQuantity(parsed) : list[name]}\n`)
    }
  }
  resourceList('Capacity', node.status?.capacity)
  resourceList('Allocatable', node.status?.allocatable)
  const info = node.status?.nodeInfo ?? {}
  w.write(0, 'System Info:\n')
  w.write(0, `  Machine ID:\t${info.machineID ?? ''}\n`)
  w.write(0, `  System UUID:\t${info.systemUUID ?? ''}\n`)
  w.write(0, `  Boot ID:\t${info.bootID ?? ''}\n`)
  w.write(0, `  Kernel Version:\t${info.kernelVersion ?? ''}\n`)
  w.write(0, `  OS Image:\t${info.osImage ?? ''}\n`)
  w.write(0, `  Operating System:\t${info.operatingSystem ?? ''}\n`)
  w.write(0, `  Architecture:\t${info.architecture ?? ''}\n`)
  w.write(0, `  Container Runtime Version:\t${info.containerRuntimeVersion ?? ''}\n`)
  w.write(0, `  Kubelet Version:\t${info.kubeletVersion ?? ''}\n`)
  w.write(0, `  Kube-Proxy Version:\t${info.kubeProxyVersion ?? ''}\n`)
  if (node.spec?.podCIDR) w.write(0, `PodCIDR:\t${node.spec.podCIDR}\n`)
  if (Array.isArray(node.spec?.podCIDRs) && node.spec.podCIDRs.length) w.write(0, `PodCIDRs:\t${node.spec.podCIDRs.join(',')}\n`)
  if (node.spec?.providerID) w.write(0, `ProviderID:\t${node.spec.providerID}\n`)
  if (pods) describeNodeResource(w, pods, node, now)
  else w.write(0, 'Pods:\tnot authorized\n')
  if (events) describeEvents(w, events, now)
  return w.toString()
}
