// Differential test: the files a kubeconfig names are relative to the kubeconfig's folder, against the real
// kubectl (one bash process, its directory read as /root): when kubectl uses them, when `config set-cluster`
// and `set-credentials` write them, and when `config view --flatten` reads them into the file.
import { describe, expect, it } from 'vitest'
import { FakeLab, runKubectl } from './testing/fake'
import { REAL_KUBECTL, batchKubectl } from './testing/batch'
import { kubeconfigOf } from './testing/kubeconfigs'
import { requireTools } from '../testing/realTools'
import { MemoryFs } from '../fs'
import { cleanPath, relPath } from './kubeconfigPaths'

const kubeconfig = (cluster: string[], user: string[]) => kubeconfigOf('https://127.0.0.1:1', cluster, user)

const FILES: Record<string, string> = {
  'kc/sub/': '',
  'kc/junk.pem': 'junk\n',
  'kc/missing': kubeconfig(['certificate-authority: sub/ca.pem'], ['client-certificate: crt.pem', 'client-key: ~/key.pem']),
  'kc/dirca': kubeconfig(['certificate-authority: sub'], ['token: abc']),
  // found beside the kubeconfig (the working directory has no junk.pem): it is no PEM
  'kc/junkca': kubeconfig(['certificate-authority: junk.pem'], ['token: abc']),
  'kc/flat': kubeconfig(['certificate-authority: junk.pem'], ['client-certificate: ./junk.pem', 'client-key: sub/../junk.pem', 'token: abc']),
  'kc/flatmissing': kubeconfig(['insecure-skip-tls-verify: true'], ['client-key: nokey.pem']),
  'kc/flatboth': kubeconfig(['certificate-authority: junk.pem', 'certificate-authority-data: QUJD'], ['token: abc']),
  'kc/flatdir': kubeconfig(['certificate-authority: sub'], ['token: abc']),
}

const CASES: string[][] = [
  ['--kubeconfig', 'kc/missing', 'get', 'ns'],
  ['--kubeconfig', 'kc/dirca', 'get', 'ns'],
  ['--kubeconfig', 'kc/junkca', 'get', 'ns'],
  // a flag's file is relative to the working directory
  ['--kubeconfig', 'kc/junkca', '--certificate-authority', 'junk.pem', 'get', 'ns'],
  ['--kubeconfig', 'kc/flat', 'config', 'view'],
  ['--kubeconfig', 'kc/flat', 'config', 'view', '--flatten'],
  ['--kubeconfig', 'kc/flat', 'config', 'view', '--flatten', '--minify'],
  ['--kubeconfig', 'kc/flatmissing', 'config', 'view', '--flatten'],
  ['--kubeconfig', 'kc/flatboth', 'config', 'view', '--flatten'],
  ['--kubeconfig', 'kc/flatdir', 'config', 'view', '--flatten'],
  // writing: relative to kc/ where that takes no `../`, else absolute; an entry left as it was keeps its text
  ['--kubeconfig', 'kc/w', 'config', 'set-cluster', 'c', '--certificate-authority=foo.pem', '--server=https://x'],
  ['--kubeconfig', 'kc/w', 'config', 'set-cluster', 'd', '--certificate-authority=kc/sub/ca.pem'],
  ['--kubeconfig', 'kc/w', 'config', 'set-cluster', 'e', '--certificate-authority=kc'],
  ['--kubeconfig', 'kc/w', 'config', 'set-credentials', 'u', '--client-certificate=kc/c.pem', '--client-key=/etc/k.pem'],
  ['--kubeconfig', 'kc/w', 'config', 'set-credentials', 'v', '--client-certificate=~/c.pem'],
  ['--kubeconfig', 'kc/w', 'config', 'set-context', 'x', '--cluster=d', '--user=u'],
  ['--kubeconfig', 'kc/w', 'config', 'set-cluster', 'c', '--certificate-authority=kc/../kc/./y.pem'],
  ['--kubeconfig', 'kc/w', 'config', 'set-cluster', 'f', '--certificate-authority=/'],
  // (Go writes the fields without omitempty: a cluster's server, a context's cluster and user)
  ['--kubeconfig', 'kc/w', 'config', 'set-context', 'y', '--namespace=z'],
  ['--kubeconfig', 'kc/w', 'config', 'set-credentials', 'w'],
  ['--kubeconfig', 'kc/w', 'config', 'view', '--raw'],
  ['--kubeconfig', 'kc/w', 'config', 'view', '-o', 'json'],
]

describe('the files a kubeconfig names are relative to its folder', () => {
  it('as the real kubectl uses, writes and flattens them', async () => {
    requireTools(REAL_KUBECTL ?? 'kubectl')
    const real = batchKubectl(CASES, FILES, {}, true)
    const lab = new FakeLab({}, '2026-12-05T10:00:00Z')
    const fs = new MemoryFs(Object.fromEntries(Object.entries(FILES).map(([k, v]) => [`/root/${k}`, v])))
    for (const [i, argv] of CASES.entries()) {
      const ours = await runKubectl(lab, argv, { fs })
      expect({ case: argv.join(' '), ...ours }).toEqual({ case: argv.join(' '), ...real[i] })
    }
  }, 120_000)

  it("Go's filepath.Clean and Rel, as the paths need them", () => {
    expect(['', '.', '/', '//a//b/', 'a/../..', '/../a', 'a/./b/../c', '../../x'].map(cleanPath)).toEqual(['.', '.', '/', '/a/b', '..', '/a', 'a/c', '../../x'])
    expect(relPath('/a', '/a/b/c')).toBe('b/c')
    expect(relPath('/a', '/b/c')).toBe('../b/c')
    expect(relPath('/a/b', '/a/b')).toBe('.')
    expect(relPath('/tmp', '/')).toBe('..')
  })
})
