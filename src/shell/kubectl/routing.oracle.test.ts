// Differential test: which command lines the real kubectl takes for a plugin name (flags before an unknown word)
// and which it routes to a built-in command, with global flags before the verb. One bash process for all cases.

import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { FakeLab, runKubectl } from './testing/fake'
import { KUBECTL } from './printers/testdata/kubectlOracle'
import { requireTools } from '../testing/realTools'

const BUILTINS = [
  'create', 'expose', 'run', 'set', 'explain', 'get', 'edit', 'delete', 'rollout', 'scale', 'autoscale', 'certificate',
  'cluster-info', 'top', 'cordon', 'uncordon', 'drain', 'taint', 'describe', 'logs', 'attach', 'exec', 'port-forward',
  'proxy', 'cp', 'auth', 'debug', 'events', 'diff', 'apply', 'patch', 'replace', 'wait', 'kustomize', 'label', 'annotate',
  'api-resources', 'api-versions', 'config', 'version',
]
const PREFIXES = ['-n x', '--namespace=x', '--namespace x', '-v=6', '--kubeconfig /dev/null', '--context c']
const PLUGIN = /flags cannot be placed before plugin name/
const words = (s: string) => s.split(' ').filter((w) => w !== '')

// About 45 kubectl runs in a row: over a minute when the machine is busy (each run may take 30 s).
function realKubectl(lines: string[]): string[] {
  const script = lines.map((l) => `timeout 30 ${KUBECTL} ${l} </dev/null 2>&1 | head -c 300; echo; echo @@@`).join('\n')
  const out = execFileSync('bash', ['-c', script], { encoding: 'utf8', env: { PATH: '/usr/bin:/bin', HOME: '/tmp', KUBECONFIG: '/dev/null' }, timeout: 240_000 })
  return out.split('@@@\n').slice(0, lines.length)
}

describe('routing of global flags before the verb', () => {
  const cases = [
    ...PREFIXES.flatMap((p) => BUILTINS.map((b) => `${p} ${b}`)),
    ...PREFIXES.map((p) => `${p} nosuchplugin`),
  ]
  it('gives the plugin error exactly where the lab does not know the command either', async () => {
    const lab = new FakeLab({}, '2026-12-05T10:00:00Z')
    for (const c of cases) {
      const r = await runKubectl(lab, words(c))
      expect(PLUGIN.test(r.stderr), c).toBe(c.endsWith('nosuchplugin'))
    }
    const r = await runKubectl(lab, words('--namespace=x nosuchplugin'))
    expect(r.stderr).toBe('Error: flags cannot be placed before plugin name: --namespace=x\n')
    expect(r.exitCode).toBe(1)
  })
  it('agrees with the real kubectl', async () => {
    requireTools(KUBECTL)
    // The real binary tries to reach a server for most verbs: one prefix is enough for it.
    const sample = cases.filter((c) => (c.startsWith('-n x ') && !/ (proxy|port-forward|attach|edit)$/.test(c)) || c.endsWith('nosuchplugin'))
    const real = realKubectl(sample)
    const lab = new FakeLab({}, '2026-12-05T10:00:00Z')
    for (let i = 0; i < sample.length; i++) {
      const ours = await runKubectl(lab, words(sample[i]))
      expect(PLUGIN.test(ours.stderr), sample[i]).toBe(PLUGIN.test(real[i]))
    }
  }, 300_000)
})
