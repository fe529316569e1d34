// kubectl's builder names what it looked for when the server refuses a list (cli-runtime selector.go).
import { describe, expect, it } from 'vitest'
import { ADMIN_KUBECONFIG, FakeLab, runKubectl } from '../testing/fake'

const refused = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'field label not supported: x', reason: 'BadRequest', code: 400 }

describe('a list the server refuses', () => {
  it('with a selector: Unable to find <GVR> that match label selector .., field selector ..', async () => {
    const lab = new FakeLab({ 'GET /api/v1/namespaces/default/pods': refused as never }, '2026-11-29T15:38:59Z')
    const r = await runKubectl(lab, ['get', 'pods', '--field-selector', 'x=1', '-l', 'a=b'], { files: { '/root/.kube/config': ADMIN_KUBECONFIG } })
    expect(r.stderr).toBe('Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "a=b", field selector "x=1": field label not supported: x\n')
    expect(lab.requests.map((q) => q.path)).toEqual(['/api/v1/namespaces/default/pods?fieldSelector=x%3D1&labelSelector=a%3Db&limit=500'])
  })

  it('kubectl delete sends its selectors to the server too', async () => {
    const lab = new FakeLab({ 'GET /apis/rbac.authorization.k8s.io/v1/namespaces/default/roles': refused as never }, '2026-11-29T15:38:59Z')
    const r = await runKubectl(lab, ['delete', 'roles', '--field-selector', 'x=1'], { files: { '/root/.kube/config': ADMIN_KUBECONFIG } })
    expect(r.stderr).toBe('Error from server (BadRequest): Unable to find "rbac.authorization.k8s.io/v1, Resource=roles" that match label selector "", field selector "x=1": field label not supported: x\n')
  })
})
