import { describe, expect, it } from 'vitest'
import { Kubelet } from './kubelet'
import { createSigner } from '../serviceaccount/signer'
import { AGNHOST, T0, makeContext, podObject, seedCluster, nodeClient } from './testing'
import type { KObject } from '../api/meta'

async function setup(seed = 'k') {
  const ctx = makeContext(seed)
  seedCluster(ctx)
  const signer = await createSigner({ deterministic: true })
  const kubelets = ctx.config.nodes.map((n) => new Kubelet(ctx, nodeClient(ctx, signer, n.name), n))
  return { ctx, signer, kubelet: kubelets[0], kubelets }
}

const events = (ctx: ReturnType<typeof makeContext>) =>
  ctx.store.list('events', 'sa-demo').sort((a, b) => Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion))
const status = (p: KObject) => p.status as any

describe('kubelet pod timeline', () => {
  it('T+1 first status and Pulling, T+4 Pulled/Created/Started, T+5 Running and Ready', async () => {
    const { ctx } = await setup()
    ctx.store.create('pods', podObject(ctx))
    const uid = ctx.store.get('pods', 'sa-demo', 'app')!.metadata.uid
    const boundRV = ctx.store.get('pods', 'sa-demo', 'app')!.metadata.resourceVersion

    await ctx.runDue(T0 + 1000)
    let pod = ctx.store.get('pods', 'sa-demo', 'app')!
    const s1 = status(pod)
    expect(s1.phase).toBe('Pending')
    expect(s1.observedGeneration).toBe(1)
    expect(s1.conditions.map((c: any) => `${c.type}=${c.status}@${c.lastTransitionTime}`)).toEqual([
      'PodReadyToStartContainers=False@2026-11-29T15:31:58Z',
      'Initialized=True@2026-11-29T15:31:57Z',
      'Ready=False@2026-11-29T15:31:58Z',
      'ContainersReady=False@2026-11-29T15:31:58Z',
      'PodScheduled=True@2026-11-29T15:31:57Z',
    ])
    expect(s1.conditions[2]).toEqual({ type: 'Ready', observedGeneration: 1, status: 'False', lastProbeTime: null, lastTransitionTime: '2026-11-29T15:31:58Z', reason: 'ContainersNotReady', message: 'containers with unready status: [app]' })
    expect(s1.hostIP).toBe('10.0.1.20')
    expect(s1.hostIPs).toEqual([{ ip: '10.0.1.20' }])
    expect(s1.podIP).toBeUndefined()
    expect(s1.startTime).toBe('2026-11-29T15:31:57Z')
    expect(s1.qosClass).toBe('BestEffort')
    expect(s1.containerStatuses).toEqual([{
      name: 'app', state: { waiting: { reason: 'ContainerCreating' } }, lastState: {}, ready: false, restartCount: 0,
      image: AGNHOST, imageID: '', started: false,
      volumeMounts: [{ name: expect.stringMatching(/^kube-api-access-/), mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true, recursiveReadOnly: 'Disabled' }],
    }])
    let ev = events(ctx)
    expect(ev.map((e) => `${e.reason}: ${e.message}`)).toEqual([`Pulling: Pulling image "${AGNHOST}"`])
    expect(ev[0]).toMatchObject({
      kind: 'Event', apiVersion: 'v1', count: 1, type: 'Normal', eventTime: null,
      firstTimestamp: '2026-11-29T15:31:58Z', lastTimestamp: '2026-11-29T15:31:58Z',
      source: { component: 'kubelet', host: 'worker-0' }, reportingComponent: 'kubelet', reportingInstance: 'worker-0',
      involvedObject: { kind: 'Pod', namespace: 'sa-demo', name: 'app', uid, apiVersion: 'v1', resourceVersion: boundRV, fieldPath: 'spec.containers{app}' },
    })
    expect(ev[0].metadata.name).toMatch(/^app\.[0-9a-f]{16}$/)
    expect(BigInt('0x' + ev[0].metadata.name.slice(4)) / 1_000_000n).toBe(BigInt(T0 + 1000))
    expect(ctx.facts.filter((f) => f.type === 'token.issued')).toEqual([expect.objectContaining({ source: 'kubelet', iat: (T0 + 1000) / 1000 })])

    await ctx.runDue(T0 + 4000)
    ev = events(ctx)
    expect(ev.map((e) => `${e.reason}: ${e.message} @${e.lastTimestamp}`)).toEqual([
      `Pulling: Pulling image "${AGNHOST}" @2026-11-29T15:31:58Z`,
      `Pulled: Successfully pulled image "${AGNHOST}" in 2.853s (2.853s including waiting). Image size: 51234567 bytes. @2026-11-29T15:32:01Z`,
      'Created: Container created @2026-11-29T15:32:01Z',
      'Started: Container started @2026-11-29T15:32:01Z',
    ])
    expect(ctx.facts.filter((f) => f.type.startsWith('pod.')).map((f) => `${f.type}@${f.at - T0}`)).toEqual(['pod.pulled@4000', 'pod.started@4000'])

    await ctx.runDue(T0 + 5000)
    pod = ctx.store.get('pods', 'sa-demo', 'app')!
    const s = status(pod)
    expect(Object.keys(s)).toEqual(['observedGeneration', 'phase', 'conditions', 'hostIP', 'hostIPs', 'podIP', 'podIPs', 'startTime', 'containerStatuses', 'qosClass'])
    expect(s.phase).toBe('Running')
    expect(s.podIP).toBe('10.200.0.2')
    expect(s.podIPs).toEqual([{ ip: '10.200.0.2' }])
    expect(s.conditions.map((c: any) => `${c.type}=${c.status}@${c.lastTransitionTime}`)).toEqual([
      'PodReadyToStartContainers=True@2026-11-29T15:32:02Z',
      'Initialized=True@2026-11-29T15:31:57Z',
      'Ready=True@2026-11-29T15:32:02Z',
      'ContainersReady=True@2026-11-29T15:32:02Z',
      'PodScheduled=True@2026-11-29T15:31:57Z',
    ])
    const cs = s.containerStatuses[0]
    expect(Object.keys(cs)).toEqual(['name', 'state', 'lastState', 'ready', 'restartCount', 'image', 'imageID', 'containerID', 'started', 'resources', 'volumeMounts', 'user'])
    expect(cs.state).toEqual({ running: { startedAt: '2026-11-29T15:32:01Z' } })
    expect(cs.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/)
    expect(cs.imageID).toMatch(/^registry\.k8s\.io\/e2e-test-images\/agnhost@sha256:[0-9a-f]{64}$/)
    expect(cs.user).toEqual({ linux: { uid: 0, gid: 0, supplementalGroups: [0, 1, 2, 3, 4, 6, 10, 11, 20, 26, 27] } })
    expect(cs).toMatchObject({ ready: true, started: true, restartCount: 0, resources: {}, lastState: {} })
  })

  it('a second pod on the node gets the next address and the already-present image message', async () => {
    const { ctx } = await setup()
    ctx.store.create('pods', podObject(ctx))
    await ctx.runDue(T0 + 10_000)
    ctx.store.create('pods', podObject(ctx, { name: 'app2' }))
    await ctx.runDue(T0 + 11_000)
    const ev = events(ctx).filter((e) => (e.involvedObject as any).name === 'app2')
    expect(ev.map((e) => e.reason)).toEqual([])
    await ctx.runDue(T0 + 13_000)
    const ev2 = events(ctx).filter((e) => (e.involvedObject as any).name === 'app2')
    expect(ev2.map((e) => `${e.reason}: ${e.message}`)).toEqual([
      `Pulled: Container image "${AGNHOST}" already present on machine and can be accessed by the pod`,
      'Created: Container created',
      'Started: Container started',
    ])
    const p1 = status(ctx.store.get('pods', 'sa-demo', 'app')!)
    const p2 = status(ctx.store.get('pods', 'sa-demo', 'app2')!)
    expect(p2.phase).toBe('Running')
    expect([p1.podIP, p2.podIP]).toEqual(['10.200.0.2', '10.200.0.3'])
    expect(p2.containerStatuses[0].imageID).toBe(p1.containerStatuses[0].imageID)
  })

  it('pods bound to worker-1 are started by its kubelet with its addresses', async () => {
    const { ctx } = await setup()
    ctx.store.create('pods', podObject(ctx, { node: 'worker-1' }))
    await ctx.runDue(T0 + 6000)
    const s = status(ctx.store.get('pods', 'sa-demo', 'app')!)
    expect(s.hostIP).toBe('10.0.1.21')
    expect(s.podIP).toBe('10.200.1.2')
  })

  it('graceful deletion: Killing at once, the pod object removed after 30 s, tokens dropped', async () => {
    const { ctx, kubelet } = await setup()
    ctx.store.create('pods', podObject(ctx))
    await ctx.runDue(T0 + 10_000)
    const pod = ctx.store.get('pods', 'sa-demo', 'app')!
    const uid = pod.metadata.uid
    // what the registry does on DELETE with the default grace period
    ctx.store.update('pods', { ...pod, metadata: { ...pod.metadata, deletionTimestamp: '2026-11-29T15:32:37Z', deletionGracePeriodSeconds: 30 } })
    await ctx.runDue(T0 + 10_000)
    const killing = events(ctx).at(-1)!
    expect(killing).toMatchObject({ reason: 'Killing', message: 'Stopping container app', lastTimestamp: '2026-11-29T15:32:07Z' })
    await ctx.runDue(T0 + 39_999)
    expect(ctx.store.get('pods', 'sa-demo', 'app')).toBeDefined()
    expect(await kubelet.exec('sa-demo', 'app', undefined, ['true'])).toMatchObject({ kind: 'ExecResult', exitCode: 0 })
    await ctx.runDue(T0 + 40_000)
    expect(ctx.store.get('pods', 'sa-demo', 'app')).toBeUndefined()
    expect(ctx.facts.at(-1)).toEqual({ at: T0 + 40_000, type: 'pod.deleted', namespace: 'sa-demo', name: 'app', uid, node: 'worker-0' })
    const st = kubelet.snapshot() as any
    expect(st.pods).toEqual({})
    expect(st.tokens).toEqual({})
    expect(st.ipam.byPod).toEqual({})
    expect(ctx.clock.pending().filter((w) => w.type.startsWith('kubelet.'))).toEqual([])
  })

  it('the kubelet never writes inside the watch: creating a pod only schedules work', async () => {
    const { ctx } = await setup()
    const before = ctx.store.snapshot().resourceVersion
    ctx.store.create('pods', podObject(ctx))
    expect(ctx.store.snapshot().resourceVersion).toBe(before + 1)
    expect(ctx.clock.pending().map((w) => [w.type, w.at - T0])).toEqual([['kubelet.startPod', 1000]])
  })

  it('is deterministic with a seed, and snapshot/restore continues the same way', async () => {
    const run = async () => {
      const { ctx, kubelet } = await setup('same')
      ctx.store.create('pods', podObject(ctx))
      await ctx.runDue(T0 + 6000)
      return { pod: ctx.store.get('pods', 'sa-demo', 'app'), events: events(ctx), state: JSON.stringify(kubelet.snapshot()), facts: ctx.facts }
    }
    const a = await run()
    const b = await run()
    expect(b).toEqual(a)
  })
})
