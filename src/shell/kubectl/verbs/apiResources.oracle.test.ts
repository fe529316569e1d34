// Differential test: `kubectl api-resources` of the lab against a real kubectl (v1.33 here) that reads the
// discovery documents the lab's own API server serves, from a loopback server. -o json and yaml are v1.35's
// (pkg/cmd/apiresources/print_flags.go): the v1.33 binary refuses them, so they are checked against the
// documents themselves; -o wide joins verbs with commas in v1.35 where v1.33 prints Go's [a b].

import { existsSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLab } from '../../../app/lab'
import { requireTools, runBatch, type Outcome } from '../../testing/realTools'
import { FakeLab, runKubectl } from '../testing/fake'

const BINARY = ['/usr/lib/google-cloud-sdk/bin/kubectl.1.33', '/usr/bin/kubectl'].find((p) => existsSync(p))

const CASES: string[][] = [
  [],
  ['-o', 'name'],
  ['--no-headers'],
  ['--api-group=rbac.authorization.k8s.io'],
  ['--api-group='],
  ['--namespaced=false'],
  ['--namespaced=true', '-o', 'name'],
  ['--verbs=list,watch'],
  ['--verbs', 'create', '--verbs', 'get'],
  ['--categories=all'],
  ['--sort-by=kind'],
  ['--sort-by=name', '--no-headers'],
  ['--sort-by=size'],
  ['pods'],
  ['-o', 'wide'],
]

/** The lab's discovery, as its API server serves it: path -> JSON text. */
const served: Record<string, string> = {}
let server: http.Server
let results: Outcome[] = []
beforeAll(async () => {
  if (!BINARY) requireTools('kubectl')
  const lab = await createLab({ seed: '1' })
  const get = async (path: string) => (served[path] = (await lab.run(`kubectl get --raw ${path}`)).stdout)
  await get('/api')
  await get('/api/v1')
  const groups = JSON.parse(await get('/apis')) as { groups: { preferredVersion: { groupVersion: string } }[] }
  for (const g of groups.groups) await get(`/apis/${g.preferredVersion.groupVersion}`)
  server = http.createServer((req, res) => {
    req.resume()
    const body = served[new URL(req.url ?? '/', 'http://x').pathname]
    res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' })
    res.end(body ?? JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'NotFound', code: 404 }))
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const calls = CASES.map((args) => ({ argv: [BINARY as string, '--kubeconfig=/dev/null', '-s', url, 'api-resources', ...args], env: { HOME: '/nonexistent', PATH: '/usr/bin:/bin' } }))
  results = (await runBatch(calls, { parallel: 4 })).map((r) => ({ ...r, stderr: r.stderr.replace(/^E\d{4} .*memcache.*\n/gm, '') }))
}, 120_000)
afterAll(() => server?.close())

const lab = () => new FakeLab({}, '2026-11-29T15:38:59Z')
/** A table's rows as cells (columns are two or more spaces apart; an empty cell is lost, as it is in both). */
const cells = (table: string) => table.trimEnd().split('\n').map((l) => l.trim().split(/ {2,}/))

describe("differential: kubectl api-resources against a real kubectl reading the lab's discovery", () => {
  for (const [i, args] of CASES.entries()) {
    it(args.join(' ') || '(no flags)', async () => {
      const got = await runKubectl(lab(), ['api-resources', ...args])
      const expected = results[i]
      if (args.includes('wide')) {
        // v1.35 prints VERBS and CATEGORIES joined with commas (print_flags.go), v1.33 as [a b]
        const v135 = cells(expected.stdout).map((row) => row.map((c) => (/^\[.*\]$/.test(c) ? c.slice(1, -1).split(' ').join(',') : c)).filter((c) => c !== ''))
        expect({ ...got, stdout: cells(got.stdout) }).toEqual({ ...expected, stdout: v135 })
      } else expect(got).toEqual(expected)
    })
  }

  it('-o json and -o yaml print the flat APIResourceList of what the server lists, v1.35 style', async () => {
    const json = JSON.parse((await runKubectl(lab(), ['api-resources', '-o', 'json', '--api-group=authentication.k8s.io'])).stdout)
    const listed = (JSON.parse(served['/apis/authentication.k8s.io/v1']) as { resources: Record<string, unknown>[] }).resources
    expect(json).toEqual({
      kind: 'APIResourceList',
      apiVersion: 'v1',
      groupVersion: '',
      resources: listed.map((r) => ({ ...r, group: 'authentication.k8s.io', version: 'v1' })),
    })
    // key order is metav1.APIResource's; YAML's is sorted (sigs.k8s.io/yaml); the core group's empty name is omitted
    const pods = (await runKubectl(lab(), ['api-resources', '-o', 'yaml', '--categories=all'])).stdout
    expect(pods.split('\n').slice(0, 8)).toEqual(['apiVersion: v1', 'groupVersion: ""', 'kind: APIResourceList', 'resources:', '- categories:', '  - all', '  kind: Pod', '  name: pods'])
    expect(Object.keys(json.resources[0])).toEqual(['name', 'singularName', 'namespaced', 'group', 'version', 'kind', 'verbs'])
    expect((await runKubectl(lab(), ['api-resources', '-o', 'foo'])).stderr).toBe(
      'error: unable to match a printer suitable for the output format "foo", allowed formats are: json,name,wide,yaml\n',
    )
  })
})
