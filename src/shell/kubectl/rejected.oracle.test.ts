// A rejected token (every request answered 401): the klog lines of discovery, their count per verb, and the
// final line, against a real kubectl talking to a fake server that answers 401 to everything.

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiRequest, ApiResponse } from '../../cluster/apiserver/types'
import { ADMIN_KUBECONFIG, FakeLab, runKubectl, status } from './testing/fake'
import { maskKlog, realBatch, startOracleServer, workdir, type OracleServer, type Real } from './testing/oracle'

class RejectingLab extends FakeLab {
  async api(req: ApiRequest): Promise<ApiResponse> {
    this.requests.push(req)
    return { status: 401, headers: { 'content-type': 'application/json' }, body: status(401, 'Unauthorized', 'Unauthorized') }
  }
}

const SA = 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: x\n'
const CASES: string[][] = [
  ['get', 'pods'],
  ['get', 'secrets', '-n', 'sa-demo'],
  ['describe', 'pod', 'x'],
  ['delete', 'pod', 'x'],
  ['auth', 'whoami'],
  ['auth', 'can-i', 'get', 'pods'],
  ['auth', 'can-i', 'create', 'serviceaccounts', '--subresource=token'],
  ['auth', 'can-i', '--list'],
  ['auth', 'can-i', 'get', '/healthz'],
  ['create', 'token', 'x'],
  ['create', 'sa', 'x'],
  ['create', 'ns', 'x'],
  ['create', 'role', 'r', '--verb=get', '--resource=pods'],
  ['create', 'clusterrole', 'r', '--verb=get', '--resource=pods'],
  ['create', 'rolebinding', 'rb', '--role=r', '--user=u'],
  ['create', 'clusterrolebinding', 'rb', '--clusterrole=r', '--user=u'],
  ['create', 'secret', 'generic', 's', '--from-literal=a=b'],
  ['apply', '-f', 'sa.yaml'],
  ['apply', '-f', 'sa.yaml', '--validate=false'],
  ['create', '-f', 'sa.yaml'],
  ['run', 'x', '--image=y'],
  ['exec', 'app', '--', 'ls'],
  ['wait', '--for=delete', 'pod/x'],
]

let server: OracleServer
let dir = ''
let real: Real[] = []
beforeAll(async () => {
  server = await startOracleServer('401')
  dir = workdir({ 'sa.yaml': SA })
  real = await realBatch(server.url, CASES.map((args) => ['--token=bad', ...args]), dir)
}, 120_000)
afterAll(() => server?.close())

describe('differential: a rejected token against a real kubectl', () => {
  for (const [i, args] of CASES.entries()) {
    it(args.join(' '), async () => {
      const expected = real[i]
      const lab = new RejectingLab({}, '2026-11-29T15:38:59Z')
      const got = await runKubectl(lab, ['--token=bad', ...args], { files: { '/root/.kube/config': ADMIN_KUBECONFIG, '/root/sa.yaml': SA } })
      expect({ ...got, stderr: maskKlog(got.stderr) }).toEqual({ ...expected, stderr: maskKlog(expected.stderr.replaceAll(dir + '/', '')) })
    })
  }
})
