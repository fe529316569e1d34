// The scheduler binds a pod through the API server (issue 7): `POST pods/NAME/binding` as
// system:kube-scheduler (its bootstrap role grants `create` on pods/binding), recorded in the audit;
// a second binding of a bound pod is BindingREST's Conflict. Expected identities and messages come
// from kubernetes-next.md (kubeadm identities, system:kube-scheduler) and
// pkg/registry/core/pod/storage/storage.go (setPodNodeAndMetadata, assignPod), not from a run.
import { describe, expect, it } from 'vitest'
import { labWithApp } from '../src/app/testing'
import { asAdmin, labWithPod } from '../src/cluster/apiserver/testing'

describe('the scheduler', () => {
  it('binds the pod through the API server as system:kube-scheduler; a second binding is a Conflict', async () => {
    const lab = await labWithApp('scheduler')
    const bindings = lab.snapshot().cluster.audit!.filter((e) => e.objectRef?.subresource === 'binding')
    expect(bindings.map((e) => `${e.code} ${e.method} ${e.requestURI} ${e.user?.username} ${e.source}`)).toEqual([
      '201 POST /api/v1/namespaces/sa-demo/pods/app/binding system:kube-scheduler kube-scheduler',
    ])
    expect(bindings[0].userAgent).toMatch(/^kube-scheduler\/v1\.35\.\d+ \(linux\/amd64\) kubernetes\/[0-9a-f]{7}\/scheduler$/)
    expect((await lab.run('kubectl -n sa-demo get pod app -o jsonpath={.spec.nodeName}')).stdout).toBe('worker-0')

  })

  it('refuses a second binding of a bound pod with BindingREST\'s Conflict', async () => {
    const c = await labWithPod('scheduler')
    const again = await asAdmin(c, 'POST', '/api/v1/namespaces/sa-demo/pods/app/binding', { apiVersion: 'v1', kind: 'Binding', metadata: { name: 'app' }, target: { kind: 'Node', name: 'worker-1' } })
    expect(again.status).toBe(409)
    expect(again.body).toMatchObject({ kind: 'Status', status: 'Failure', reason: 'Conflict', code: 409, message: 'Operation cannot be fulfilled on pods/binding "app": pod app is already assigned to node "worker-0"' })
  })
})
