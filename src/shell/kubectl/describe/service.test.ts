// describeService over shapes the server stores as sent: fields that should be lists and are not,
// slices with odd endpoints. It describes what it can instead of failing; its layout is checked against
// the real kubectl in categories.oracle.test.ts.
import { describe, expect, it } from 'vitest'
import { describeService } from './service'
import { describeEndpointSlice, describeEndpoints } from './endpoints'

describe('describe of odd Services, Endpoints and EndpointSlices', () => {
  it('takes fields that should be lists and are not as empty', () => {
    const svc = { metadata: { name: 's', namespace: 'default' }, spec: { ports: {}, ipFamilies: 'IPv4', clusterIPs: 5, selector: 'x' } }
    const slice = { endpoints: [null, 3, { addresses: 'x' }], ports: [{ name: '', port: 80 }] }
    const text = describeService(svc, [slice], [], 0)
    expect(text).toMatch(/\nIP Families: +<none>\n/)
    expect(text).toMatch(/\nSelector: +<none>\n/)
    expect(text).not.toContain('Port:')
    expect(describeEndpoints({ metadata: { name: 'e' }, subsets: {} }, undefined, 0)).toContain('Subsets:\n')
    expect(describeEndpointSlice({ metadata: { name: 'e' }, endpoints: [null], ports: 'x' }, undefined, 0)).toContain('Ports: <unset>\n')
  })
})
