// The kubelet's sync of pods whose containers end or whose image does not exist, against the
// Kubernetes sources: the waiting reasons and messages (pkg/kubelet/images/image_manager.go:
// `Back-off pulling image %q`, `Failed to pull image %q: %v`; kuberuntime_container.go
// startContainer: `Error: %v` with ErrImagePull / ImagePullBackOff; kuberuntime_manager.go
// doBackOff: `back-off %s restarting failed container=%s pod=%s`, event `Back-off restarting failed
// container %s in pod %s` with format.Pod = name_namespace(uid)), the phase (kubelet_pods.go
// getPhase) and the conditions (status/generate.go: PodCompleted, PodFailed, ContainersNotReady).
import { describe, expect, it } from 'vitest'
import { Kubelet } from './kubelet'
import { createSigner } from '../serviceaccount/signer'
import { T0, makeContext, podObject, seedCluster, nodeClient } from './testing'
import type { KObject } from '../api/meta'

async function setup() {
  const ctx = makeContext('life')
  seedCluster(ctx)
  const signer = await createSigner({ deterministic: true })
  const kubelet = new Kubelet(ctx, nodeClient(ctx, signer, 'worker-0'), ctx.config.nodes[0])
  return { ctx, kubelet }
}

function pod(ctx: ReturnType<typeof makeContext>, name: string, image: string, args: string[] | undefined, restartPolicy: string): KObject {
  const p = podObject(ctx, { name, image, token: false }) as any
  delete p.spec.containers[0].command
  if (args) p.spec.containers[0].args = args
  p.spec.restartPolicy = restartPolicy
  return p
}

const status = (ctx: ReturnType<typeof makeContext>, name: string) => ctx.store.get('pods', 'sa-demo', name)!.status as any
const events = (ctx: ReturnType<typeof makeContext>) => ctx.store.list('events', 'sa-demo').map((e: any) => `${e.type} ${e.reason} x${e.count}: ${e.message}`)
const conds = (s: any) => s.conditions.map((c: any) => `${c.type}=${c.status}${c.reason ? `/${c.reason}` : ''}`)

