// Differential test: kubectl create configmap and create secret generic from literals, files, a directory
// and env files, against kubectl 1.33 with --dry-run=client (no server needed), in one bash process. The
// real output's `creationTimestamp: null` lines are dropped: apimachinery v0.34 made the field omitzero,
// so a v1.35 kubectl prints none.
import { describe, expect, it } from 'vitest'
import { FakeLab, runKubectl } from '../testing/fake'
import { REAL_KUBECTL, batchKubectl } from '../testing/batch'
import { requireTools } from '../../testing/realTools'
import { MemoryFs } from '../../fs'

const FILES: Record<string, string> = {
  'd/a.txt': 'x\n',
  'd/b': 'y',
  'd/sub/c': 'nested',
  'bin': '\udcff\udcfe',
  'bad/in-dir': '1',
  'bad/no way': '2',
  // (a KEY alone: its value from kubectl's environment)
  'ok.env': '\uFEFF# comment\n  A=1\nLABVAR\nNOPE_UNSET\nB=x=y\r\n\n',
  'bad.env': 'GOOD=1\n1BAD=x\n',
  'dot.env': '..x=1\n',
}

const DRY = ['--dry-run=client']
const CASES: string[][] = [
  ['create', 'configmap', 'c', '--from-literal=a=1', '--from-literal=b=x=y', '-o', 'yaml'],
  ['create', 'cm', 'c', '--from-file=d', '-o', 'yaml'],
  ['create', 'cm', 'c', '--from-file=k=bin', '--from-file=d/b,d/a.txt', '-o', 'json'],
  ['create', 'cm', 'c', '--from-file=d', '--from-literal=a.txt=z'],
  ['create', 'cm', 'c', '--from-file=k=bin', '--from-literal=k=z'],
  ['create', 'cm', 'c', '--from-literal=bad/key=1'],
  ['create', 'cm', 'c', '--from-literal==1'],
  ['create', 'cm', 'c', '--from-literal=novalue'],
  ['create', 'cm', 'c', '--from-file=bad'],
  ['create', 'cm', 'c', '--from-file=k=d'],
  ['create', 'cm', 'c', '--from-file=nope'],
  ['create', 'cm', 'c', '--from-file==d/b'],
  ['create', 'cm', 'c', '--from-file=k=v=w'],
  ['create', 'cm', 'c', '--from-env-file=ok.env', '-o', 'yaml'],
  ['create', 'cm', 'c', '--from-env-file=bad.env'],
  ['create', 'cm', 'c', '--from-env-file=dot.env'],
  ['create', 'cm', 'c', '--from-env-file=d'],
  ['create', 'cm', 'c', '--from-env-file=nope.env'],
  ['create', 'cm', 'c', '--from-env-file=ok.env', '--from-literal=a=1'],
  ['create', 'cm', '-o', 'name'],
  ['create', 'cm', 'c', '-n', 'sa-demo', '-o', 'name'],
  ['create', 'secret', 'generic', 's', '--from-env-file=ok.env', '-o', 'yaml'],
  ['create', 'secret', 'generic', 's', '--from-env-file=bad.env'],
  ['create', 'secret', 'generic', 's', '--from-file=bad'],
  ['create', 'secret', 'generic', 's', '--from-env-file=d'],
  ['create', 'secret', 'generic', 's', '--from-literal=k=1', '--from-file=k=d/b'],
]

describe('create configmap and create secret generic: their sources', () => {
  it('say and build what kubectl 1.33 does', async () => {
    requireTools(REAL_KUBECTL ?? 'kubectl')
    const argv = CASES.map((c) => [...c, ...DRY])
    const real = batchKubectl(argv, FILES, { LABVAR: 'from the environment' }, true)
    const lab = new FakeLab({}, '2026-12-05T10:00:00Z')
    const fs = new MemoryFs(Object.fromEntries(Object.entries(FILES).map(([k, v]) => [`/root/${k}`, v])))
    const noNullTimestamp = (s: string) => s.replace(/^ *creationTimestamp: null\n/m, '').replace(/,\n *"creationTimestamp": null/, '')
    for (const [i, a] of argv.entries()) {
      const ours = await runKubectl(lab, ['--kubeconfig=/dev/null', ...a], { fs, env: { HOME: '/root', LABVAR: 'from the environment' } })
      expect({ case: a.join(' '), ...ours }).toEqual({ case: a.join(' '), ...real[i], stdout: noNullTimestamp(real[i].stdout) })
    }
  }, 60_000)
})
