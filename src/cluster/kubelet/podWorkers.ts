// The pod lifecycle on one node, step by step as scheduled work: start (status, volumes, sandbox,
// pull), containers started, ready, and graceful termination.
// Imitates: pkg/kubelet/pod_workers.go and kubelet.go SyncPod / SyncTerminatingPod (much simplified).

import { recordPodEvent } from './events'
import { alreadyPresentMessage, imageID, pulledMessage, pullingMessage } from './images'
import { allocateIP, releaseIP } from './ipam'
import { creatingStatus, runningStatus } from './podstatus'
import { cancelPodWork, currentPod, schedule, type KubeletRuntime } from './runtime'
import type { ContainerRecord, PodRecord } from './state'
import { setUpVolume } from './volumes'
import { writeStatus } from './statusPatch'
import { catalogImage } from './imageCatalog'
import { containerProgram, openingScript, printsAtStart } from './program'
import { runMainProcess } from './exec/exec'
import type { KObject } from '../api/meta'
import type { Pod } from '../api/core'
import { recordFirstStart, scheduleSync } from './podSync'
import { countPodEvent } from './events'
import { PULL_FAIL_MS, runningAt, runStateAt, type RestartPolicy } from './timeline'
import { KubeletWork } from './work'
import { steppedScript } from './steppedScript'
import { startScript } from './scriptSteps'

const involved = (rec: PodRecord) => ({ name: rec.name, namespace: rec.namespace, uid: rec.uid, resourceVersion: rec.seenRV })

/** Volume SetUp retries back off like the kubelet's operation executor (capped at 2m2s). */
function mountBackoff(failures: number): number {
  return Math.min(500 * 2 ** failures, 122_000)
}

/** T+1 s: first status, volumes (the token request), sandbox address, Pulling. */
export async function startPod(rt: KubeletRuntime, rec: PodRecord): Promise<void> {
  const { ctx } = rt
  const pod = currentPod(rt, rec)
  if (!pod || pod.metadata.deletionTimestamp) return
  if (rec.phase === 'pending') {
    await writeStatus(rt, pod, creatingStatus(pod, rec, rt.node.internalIP, ctx.clock.now()))
    rec.phase = 'creating'
  }
  for (const v of pod.spec.volumes ?? []) {
    const name = String(v.name)
    if (rec.volumes[name]) continue
    const r = await setUpVolume(ctx, rt.client, pod, rec, v, rt.tokens)
    if (!r.ok) {
      await recordPodEvent(rt, involved(rec), undefined, 'Warning', 'FailedMount', `MountVolume.SetUp failed for volume "${name}" : ${r.message}`)
      rec.mountFailures++
      schedule(rt, ctx.clock.now() + mountBackoff(rec.mountFailures), KubeletWork.startPod, rec.uid)
      return
    }
    rec.volumes[name] = r.volume
  }
  rec.ip = allocateIP(rt.state.ipam, rt.node.podCIDR, rec.uid)
  let pulling = false
  let pullable = false
  const now = ctx.clock.now()
  rec.containers = []
  for (const spec of pod.spec.containers ?? []) {
    const c = { name: spec.name, image: spec.image ?? '' }
    // image_manager.go shouldPullImage: Always pulls even a present image, Never never pulls
    const policy = spec.imagePullPolicy ?? 'IfNotPresent'
    const onNode = rt.state.images.includes(c.image)
    const present = onNode && policy !== 'Always'
    const neverPull = policy === 'Never' && !onNode
    const exists = present || neverPull || catalogImage(c.image) !== undefined
    const exit = containerProgram(spec)
    // a script that may end as it starts (`cat /nope && sleep infinity`) starts as one that ends does
    if (!exists || exit || neverPull || openingScript(spec)?.endsIfFailed) rec.life = true
    rec.containers.push({
      name: c.name, image: c.image, containerID: '', imageID: imageID(c.image), pulled: !present,
      ...(exists ? {} : { pullFrom: now }), ...(exit ? { exit } : {}), ...(neverPull ? { neverPull } : {}),
      ...(policy === 'Always' ? { pullAlways: true } : {}),
    })
  }
  for (const c of rec.containers) {
    if (c.pullFrom === undefined && !c.neverPull) pullable = true
    if (!c.pulled || c.neverPull) continue
    if (c.pullFrom === undefined) pulling = true
    if (rec.life) await countPodEvent(rt, rec, c.name, 'Normal', 'Pulling', pullingMessage(c.image), 1)
    else await recordPodEvent(rt, involved(rec), c.name, 'Normal', 'Pulling', pullingMessage(c.image))
  }
  if (pullable) schedule(rt, now + (pulling ? 3000 : 1000), KubeletWork.startContainers, rec.uid)
  if (rec.containers.some((c) => c.neverPull)) scheduleSync(rt, rec.uid, now)
  else if (rec.containers.some((c) => c.pullFrom !== undefined)) scheduleSync(rt, rec.uid, now + PULL_FAIL_MS)
}

/**
 * A main process the lab runs as its container starts (program.ts printsAtStart): what it printed
 * becomes the container's log, and its exit status the container's (the model's guess before). A
 * script that sleeps between its commands runs part by part (scriptSteps.ts). Of another script
 * that prints and then sleeps or serves, the opening runs (program.ts openingScript): what it
 * printed becomes the log; the model's run stands.
 */
