// The headers kube-apiserver adds to every response, in the order it sends them (reference
// kubernetes-next.md §6.2: audit-id, cache-control, content-type, [x-content-type-options],
// x-kubernetes-pf-flowschema-uid, x-kubernetes-pf-prioritylevel-uid), and which requests carry the APF pair.

import { describe, expect, it } from 'vitest'
import { createLab } from '../../app/lab'
import { flowSchemaFor } from './responseHeaders'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe('server response headers', () => {
  it('curl -i shows audit-id first, then cache-control, content-type and the flow-control UIDs', async () => {
    const lab = await createLab({ seed: 'headers' })
    const r = await lab.run('curl -s -i --cacert ca.pem https://10.0.1.10:6443/api/v1/namespaces')
    const names = r.stdout.split('\n\n')[0].split('\n').slice(1).map((l) => l.split(': ')[0])
    expect(names).toEqual(['audit-id', 'cache-control', 'content-type', 'x-kubernetes-pf-flowschema-uid', 'x-kubernetes-pf-prioritylevel-uid', 'content-length', 'date'])
    const ids = [...r.stdout.matchAll(/^audit-id: (.+)$/gm)].map((m) => m[1])
    expect(ids[0]).toMatch(UUID)
    const again = await lab.run('curl -s -i --cacert ca.pem https://10.0.1.10:6443/api/v1/namespaces')
    expect(again.stdout).not.toContain(ids[0])
  })
  it('a request refused by authentication has an audit-id but no flow-control headers', async () => {
    const lab = await createLab({ seed: 'headers' })
    const r = await lab.run('curl -s -i --cacert ca.pem -H "Authorization: Bearer nope" https://10.0.1.10:6443/api')
    expect(r.stdout).toMatch(/^HTTP\/2 401 \naudit-id: /)
    expect(r.stdout).not.toContain('x-kubernetes-pf-')
  })
  it('classifies users as the suggested FlowSchemas do', () => {
    expect(flowSchemaFor({ username: 'admin', groups: ['system:masters', 'system:authenticated'] }, '/api')).toEqual({ schema: 'exempt', level: 'exempt' })
    expect(flowSchemaFor({ username: 'system:anonymous', groups: ['system:unauthenticated'] }, '/readyz')).toEqual({ schema: 'probes', level: 'exempt' })
    expect(flowSchemaFor({ username: 'system:serviceaccount:sa-demo:robot', groups: ['system:serviceaccounts', 'system:authenticated'] }, '/api')).toEqual({ schema: 'service-accounts', level: 'workload-low' })
  })
})
