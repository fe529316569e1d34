// The leases the cluster's components hold, and their renewals:
// * each kubelet's node lease (kube-node-lease/<node>): owned by its Node, 40 s, renewed every 10 s
//   (a quarter of its duration), the heartbeat the node controller watches;
// * kube-controller-manager's and kube-scheduler's leader-election leases in kube-system: held by
//   `<host>_<uuid>`, 15 s, renewed every 2 s (the retry period) since they were acquired;
// * the API server's identity lease in kube-system (`apiserver-<hash of its host>`): 3600 s, renewed
//   every 10 s, labelled with its component and host.
// The lab renews on demand: before the API server serves a lease, each held lease gets its holder's
// last renewal at or before now (and what the holder writes, over whatever was changed since), so a
// year of lab time costs nothing until someone looks. A deleted lease is made again at its holder's
// next renewal. The same goes for the kubelets' node status reports: with a lease to say it is alive,
// a kubelet whose node has not changed reports every 5 minutes (nodeStatusReportFrequency), and each
// report sets the conditions' lastHeartbeatTime.
// Imitates: pkg/kubelet/kubelet.go (nodeLeaseController), k8s.io/component-helpers/apimachinery/lease
// (controller.go: newLease, the NotFound path), client-go tools/leaderelection (LeaseLock; 15 s, 2 s),
// k8s.io/apiserver/pkg/server/config.go (the APIServerID) and pkg/controlplane/apiserver/server.go
// (the identity lease: IdentityLeaseDurationSeconds, IdentityLeaseRenewIntervalPeriod) and
// pkg/kubelet/kubelet_node_status.go (tryUpdateNodeStatus, nodeStatusReportFrequency)

import type { Lease, LeaseSpec } from './api/coordination'
import type { KObject, OwnerReference } from './api/meta'
import type { NodeCondition } from './api/core'
import { fnv1a32 } from '../common/fnv'
import { rfc3339 } from '../common/time'
import type { ClusterContext } from './context'
import { microTime } from './events/recorder'
import { Random } from './random'
import { enqueue } from './controllers/queue'

export const NODE_LEASE_NAMESPACE = 'kube-node-lease'
const LEASES = 'leases.coordination.k8s.io'
/** The control plane's host (the scheduler's events name it too: default-scheduler-control-plane). */
export const CONTROL_PLANE_HOST = 'control-plane'
/**
 * "apiserver-" + the lower-case unpadded base32 of the first 16 bytes of the SHA-256 of the host and
 * "kube-apiserver", each with a 2-byte length (config.go); for host `control-plane` (leases.test.ts checks it).
 */
export const APISERVER_ID = 'apiserver-6vzvajxlkf7lcarzgdc4jnyaru'

interface Holder {
  namespace: string
  name: string
  renewMs: number
  durationSeconds: number
  /** When its renewals began (NaN: its holder is not running). */
  startedAt(ctx: ClusterContext): number
  identity(ctx: ClusterContext): string
  /** A leader-election lease: with acquireTime and leaseTransitions. */
  leader?: true
  labels?: Record<string, string>
  owner?(ctx: ClusterContext): OwnerReference | undefined
}

/** The cluster's start: when the nodes registered. */
const installedAt = (ctx: ClusterContext) => Date.parse(ctx.store.peek('nodes', undefined, ctx.config.nodes[0]?.name ?? '')?.metadata.creationTimestamp ?? '')

/** A leader's identity, `<host>_<uuid>`: the uuid derived from the first node's uid, so that it stays what it was. */
const leaderIdentity = (ctx: ClusterContext, name: string) =>
  `${CONTROL_PLANE_HOST}_${Random.fromSeed(`lease-holder/${name}/${ctx.store.peek('nodes', undefined, ctx.config.nodes[0]?.name ?? '')?.metadata.uid ?? ''}`).uuid()}`

