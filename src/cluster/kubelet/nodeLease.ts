// The kubelet's node lease (kube-node-lease/<node>): created when the node registers, owned by its
// Node, and renewed every 10 s (a quarter of its 40 s duration): the heartbeat the node controller
// watches. The lab renews on demand: before the API server serves a lease, each lease a kubelet
// holds gets the renewTime of the kubelet's last renewal at or before now, so a year of lab time
// costs nothing until someone looks. A deleted lease is created again at the kubelet's next renewal.
// Imitates: pkg/kubelet/kubelet.go (nodeLeaseController, renewInterval = 0.25 * duration) and
// k8s.io/component-helpers/apimachinery/lease/controller.go (newLease, the NotFound path)

import type { Lease } from '../api/coordination'
import type { KObject } from '../api/meta'
import { fnv1a32 } from '../../common/fnv'
import { rfc3339 } from '../../common/time'
import type { ClusterContext } from '../context'
import { microTime } from '../events/recorder'
import { Random } from '../random'
import { enqueue } from '../controllers/queue'

export const NODE_LEASE_NAMESPACE = 'kube-node-lease'
export const NODE_LEASE_DURATION_SECONDS = 40
export const NODE_LEASE_RENEW_MS = 10_000
const LEASES = 'leases.coordination.k8s.io'

/** When the kubelet of `node` renews: every 10 s from its start, with a fixed sub-second offset of its own. */
function renewalAtOrBefore(node: string, startedAt: number, now: number): number {
  const first = startedAt + (fnv1a32(`lease/${node}`) % 1_000_000) / 1000
  return now < first ? first : first + Math.floor((now - first) / NODE_LEASE_RENEW_MS) * NODE_LEASE_RENEW_MS
}

/** The kubelets started when their nodes registered. */
const startOf = (ctx: ClusterContext, node: string) => Date.parse(ctx.store.peek('nodes', undefined, node)?.metadata.creationTimestamp ?? '')

const micro = (ms: number) => microTime(BigInt(Math.round(ms * 1000)) * 1000n)

function leaseFor(ctx: ClusterContext, node: string, uid: string, createdAt: number, renewedAt: number): KObject {
  const owner = ctx.store.peek('nodes', undefined, node)
  const lease: Lease = {
    apiVersion: 'coordination.k8s.io/v1', kind: 'Lease',
    metadata: {
      name: node, namespace: NODE_LEASE_NAMESPACE, uid, resourceVersion: '', creationTimestamp: rfc3339(createdAt),
      ...(owner ? { ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: node, uid: owner.metadata.uid }] } : {}),
    },
    spec: { holderIdentity: node, leaseDurationSeconds: NODE_LEASE_DURATION_SECONDS, renewTime: micro(renewedAt) },
  }
  return lease
}

/** Each node's lease, created when missing (uids from a generator derived from the lab's, which it does not advance). */
export function reconcileNodeLeases(ctx: ClusterContext, createdAt: number): void {
  const random = Random.fromSeed(`node-leases/${JSON.stringify(ctx.random.state())}`)
  for (const n of ctx.config.nodes) {
    if (ctx.store.peek(LEASES, NODE_LEASE_NAMESPACE, n.name)) continue
    ctx.store.create(LEASES, leaseFor(ctx, n.name, random.uuid(), createdAt, renewalAtOrBefore(n.name, createdAt, createdAt)))
  }
}

/**
 * The kubelets' renewals up to `now`: each lease gets its kubelet's last renewal at or before now
 * (with the holder and duration the kubelet writes, over whatever was changed since).
 */
export function renewNodeLeases(ctx: ClusterContext, now: number): void {
  for (const n of ctx.config.nodes) {
    const lease = ctx.store.peek(LEASES, NODE_LEASE_NAMESPACE, n.name) as Lease | undefined
    const startedAt = startOf(ctx, n.name)
    if (!lease || Number.isNaN(startedAt)) continue
    const renewTime = micro(renewalAtOrBefore(n.name, startedAt, now))
    if (lease.spec?.renewTime === renewTime && lease.spec?.holderIdentity === n.name && lease.spec?.leaseDurationSeconds === NODE_LEASE_DURATION_SECONDS) continue
    const spec = { ...lease.spec, holderIdentity: n.name, leaseDurationSeconds: NODE_LEASE_DURATION_SECONDS, renewTime }
    ctx.store.update(LEASES, { ...lease, metadata: { ...lease.metadata, resourceVersion: '' }, spec } as KObject)
  }
}

export const NODE_LEASE_RENEW = 'node-lease.renew'

/** A deleted node lease: its kubelet's next renewal finds it missing and creates it (the lease controller's NotFound path). */
export function startNodeLeaseRenewals(ctx: ClusterContext): void {
  ctx.store.watch((e) => {
    if (e.type !== 'DELETED' || e.resource !== LEASES || e.object.metadata.namespace !== NODE_LEASE_NAMESPACE) return
    const node = e.object.metadata.name
    const startedAt = startOf(ctx, node)
    if (!ctx.config.nodes.some((n) => n.name === node) || Number.isNaN(startedAt)) return
    enqueue(ctx, NODE_LEASE_RENEW, node, renewalAtOrBefore(node, startedAt, ctx.clock.now()) + NODE_LEASE_RENEW_MS)
  })
  ctx.onWork(NODE_LEASE_RENEW, (data) => {
    const node = String(data.key)
    const now = ctx.clock.now()
    if (ctx.store.peek(LEASES, NODE_LEASE_NAMESPACE, node) || !ctx.store.peek('namespaces', undefined, NODE_LEASE_NAMESPACE)) return
    ctx.store.create(LEASES, leaseFor(ctx, node, ctx.random.uuid(), now, now))
  })
}