describe('pods that live as pods do', () => {
  it('an image that does not exist: ErrImagePull, then ImagePullBackOff, pulls counted up', async () => {
    const { ctx } = await setup()
    ctx.store.create('pods', pod(ctx, 'bad', 'nosuchimage', undefined, 'Always'))
    await ctx.runDue(T0 + 2000)
    let s = status(ctx, 'bad')
    expect(s.phase).toBe('Pending')
    expect(s.containerStatuses[0].state.waiting.reason).toBe('ErrImagePull')
    expect(s.containerStatuses[0].state.waiting.message).toMatch(/^rpc error: code = Unknown desc = failed to pull and unpack image "docker.io\/library\/nosuchimage:latest"/)
    expect(s.containerStatuses[0].image).toBe('nosuchimage')
    await ctx.runDue(T0 + 3000)
    s = status(ctx, 'bad')
    expect(s.containerStatuses[0].state.waiting).toEqual({ reason: 'ImagePullBackOff', message: 'Back-off pulling image "nosuchimage"' })
    expect(conds(s)).toEqual(['PodReadyToStartContainers=True', 'Initialized=True', 'Ready=False/ContainersNotReady', 'ContainersReady=False/ContainersNotReady', 'PodScheduled=True'])
    // pulls at T+1, T+12 (10 s after the failure at T+2), T+33 (20 s after T+13)
    await ctx.runDue(T0 + 40_000)
    expect(events(ctx)).toEqual([
      'Normal Pulling x3: Pulling image "nosuchimage"',
      expect.stringMatching(/^Warning Failed x3: Failed to pull image "nosuchimage": rpc error: code = Unknown/),
      'Warning Failed x3: Error: ErrImagePull',
      'Normal BackOff x3: Back-off pulling image "nosuchimage"',
      'Warning Failed x3: Error: ImagePullBackOff',
    ])
  })

  it('restartPolicy Never and sleep 5: Succeeded, Terminated Completed, conditions PodCompleted', async () => {
    const { ctx } = await setup()
    ctx.store.create('pods', pod(ctx, 'done', 'busybox', ['sleep', '5'], 'Never'))
    await ctx.runDue(T0 + 6000)
    expect(status(ctx, 'done').phase).toBe('Running')
    await ctx.runDue(T0 + 60_000)
    const s = status(ctx, 'done')
    expect(s.phase).toBe('Succeeded')
    const t = s.containerStatuses[0].state.terminated
    expect(t).toMatchObject({ exitCode: 0, reason: 'Completed' })
    expect(Date.parse(t.finishedAt) - Date.parse(t.startedAt)).toBe(5000)
    expect(s.containerStatuses[0]).toMatchObject({ ready: false, started: false, restartCount: 0, lastState: {} })
    expect(conds(s)).toEqual(['PodReadyToStartContainers=False', 'Initialized=True/PodCompleted', 'Ready=False/PodCompleted', 'ContainersReady=False/PodCompleted', 'PodScheduled=True'])
    expect(ctx.clock.pending().filter((w) => w.type === 'kubelet.syncPod')).toEqual([])
  })

  it("restartPolicy Never and sh -c 'exit 3': Failed, Terminated Error with exit code 3", async () => {
    const { ctx } = await setup()
    ctx.store.create('pods', pod(ctx, 'fail', 'busybox', ['sh', '-c', 'exit 3'], 'Never'))
    await ctx.runDue(T0 + 60_000)
    const s = status(ctx, 'fail')
    expect(s.phase).toBe('Failed')
    expect(s.containerStatuses[0].state.terminated).toMatchObject({ exitCode: 3, reason: 'Error' })
    expect(conds(s)).toEqual(['PodReadyToStartContainers=False', 'Initialized=True', 'Ready=False/PodFailed', 'ContainersReady=False/PodFailed', 'PodScheduled=True'])
  })

  it('restartPolicy OnFailure and exit 0: Succeeded without restarts', async () => {
    const { ctx } = await setup()
    ctx.store.create('pods', pod(ctx, 'ok', 'busybox', ['sh', '-c', 'exit 0'], 'OnFailure'))
    await ctx.runDue(T0 + 60_000)
    expect(status(ctx, 'ok')).toMatchObject({ phase: 'Succeeded', containerStatuses: [{ restartCount: 0 }] })
  })

  it('restartPolicy Always: restarts, CrashLoopBackOff with the back-off in its message, lastState, BackOff events', async () => {
    const { ctx } = await setup()
    ctx.store.create('pods', pod(ctx, 'loop', 'busybox', ['sh', '-c', 'sleep 2; exit 1'], 'Always'))
    const uid = ctx.store.get('pods', 'sa-demo', 'loop')!.metadata.uid
    // started at T+2 (image present? no: pulled, T+4); exits T+6; restart 1 at T+7; exits T+9; back-off from T+10 until T+19
    await ctx.runDue(T0 + 12_000)
    const s = status(ctx, 'loop')
    expect(s.phase).toBe('Running')
    const c = s.containerStatuses[0]
    expect(c.state.waiting).toEqual({ reason: 'CrashLoopBackOff', message: `back-off 10s restarting failed container=loop pod=loop_sa-demo(${uid})` })
    expect(c.lastState.terminated).toMatchObject({ exitCode: 1, reason: 'Error' })
    expect(c.restartCount).toBe(1)
    expect(c.containerID).toBe(c.lastState.terminated.containerID)
    expect(conds(s)).toEqual(['PodReadyToStartContainers=True', 'Initialized=True', 'Ready=False/ContainersNotReady', 'ContainersReady=False/ContainersNotReady', 'PodScheduled=True'])
    expect(events(ctx)).toContain(`Warning BackOff x1: Back-off restarting failed container loop in pod loop_sa-demo(${uid})`)
    await ctx.runDue(T0 + 20_000)
    expect(status(ctx, 'loop').containerStatuses[0]).toMatchObject({ restartCount: 2, state: { running: {} }, ready: true })
    expect(events(ctx)).toContain('Normal Created x3: Container created')
  })

  it('imagePullPolicy Never and an image not on the node: ErrImageNeverPull (image_manager.go imagePullPrecheck)', async () => {
    const { ctx } = await setup()
    const p = pod(ctx, 'never', 'alpine:3.20', ['sleep', '60'], 'Always') as any
    p.spec.containers[0].imagePullPolicy = 'Never'
    ctx.store.create('pods', p)
    await ctx.runDue(T0 + 30_000)
    expect(status(ctx, 'never').containerStatuses[0].state.waiting).toEqual({ reason: 'ErrImageNeverPull', message: 'Container image "alpine:3.20" is not present with pull policy of Never' })
    expect(events(ctx)).toEqual(['Warning ErrImageNeverPull x1: Container image "alpine:3.20" is not present with pull policy of Never', 'Warning Failed x1: Error: ErrImageNeverPull'])
  })

  it('imagePullPolicy Always pulls at every restart; IfNotPresent finds the image already present', async () => {
    const { ctx } = await setup()
    const always = pod(ctx, 'always', 'busybox', ['sh', '-c', 'exit 1'], 'Always') as any
    always.spec.containers[0].imagePullPolicy = 'Always'
    const cached = pod(ctx, 'cached', 'busybox:1.36', ['sh', '-c', 'exit 1'], 'Always') as any
    cached.spec.containers[0].imagePullPolicy = 'IfNotPresent'
    ctx.store.create('pods', always)
    ctx.store.create('pods', cached)
    await ctx.runDue(T0 + 20_000)
    const ev = events(ctx)
    const starts = status(ctx, 'always').containerStatuses[0].restartCount + 1
    expect(ev).toContain(`Normal Pulling x${starts}: Pulling image "busybox"`)
    expect(ev.filter((e) => e.includes('already present'))).toEqual([expect.stringMatching(/^Normal Pulled x\d+: Container image "busybox:1.36" already present on machine and can be accessed by the pod$/)])
  })

  it('a year of crash loop costs a handful of syncs, and the counts come out of the formula', async () => {
    const { ctx, kubelet } = await setup()
    ctx.store.create('pods', pod(ctx, 'loop', 'busybox', ['sh', '-c', 'exit 1'], 'Always'))
    await ctx.runDue(T0 + 60_000)
    const year = T0 + 365 * 86_400_000
    kubelet.fastForward(year)
    const ran = await ctx.runDue(year)
    expect(ran).toBeLessThan(5)
    const c = status(ctx, 'loop').containerStatuses[0]
    // 7 restarts up to the 300 s cap, then one per 301 s (1 s sync + 300 s back-off) of a 0 s run
    expect(c.restartCount).toBeGreaterThan(104_000)
    expect(events(ctx)).toContain(`Normal Started x${c.restartCount + 1}: Container started`)
  })
})
