// kubectl exec as the API server, kubelet and containerd answer it: the container checks, the
// runtime's exec errors, and the command run against the container's files.
// Imitates: pkg/registry/core/pod/strategy.go (ExecLocation), pkg/kubelet/server (getExec) and
// containerd's exec errors (OCI runtime exec failed).

import type { KObject } from '../../api/meta'
import type { ExecResult, Status } from '../../apiserver/types'
import type { ClusterContext } from '../../context'
import type { ContainerRecord, PodRecord } from '../state'
import { layerFor, type EmptyDirMount } from './writableLayer'
import { lookPath, runApplet, type Proc } from './busybox'
import { buildRootfs, PATH_DIRS, rootfsKey, type RootfsInput } from './rootfs'
import type { FsDir } from './vfs'
import type { ContainerProcess, ContainerShell, ShellVars } from './containerShell'
import { resolveInCluster, reverseInCluster } from './dns'
import { runningAt, type RestartPolicy } from '../timeline'
import { execPids, initCmdline, type ContainerPids } from './procs'
import { attachableShell, containerArgv, mainArgv, readsStdin } from '../program'
import { newBadRequest, newFailure, newNotFound } from '../../../common/apiErrors'
import { sliceBytes } from '../../../common/bytes'

/** The cluster's DNS and `kubernetes` Service addresses (Kubernetes the Hard Way ranges) when no Service says otherwise. */
export const DEFAULT_SERVICE_IP = '10.32.0.1'
export const DEFAULT_CLUSTER_DNS = '10.32.0.10'

export interface ExecInput {
  ctx: ClusterContext
  podName: string
  pod: KObject | undefined
  rec: PodRecord | undefined
  container: string | undefined
  command: string[]
  token: (key: string) => string | undefined
  /** The pod's record as it is now, after the kubelet has written what fell due (for a shell that stays open). */
  refresh?: () => Promise<PodRecord | undefined>
  /** What `kubectl exec -i` sends to the process's standard input. */
  stdin?: string
  /** `kubectl exec -t`: the process's input and output are a terminal. */
  tty?: boolean
  /** The shell and tools the container's image holds (wired from the lab); without it, the busybox applets below. */
  shell?: ContainerShell
  /** Called after the container's record changed (a process took a PID), also later, from a shell that stays open. */
  changed?: () => void
  /**
   * pods/attach: the command is the container's main process, and this is called with its status
   * when its shell ends (the container ends with it). Only a shell reading its terminal is attached to.
   */
  ended?: (code: number) => Promise<void>
}

/**
 * Applets the small built-in runner answers itself, where a container shell is wired: ps (it is the
 * exec's own process, with the exec's PID). The rest go to the container shell, whose busybox
 * applets take every option (ls there shows the container's own tree, sleep moves the lab clock).
 */
const DIRECT = new Set(['ps'])

/** The `kubernetes` Service's ClusterIP (the default when the lab has no such object). */
export function apiServiceIP(ctx: ClusterContext): string {
  const svc = ctx.store.get('services', 'default', 'kubernetes')
  return String((svc?.spec as { clusterIP?: string } | undefined)?.clusterIP ?? DEFAULT_SERVICE_IP)
}

function serviceEnv(ctx: ClusterContext): [string, string][] {
  const ip = apiServiceIP(ctx)
  return [
    ['KUBERNETES_SERVICE_PORT', '443'],
    ['KUBERNETES_SERVICE_PORT_HTTPS', '443'],
    ['KUBERNETES_PORT', `tcp://${ip}:443`],
    ['KUBERNETES_PORT_443_TCP', `tcp://${ip}:443`],
    ['KUBERNETES_PORT_443_TCP_PROTO', 'tcp'],
    ['KUBERNETES_PORT_443_TCP_PORT', '443'],
    ['KUBERNETES_PORT_443_TCP_ADDR', ip],
    ['KUBERNETES_SERVICE_HOST', ip],
  ]
}

