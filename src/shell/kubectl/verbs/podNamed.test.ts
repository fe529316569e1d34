// exec, attach and logs given TYPE/NAME of another kind: the object is read first (the builder), then
// refused in polymorphichelpers' words with Go's %T of the typed object (attachablepodforobject.go,
// logsforobject.go, helpers.go SelectorsForObject).
import { describe, expect, it } from 'vitest'
import { ADMIN_KUBECONFIG, FakeLab, runKubectl } from '../testing/fake'

const files = { '/root/.kube/config': ADMIN_KUBECONFIG }
const lab = () => new FakeLab({
  'GET /api/v1/namespaces/default/serviceaccounts/default': { kind: 'ServiceAccount', apiVersion: 'v1', metadata: { name: 'default' } },
  'GET /api/v1/namespaces/default/services/kubernetes': { kind: 'Service', apiVersion: 'v1', metadata: { name: 'kubernetes' }, spec: { clusterIP: '10.32.0.1' } },
}, '2026-11-29T15:38:59Z')

describe('a TYPE/NAME that is not a pod', () => {
  it('exec and attach: cannot attach to *v1.Kind', async () => {
    expect((await runKubectl(lab(), ['exec', 'sa/default', '--', 'ls'], { files })).stderr).toBe('error: cannot attach to *v1.ServiceAccount: selector for *v1.ServiceAccount not implemented\n')
    expect((await runKubectl(lab(), ['attach', 'serviceaccount', 'default'], { files })).stderr).toBe('error: cannot attach to *v1.ServiceAccount: selector for *v1.ServiceAccount not implemented\n')
  })

  it('logs: cannot get the logs from *v1.Kind; a Service without a selector says so', async () => {
    expect((await runKubectl(lab(), ['logs', 'sa/default'], { files })).stderr).toBe('error: cannot get the logs from *v1.ServiceAccount: selector for *v1.ServiceAccount not implemented\n')
    expect((await runKubectl(lab(), ['logs', 'svc/kubernetes'], { files })).stderr).toBe("error: cannot get the logs from *v1.Service: invalid service 'kubernetes': Service is defined without a selector\n")
  })

  it('is read first: a missing one is the server\'s NotFound', async () => {
    const l = lab()
    const r = await runKubectl(l, ['exec', 'sa/nope', '--', 'ls'], { files })
    expect(r.stderr).toMatch(/^Error from server \(NotFound\)/)
    expect(l.requests.map((q) => q.path)).toEqual(['/api/v1/namespaces/default/serviceaccounts/nope'])
  })
})