async function runMain(rt: KubeletRuntime, pod: Pod, rec: PodRecord, c: ContainerRecord): Promise<void> {
  const shell = rt.shell()
  const spec = pod.spec.containers?.find((s) => s.name === c.name)
  if (!shell || !spec) return
  // a script that sleeps between its commands runs part by part over lab time
  const stepped = steppedScript(spec)
  if (stepped) return startScript(rt, pod, rec, c, stepped)
  const whole = c.exit !== undefined && printsAtStart(spec)
  const opening = whole ? undefined : openingScript(spec)
  if (!whole && opening === undefined) return
  try {
    const r = await runMainProcess(rt.ctx, pod as unknown as KObject, rec, c, (key) => rt.tokens.token(key), shell, opening?.text)
    if (whole) c.exit = { ...c.exit!, code: r.exitCode }
    // `cat /nope && sleep infinity`: the script ends here, with the opening's status (startPod made
    // the pod's a life with ends already)
    else if (opening?.endsIfFailed && r.exitCode !== 0 && rec.life) c.exit = { exitMs: 0, code: r.exitCode }
    if (r.log !== '') c.log = r.log
  } catch {
    // the model's status stands, with an empty log
  }
}

/** Pulled (or already present), Created, Started for each container. */
export async function startContainers(rt: KubeletRuntime, rec: PodRecord): Promise<void> {
  const { ctx } = rt
  const pod = currentPod(rt, rec)
  if (!pod || pod.metadata.deletionTimestamp) return
  const now = ctx.clock.now()
  for (const c of rec.containers) {
    if (c.pullFrom !== undefined || c.neverPull) continue
    const message = c.pulled ? pulledMessage(c.image) : alreadyPresentMessage(c.image)
    if (!rt.state.images.includes(c.image)) rt.state.images.push(c.image)
    if (rec.life) {
      c.containerID = `containerd://${ctx.random.hex(64)}`
      c.startedAt = now
      await recordFirstStart(rt, rec, c)
      await runMain(rt, pod, rec, c)
      continue
    }
    await recordPodEvent(rt, involved(rec), c.name, 'Normal', 'Pulled', message)
    c.containerID = `containerd://${ctx.random.hex(64)}`
    await recordPodEvent(rt, involved(rec), c.name, 'Normal', 'Created', 'Container created')
    c.startedAt = now
    await recordPodEvent(rt, involved(rec), c.name, 'Normal', 'Started', 'Container started')
    await runMain(rt, pod, rec, c)
  }
  const fact = { namespace: rec.namespace, name: rec.name, uid: rec.uid, node: rt.node.name }
  ctx.record({ at: now, type: 'pod.pulled', ...fact })
  ctx.record({ at: now, type: 'pod.started', ...fact })
  rec.phase = 'started'
  if (rec.life) scheduleSync(rt, rec.uid, now + 1000)
  else schedule(rt, now + 1000, KubeletWork.podReady, rec.uid)
}

/** Phase Running, every container ready. */
export async function podReady(rt: KubeletRuntime, rec: PodRecord): Promise<void> {
  const pod = currentPod(rt, rec)
  if (!pod || pod.metadata.deletionTimestamp) return
  await writeStatus(rt, pod, runningStatus(pod, rec, rt.node.internalIP, rt.ctx.clock.now()))
  rec.phase = 'running'
}

/** Deletion seen: `Killing` at once; `sleep` as PID 1 ignores SIGTERM, so the containers stop at the end of the grace period. */
export async function killPod(rt: KubeletRuntime, rec: PodRecord): Promise<void> {
  const { ctx } = rt
  const pod = currentPod(rt, rec)
  if (!pod) return
  cancelPodWork(rt, rec.uid)
  const now = ctx.clock.now()
  const policy = (pod.spec.restartPolicy ?? 'Always') as RestartPolicy
  // only running containers are stopped (a finished or crash-looping one has nothing to stop)
  const running = rec.life ? rec.containers.filter((c) => runningAt(c, policy, now)) : rec.containers
  if ((rec.phase !== 'started' && rec.phase !== 'running') || running.length === 0) {
    await removePod(rt, rec)
    return
  }
  rec.phase = 'terminating'
  for (const c of running) {
    if (rec.life) await countPodEvent(rt, rec, c.name, 'Normal', 'Killing', `Stopping container ${c.name}`, 1)
    else await recordPodEvent(rt, involved(rec), c.name, 'Normal', 'Killing', `Stopping container ${c.name}`)
  }
  const grace = pod.metadata.deletionGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30
  let gone = now + Math.max(2, grace) * 1000
  // a process that ends by itself before the grace period is over (sleep ignores SIGTERM as PID 1)
  const ends = running.map((c) => (c.exit && c.startedAt !== undefined ? runStateAt(c.startedAt, c.exit, policy, now).current.finishedAt : Infinity))
  if (rec.life) gone = Math.min(gone, Math.max(now + 1000, ...ends))
  schedule(rt, gone, KubeletWork.removePod, rec.uid)
}

/** Containers gone: the kubelet removes the pod object (`DELETE` with grace 0 and the pod's uid) and forgets it. */
export async function removePod(rt: KubeletRuntime, rec: PodRecord): Promise<void> {
  const { ctx } = rt
  const pod = currentPod(rt, rec)
  if (pod) {
    await rt.client.request('DELETE', `/api/v1/namespaces/${rec.namespace}/pods/${rec.name}`, {
      kind: 'DeleteOptions', apiVersion: 'v1', gracePeriodSeconds: 0, preconditions: { uid: rec.uid },
    })
    ctx.record({ at: ctx.clock.now(), type: 'pod.deleted', namespace: rec.namespace, name: rec.name, uid: rec.uid, node: rt.node.name })
  }
  forgetPod(rt, rec.uid)
}

/** Drop everything the kubelet keeps for a pod: work, tokens, address. */
export function forgetPod(rt: KubeletRuntime, uid: string): void {
  cancelPodWork(rt, uid)
  rt.tokens.deleteServiceAccountToken(uid)
  releaseIP(rt.state.ipam, uid)
  delete rt.state.pods[uid]
}
