// describeNode over a node whose lists are not lists (a restored lab may hold one): it describes
// what it can instead of failing. Its layout is checked against the real kubectl in describeNode.oracle.test.ts.
import { describe, expect, it } from 'vitest'
import { describeNode } from './node'

describe('describeNode', () => {
  it('takes a field that should be a list and is not as an empty list', () => {
    const node = {
      metadata: { name: 'worker-0', creationTimestamp: '2026-05-23T22:27:30Z' },
      spec: { taints: 'x', podCIDRs: { a: 1 } },
      status: { conditions: { Ready: 'yes' }, addresses: 'none', capacity: { cpu: '2' } },
    }
    const pod = { metadata: { namespace: 'a', name: 'p' }, spec: { containers: 7, initContainers: null } }
    const text = describeNode(node, 'not found', [pod], [], Date.parse('2026-05-23T23:27:30Z'))
    expect(text).toContain('Taints:             <none>\n')
    expect(text).toContain('Lease:              Failed to get lease: not found\n')
    expect(text).toMatch(/Addresses:\nCapacity:\n/)
    expect(text).not.toContain('PodCIDRs:')
    expect(text).toContain('(1 in total)')
  })
})
