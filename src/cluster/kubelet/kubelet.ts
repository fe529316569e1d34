// The kubelet of one node: watches pods bound to it, runs their lifecycle as scheduled work,
// keeps their projected token files fresh, and answers exec.
// Imitates: pkg/kubelet/kubelet.go (Kubelet, syncLoop: watch -> pod workers; never blocking the watch).

import type { ClusterContext, NodeConfig } from '../context'
import type { ExecResult, Status } from '../apiserver/types'
import type { WatchEvent } from '../store/store'
import type { ComponentClient } from '../client/inProcess'
import { WatchCache } from './informer'
import { TokenManager } from './token/tokenManager'
import { emptyState, type KubeletState, type LogEntry, type PodRecord } from './state'
import type { KObject } from '../api/meta'
import { forgetPod, killPod, podReady, removePod, startContainers, startPod } from './podWorkers'
import { catchUpPodTokens, schedule, type KubeletRuntime } from './runtime'
import { KubeletWork } from './work'
import type { KubeletWorkData, KubeletWorkType, WorkData } from '../clock/dueWork'
import { execInPod, treesToPrepare } from './exec/exec'
import type { FsDir } from './exec/vfs'
import { fastForward, scheduleSync, syncPod } from './podSync'
import { mainArgv } from './program'
import type { Container } from '../api/core'
import type { ContainerShell } from './exec/containerShell'
import { SharedCopy } from './sharedCopy'
import { runStateAt, type RestartPolicy } from './timeline'
import { scriptStep } from './scriptSteps'

/** When the kubelet refreshes one pod volume's token (see TokenManager.walk). */
export interface TokenSchedule {
  namespace: string
  pod: string
  podUID: string
  serviceAccount: string
  volume: string
  expirationSeconds: number
  /** Refresh times (ms) in the asked time range. */
  refreshes: number[]
}


export class Kubelet {
  private state: KubeletState
  private cache: WatchCache
  private tokens: TokenManager
  private rt: KubeletRuntime
  private unwatch: () => void
  private disposed = false
  /**
   * The state as shared snapshots hand it out (a frozen copy), made again only for what may have
   * changed: a lab that only reads, or whose clock only moves, copies its kubelets once, not at
   * every command. Every way into the state marks the pod it changes (changed(uid)): the watch,
   * the work, token refreshes and exec, at their start and end, and each PID an open shell takes.
   */
  private copies = new SharedCopy()

  /** `client`: the node's API client (user system:node:<name>, group system:nodes). */
  constructor(private ctx: ClusterContext, client: ComponentClient, private node: NodeConfig, shell: () => ContainerShell | undefined = () => undefined) {
    this.state = emptyState(node.name)
    this.cache = new WatchCache(ctx.store)
    this.tokens = new TokenManager(ctx, client, this.state.tokens)
    this.rt = { ctx, node, state: this.state, tokens: this.tokens, client, cache: this.cache, shell }
    this.unwatch = ctx.store.watch((e) => this.onWatch(e))
    // every kubelet hears each type of kubelet work and takes the items of its own node
    for (const type of Object.values(KubeletWork)) {
      ctx.onWork(type, (data) => (data.node === node.name && !this.disposed ? this.handleWork(type, data) : undefined))
    }
  }

  get nodeName(): string {
    return this.node.name
  }

  /** Stop watching and working (a newer kubelet for the same node and context replaces this one). */
  dispose(): void {
    this.disposed = true
    this.unwatch()
  }

  /** Watch callback: update the cache and schedule work; never write to the store here. */
  private onWatch(e: WatchEvent): void {
    this.cache.apply(e)
    if (e.resource !== 'pods') return
    const pod = e.object
    const uid = pod.metadata.uid
    const rec = this.state.pods[uid]
    if (e.type === 'DELETED') {
      if (rec) {
        this.changed(uid)
        forgetPod(this.rt, uid)
      }
      return
    }
    if (pod.spec?.nodeName !== this.node.name) return
    const now = this.ctx.clock.now()
    if (!rec) {
      this.changed(uid)
      this.state.pods[uid] = {
        uid, namespace: pod.metadata.namespace ?? '', name: pod.metadata.name, seenAt: now, seenRV: pod.metadata.resourceVersion,
        phase: 'pending', containers: [], volumes: {}, mountFailures: 0,
        ...(pod.metadata.deletionTimestamp ? { deletionSeen: true } : {}),
      }
      schedule(this.rt, now + (pod.metadata.deletionTimestamp ? 0 : 1000), pod.metadata.deletionTimestamp ? KubeletWork.killPod : KubeletWork.startPod, uid)
      return
    }
    if (pod.metadata.deletionTimestamp && !rec.deletionSeen) {
      this.changed(uid)
      rec.deletionSeen = true
      schedule(this.rt, now, KubeletWork.killPod, uid)
    }
  }

