// The objects a freshly installed cluster already has: the system namespaces (their default
// ServiceAccount and kube-root-ca.crt follow from the controllers), the registered worker Nodes
// and the default RBAC policy.
// Imitates: pkg/controlplane/controller/systemnamespaces, the kubelet's node registration (pkg/kubelet/kubelet_node_status.go)
// and the RBAC bootstrap policy (pkg/registry/rbac/rest/storage_rbac.go PostStartHook)

import type { KObject, NewObject } from './api/meta'
import { rfc3339 } from '../common/time'
import { isStatus } from '../common/apiErrors'
import type { APIServer } from './apiserver/server'
import type { ClusterContext, NodeConfig } from './context'
import { BOOTSTRAP_CLUSTER_ROLE_BINDINGS, BOOTSTRAP_CLUSTER_ROLES, clusterRoleBindingObject, clusterRoleObject } from './rbac/bootstrap'
import { CLUSTER_ROLE_BINDINGS, CLUSTER_ROLES, ROLE_BINDINGS, ROLES } from './rbac/store'
import { CONTROLLER_ROLES, controllerBindingObject } from './rbac/controllerPolicy'
import { NAMESPACE_ROLE_BINDINGS, NAMESPACE_ROLES, namespaceRoleBindingObject, namespaceRoleObject } from './rbac/namespacePolicy'
import { Random } from './random'
import { KERNEL } from './kernel'
import { NODE_DISK_KIB, NODE_MEMORY_KIB } from './kubelet/exec/mounts'
import { enqueueNextRound } from './controllers/queue'

export const SYSTEM_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease']

/** The system namespaces: at install, each new; with `ctx`, only those missing from its store. */
export function createSystemNamespaces(server: APIServer, ctx?: ClusterContext): void {
  const missingOnly = ctx !== undefined
  const reg = server.registries.namespaces
  for (const name of SYSTEM_NAMESPACES) {
    if (ctx?.store.peek('namespaces', undefined, name)) continue
    const ns = { apiVersion: 'v1', kind: 'Namespace', metadata: { name } } as unknown as KObject
    reg.strategy.defaults?.(ns)
    const out = reg.create(ns)
    if (isStatus(out) && !missingOnly) throw new Error(`boot: ${out.message}`)
  }
}

/** How often the API server's system namespaces controller looks for a missing one. */
export const SYSTEM_NAMESPACES_INTERVAL_MS = 60_000
export const SYSTEM_NAMESPACES_SYNC = 'system-namespaces.sync'

/** Its loop: a deleted system namespace (only kube-node-lease may be deleted) is made again at its next round, on the minute. */
export function startSystemNamespacesController(ctx: ClusterContext, server: () => APIServer): void {
  ctx.store.watch((e) => {
    if (e.type !== 'DELETED' || e.resource !== 'namespaces' || !SYSTEM_NAMESPACES.includes(e.object.metadata.name)) return
    enqueueNextRound(ctx, SYSTEM_NAMESPACES_SYNC, e.object.metadata.name, SYSTEM_NAMESPACES_INTERVAL_MS)
  })
  ctx.onWork(SYSTEM_NAMESPACES_SYNC, () => createSystemNamespaces(server(), ctx))
}

/** The processors of each node (what nproc says in its containers). */
export const NODE_CPUS = 2
const RESOURCES = { cpu: String(NODE_CPUS), 'ephemeral-storage': `${NODE_DISK_KIB}Ki`, 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: `${NODE_MEMORY_KIB}Ki`, pods: '110' }

