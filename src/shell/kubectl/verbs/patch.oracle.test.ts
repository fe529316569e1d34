// patch with --local -f: messages, errors and printed objects against the real kubectl (one bash run).

import { describe, expect, it } from 'vitest'
import { FakeLab, runKubectl } from '../testing/fake'
import { REAL_KUBECTL, batchKubectl } from '../testing/batch'
import { requireTools } from '../../testing/realTools'

const POD = JSON.stringify({
  apiVersion: 'v1', kind: 'Pod',
  metadata: { name: 'app', namespace: 'sa-demo', labels: { run: 'app' } },
  spec: { containers: [{ name: 'app', image: 'registry.k8s.io/e2e-test-images/agnhost:2.53' }, { name: 'side', image: 'busybox' }] },
})
const L = ['--local', '-f', 'p.json']
const CASES: string[][] = [
  ['patch', ...L, '-p', '{"metadata":{"labels":{"a":"b"}}}'],
  ['patch', ...L, '-p', '{"metadata":{"labels":{"run":"app"}}}'],
  ['patch', ...L, '-p', '{}', '--type=merge'],
  ['patch', ...L],
  ['patch', ...L, '-p', '{'],
  ['patch', ...L, '-p', '{}', '--type=foo'],
  ['patch', ...L, '--type=json', '-p', '[{"op":"add","path":"/metadata/labels/x","value":"y"}]', '-o', 'yaml'],
  ['patch', ...L, '--type=json', '-p', '[{"op":"remove","path":"/metadata/labels/zz"}]'],
  ['patch', ...L, '--type=json', '-p', '[{"op":"replace","path":"/spec/containers/0/image","value":"nginx"}]', '-o', 'json'],
  ['patch', ...L, '-p', 'metadata: {labels: {a: b}}', '-o', 'yaml'],
  ['patch', ...L, '-p', '{"spec":{"containers":[{"name":"side","image":"nginx"}]}}', '-o', 'yaml'],
  ['patch', ...L, '--type=merge', '-p', '{"spec":{"containers":[{"name":"side","image":"nginx"}]}}', '-o', 'yaml'],
  ['patch', ...L, '-p', '{"metadata":{"labels":{"run":null}}}', '-o', 'name'],
  ['patch', 'pod'],
  ['patch', ...L, '-p', '{}', '--dry-run=server'],
]

describe('kubectl patch (local)', () => {
  it('matches the real kubectl', async () => {
    requireTools(REAL_KUBECTL ?? 'kubectl')
    const real = batchKubectl(CASES, { 'p.json': POD })
    const lab = new FakeLab({}, '2026-12-05T10:00:00Z')
    for (let i = 0; i < CASES.length; i++) {
      const ours = await runKubectl(lab, CASES[i], { files: { '/root/p.json': POD } })
      expect({ case: CASES[i].join(' '), ...ours }).toEqual({ case: CASES[i].join(' '), ...real[i] })
    }
  }, 120_000)
})