  /** Run one item of this kubelet's scheduled work. */
  handleWork(type: KubeletWorkType, data: KubeletWorkData): void | Promise<void> {
    const rec = this.state.pods[data.uid]
    if (!rec) return
    this.changed(rec.uid)
    const done = this.work(type, rec, data)
    if (done instanceof Promise) return done.finally(() => this.changed(rec.uid))
    this.changed(rec.uid)
  }

  private work(type: KubeletWorkType, rec: PodRecord, data: KubeletWorkData): void | Promise<void> {
    switch (type) {
      case KubeletWork.scriptStep: return scriptStep(this.rt, rec, (data as WorkData<'kubelet.scriptStep'>).container)
      case KubeletWork.startPod: return startPod(this.rt, rec)
      case KubeletWork.startContainers: return startContainers(this.rt, rec)
      case KubeletWork.podReady: return podReady(this.rt, rec)
      case KubeletWork.killPod: return killPod(this.rt, rec)
      case KubeletWork.removePod: return removePod(this.rt, rec)
      case KubeletWork.syncPod: return syncPod(this.rt, rec)
    }
  }

  /** Pod `uid`'s part of the state changed, or work that may change it is under way (no pod: any part): the next shared snapshot copies it again. */
  private changed(uid?: string): void {
    this.copies.changed(uid)
  }

  /**
   * The clock is about to move to `until`: pods that restart or retry pulls skip to their last
   * transition before it (their state is computed, not stepped), so long advances stay cheap.
   */
  fastForward(until: number): void {
    this.rt.horizon = until
    fastForward(this.rt, until)
  }

  /**
   * Bring a pod's projected tokens up to the lab's now: the latest refresh that fell due since
   * they were last looked at is requested (see TokenManager.catchUp) before anyone reads them.
   */
  private async refreshPodTokens(uid: string): Promise<void> {
    const rec = this.state.pods[uid]
    if (!rec) return
    this.changed(uid)
    try {
      await catchUpPodTokens(this.rt, rec)
    } finally {
      this.changed(uid)
    }
  }

  /** The refresh schedule of every projected token on this node, within [from, to] (the timeline). */
  tokenSchedules(from: number, to: number, max = 500): TokenSchedule[] {
    return Object.values(this.state.tokens).map((e) => {
      const rec = this.state.pods[e.podUID]
      return {
        namespace: e.namespace, pod: rec?.name ?? e.spec.boundObjectRef.name ?? '', podUID: e.podUID, serviceAccount: e.serviceAccountName,
        volume: e.volume, expirationSeconds: e.spec.expirationSeconds, refreshes: this.tokens.refreshTimes(e, from, to, max),
      }
    })
  }

  /** How many token refreshes fall due in (from, to] on this node. */
  refreshesBetween(from: number, to: number): number {
    return this.tokens.refreshesBetween(from, to)
  }

  /** Containers already handed to execTrees (by container ID). */
  private prepared = new Set<string>()

  /** The trees and environments of at most `max` running containers not handed out before (exec.ts treesToPrepare). */
  execTrees(max: number): { root: FsDir; env: [string, string][] }[] {
    const pods: { pod: KObject; rec: PodRecord }[] = []
    for (const rec of Object.values(this.state.pods)) {
      const pod = this.cache.pod(rec.namespace, rec.name)
      if (pod?.metadata.uid === rec.uid) pods.push({ pod, rec })
    }
    return treesToPrepare(this.ctx, pods, (key) => this.tokens.token(key), this.prepared, max)
  }

