// label and annotate with --local -f: messages, errors and printed objects against the real kubectl (one bash run).

import { describe, expect, it } from 'vitest'
import { FakeLab, runKubectl } from '../testing/fake'
import { REAL_KUBECTL, batchKubectl } from '../testing/batch'
import { requireTools } from '../../testing/realTools'

const POD = JSON.stringify({
  apiVersion: 'v1', kind: 'Pod',
  metadata: { name: 'app', namespace: 'sa-demo', labels: { run: 'app' }, annotations: { note: 'hi' } },
  spec: { containers: [{ name: 'app', image: 'registry.k8s.io/e2e-test-images/agnhost:2.53' }] },
})
const L = ['--local', '-f', 'p.json']
const CASES: string[][] = [
  ['label', ...L, 'run=x'],
  // keys every JavaScript object has (one was taken for a label already set)
  ['label', ...L, 'constructor=1', 'toString=2', '-o', 'yaml'],
  ['annotate', ...L, '__proto__=x', 'valueOf=y', '-o', 'yaml'],
  ['label', ...L, 'run=x', '--overwrite'],
  ['label', ...L, 'run=x', '--overwrite', '-o', 'name'],
  ['label', ...L, 'run=app'],
  ['label', ...L, 'a=b'],
  ['label', ...L, 'a=b', 'c=d', '-o', 'yaml'],
  ['label', ...L, 'run-'],
  ['label', ...L, 'nosuch-'],
  ['label', ...L],
  ['label', 'pod'],
  ['label', 'a=b'],
  ['label', 'pod', 'app', 'a=b', 'c'],
  ['label', ...L, 'a=b', 'a-'],
  ['label', ...L, 'a=b=c'],
  ['label', ...L, 'a=b!'],
  ['label', ...L, 'a=b', '--dry-run=client'],
  ['label', ...L, 'a=b', '--dry-run=server'],
  ['label', ...L, 'a=b', '-o', 'json'],
  ['annotate', ...L, 'note=x'],
  ['annotate', ...L, 'note=hi'],
  ['annotate', ...L, 'note=x', '--overwrite'],
  ['annotate', ...L, 'x=y'],
  ['annotate', ...L, 'note-'],
  ['annotate', ...L, 'x=a=b', '-o', 'yaml'],
  ['annotate', 'pod'],
  ['annotate', 'a=b'],
  ['annotate', ...L, 'a=b', 'a-'],
]

describe('kubectl label / annotate (local)', () => {
  it('match the real kubectl', async () => {
    requireTools(REAL_KUBECTL ?? 'kubectl')
    const real = batchKubectl(CASES, { 'p.json': POD })
    const lab = new FakeLab({}, '2026-12-05T10:00:00Z')
    for (let i = 0; i < CASES.length; i++) {
      const ours = await runKubectl(lab, CASES[i], { files: { '/root/p.json': POD } })
      expect({ case: CASES[i].join(' '), ...ours }).toEqual({ case: CASES[i].join(' '), ...real[i] })
    }
  }, 120_000)
})
