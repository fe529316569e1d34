// A lab with pods that restart, finish and fail to pull is saved and restored through the one
// schema (checkSnapshot) without losing the kubelet's record of them: both labs go on alike.
import { describe, expect, it } from 'vitest'
import { createLab } from './lab'
import { checkSnapshot } from './schema'

describe('the schema and pods that come and go', () => {
  it('keeps restarts, finished pods and failing pulls across a save', async () => {
    const lab = await createLab({ seed: 'life' })
    await lab.run('kubectl run bad --image=nosuchimage')
    await lab.run('kubectl run done --image=busybox --restart=Never -- sleep 5')
    await lab.run("kubectl run loop --image=busybox -- sh -c 'sleep 2; exit 1'")
    await lab.run('kubectl run never --image=alpine:3.20 --image-pull-policy=Never -- sleep 60')
    await lab.advance('1m')
    const saved = JSON.parse(JSON.stringify(lab.snapshot()))
    const r = checkSnapshot(saved)
    expect(r.ok ? 'ok' : r.reason).toBe('ok')
    if (!r.ok) return
    // nothing of the kubelets' records is dropped by the schema
    expect(r.snapshot.cluster.kubelets).toEqual(saved.cluster.kubelets)
    const pods = Object.values((r.snapshot.cluster.kubelets as Record<string, { pods: Record<string, { name: string; life?: boolean; phase: string }> }>))
      .flatMap((k) => Object.values(k.pods))
    expect(pods.map((p) => `${p.name}:${p.phase}:${p.life}`).sort()).toEqual(['bad:creating:true', 'done:finished:true', 'loop:running:true', 'never:creating:true'])
    const copy = await createLab({ seed: 'other' })
    await copy.restore(r.snapshot)
    await lab.advance('10m')
    await copy.advance('10m')
    const a = await lab.run('kubectl get pods; kubectl get events')
    const b = await copy.run('kubectl get pods; kubectl get events')
    expect(b.stdout).toBe(a.stdout)
    expect(a.stdout).toMatch(/loop +0\/1 +CrashLoopBackOff +\d+ \(/)
  })
})
