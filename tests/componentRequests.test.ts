// The components' other requests (issue 7): the namespace controller empties and finalizes a
// namespace through the API server as system:serviceaccount:kube-system:namespace-controller, and
// the kubelet sends its events as system:node:worker-0. Expected paths, verbs, identities and
// messages come from the Kubernetes reference (kubernetes-next.md: controller roles, system:node
// rules; kubernetes-objects.md: namespace deletion; NamespaceLifecycle's message), not from a run.
import { describe, expect, it } from 'vitest'
import { labWithApp as seededLabWithApp } from '../src/app/testing'
import type { AuditEntry } from '../src/cluster/audit/audit'

const NS_CONTROLLER = 'system:serviceaccount:kube-system:namespace-controller'
const line = (e: AuditEntry) => `${e.code} ${e.verb} ${e.requestURI}`

async function labWithApp() {
  const lab = await seededLabWithApp('components')
  const run = (l: string) => lab.run(l)
  return { lab, run, audit: () => lab.snapshot().cluster.audit! }
}

describe('the kubelet\'s events', () => {
  it('are created through the API server by the node, and read back by kubectl', async () => {
    const { run, audit } = await labWithApp()
    // core/v1 events (the scheduler's Scheduled event goes to events.k8s.io: schedulerEvent.test.ts)
    const events = audit().filter((e) => e.objectRef?.resource === 'events' && !e.objectRef.apiGroup)
    expect(events.map(line)).toEqual(Array(4).fill('201 create /api/v1/namespaces/sa-demo/events'))
    for (const e of events) {
      expect(e.user).toEqual({ username: 'system:node:worker-0', groups: ['system:nodes', 'system:authenticated'] })
      expect(e.method).toBe('POST')
      expect(e.source).toBe('kubelet')
    }
    const out = (await run("kubectl -n sa-demo get events -o jsonpath='{range .items[*]}{.reason}/{.source.component}{\" \"}{end}'")).stdout
    expect(out).toBe('Scheduled/ Pulling/kubelet Pulled/kubelet Created/kubelet Started/kubelet ')
  })
})

describe('the namespace controller', () => {
  it('deletes the pods, waits, deletes the rest item by item, then finalizes; the Killing event is refused', async () => {
    const { run, audit } = await labWithApp()
    const before = audit().length
    expect((await run('kubectl delete namespace sa-demo')).stdout).toBe('namespace "sa-demo" deleted\n')
    expect((await run('kubectl get ns sa-demo')).stderr).toBe('Error from server (NotFound): namespaces "sa-demo" not found\n')
    const after = audit().slice(before)
    const ctl = after.filter((e) => e.user?.username === NS_CONTROLLER)
    for (const e of ctl) {
      expect(e.user!.groups).toEqual(['system:serviceaccounts', 'system:serviceaccounts:kube-system', 'system:authenticated'])
      expect(e.authorization?.reason).toContain('ClusterRole "system:controller:namespace-controller"')
    }
    const seq = ctl.map(line)
    // first pass: the pod is deleted (gracefully), content remains, the conditions are written
    expect(seq.slice(0, 3)).toEqual([
      '200 list /api/v1/namespaces/sa-demo/pods',
      '200 delete /api/v1/namespaces/sa-demo/pods/app',
      '200 update /api/v1/namespaces/sa-demo/status',
    ])
    // nothing but pods is touched until the kubelet has removed the pod (OrderedNamespaceDeletion)
    const kubeletDelete = after.findIndex((e) => e.user?.username === 'system:node:worker-0' && e.verb === 'delete')
    expect(kubeletDelete).toBeGreaterThan(0)
    const early = after.slice(0, kubeletDelete).filter((e) => e.user?.username === NS_CONTROLLER)
    expect(early.every((e) => e.objectRef?.resource === 'pods' || e.objectRef?.resource === 'namespaces')).toBe(true)
    expect(after[kubeletDelete].at - after.find((e) => e.verb === 'delete')!.at).toBe(30_000)
    // last pass: the namespace's default content goes, then status, then finalize (which removes it)
    const last = seq.slice(seq.lastIndexOf('200 list /api/v1/namespaces/sa-demo/pods'))
    for (const gone of ['configmaps/kube-root-ca.crt', 'serviceaccounts/default']) {
      expect(last).toContain(`200 delete /api/v1/namespaces/sa-demo/${gone}`)
    }
    expect(last.filter((l) => l.startsWith('200 delete /api/v1/namespaces/sa-demo/events/'))).toHaveLength(5)
    expect(last.slice(-2)).toEqual(['200 update /api/v1/namespaces/sa-demo/status', '200 update /api/v1/namespaces/sa-demo/finalize'])
    expect(ctl.at(-1)!.method).toBe('PUT')
    // the kubelet's Killing event arrives in a Terminating namespace: NamespaceLifecycle refuses it
    const killing = after.filter((e) => e.objectRef?.resource === 'events' && e.user?.username === 'system:node:worker-0')
    expect(killing).toHaveLength(1)
    expect(killing[0].code).toBe(403)
    expect(killing[0].responseStatus?.message).toMatch(/^events "app\.[0-9a-f]+" is forbidden: unable to create new content in namespace sa-demo because it is being terminated$/)
  })

  it('plain lab audit keeps showing only the people\'s requests', async () => {
    const { run } = await labWithApp()
    await run('kubectl delete namespace sa-demo')
    const plain = (await run('lab audit 100')).stdout
    expect(plain).not.toContain('namespace-controller')
    expect((await run('lab audit 100 --all')).stdout).toContain('update /api/v1/namespaces/sa-demo/finalize')
  })
})
