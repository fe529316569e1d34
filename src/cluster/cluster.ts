// The simulated cluster: one API server, the controllers, the scheduler and a kubelet per node,
// sharing one store, one virtual clock and one seeded random source.
// Imitates: a kubeadm-style control plane (kube-apiserver, kube-controller-manager, kube-scheduler) plus kubelets.

import type { ApiRequest, ApiResponse, ExecResult, Status } from './apiserver/types'
import { APIServer } from './apiserver/server'
import { AuditLog, type AuditEntry } from './audit/audit'
import { bootstrapRBAC, createSystemNamespaces, reconcileControllerRBAC, registerNodes, startSystemNamespacesController } from './boot'
import { reconcileKubeSystemServiceAccounts } from './kubeSystemServiceAccounts'
import { reconcileDefaultRBAC } from './rbac/reconcileDefaults'
import { reconcileKubernetesService, startKubernetesServiceController } from './kubernetesService'
import { reconcileLeases, renewLeases, reportNodeStatus, startLeaseRenewals } from './leases'
import { GIT_COMMIT } from './apiserver/handlers/discovery'
import { controllerClients, kubeletClient, schedulerClient } from './client/inProcess'
import { VirtualClock, type ClockState } from './clock/clock'
import { createSigner, createTokenRequest, Kubelet, restoreSigner, TOKEN_REFRESHES, type SignerState, type TokenSchedule, type TokenSigner } from './components'
import { DEFAULT_CLUSTER_CONFIG, type ClusterConfig, type ClusterContext } from './context'
import { startControllers } from './controllers/manager'
import { startTokensController } from './controllers/tokens/tokensController'
import type { Fact } from './events/facts'
import { startFactWatcher } from './events/factwatcher'
import { Random, type RandomState } from './random'
import { startScheduler } from './scheduler/scheduler'
import { ObjectStore, type StoreState } from './store/store'
import { WorkRunner } from './work'
import type { ContainerShell } from './kubelet/exec/containerShell'
import { KubeletWork } from './kubelet/work'

export interface ClusterOptions {
  /** Lab time at which the student starts (ms since the epoch); the cluster was installed an hour earlier. */
  startMs: number
  random: Random
  /** Fixed signing key (a seed was given). */
  deterministic: boolean
  config?: ClusterConfig
}

/** Everything a cluster is, as plain JSON. */
export interface ClusterState {
  version: 1
  deterministic: boolean
  config: ClusterConfig
  store: StoreState
  clock: ClockState
  random: RandomState
  facts: Fact[]
  signer: SignerState
  /** The API server's audit record (latest 10 000 requests); absent in labs saved before it existed. */
  audit?: AuditEntry[]
  /** Kubelet state by node name. */
  kubelets: Record<string, unknown>
}

export interface Cluster {
  /** The whole request path; then runs the work due at or before now. */
  handle(req: ApiRequest): Promise<ApiResponse>
  now(): number
  /** Run due work in (at, seq) order, the clock moving to each item's time, then to `ms`. */
  advanceTo(ms: number): Promise<{ ran: Record<string, number> }>
  /** When the next scheduled work falls due (any: a container script's next part too). */
  nextDueAt(): number | undefined
  /**
   * When the cluster's next event falls due: its scheduled work, leaving out the parts of
   * containers' scripts (a sleep in a container is the container's own, no work of the cluster's).
   */
  nextEventAt(): number | undefined
  facts(): readonly Fact[]
  /** The API server's audit record, oldest first (the latest 10 000 requests). */
  audit(): readonly AuditEntry[]
  /**
   * `liveLogs`: facts and audit as the live lists, not copies (for a save that reads them at once).
   * `shared`: the objects, facts and audit entries shared, not copied (they are never changed in
   * place), in lists and records of its own: a state to hold and restore later (undo) that costs
   * no deep copy; its holder must not change it.
   */
  snapshot(opts?: { liveLogs?: boolean; shared?: boolean }): ClusterState
  /** Would the API server accept this bearer token now? Nothing is recorded or changed. */
  reviewToken(token: string): ReturnType<APIServer['reviewToken']>
  /** The shell and tools containers run (the lab hands the workstation's shell down; see kubelet/exec/containerShell.ts). */
  setContainerShell(shell: ContainerShell | undefined): void
  /**
   * Let the container shell prepare, ahead of a first exec, for up to `max` running containers it
   * has not prepared for yet (ContainerShell.prepare). Reads only: the lab's state does not change.
   */
  prepareExecs(max: number): void
  /** The published verification keys, as /openid/v1/jwks serves them. */
  jwks(): { keys: (JsonWebKey & { kid: string })[] }
  /** Every kubelet's token refresh schedule within [from, to] (ms), at most `max` times per token. */
  tokenSchedules(from: number, to: number, max?: number): TokenSchedule[]
  /** The API server itself (its token authenticators and authorizers are extension points). */
  readonly apiServer: APIServer
  readonly context: ClusterContext
}