function holders(ctx: ClusterContext): Holder[] {
  const nodes: Holder[] = ctx.config.nodes.map((n) => ({
    namespace: NODE_LEASE_NAMESPACE, name: n.name, renewMs: 10_000, durationSeconds: 40,
    startedAt: () => Date.parse(ctx.store.peek('nodes', undefined, n.name)?.metadata.creationTimestamp ?? ''),
    identity: () => n.name,
    owner: () => {
      const node = ctx.store.peek('nodes', undefined, n.name)
      return node ? { apiVersion: 'v1', kind: 'Node', name: n.name, uid: node.metadata.uid } : undefined
    },
  }))
  const leader = (name: string): Holder => ({
    namespace: 'kube-system', name, renewMs: 2_000, durationSeconds: 15, leader: true, startedAt: installedAt, identity: () => leaderIdentity(ctx, name),
  })
  return [
    ...nodes,
    leader('kube-controller-manager'),
    leader('kube-scheduler'),
    {
      namespace: 'kube-system', name: APISERVER_ID, renewMs: 10_000, durationSeconds: 3600, startedAt: installedAt,
      identity: () => `${APISERVER_ID}_${Random.fromSeed(`lease-holder/${APISERVER_ID}/${installedAt(ctx)}`).uuid()}`,
      labels: { 'apiserver.kubernetes.io/identity': 'kube-apiserver', 'kubernetes.io/hostname': CONTROL_PLANE_HOST },
    },
  ]
}

/** Its first renewal, with a fixed sub-second offset of its own, and its last at or before `now`. */
function renewals(h: Holder, startedAt: number, now: number): { first: number; last: number } {
  const first = startedAt + (fnv1a32(`lease/${h.namespace}/${h.name}`) % 1_000_000) / 1000
  return { first, last: now < first ? first : first + Math.floor((now - first) / h.renewMs) * h.renewMs }
}

const micro = (ms: number) => microTime(BigInt(Math.round(ms * 1000)) * 1000n)

/** What the holder writes: its identity and duration, the renewal, and a leader's acquisition. */
function specOf(ctx: ClusterContext, h: Holder, acquiredAt: number, renewedAt: number): LeaseSpec {
  return {
    holderIdentity: h.identity(ctx), leaseDurationSeconds: h.durationSeconds,
    ...(h.leader ? { acquireTime: micro(acquiredAt) } : {}),
    renewTime: micro(renewedAt),
    ...(h.leader ? { leaseTransitions: 0 } : {}),
  }
}

function leaseOf(ctx: ClusterContext, h: Holder, uid: string, createdAt: number, renewedAt: number): KObject {
  const owner = h.owner?.(ctx)
  const lease: Lease = {
    apiVersion: 'coordination.k8s.io/v1', kind: 'Lease',
    metadata: {
      name: h.name, namespace: h.namespace, uid, resourceVersion: '', creationTimestamp: rfc3339(createdAt),
      ...(h.labels ? { labels: { ...h.labels } } : {}),
      ...(owner ? { ownerReferences: [owner] } : {}),
    },
    spec: specOf(ctx, h, renewedAt, renewedAt),
  }
  return lease
}

/** Each holder's lease, created when missing (uids from a generator derived from the lab's, which it does not advance). */
export function reconcileLeases(ctx: ClusterContext, createdAt: number): void {
  const random = Random.fromSeed(`leases/${JSON.stringify(ctx.random.state())}`)
  for (const h of holders(ctx)) {
    if (ctx.store.peek(LEASES, h.namespace, h.name) || !ctx.store.peek('namespaces', undefined, h.namespace)) continue
    const startedAt = h.startedAt(ctx)
    if (Number.isNaN(startedAt)) continue
    ctx.store.create(LEASES, leaseOf(ctx, h, random.uuid(), createdAt, renewals(h, startedAt, Math.max(createdAt, startedAt)).last))
  }
}

/** Whether a lease can be made in the namespace: it is there and not being deleted. */
function activeNamespace(ctx: ClusterContext, namespace: string): number | undefined {
  const ns = ctx.store.peek('namespaces', undefined, namespace)
  return ns && !ns.metadata.deletionTimestamp ? Date.parse(ns.metadata.creationTimestamp ?? '') : undefined
}

/**
 * The holders' renewals up to `now`: each lease they hold gets its holder's last renewal at or
 * before now. A lease missing with no renewal queued for it (its namespace was deleted and made
 * again) comes back at the first renewal in the new namespace.
 */
