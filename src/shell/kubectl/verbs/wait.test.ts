import { describe, expect, it } from 'vitest'
import { FakeLab, notFound, runKubectl, words } from '../testing/fake'
import { pod } from '../testing/fixtures'

const notReady = { ...pod, status: { ...pod.status, conditions: pod.status.conditions.map((c: { type: string }) => (c.type === 'Ready' ? { ...c, status: 'False' } : c)) } }

/** The pod becomes Ready `readyAfterMs` after the start and is gone after `goneAfterMs`. */
function lab(readyAfterMs: number, goneAfterMs = Infinity) {
  const start = Date.parse('2026-11-29T15:31:57Z')
  const l: FakeLab = new FakeLab(
    {
      'GET /api/v1/namespaces/sa-demo/pods/app': () =>
        l.now() >= start + goneAfterMs ? notFound('pods', 'app') : l.now() >= start + readyAfterMs ? pod : notReady,
      'GET /api/v1/namespaces/sa-demo/pods/nope': notFound('pods', 'nope'),
      // the informer's watch (objectWatch.ts): what it carries is read as the object's path
      'GET /api/v1/namespaces/sa-demo/pods': { kind: 'PodList', apiVersion: 'v1', metadata: { resourceVersion: '1' }, items: [] },
    },
    '2026-11-29T15:31:57Z',
  )
  return l
}

describe('kubectl wait', () => {
  it('waits for condition=Ready, moving the lab clock, and prints condition met', async () => {
    const l = lab(5000)
    expect(await runKubectl(l, words('wait --for=condition=Ready pod/app -n sa-demo'))).toEqual({ stdout: 'pod/app condition met\n', stderr: '', exitCode: 0 })
    expect(l.now()).toBe(Date.parse('2026-11-29T15:32:02Z'))
    expect(l.waits).toEqual([30_000])
    // requests: the object, then one watch on it (client-go's watch list); the rest is read on that stream
    const made = l.requests.filter((q) => !q.onStream).map((q) => q.path)
    expect(made).toEqual([
      '/api/v1/namespaces/sa-demo/pods/app',
      expect.stringMatching(/^\/api\/v1\/namespaces\/sa-demo\/pods\?allowWatchBookmarks=true&fieldSelector=metadata\.name%3Dapp&resourceVersionMatch=NotOlderThan&sendInitialEvents=true&timeoutSeconds=\d+&watch=true$/),
    ])
    const seconds = Number(/timeoutSeconds=(\d+)/.exec(made[1])?.[1])
    expect(seconds).toBeGreaterThanOrEqual(300)
    expect(seconds).toBeLessThan(600)
    expect(l.requests.filter((q) => q.onStream).length).toBeGreaterThan(0)
  })
  it('accepts `pods NAME` and --for=delete', async () => {
    expect((await runKubectl(lab(0), words('wait --for=condition=ready pods app -n sa-demo'))).stdout).toBe('pod/app condition met\n')
    const l = lab(0, 8000)
    expect((await runKubectl(l, words('wait --for=delete pod/app -n sa-demo --timeout=60s'))).stdout).toBe('pod/app condition met\n')
    expect((await runKubectl(lab(0), words('wait --for=delete pod/nope -n sa-demo'))).exitCode).toBe(0)
  })
  it('times out as kubectl does', async () => {
    const r = await runKubectl(lab(60_000), words('wait --for=condition=Ready pod/app -n sa-demo --timeout=10s'))
    expect(r).toEqual({ stdout: '', stderr: 'error: timed out waiting for the condition on pods/app\n', exitCode: 1 })
  })
  it('reports NotFound and bad conditions', async () => {
    expect((await runKubectl(lab(0), words('wait --for=condition=Ready pod/nope -n sa-demo'))).stderr).toBe('Error from server (NotFound): pods "nope" not found\n')
    expect((await runKubectl(lab(0), words('wait pod/app'))).stderr).toBe('error: unrecognized condition: ""\n')
    expect((await runKubectl(lab(0), words('wait --for=foo pod/app'))).stderr).toBe('error: unrecognized condition: "foo"\n')
  })
})