/** How long before the start the cluster was installed (nodes and system namespaces are this old). */
export const INSTALLED_BEFORE_START_MS = 3_600_000

interface Parts {
  deterministic: boolean
  store: ObjectStore
  clock: VirtualClock
  random: Random
  facts: Fact[]
  config: ClusterConfig
  audit: AuditLog
}

function assemble(p: Parts, signer: TokenSigner) {
  const runner = new WorkRunner(p.clock)
  const ctx: ClusterContext = {
    store: p.store, clock: p.clock, random: p.random, config: p.config,
    record: (f) => { p.facts.push(f) },
    onWork: (type, handler) => runner.on(type, handler),
  }
  // the components' in-process clients reach the API server (built below) only once work runs
  const handle = (req: ApiRequest) => apiServer.handle(req)
  startFactWatcher(ctx)
  const controllers = controllerClients(handle, p.config.kubernetesVersion, GIT_COMMIT)
  startControllers(ctx, controllers)
  startTokensController(ctx, signer, controllers.root('tokens-controller'))
  startScheduler(ctx, schedulerClient(handle, p.config.kubernetesVersion, GIT_COMMIT))
  startKubernetesServiceController(ctx)
  startLeaseRenewals(ctx)
  startSystemNamespacesController(ctx, () => apiServer)
  const kubelets = new Map<string, Kubelet>()
  let containerShell: ContainerShell | undefined
  const apiServer = new APIServer({
    ctx,
    exec: async (node: string, ns: string, pod: string, container: string | undefined, command: string[], io?: { stdin?: string; tty?: boolean }): Promise<ExecResult | Status | undefined> =>
      kubelets.get(node)?.exec(ns, pod, container, command, { ...io, shell: containerShell }),
    tokenRequest: (args) => createTokenRequest(ctx, signer, args),
    attach: async (node, ns, pod, container, io) => kubelets.get(node)?.attach(ns, pod, container, { ...io, shell: containerShell }),
    containerLog: (node, uid, container, previous) => kubelets.get(node)?.containerLog(uid, container, previous),
    verifyingKeys: () => {
      const k = signer.publicJwk() as { kid: string; n: string; e: string }
      return [{ kid: k.kid, n: k.n, e: k.e }]
    },
    audit: p.audit,
    beforeServe: (info) => {
      if (info.apiGroup === 'coordination.k8s.io' && info.resource === 'leases') renewLeases(ctx, p.clock.now())
      if (info.apiGroup === '' && info.resource === 'nodes') reportNodeStatus(ctx, p.clock.now())
    },
  })
  const startKubelets = () => {
    for (const n of p.config.nodes) kubelets.set(n.name, new Kubelet(ctx, kubeletClient(handle, n.name, p.config.kubernetesVersion, GIT_COMMIT), n, () => containerShell))
  }
  const cluster: Cluster = {
    apiServer,
    context: ctx,
    setContainerShell(s) { containerShell = s },
    prepareExecs(max) {
      const shell = containerShell
      if (!shell?.prepare) return
      for (const kl of kubelets.values()) for (const t of kl.execTrees(max)) shell.prepare(t)
    },
    async handle(req) {
      // what only the components' in-process clients may send or receive
      const { materialised: _m, ...request } = req
      const { issued: _i, ...res } = await apiServer.handle(request)
      await runner.runDue(p.clock.now())
      return res
    },
    now: () => p.clock.now(),
    async advanceTo(ms) {
      const from = p.clock.now()
      for (const k of kubelets.values()) k.fastForward(ms)
      const ran = await runner.runDue(ms)
      p.clock.set(ms)
      let refreshes = 0
      for (const k of kubelets.values()) refreshes += k.refreshesBetween(from, p.clock.now())
      if (refreshes) ran[TOKEN_REFRESHES] = refreshes
      return { ran }
    },
    nextDueAt: () => p.clock.nextAt(),
    nextEventAt: () => p.clock.pending().find((w) => w.type !== KubeletWork.scriptStep)?.at,
    reviewToken: (token) => apiServer.reviewToken(token),
    jwks: () => ({ keys: [signer.publicJwk()] }),
    tokenSchedules: (from, to, max) => [...kubelets.values()].flatMap((k) => k.tokenSchedules(from, to, max)),
    facts: () => p.facts,
    audit: () => p.audit.list(),
    snapshot(opts?: { liveLogs?: boolean; shared?: boolean }): ClusterState {
      const live = opts?.liveLogs === true
      const shared = live || opts?.shared === true
      const k: Record<string, unknown> = {}
      // (a kubelet's snapshot is a copy already: its own, or a frozen one that shared snapshots share)
      for (const [name, kl] of kubelets) k[name] = kl.snapshot(shared)
      return {
        version: 1, deterministic: p.deterministic, config: structuredClone(p.config),
        store: shared ? p.store.view() : p.store.snapshot(), clock: p.clock.snapshot(), random: p.random.state(),
        facts: live ? p.facts : shared ? p.facts.slice() : structuredClone(p.facts), signer: signer.snapshot(),
        audit: live ? (p.audit.list() as AuditEntry[]) : shared ? p.audit.list().slice() : p.audit.snapshot(), kubelets: k,
      }
    },
  }
  return { cluster, ctx, runner, kubelets, startKubelets }
}

