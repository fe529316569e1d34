// Differential test of what get and delete say, before any request, when their selectors (-l,
// --field-selector, delete's --all) meet names, or --show-labels meets a printer without tables:
// against a real kubectl talking to the oracle's server.

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { realBatch, startOracleServer, workdir, type OracleServer, type Real } from '../testing/oracle'
import { ADMIN_KUBECONFIG, FakeLab, runKubectl } from '../testing/fake'

const CASES: string[][] = [
  ['get', 'pods', '--show-labels', '-o', 'name'],
  ['get', 'pods', '--show-labels', '-o', 'json'],
  ['get', 'pods', '--show-labels', '-o', 'yaml'],
  ['get', 'ns', '--show-labels', '-o', 'jsonpath={.items}'],
  ['get', 'ns', '--show-labels', '-o', 'custom-columns=N:.metadata.name'],
  ['get', '--show-labels', '-o', 'name'],
  ['get', 'pods', 'x', '-l', 'app=y'],
  ['get', 'pods', 'x', 'y', '--field-selector', 'metadata.name=x'],
  ['get', 'pods/x', '-l', 'app=y'],
  ['get', 'pods', 'x', '-A', '-l', 'app=y'],
  ['delete', 'pods', 'x', '-l', 'app=y'],
  ['delete', 'pods', 'x', '--all'],
  ['delete', 'pods/x', '--all'],
  ['delete', 'pods/x', '--field-selector', 'metadata.name=x'],
  ['delete', 'pods', '--all', '-l', 'app=x'],
  ['delete', 'pods', 'x', '--all', '-l', 'app=x'],
  ['delete', 'pods', '--all', '--field-selector', 'metadata.name=x'],
  // the selector's checks come before the types are looked up and before `all NAME` is refused
  ['get', 'pods,secrets', 'app', '-l', 'a=b'],
  ['get', 'foo', 'x', '-l', 'a=b'],
  ['get', 'foo/x', '-l', 'a=b'],
  ['get', 'pods,secrets', 'app', 'b', '--field-selector', 'metadata.name=x'],
  ['delete', 'foo', 'x', '--all'],
]

let server: OracleServer
let real: Real[] = []
beforeAll(async () => {
  server = await startOracleServer()
  real = await realBatch(server.url, CASES, workdir({}))
}, 120_000)
afterAll(() => server?.close())

describe('differential: selectors with names, and --show-labels, against a real kubectl', () => {
  for (const [i, args] of CASES.entries()) {
    it(args.join(' '), async () => {
      const got = await runKubectl(new FakeLab({}, '2026-11-29T15:38:59Z'), args, { files: { '/root/.kube/config': ADMIN_KUBECONFIG } })
      expect(got).toEqual(real[i])
      expect(got.exitCode).toBe(1)
    })
  }
})