/** What a process in a pod of namespace `ns` sees of the network: its address, the API server's Service, the cluster DNS. */
function networkOf(ctx: ClusterContext, ns: string, podIP: string | undefined): Pick<ContainerProcess, 'namespace' | 'podIP' | 'apiServiceIP' | 'resolve' | 'reverse'> {
  const svcIP = apiServiceIP(ctx)
  const api = 'kubernetes.default.svc.cluster.local'
  return {
    namespace: ns, podIP, apiServiceIP: svcIP,
    resolve: (name) => resolveInCluster(ctx.store, ns, name, (fqdn) => (fqdn === api ? svcIP : undefined)),
    reverse: (ip) => reverseInCluster(ctx.store, ip) ?? (ip === svcIP ? api : undefined),
  }
}

/** How many trees a cluster keeps (the containers execed into lately, one version each). */
const KEPT_TREES = 16
const trees = new WeakMap<ClusterContext, Map<string, FsDir>>()

/**
 * The container's tree, built once for what it is built from: each exec into a container (the
 * article runs five in a row) finds it here until its files change (a refreshed token). A tree
 * is never changed once built: the shells work on copies of it (src/app/containerShell.ts).
 */
function rootfsOf(ctx: ClusterContext, input: RootfsInput): FsDir {
  let kept = trees.get(ctx)
  if (!kept) trees.set(ctx, (kept = new Map()))
  const key = rootfsKey(input)
  let tree = kept.get(key)
  if (tree) return tree
  tree = buildRootfs(input)
  kept.set(key, tree)
  if (kept.size > KEPT_TREES) kept.delete(kept.keys().next().value!)
  return tree
}

type ExecSpec = { containers?: { name: string; image?: string; command?: string[]; args?: string[]; stdin?: boolean; tty?: boolean; env?: { name: string; value?: string }[]; volumeMounts?: { name: string; mountPath: string; readOnly?: boolean }[] }[]; hostname?: string; enableServiceLinks?: boolean }

const volumeMountsOf = (pod: KObject, container: string) => (pod.spec as ExecSpec).containers?.find((x) => x.name === container)?.volumeMounts ?? []
/** Where the container's volumes are mounted: no part of its writable layer. */
const mountsOf = (pod: KObject, container: string) => volumeMountsOf(pod, container).map((m) => m.mountPath)
/**
 * The read-only ones: a mount marked readOnly (the ServiceAccount admission marks the token's so),
 * and every volume the kubelet writes with its AtomicWriter (projected, secret, configMap,
 * downwardAPI), which it mounts read-only whatever the mount says.
 */
const readOnlyMounts = (pod: KObject, rec: PodRecord, container: string) =>
  volumeMountsOf(pod, container).filter((m) => m.readOnly || rec.volumes[m.name]?.tsSuffix).map((m) => m.mountPath)
/** Its writable emptyDirs (the kubelet writes no payload there): where the container's writes in them go. */
const emptyDirsOf = (pod: KObject, rec: PodRecord, container: string): EmptyDirMount[] =>
  volumeMountsOf(pod, container).flatMap((m) => {
    const v = rec.volumes[m.name]
    return v && !v.tsSuffix && !m.readOnly ? [{ at: m.mountPath, volume: v }] : []
  })

/** The environment the runtime gives a process exec'd in `container`. */
function execEnv(ctx: ClusterContext, pod: KObject, container: string): [string, string][] {
  const spec = pod.spec as ExecSpec
  return [
    ['PATH', PATH_DIRS.join(':')],
    ['HOSTNAME', spec.hostname ?? pod.metadata.name],
    ...(spec.containers?.find((x) => x.name === container)?.env ?? []).map((e) => [e.name, e.value ?? ''] as [string, string]),
    ...(spec.enableServiceLinks === false ? [] : serviceEnv(ctx)),
    ['HOME', '/root'],
  ]
}

const policyOf = (pod: KObject) => ((pod.spec as { restartPolicy?: string }).restartPolicy ?? 'Always') as RestartPolicy

/** Whether a process can be exec'd in container `c` now: it has started and runs (in a terminating pod too). */
function execable(ctx: ClusterContext, rec: PodRecord, c: ContainerRecord, policy: RestartPolicy): boolean {
  return !!c.containerID && (rec.phase === 'started' || rec.phase === 'running' || rec.phase === 'terminating') && runningAt(c, policy, ctx.clock.now())
}

