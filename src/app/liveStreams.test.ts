// A live command reads one stream, opened by one request: `kubectl get -w` lists, then opens a
// watch (GET ...?resourceVersion=RV&watch=true, authorized for the verb watch); `kubectl logs -f`
// opens the log with follow=true; `kubectl attach` its attach stream; `kubectl wait` (and delete's
// wait) reads the object, then opens one watch on it as client-go's informer does. What the stream
// carries afterwards, round after round, is not a request: the audit record, the requests on the
// timeline (facts) and kubectl -v=6 show the opening requests once, however long the command runs.
// (kubectl: pkg/cmd/get/get.go watch, cli-runtime's Result.Watch and Helper.WatchSingle,
// pkg/cmd/wait; client-go's Reflector.watchList.)
import { beforeAll, describe, expect, it } from 'vitest'
import type { Lab } from './lab'
import { pacedRun } from './pacedTesting'
import { labWithApp } from './testing'

let lab: Lab
beforeAll(async () => {
  lab = await labWithApp('streams', [
    `kubectl -n sa-demo run counter --image=busybox:1.28 -- /bin/sh -c 'i=0; while true; do echo "$i"; i=$((i+1)); sleep 1; done'`,
    'kubectl -n sa-demo wait --for=condition=Ready pod/counter',
    'kubectl -n sa-demo create sa lister',
    'kubectl -n sa-demo create role lister --verb=get,list --resource=pods',
    'kubectl -n sa-demo create rolebinding lister --role=lister --serviceaccount=sa-demo:lister',
  ])
}, 60_000)

/** Runs a live line for `rounds` rounds (then Ctrl+C); what it requested meanwhile: audit entries and request facts. */
async function live(line: string, rounds: number) {
  const audited = lab.audit().length
  const facts = lab.facts().length
  const r = await pacedRun(lab, line, rounds + 1)
  const entries = lab.audit().slice(audited)
  const requests = entries.map((e) => `${e.verb} ${e.requestURI}`)
  // kubectl's discovery first, each time (the lab's kubectl keeps no discovery cache)
  expect(requests[0]).toBe('get /api?timeout=32s')
  return { ...r, requests: requests.slice(1), facts: lab.facts().slice(facts).filter((f) => f.type === 'request').length - 1 }
}

describe('kubectl get --watch', () => {
  it('lists once and opens one watch from the list\'s resourceVersion, whatever the number of rounds', async () => {
    const r = await live('kubectl -n sa-demo get pods -w', 4)
    expect(r.waits).toBe(5)
    const rv = /resourceVersion=(\d+)&watch=true$/.exec(r.requests[1])?.[1]
    expect(r.requests).toEqual(['list /api/v1/namespaces/sa-demo/pods?limit=500', `watch /api/v1/namespaces/sa-demo/pods?resourceVersion=${rv}&watch=true`])
    expect(Number(rv)).toBeGreaterThan(0)
    expect(r.facts).toBe(2)
  })

  it('-v=6 logs the list and the watch, each once', async () => {
    const r = await live('kubectl -n sa-demo get pods -w -v=6', 3)
    const trips = r.stderr.split('\n').filter((l) => l.includes('"Response"')).map((l) => /url="([^"]+)"/.exec(l)?.[1])
    expect(trips).toEqual(['https://10.0.1.10:6443/api/v1/namespaces/sa-demo/pods?limit=500', expect.stringMatching(/^https:\/\/10\.0\.1\.10:6443\/api\/v1\/namespaces\/sa-demo\/pods\?resourceVersion=\d+&watch=true$/)])
  })

  it('a named object is watched through its own field selector, from resourceVersion 0; a label selector goes with the watch', async () => {
    expect((await live('kubectl -n sa-demo get pod app -w', 2)).requests).toEqual([
      'get /api/v1/namespaces/sa-demo/pods/app',
      'watch /api/v1/namespaces/sa-demo/pods?fieldSelector=metadata.name%3Dapp&resourceVersion=0&watch=true',
    ])
    const r = await live('kubectl -n sa-demo get pods -l run=counter -w', 2)
    expect(r.requests[1]).toMatch(/^watch \/api\/v1\/namespaces\/sa-demo\/pods\?labelSelector=run%3Dcounter&resourceVersion=\d+&watch=true$/)
  })

  it('a role that may list but not watch gets the list, then the 403 for the watch (status 1)', async () => {
    const r = await live('kubectl -n sa-demo get pods -w --as=system:serviceaccount:sa-demo:lister', 3)
    expect(r.stdout).toMatch(/^NAME +READY +STATUS +RESTARTS +AGE\napp +1\/1 +Running/)
    expect(r.stderr).toBe('Error from server (Forbidden): pods is forbidden: User "system:serviceaccount:sa-demo:lister" cannot watch resource "pods" in API group "" in the namespace "sa-demo"\n')
    expect(r.exitCode).toBe(1)
    // it never went live
    expect(r.waits).toBe(0)
  })

  it('two named objects: both printed, then kubectl refuses to watch more than one source', async () => {
    const r = await live('kubectl -n sa-demo get pod app counter -w', 2)
    expect(r.stdout).toMatch(/^NAME +READY +STATUS +RESTARTS +AGE\napp +1\/1 +Running +0 +\S+\ncounter +1\/1 +Running/)
    expect(r.stderr).toBe('error: you may only watch a single resource or type of resource at a time\n')
    expect(r.exitCode).toBe(1)
  })
})

