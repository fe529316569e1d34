// Differential tests against a real kubectl binary (client-side output only): kubectl talks to a tiny loopback
// fake API server that serves discovery and canned objects; the lab's kubectl gets the same objects.
// Fails, naming kubectl, where none is installed. All cases run in one batch (testing/realTools.ts).

import { existsSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FakeLab, runKubectl } from './testing/fake'
import { requireTools, runBatch, type Outcome } from '../testing/realTools'
import { pod, sa } from './testing/fixtures'

const BINARY = ['/usr/lib/google-cloud-sdk/bin/kubectl.1.33', '/usr/bin/kubectl'].find((p) => existsSync(p))

const list = (items: object[]) => ({ kind: 'PodList', apiVersion: 'v1', metadata: { resourceVersion: '1300' }, items })
const canned: Record<string, unknown> = {
  '/api/v1/namespaces/sa-demo/pods/app': pod,
  '/api/v1/namespaces/sa-demo/pods': list([pod]),
  '/api/v1/namespaces/sa-demo/serviceaccounts/default': sa,
}
const discovery: Record<string, unknown> = {
  '/api': { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '10.0.1.10:6443' }] },
  '/apis': { kind: 'APIGroupList', apiVersion: 'v1', groups: [] },
  '/api/v1': {
    kind: 'APIResourceList',
    groupVersion: 'v1',
    resources: [
      ['configmaps', 'ConfigMap', true, ['cm']], ['events', 'Event', true, ['ev']], ['namespaces', 'Namespace', false, ['ns']],
      ['nodes', 'Node', false, ['no']], ['pods', 'Pod', true, ['po']], ['secrets', 'Secret', true, []], ['serviceaccounts', 'ServiceAccount', true, ['sa']],
    ].map(([name, kind, namespaced, shortNames]) => ({ name, singularName: String(kind).toLowerCase(), namespaced, kind, verbs: ['create', 'delete', 'get', 'list'], shortNames })),
  },
}

let server: http.Server
let url = ''
let results: Outcome[] = []
beforeAll(async () => {
  if (!BINARY) requireTools('kubectl')
  server = http.createServer((req, res) => {
    req.resume()
    const path = new URL(req.url ?? '/', 'http://x').pathname
    const body = discovery[path] ?? canned[path]
    res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' })
    res.end(JSON.stringify(body ?? { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'NotFound', code: 404 }))
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const calls = CASES.map((args) => ({ argv: [BINARY as string, '--kubeconfig=/dev/null', '-s', url, ...args], env: { HOME: '/nonexistent', PATH: '/usr/bin:/bin' } }))
  results = (await runBatch(calls, { parallel: 4 })).map((r) => ({ ...r, stderr: r.stderr.replace(/^E\d{4} .*memcache.*\n/gm, '') }))
}, 120_000)
afterAll(() => server?.close())

/** kubectl ≤1.33 prints `creationTimestamp: null` for kubectl-built objects; 1.35 does not (kubernetes-objects.md §1a). */
const drop133 = (s: string) => s.replace(/^ *creationTimestamp: null\n/gm, '').replace(/^ *"creationTimestamp": null,\n/gm, '').replace(/,\n *"creationTimestamp": null\n/g, '\n')

const lab = () => new FakeLab({ 'GET /api/v1/namespaces/sa-demo/pods/app': pod, 'GET /api/v1/namespaces/sa-demo/pods': list([pod]), 'GET /api/v1/namespaces/sa-demo/serviceaccounts/default': sa }, '2026-11-29T15:38:59Z')

const CASES: string[][] = [
  ['run', 'app', '--image=registry.k8s.io/e2e-test-images/agnhost:2.45', '-n', 'sa-demo', '--dry-run=client', '-o', 'yaml', '--command', '--', 'sleep', '100000'],
  ['run', 'x', '--image=y', '--restart=Never', '--labels=a=b,c=d', '--env=A=1', '--env', 'B=2', '--port=80', '--image-pull-policy=Never', '--dry-run=client', '-o', 'yaml', '--', 'a', 'b'],
  ['run', 'x', '--image=y', '-n', 'foo', '--dry-run=client', '-o', 'json'],
  ['run', 'x', '--image=y', '--overrides={"spec":{"serviceAccountName":"s","containers":[{"name":"o"}]},"metadata":{"labels":null}}', '--dry-run=client', '-o', 'json'],
  ['run', 'x', '--image=y', '--overrides={bad', '--dry-run=client', '-o', 'yaml'],
  ['run', 'x', '--image=y', '--dry-run=client', '-o', 'name'],
  ['run', 'x', '--image=y', '--dry-run=client', '-o', 'bogus'],
  ['run', 'x', '--image=y', '--restart=Bogus', '--dry-run=client'],
  ['create', 'ns', 'x', '--dry-run=client', '-o', 'yaml'],
  ['create', 'sa', 'x', '--dry-run=client', '-o', 'json'],
  ['get', 'pod', 'app', '-n', 'sa-demo', '-o', 'yaml'],
  ['get', 'pods', '-n', 'sa-demo', '-o', 'json'],
  ['get', 'pods', '-n', 'sa-demo', '-o', 'name'],
  ['get', 'pods', '-n', 'sa-demo', '-o', 'jsonpath={.items[0].metadata.name} {.items[*].spec.containers[*].image}'],
  ['get', 'sa', 'default', '-n', 'sa-demo', '-o', 'jsonpath-as-json={.metadata}'],
  ['get', 'foo'],
  ['get', 'pods', '--foo'],
  ['exec', 'app', 'ls'],
  ['exec', 'app'],
  ['wait', '--for=foo', 'pod/x'],
  ['version', '-o', 'bogus'],
]

describe('differential: the lab\'s kubectl against a real kubectl', () => {
  for (const [i, args] of CASES.entries()) {
    it(args.join(' '), async () => {
      const expected = results[i]
      const got = await runKubectl(lab(), args)
      expect(got).toEqual({ ...expected, stdout: drop133(expected.stdout) })
    })
  }
})