/**
 * Ahead of a first exec (src/app/lab.ts calls it once a command or a clock step is over): the
 * tree of each running container not prepared yet, and its environment, for the container shell
 * to prepare its copies of (containerShell.ts). Reads only: no token is refreshed here.
 */
export function treesToPrepare(ctx: ClusterContext, pods: { pod: KObject; rec: PodRecord }[], token: ExecInput['token'], prepared: Set<string>, max: number): { root: FsDir; env: [string, string][] }[] {
  const out: { root: FsDir; env: [string, string][] }[] = []
  for (const { pod, rec } of pods) {
    const policy = policyOf(pod)
    for (const c of rec.containers) {
      if (out.length >= max) return out
      if (prepared.has(c.containerID) || !execable(ctx, rec, c, policy)) continue
      prepared.add(c.containerID)
      out.push({ root: rootfsOf(ctx, { pod, rec, container: c.name, token, clusterDNS: DEFAULT_CLUSTER_DNS }), env: execEnv(ctx, pod, c.name) })
    }
  }
  return out
}

/** PID 1, the container's main process (as it starts: it has run no time), and the PIDs it gives its children. */
function mainPids(c: ContainerRecord, argv: string[]): ContainerPids {
  const spawn = () => {
    const pid = (c.lastPid?.run === 0 ? c.lastPid.pid : 1) + 1
    c.lastPid = { run: 0, pid }
    return pid
  }
  return { init: initCmdline(argv), initElapsed: 0, pid: 1, argv, spawn }
}

/** How much of what a main process prints the container's log keeps (the start of it): enough for a token or an environment, small in the saved lab. */
export const MAIN_LOG_MAX = 16 * 1024

/**
 * The container's main process (PID 1), run once as the container starts: for a program that the
 * lab's model says ends at once (program.ts printsAtStart), what it prints is the container's log
 * (both streams, as written) and its exit status the container's. For a script that
 * prints and then goes on (program.ts openingScript), only its `opening` runs, for the log. The
 * process sees the container's files, environment and network as an exec'd one does.
 */
export async function runMainProcess(ctx: ClusterContext, pod: KObject, rec: PodRecord, c: ContainerRecord, token: ExecInput['token'], shell: ContainerShell, opening?: string, vars?: ShellVars): Promise<{ log: string; exitCode: number; vars?: ShellVars; neverEnds?: true }> {
  const spec = pod.spec as ExecSpec
  const cspec = spec.containers?.find((x) => x.name === c.name)
  const argv = containerArgv({ image: cspec?.image, command: cspec?.command, args: cspec?.args })
  const root = rootfsOf(ctx, { pod, rec, container: c.name, token, clusterDNS: DEFAULT_CLUSTER_DNS })
  let kept: ShellVars | undefined
  // a script's opening (program.ts openingScript) runs in the shell the script names, as PID 1 still
  const out = await shell.run(opening === undefined ? argv : [argv[0], '-c', opening], {
    root, env: execEnv(ctx, pod, c.name), hostname: spec.hostname ?? pod.metadata.name, stdin: '', tty: false,
    pids: mainPids(c, argv),
    ...networkOf(ctx, pod.metadata.namespace ?? '', rec.ip),
    ...layerFor(c, policyOf(pod), ctx.clock.now(), mountsOf(pod, c.name), undefined, emptyDirsOf(pod, rec, c.name)), readOnly: readOnlyMounts(pod, rec, c.name),
    // a stepped script's part (kubelet/scriptSteps.ts) goes on with the variables the last part left
    ...(vars ? { vars, keepVars: (v: ShellVars) => { kept = v } } : {}),
  })
  // both streams as written (stdout then stderr when the shell did not say); a loop that never ends:
  // what it printed before the lab stopped it (the lab's notice, written last, is no output of the process)
  const printed = out.written ? out.written.map((w) => w.text).join('') : `${out.stdout}${out.stderr}`
  const log = out.neverEnds && out.stderr !== '' ? printed.replace(/[^\n]*\n?$/, '') : printed
  return { log: sliceBytes(log, 0, MAIN_LOG_MAX), exitCode: out.exitCode, ...(kept ? { vars: kept } : {}), ...(out.neverEnds ? { neverEnds: true as const } : {}) }
}

