import { describe, expect, it } from 'vitest'
import { FakeLab, notFound, runKubectl, words } from '../testing/fake'
import { nsActive, pod } from '../testing/fixtures'

/** A pod that disappears `lifeMs` of lab time after its DELETE. */
function lab(lifeMs = 30_000) {
  let deletedAt: number | undefined
  const l: FakeLab = new FakeLab(
    {
      'DELETE /api/v1/namespaces/sa-demo/pods/app': () => {
        deletedAt = l.now()
        return { ...pod, metadata: { ...pod.metadata, deletionTimestamp: '2026-11-29T15:40:29Z' } }
      },
      'GET /api/v1/namespaces/sa-demo/pods/app': () => (deletedAt !== undefined && l.now() >= deletedAt + lifeMs ? notFound('pods', 'app') : pod),
      'DELETE /api/v1/namespaces/sa-demo/pods/nope': notFound('pods', 'nope'),
      'DELETE /api/v1/namespaces/sa-demo': { ...nsActive, status: { phase: 'Terminating' } },
      'GET /api/v1/namespaces/sa-demo': () => (l.now() > Date.parse('2026-11-29T15:40:05Z') ? notFound('namespaces', 'sa-demo') : nsActive),
      // the watches of the wait (objectWatch.ts)
      'GET /api/v1/namespaces/sa-demo/pods': { kind: 'PodList', apiVersion: 'v1', metadata: { resourceVersion: '1' }, items: [] },
      'GET /api/v1/namespaces': { kind: 'NamespaceList', apiVersion: 'v1', metadata: { resourceVersion: '1' }, items: [] },
    },
    '2026-11-29T15:39:59Z',
  )
  return l
}

describe('kubectl delete', () => {
  it('prints the 1.34+ line, then waits with waitUntil until the pod is gone', async () => {
    const l = lab()
    const r = await runKubectl(l, words('delete pod app -n sa-demo'))
    expect(r).toEqual({ stdout: 'pod "app" deleted from sa-demo namespace\n', stderr: '', exitCode: 0 })
    expect(l.waits).toEqual([168 * 3600 * 1000])
    expect(l.now()).toBe(Date.parse('2026-11-29T15:40:29Z'))
    const del = l.requests.find((q) => q.method === 'DELETE')
    expect(del?.body).toEqual({ kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: 'Background' })
    // the wait (wait's IsDeleted): a GET, then one watch on the pod; the 30 s until it goes are read on that stream
    expect(l.requests.filter((q) => !q.onStream).map((q) => `${q.method} ${q.path.replace(/timeoutSeconds=\d+/, 'timeoutSeconds=N')}`)).toEqual([
      'DELETE /api/v1/namespaces/sa-demo/pods/app',
      'GET /api/v1/namespaces/sa-demo/pods/app',
      'GET /api/v1/namespaces/sa-demo/pods?allowWatchBookmarks=true&fieldSelector=metadata.name%3Dapp&resourceVersionMatch=NotOlderThan&sendInitialEvents=true&timeoutSeconds=N&watch=true',
    ])
  })
  it('accepts TYPE/NAME, --wait=false, --now and --grace-period', async () => {
    const l = lab()
    expect((await runKubectl(l, words('delete pod/app -n sa-demo --wait=false --grace-period=5'))).stdout).toBe('pod "app" deleted from sa-demo namespace\n')
    expect(l.waits).toEqual([])
    expect(l.requests.find((q) => q.method === 'DELETE')?.body).toMatchObject({ gracePeriodSeconds: 5 })
    const n = lab()
    await runKubectl(n, words('delete pod app -n sa-demo --now'))
    expect(n.requests.find((q) => q.method === 'DELETE')?.body).toMatchObject({ gracePeriodSeconds: 1 })
  })
  it('force-deletes with the warning', async () => {
    const r = await runKubectl(lab(0), words('delete pod app -n sa-demo --force --grace-period=0'))
    expect(r.stderr).toBe(
      'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
    )
    expect(r.stdout).toBe('pod "app" force deleted from sa-demo namespace\n')
  })
  it('deletes a namespace (no suffix) and waits for it', async () => {
    const l = lab()
    expect((await runKubectl(l, words('delete namespace sa-demo'))).stdout).toBe('namespace "sa-demo" deleted\n')
    expect(l.now()).toBeGreaterThan(Date.parse('2026-11-29T15:40:05Z'))
  })
  it('reports NotFound, honours --ignore-not-found, and times out as kubectl does', async () => {
    expect(await runKubectl(lab(), words('delete pod nope -n sa-demo'))).toEqual({
      stdout: '',
      stderr: 'Error from server (NotFound): pods "nope" not found\n',
      exitCode: 1,
    })
    expect(await runKubectl(lab(), words('delete pod nope -n sa-demo --ignore-not-found'))).toEqual({ stdout: '', stderr: '', exitCode: 0 })
    const r = await runKubectl(lab(60_000), words('delete pod app -n sa-demo --timeout=10s'))
    expect(r.stderr).toBe('error: timed out waiting for the condition on pods/app\n')
  })
  it('gives kubectl\'s client-side errors', async () => {
    const err = async (line: string) => (await runKubectl(lab(), words(line))).stderr
    expect(await err('delete pods')).toBe('error: resource(s) were provided, but no name was specified\n')
    expect(await err('delete')).toBe(
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
    )
    expect(await err('delete pods --now --grace-period=3 x')).toBe('error: --now and --grace-period cannot be specified together\n')
    expect(await err('delete pods --force --grace-period=3 x')).toBe('error: --force and --grace-period greater than 0 cannot be specified together\n')
    expect(await err('delete pods -o yaml x')).toBe("error: unexpected -o output mode: yaml. We only support '-o name'\n")
  })
})