export function nodeObject(ctx: ClusterContext, node: NodeConfig, createdAt: number): KObject {
  const created = rfc3339(createdAt)
  const ready = rfc3339(createdAt + 10_000)
  const cond = (type: string, status: string, transition: string, reason: string, message: string) =>
    ({ type, status, lastHeartbeatTime: ready, lastTransitionTime: transition, reason, message })
  return {
    kind: 'Node', apiVersion: 'v1',
    metadata: {
      name: node.name, uid: ctx.random.uuid(), resourceVersion: '', creationTimestamp: created,
      labels: {
        'beta.kubernetes.io/arch': 'amd64', 'beta.kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': node.name, 'kubernetes.io/os': 'linux',
      },
      annotations: { 'node.alpha.kubernetes.io/ttl': '0', 'volumes.kubernetes.io/controller-managed-attach-detach': 'true' },
    },
    spec: { podCIDR: node.podCIDR, podCIDRs: [node.podCIDR] },
    status: {
      capacity: { ...RESOURCES },
      allocatable: { ...RESOURCES },
      conditions: [
        cond('MemoryPressure', 'False', created, 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
        cond('DiskPressure', 'False', created, 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        cond('PIDPressure', 'False', created, 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        cond('Ready', 'True', ready, 'KubeletReady', 'kubelet is posting ready status'),
      ],
      addresses: [{ type: 'InternalIP', address: node.internalIP }, { type: 'Hostname', address: node.name }],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        machineID: ctx.random.hex(32), systemUUID: ctx.random.uuid(), bootID: ctx.random.uuid(),
        kernelVersion: KERNEL.release, osImage: 'Debian GNU/Linux 12 (bookworm)', containerRuntimeVersion: 'containerd://2.1.4',
        kubeletVersion: ctx.config.kubernetesVersion, kubeProxyVersion: '', operatingSystem: 'linux', architecture: 'amd64',
        swap: { capacity: 0 },
      },
      images: [{ names: ['registry.k8s.io/pause@sha256:278fb9dbcca9518083ad1e11276933a2e96f23de604a3a08cc3c80002767d24c', 'registry.k8s.io/pause:3.10.1'], sizeBytes: 320368 }],
      runtimeHandlers: [
        { name: 'runc', features: { recursiveReadOnlyMounts: true, userNamespaces: true } },
        { name: '', features: { recursiveReadOnlyMounts: true, userNamespaces: true } },
      ],
      features: { supplementalGroupsPolicy: true },
    },
  }
}

export function registerNodes(ctx: ClusterContext, createdAt: number): void {
  for (const n of ctx.config.nodes) {
    const out = ctx.store.create('nodes', nodeObject(ctx, n, createdAt))
    if (!('metadata' in out)) throw new Error(`boot: node ${n.name} exists`)
  }
}

/** The default ClusterRoles and ClusterRoleBindings the API server reconciles at start (RBAC's post-start hook). */
export function bootstrapRBAC(ctx: ClusterContext, createdAt: number): void {
  const put = (resource: string, o: NewObject) => {
    const obj: KObject = { ...o, metadata: { ...o.metadata, uid: ctx.random.uuid(), resourceVersion: '', creationTimestamp: rfc3339(createdAt) } }
    const out = ctx.store.create(resource, obj)
    if (!('metadata' in out)) throw new Error(`boot: ${resource} ${obj.metadata.name} exists`)
  }
  for (const r of BOOTSTRAP_CLUSTER_ROLES) put(CLUSTER_ROLES, clusterRoleObject(r))
  for (const b of BOOTSTRAP_CLUSTER_ROLE_BINDINGS) put(CLUSTER_ROLE_BINDINGS, clusterRoleBindingObject(b))
}

/**
 * The controller manager's roles and bindings (rbac/controllerPolicy.ts) and the namespaced
 * defaults of rbac/namespacePolicy.ts, reconciled like the
 * other defaults at every API server start: created when missing (also in a lab saved before
 * they existed). Their uids come from a generator derived from the lab's without advancing it,
 * so every later uid, name suffix and jti of a seeded lab stays what it was.
 */
export function reconcileControllerRBAC(ctx: ClusterContext, createdAt: number): void {
  const random = Random.fromSeed(`controller-roles/${JSON.stringify(ctx.random.state())}`)
  const put = (resource: string, o: NewObject) => {
    if (ctx.store.get(resource, undefined, o.metadata.name)) return
    const obj: KObject = { ...o, metadata: { ...o.metadata, uid: random.uuid(), resourceVersion: '', creationTimestamp: rfc3339(createdAt) } }
    ctx.store.create(resource, obj)
  }
  for (const r of CONTROLLER_ROLES) put(CLUSTER_ROLES, clusterRoleObject({ name: r.name, rules: r.rules }))
  for (const r of CONTROLLER_ROLES) put(CLUSTER_ROLE_BINDINGS, controllerBindingObject(r))
  // namespace_policy.go's Roles and RoleBindings (kube-system, kube-public), from their own generator
  const nsRandom = Random.fromSeed(`namespace-roles/${JSON.stringify(ctx.random.state())}`)
  const putNs = (resource: string, o: NewObject) => {
    if (ctx.store.get(resource, o.metadata.namespace, o.metadata.name)) return
    ctx.store.create(resource, { ...o, metadata: { ...o.metadata, uid: nsRandom.uuid(), resourceVersion: '', creationTimestamp: rfc3339(createdAt) } } as KObject)
  }
  for (const r of NAMESPACE_ROLES) putNs(ROLES, namespaceRoleObject(r))
  for (const b of NAMESPACE_ROLE_BINDINGS) putNs(ROLE_BINDINGS, namespaceRoleBindingObject(b))
}