export async function execInPod(i: ExecInput): Promise<ExecResult | Status> {
  const { ctx, pod, rec } = i
  if (!pod) return newNotFound({ group: '', resource: 'pods' }, i.podName)
  const spec = pod.spec as ExecSpec
  const names = (spec.containers ?? []).map((c) => c.name)
  let container = i.container
  if (!container) {
    if (names.length !== 1) return newBadRequest(`a container name must be specified for pod ${pod.metadata.name}, choose one of: [${names.join(' ')}]`)
    container = names[0]
  }
  if (!names.includes(container)) return newBadRequest(`container ${container} is not valid for pod ${pod.metadata.name}`)
  const c = rec?.containers.find((x) => x.name === container)
  const policy = policyOf(pod)
  if (!rec || !c || !execable(ctx, rec, c, policy)) {
    return newFailure(404, 'NotFound', `unable to upgrade connection: container not found (${JSON.stringify(container)})`)
  }
  const hostname = spec.hostname ?? pod.metadata.name
  const env = execEnv(ctx, pod, container)
  const rootOf = (r: PodRecord) => rootfsOf(ctx, { pod, rec: r, container, token: i.token, clusterDNS: DEFAULT_CLUSTER_DNS })
  const root = rootOf(rec)
  const stdin = i.stdin ?? ''
  const proc: Proc = { root, env, hostname, now: ctx.clock.now(), stdin }
  const [cmd, ...args] = i.command
  if (cmd === undefined) return newBadRequest('you must specify at least one command for the container')
  const found = lookPath(proc, cmd)
  if (!found.found) {
    // containerd 2 with runc: the process never starts; the runtime's message comes on the exec's
    // stderr and the exec ends with 126 (kubectl: `command terminated with exit code 126`).
    const why = cmd.includes('/') ? `stat ${cmd}: no such file or directory` : 'executable file not found in $PATH'
    return { kind: 'ExecResult', stdout: '', stderr: `OCI runtime exec failed: exec failed: unable to start container process: exec: ${JSON.stringify(cmd)}: ${why}: unknown\n`, exitCode: 126 }
  }
  const cspec = spec.containers?.find((x) => x.name === container)
  if (i.ended && (!i.shell || !i.tty || !cspec || !attachableShell(cspec))) {
    const readsInput = !!cspec?.stdin && readsStdin(mainArgv(cspec))
    return { kind: 'ExecResult', stdout: '', stderr: '', exitCode: 0, session: false, ...(readsInput ? { readsInput } : {}) }
  }
  proc.pids = i.ended
    ? mainPids(c, i.command)
    : execPids(c, policy, ctx.clock.now(), initCmdline(containerArgv({ image: cspec?.image, command: cspec?.command, args: cspec?.args })), i.command, i.changed)
  proc.tty = i.tty === true
  if (i.shell && !(found.applet && DIRECT.has(found.applet))) {
    const containerID = c.containerID
    const out = await i.shell.run(i.command, {
      root, env, hostname, stdin, tty: i.tty === true, pids: proc.pids, ...networkOf(ctx, pod.metadata.namespace ?? '', rec.ip), ...(i.ended ? { ended: i.ended } : {}),
      ...layerFor(c, policy, ctx.clock.now(), mountsOf(pod, container), i.changed, emptyDirsOf(pod, rec, container)), readOnly: readOnlyMounts(pod, rec, container),
      current: async () => {
        if (!i.refresh) return root
        const now = await i.refresh()
        // the same container (a restart is another one, with another ID), still running
        const same = now?.containers.find((x) => x.name === container)
        if (!now || !same || same.containerID !== containerID || !runningAt(same, policy, ctx.clock.now())) return undefined
        return rootOf(now)
      },
    })
    return { kind: 'ExecResult', stdout: out.stdout, stderr: out.stderr, exitCode: out.exitCode, ...(out.written ? { written: out.written } : {}), ...(i.ended ? { session: out.session === true } : {}) }
  }
  const out = found.applet ? runApplet(proc, found.applet, args) : undefined
  if (!out) return { kind: 'ExecResult', stdout: '', stderr: `${cmd}: this program is not simulated in the lab\n`, exitCode: 126 }
  return { kind: 'ExecResult', ...out }
}
