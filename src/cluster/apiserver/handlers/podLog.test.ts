// pods/log as the API server and the kubelet answer it (strategy.go validateContainer, kubelet_pods.go
// validateContainerLogStatus): a started container's log (empty: the lab's containers print nothing), the
// BadRequest texts for an unknown container and for a missing previous instance, and RBAC on pods/log.

import { describe, expect, it } from 'vitest'
import { createLab } from '../../../app/lab'

describe('GET pods/NAME/log', () => {
  it('serves the log of a running container and refuses what the kubelet refuses', async () => {
    const lab = await createLab({ seed: 'pod-log' })
    await lab.run('kubectl run app --image=registry.k8s.io/e2e-test-images/agnhost:2.45 --command -- sleep 100000')
    await lab.run('lab advance 10s')
    const ok = await lab.run('kubectl get --raw /api/v1/namespaces/default/pods/app/log')
    expect([ok.stdout, ok.exitCode]).toEqual(['', 0])
    const bad = await lab.run('kubectl logs app -c nope')
    expect(bad.stderr).toBe('Error from server (BadRequest): container nope is not valid for pod app\n')
    const prev = await lab.run('kubectl logs app --previous')
    expect(prev.stderr).toBe('Error from server (BadRequest): previous terminated container "app" in pod "app" not found\n')
    const audit = await lab.run('kubectl logs app -v=6 2>&1 | grep /log')
    expect(audit.stdout).toMatch(/"Response" verb="GET" url="https:\/\/[^"]+\/api\/v1\/namespaces\/default\/pods\/app\/log\?container=app" status="200 OK"/)
  })
  it('is authorized as pods/log: view may read logs, a user who may only get pods gets 403', async () => {
    const lab = await createLab({ seed: 'pod-log' })
    await lab.run('kubectl run app --image=registry.k8s.io/e2e-test-images/agnhost:2.45 --command -- sleep 100000')
    await lab.run('lab advance 10s')
    await lab.run('kubectl create rolebinding v --clusterrole=view --user=jane')
    expect((await lab.run('kubectl logs app --as=jane')).exitCode).toBe(0)
    await lab.run('kubectl create role podget --verb=get --resource=pods')
    await lab.run('kubectl create rolebinding b --role=podget --user=bob')
    const denied = await lab.run('kubectl logs app --as=bob')
    expect(denied.stderr).toBe('Error from server (Forbidden): pods "app" is forbidden: User "bob" cannot get resource "pods/log" in API group "" in the namespace "default"\n')
  })
})