describe('kubectl logs -f and kubectl attach', () => {
  it('logs -f reads the pod and opens the log once; what the container prints meanwhile comes on that stream', async () => {
    const r = await live('kubectl -n sa-demo logs -f counter', 4)
    // the lines printed during the rounds came through
    const printed = r.stdout.split('\n').filter((l) => l !== '').map(Number)
    expect(printed.length).toBeGreaterThan(4)
    expect(printed).toEqual(printed.map((_, i) => printed[0] + i))
    expect(r.requests).toEqual(['get /api/v1/namespaces/sa-demo/pods/counter', 'get /api/v1/namespaces/sa-demo/pods/counter/log?container=counter&follow=true'])
    expect(r.facts).toBe(2)
  })

  it('attach reads the pod and opens the attach stream once', async () => {
    const r = await live('kubectl -n sa-demo attach counter', 3)
    expect(r.requests).toHaveLength(2)
    expect(r.requests[0]).toBe('get /api/v1/namespaces/sa-demo/pods/counter')
    expect(r.requests[1]).toMatch(/^create \/api\/v1\/namespaces\/sa-demo\/pods\/counter\/attach\?/)
  })
})

describe('kubectl wait and the wait of kubectl delete', () => {
  it('read the object, then open one watch on it (client-go\'s watch list) and read what it carries', async () => {
    await lab.run('kubectl -n sa-demo run waited --image=busybox:1.36 -- sleep 100000')
    const audited = lab.audit().length
    expect((await lab.run('kubectl -n sa-demo wait --for=condition=Ready pod/waited')).stdout).toBe('pod/waited condition met\n')
    const watch = /^watch \/api\/v1\/namespaces\/sa-demo\/pods\?allowWatchBookmarks=true&fieldSelector=metadata\.name%3Dwaited&resourceVersionMatch=NotOlderThan&sendInitialEvents=true&timeoutSeconds=\d{3}&watch=true$/
    // kubectl's requests (the kubelet's and the controllers' go on meanwhile)
    const made = (from: number) => lab.audit().slice(from).filter((e) => e.user?.username === 'admin').map((e) => `${e.verb} ${e.requestURI}`)
    expect(made(audited)).toEqual(['get /api?timeout=32s', 'get /api/v1/namespaces/sa-demo/pods/waited', expect.stringMatching(watch)])
    // delete waits for the pod's graceful end the same way: its GET, then one watch
    const before = lab.audit().length
    await lab.run('kubectl -n sa-demo delete pod waited')
    expect(made(before).filter((r) => !r.startsWith('delete') && !r.startsWith('get /api?'))).toEqual(['get /api/v1/namespaces/sa-demo/pods/waited', expect.stringMatching(watch)])
  })

  it('a role that may delete but not watch: the pod is deleted, and the lab says why it does not wait a week for it', async () => {
    await lab.run('kubectl -n sa-demo create role deleter --verb=get,delete --resource=pods')
    await lab.run('kubectl -n sa-demo create rolebinding deleter --role=deleter --serviceaccount=sa-demo:lister')
    await lab.run('kubectl -n sa-demo run doomed --image=busybox:1.36 -- sleep 100000')
    await lab.run('kubectl -n sa-demo wait --for=condition=Ready pod/doomed')
    const start = lab.nowMs()
    const r = await lab.run('kubectl -n sa-demo delete pod doomed --as=system:serviceaccount:sa-demo:lister')
    expect(r.stdout).toBe('pod "doomed" deleted from sa-demo namespace\n')
    expect(r.stderr).toMatch(/^kubectl delete: the API server refuses to let you watch pods\/doomed, so kubectl cannot see it go: a real kubectl keeps retrying until --timeout \(a week by default\) or Ctrl\+C/)
    expect(r.exitCode).toBe(1)
    expect(lab.nowMs()).toBe(start)
    // kubectl wait --for=delete waits out its timeout instead
    const w = await lab.run('kubectl -n sa-demo wait --for=delete pod/doomed --timeout=5s --as=system:serviceaccount:sa-demo:lister')
    expect(w).toMatchObject({ stderr: 'error: timed out waiting for the condition on pods/doomed\n', exitCode: 1 })
    expect(lab.nowMs() - start).toBeGreaterThanOrEqual(5000)
  })

  it('a role that may get but not watch waits out the timeout', async () => {
    const start = lab.nowMs()
    const r = await lab.run('kubectl -n sa-demo wait --for=condition=Ready pod/app --as=system:serviceaccount:sa-demo:lister --timeout=20s')
    // (it is Ready: the informer's refused watch never says so)
    expect(r.stderr.split('\n').filter((l) => l !== '').pop()).toBe('error: timed out waiting for the condition on pods/app')
    expect(r.exitCode).toBe(1)
    expect(lab.nowMs() - start).toBeGreaterThanOrEqual(20_000)
  })
})