  /**
   * What a container of a pod on this node printed, for its log, with when it was written in the
   * asked run (the current one, or the one before): its main process's output as the container
   * started (exec.ts runMainProcess), or each part of a stepped script at its time (scriptSteps.ts).
   * Undefined when the container has not started.
   */
  containerLog(uid: string, container: string, previous: boolean): LogEntry[] | undefined {
    const rec = this.state.pods[uid]
    const c = rec?.containers.find((x) => x.name === container)
    if (!rec || !c || c.startedAt === undefined) return undefined
    const now = this.ctx.clock.now()
    let run = { startedAt: c.startedAt, until: now }
    if (c.exit) {
      const policy = ((this.cache.pod(rec.namespace, rec.name)?.spec as { restartPolicy?: RestartPolicy } | undefined)?.restartPolicy ?? 'Always')
      const runs = runStateAt(c.startedAt, c.exit, policy, now)
      const asked = (previous ? runs.previous : runs.current) ?? runs.current
      run = { startedAt: asked.startedAt, until: Math.min(now, asked.finishedAt) }
    }
    // a stepped script's parts, each at its time in the asked run (every run prints what the first printed)
    if (c.out) return c.out.filter(([at]) => run.startedAt + at <= run.until).map(([at, text]) => ({ text, writtenAt: run.startedAt + at }))
    return [{ text: c.log ?? '', writtenAt: run.startedAt }]
  }

  /** Run a command in a container of a pod on this node (busybox, as in agnhost's Alpine base). */
  async exec(namespace: string, pod: string, container: string | undefined, command: string[], io: { stdin?: string; tty?: boolean; shell?: ContainerShell; ended?: (code: number) => Promise<void> } = {}): Promise<ExecResult | Status> {
    const obj = this.cache.pod(namespace, pod)
    const rec = obj ? this.state.pods[obj.metadata.uid] : undefined
    if (rec) await this.refreshPodTokens(rec.uid)
    const uid = rec?.uid
    const refresh = uid === undefined ? undefined : async () => {
      await this.refreshPodTokens(uid)
      return this.state.pods[uid]
    }
    const changed = () => this.changed(uid)
    try {
      return await execInPod({ ctx: this.ctx, podName: pod, pod: obj, rec, container, command, token: (key) => this.tokens.token(key), refresh, changed, ...io })
    } finally {
      this.changed(uid)
    }
  }

  /**
   * pods/attach: the student's terminal on the container's main process, when that is a shell
   * reading its terminal (`kubectl run -it -- sh`); when the shell ends, so does the container.
   */
  async attach(namespace: string, pod: string, container: string | undefined, io: { tty?: boolean; shell?: ContainerShell } = {}): Promise<ExecResult | Status> {
    const obj = this.cache.pod(namespace, pod)
    const containers = ((obj?.spec as { containers?: Container[] } | undefined)?.containers ?? [])
    const spec = containers.find((c) => c.name === (container ?? containers[0]?.name))
    const uid = obj?.metadata.uid
    const ended = async (code: number) => {
      if (uid !== undefined && spec) this.mainEnded(uid, spec.name, code)
    }
    return this.exec(namespace, pod, container, spec ? mainArgv(spec) : [], { ...io, ended })
  }

  /** The main process of a container ended with `code` now (its attached shell exited): the container is terminated. */
  private mainEnded(uid: string, name: string, code: number): void {
    const rec = this.state.pods[uid]
    const c = rec?.containers.find((x) => x.name === name)
    if (!rec || !c || c.startedAt === undefined || c.exit) return
    this.changed(uid)
    const now = this.ctx.clock.now()
    c.exit = { exitMs: Math.max(0, now - c.startedAt), code }
    rec.life = true
    scheduleSync(this.rt, uid, now)
  }

  /**
   * A copy of the state. `shared`: a frozen copy that shares what has not changed since the last
   * shared snapshot (all of it, when nothing changed: the same object); undo and saves keep it and
   * never change it. Otherwise a copy of its own.
   */
  snapshot(shared = false): unknown {
    return shared ? this.copies.of(this.state) : structuredClone(this.state)
  }

  restore(s: unknown): void {
    this.changed()
    const next = structuredClone(s) as KubeletState
    if (!next || typeof next !== 'object' || next.node !== this.node.name) throw new Error(`kubelet state is not for node ${this.node.name}`)
    this.state = next
    this.tokens.setCache(next.tokens)
    this.rt.state = next
  }
}