export async function createCluster(opts: ClusterOptions): Promise<Cluster> {
  const config = structuredClone(opts.config ?? DEFAULT_CLUSTER_CONFIG)
  const installedAt = opts.startMs - INSTALLED_BEFORE_START_MS
  const parts: Parts = {
    deterministic: opts.deterministic, store: new ObjectStore(), clock: new VirtualClock(installedAt),
    random: opts.random, facts: [], config, audit: new AuditLog(),
  }
  const signer = await createSigner({ deterministic: opts.deterministic })
  const a = assemble(parts, signer)
  reconcileControllerRBAC(a.ctx, installedAt)
  reconcileDefaultRBAC(a.ctx, installedAt)
  createSystemNamespaces(a.cluster.apiServer)
  registerNodes(a.ctx, installedAt)
  a.startKubelets()
  await a.runner.runDue(installedAt)
  bootstrapRBAC(a.ctx, installedAt)
  reconcileKubernetesService(a.ctx, installedAt)
  reconcileKubeSystemServiceAccounts(a.ctx, installedAt)
  reconcileLeases(a.ctx, installedAt)
  await a.cluster.advanceTo(opts.startMs)
  return a.cluster
}

export async function restoreCluster(state: ClusterState): Promise<Cluster> {
  const parts: Parts = {
    deterministic: state.deterministic, store: new ObjectStore(state.store), clock: new VirtualClock(state.clock),
    random: new Random(state.random), facts: structuredClone(state.facts), config: structuredClone(state.config),
    audit: new AuditLog(state.audit ?? []),
  }
  const signer = await restoreSigner(state.signer)
  const a = assemble(parts, signer)
  reconcileControllerRBAC(a.ctx, a.ctx.clock.now())
  reconcileDefaultRBAC(a.ctx, a.ctx.clock.now())
  reconcileKubernetesService(a.ctx, a.ctx.clock.now())
  reconcileKubeSystemServiceAccounts(a.ctx, a.ctx.clock.now())
  reconcileLeases(a.ctx, a.ctx.clock.now())
  a.startKubelets()
  for (const [name, s] of Object.entries(state.kubelets)) a.kubelets.get(name)?.restore(structuredClone(s))
  return a.cluster
}
