// A seedless lab's clock moves between commands, so undo takes the lab's state before each one, and
// the save after it. A kubelet's state is copied for them only when it may have changed since its
// last copy (kubelet.ts): the copy they share must never be stale, whatever changed the kubelet.
import { describe, expect, it } from 'vitest'
import type { Lab } from './lab'
import { labWithApp } from './testing'
import type { Cluster } from '../cluster/cluster'

const kubelets = (lab: Lab, shared: boolean) => (lab as unknown as { cluster: Cluster }).cluster.snapshot({ shared }).kubelets

describe("the kubelets' shared copies", () => {
  it('are the kubelet states as they are after every kind of change', async () => {
    const lab = await labWithApp('1')
    // [line, whether it changes a kubelet's state]
    const steps: [string, boolean][] = [
      ['kubectl get ns', false],
      ['kubectl -n sa-demo exec app -- ls /', true], // the exec's process takes a PID
      ['lab advance 50m', false], // refreshes are computed, not made, until someone reads the token
      ['kubectl -n sa-demo exec app -- cat /var/run/secrets/kubernetes.io/serviceaccount/token', true], // refreshed as it is read
      ['kubectl -n sa-demo exec -it app -- sh', true],
      ['ls /', false], // an applet runs in the shell's own process here
      ['sleep 5 &', true], // a job takes a PID from the open shell, after the exec began
      ['ps', true], // and so does ps's own process
      ['exit', false],
      ['kubectl -n sa-demo run two --image=busybox:1.36 -- sleep 100000', true], // the kubelet sees the pod
      ['lab advance 30s', true], // and starts it
      ['kubectl -n sa-demo delete pod two --wait=false', true],
      ['lab advance 2m', true], // killed and removed
    ]
    for (const [line, changes] of steps) {
      const before = kubelets(lab, true)
      const r = await lab.run(line)
      expect(r.exitCode, `${line}: ${r.stderr}`).toBe(0)
      const after = kubelets(lab, true)
      expect(after, line).toEqual(kubelets(lab, false))
      if (changes) expect(after, line).not.toEqual(before)
      else expect(after, line).toEqual(before)
    }
  }, 60_000)

  it('are copied again only when the kubelet changed, and frozen', async () => {
    const lab = await labWithApp('1')
    const first = kubelets(lab, true)
    await lab.run('kubectl -n sa-demo get pods')
    await lab.run('echo hello > /tmp/x')
    const second = kubelets(lab, true)
    expect(Object.keys(first).length).toBeGreaterThan(0)
    for (const node of Object.keys(first)) {
      expect(second[node], node).toBe(first[node])
      expect(Object.isFrozen(first[node])).toBe(true)
    }
    // a copy of its own is not shared, nor frozen
    const own = kubelets(lab, false)
    for (const node of Object.keys(first)) {
      expect(own[node]).not.toBe(first[node])
      expect(Object.isFrozen(own[node])).toBe(false)
    }
  })

  it('are made again only for the pod that changed: its record and its tokens', async () => {
    const more = ['o1', 'o2'].flatMap((n) => [`kubectl -n sa-demo run ${n} --image=busybox:1.36 -- sleep 100000`, `kubectl -n sa-demo wait --for=condition=Ready pod/${n}`])
    const lab = await labWithApp('1', more)
    type Node = { pods: Record<string, { name: string }>; tokens: Record<string, { podUID: string }> }
    const first = kubelets(lab, true) as Record<string, Node>
    // app and a pod beside it on the same node
    const node = Object.keys(first).find((n) => Object.values(first[n]!.pods).some((p) => p.name === 'app'))!
    const uid = (name: string) => Object.entries(first[node]!.pods).find(([, p]) => p.name === name)?.[0]
    const app = uid('app')!
    const beside = Object.keys(first[node]!.pods).find((u) => u !== app)!
    expect(beside).toBeDefined()
    await lab.run('kubectl -n sa-demo exec app -- ls /') // app's container takes a PID
    const second = kubelets(lab, true) as Record<string, Node>
    expect(second).toEqual(kubelets(lab, false))
    expect(second[node]!.pods[app]).not.toBe(first[node]!.pods[app])
    expect(second[node]!.pods[beside]).toBe(first[node]!.pods[beside])
    const tokensOf = (k: Record<string, Node>, u: string) => Object.entries(k[node]!.tokens).filter(([, e]) => e.podUID === u)
    expect(tokensOf(first, beside).length).toBeGreaterThan(0)
    for (const [id, e] of tokensOf(second, beside)) expect(e).toBe(first[node]!.tokens[id])
    for (const [id, e] of tokensOf(second, app)) expect(e).not.toBe(first[node]!.tokens[id])
  }, 60_000)
})
