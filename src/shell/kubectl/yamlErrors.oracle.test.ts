// YAML mistakes in `kubectl apply -f`: the line and message must be the ones the real kubectl
// prints (go-yaml v2 through sigs.k8s.io/yaml). Fails, naming kubectl, where none is installed; all cases
// run in one batch (testing/realTools.ts).
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { parseManifest } from './manifest'
import { requireTools, runBatch, type Outcome } from '../testing/realTools'

const KUBECTL = ['/usr/bin/kubectl', '/usr/local/bin/kubectl'].find((p) => existsSync(p))

const CASES: Record<string, string> = {
  'comments then a key continued on the next line': '# a comment\n# another\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: x\n   bad: 1\n',
  'a key continued on the next line': 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: x\n   bad: 1\n',
  'a tab as indentation': 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: x\n\tbad: 1\n',
  'an unclosed flow sequence': 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: [x\n',
  'a mapping value on one line': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  labels: a: b\n',
  'a key less indented than its siblings': 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: x\n bad: 1\n',
}

describe('kubectl apply -f: YAML errors as the real kubectl reports them', () => {
  let real: Outcome[] = []
  beforeAll(async () => {
    if (!KUBECTL) requireTools('kubectl')
    const calls = Object.values(CASES).map((text) => {
      const dir = mkdtempSync(join(tmpdir(), 'yaml-errors-'))
      writeFileSync(join(dir, 'f.yaml'), text)
      return { argv: [KUBECTL!, 'apply', '-f', 'f.yaml', '--dry-run=client', '--validate=false', '--kubeconfig=/dev/null'], cwd: dir }
    })
    real = await runBatch(calls, { parallel: 4 })
  }, 120_000)
  for (const [i, [name, text]] of Object.entries(CASES).entries()) {
    it(name, () => {
      const expected = real[i].stderr.trim().split('\n').at(-1)
      let ours = ''
      try {
        parseManifest(text, 'f.yaml')
      } catch (e) {
        ours = (e as Error).message
      }
      expect(ours).toBe(expected)
    })
  }
})

describe('lines inside a later document', () => {
  // Checked by hand with the real kubectl (without a server it aggregates this error with the
  // first document's connection error, so it is not an automatic oracle case): line 5 of the
  // second document, counted from the line after `---`.
  it('counts from the line after the --- marker', () => {
    expect(() => parseManifest('apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: x\n   bad: 1\n', 'f.yaml'))
      .toThrow('error: error parsing f.yaml: error converting YAML to JSON: yaml: line 5: mapping values are not allowed in this context')
  })
})
