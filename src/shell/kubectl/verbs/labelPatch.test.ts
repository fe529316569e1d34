// label, annotate and patch against a canned API server: the requests kubectl sends (GET, then PATCH with the
// patch type's content type) and the messages of label.go / patch.go.

import { describe, expect, it } from 'vitest'
import type { ApiRequest } from '../../../cluster/apiserver/types'
import { mergePatch } from '../../../cluster/apiserver/handlers/patch'
import { FakeLab, runKubectl } from '../testing/fake'

const PATH = '/api/v1/namespaces/sa-demo/serviceaccounts/robot'
const SA = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'robot', namespace: 'sa-demo', labels: { team: 'a' } } }

function lab() {
  return new FakeLab({ [`GET ${PATH}`]: SA, [`PATCH ${PATH}`]: (req: ApiRequest) => [200, mergePatch(SA, req.body) as Record<string, unknown>] }, '2026-12-05T10:00:00Z')
}
const run = (l: FakeLab, line: string) => runKubectl(l, line.split(' '))
const patches = (l: FakeLab) => l.requests.filter((r) => r.method === 'PATCH')

describe('label / annotate / patch on the server', () => {
  it('labels with a merge patch of the changed keys only', async () => {
    const l = lab()
    const r = await run(l, '-n sa-demo label sa robot tier=web')
    expect(r).toEqual({ stdout: 'serviceaccount/robot labeled\n', stderr: '', exitCode: 0 })
    expect(patches(l)[0].headers['content-type']).toBe('application/merge-patch+json')
    expect(patches(l)[0].body).toEqual({ metadata: { labels: { tier: 'web' } } })
  })
  it('removes a label with KEY- (a null in the patch)', async () => {
    const l = lab()
    expect((await run(l, 'label sa/robot team- --namespace=sa-demo')).stdout).toBe('serviceaccount/robot unlabeled\n')
    expect(patches(l)[0].body).toEqual({ metadata: { labels: { team: null } } })
  })
  it('refuses to overwrite without --overwrite, and sends nothing', async () => {
    const l = lab()
    const r = await run(l, '-n sa-demo label sa robot team=b')
    expect(r.stderr).toBe("error: 'team' already has a value (a), and --overwrite is false\n")
    expect(r.exitCode).toBe(1)
    expect(patches(l)).toHaveLength(0)
  })
  it('annotates; --dry-run=server adds dryRun=All', async () => {
    const l = lab()
    expect((await run(l, '-n sa-demo annotate sa robot note=x --dry-run=server')).stdout).toBe('serviceaccount/robot annotated (server dry run)\n')
    expect(patches(l)[0].path).toBe(`${PATH}?dryRun=All`)
  })
  it('patches with the strategic content type by default and says (no change) when nothing changed', async () => {
    const l = lab()
    expect((await run(l, '-n sa-demo patch sa robot -p {"automountServiceAccountToken":false}')).stdout).toBe('serviceaccount/robot patched\n')
    expect(patches(l)[0].headers['content-type']).toBe('application/strategic-merge-patch+json')
    expect((await run(l, '-n sa-demo patch sa robot --type=merge -p {"metadata":{"labels":{"team":"a"}}}')).stdout).toBe('serviceaccount/robot patched (no change)\n')
    expect(patches(l)[1].headers['content-type']).toBe('application/merge-patch+json')
  })
})