export function renewLeases(ctx: ClusterContext, now: number): void {
  for (const h of holders(ctx)) {
    const lease = ctx.store.peek(LEASES, h.namespace, h.name) as Lease | undefined
    const startedAt = h.startedAt(ctx)
    if (Number.isNaN(startedAt)) continue
    if (!lease) {
      const nsCreated = activeNamespace(ctx, h.namespace)
      const key = `${h.namespace}/${h.name}`
      const queued = ctx.clock.pending().some((w) => w.type === LEASE_RENEW && 'key' in w.data && w.data.key === key)
      if (nsCreated === undefined || queued) continue
      const at = renewals(h, startedAt, now).last
      if (at >= nsCreated) ctx.store.create(LEASES, leaseOf(ctx, h, ctx.random.uuid(), at, at))
      else enqueue(ctx, LEASE_RENEW, key, at + h.renewMs)
      continue
    }
    const acquiredAt = h.leader ? Date.parse(lease.spec?.acquireTime ?? '') || startedAt : startedAt
    const spec = { ...lease.spec, ...specOf(ctx, h, acquiredAt, renewals(h, startedAt, now).last) }
    if (h.leader && lease.spec?.acquireTime) spec.acquireTime = lease.spec.acquireTime
    if (h.leader && lease.spec?.leaseTransitions !== undefined) spec.leaseTransitions = lease.spec.leaseTransitions
    if (JSON.stringify(spec) === JSON.stringify(lease.spec)) continue
    ctx.store.update(LEASES, { ...lease, metadata: { ...lease.metadata, resourceVersion: '' }, spec } as KObject)
  }
}

export const LEASE_RENEW = 'lease.renew'

/** A deleted lease: its holder's next renewal finds it missing and creates it (the lease controller's NotFound path). */
export function startLeaseRenewals(ctx: ClusterContext): void {
  ctx.store.watch((e) => {
    if (e.type !== 'DELETED' || e.resource !== LEASES) return
    const h = holders(ctx).find((x) => x.namespace === e.object.metadata.namespace && x.name === e.object.metadata.name)
    const startedAt = h?.startedAt(ctx) ?? NaN
    if (!h || Number.isNaN(startedAt)) return
    enqueue(ctx, LEASE_RENEW, `${h.namespace}/${h.name}`, renewals(h, startedAt, ctx.clock.now()).last + h.renewMs)
  })
  ctx.onWork(LEASE_RENEW, (data) => {
    const h = holders(ctx).find((x) => `${x.namespace}/${x.name}` === String(data.key))
    const now = ctx.clock.now()
    if (!h || ctx.store.peek(LEASES, h.namespace, h.name) || activeNamespace(ctx, h.namespace) === undefined) return
    ctx.store.create(LEASES, leaseOf(ctx, h, ctx.random.uuid(), now, now))
  })
}

/** How often a kubelet reports its node's status when nothing changed (with a node lease). */
export const NODE_STATUS_REPORT_MS = 300_000

/**
 * The kubelets' status reports up to `now`: every 5 minutes from the first (when the node became
 * Ready, the Ready condition's transition), each condition's lastHeartbeatTime is the last report's.
 */
export function reportNodeStatus(ctx: ClusterContext, now: number): void {
  for (const n of ctx.config.nodes) {
    const node = ctx.store.peek('nodes', undefined, n.name)
    // (a restored lab's node may hold anything the save's schema lets through)
    const listed: unknown = node?.status?.conditions
    const conditions = Array.isArray(listed) ? listed.filter((c): c is NodeCondition => typeof c === 'object' && c !== null) : []
    const ready = conditions.find((c) => c.type === 'Ready')?.lastTransitionTime
    const first = typeof ready === 'string' ? Date.parse(ready) : NaN
    if (!node || Number.isNaN(first) || now < first) continue
    const heartbeat = rfc3339(first + Math.floor((now - first) / NODE_STATUS_REPORT_MS) * NODE_STATUS_REPORT_MS)
    if (conditions.every((c) => c.lastHeartbeatTime === heartbeat)) continue
    const status = { ...node.status, conditions: conditions.map((c) => ({ ...c, lastHeartbeatTime: heartbeat })) }
    ctx.store.update('nodes', { ...node, metadata: { ...node.metadata, resourceVersion: '' }, status } as KObject)
  }
}
