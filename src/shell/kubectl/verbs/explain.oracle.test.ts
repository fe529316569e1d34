// kubectl explain against the real kubectl: the lab's own discovery and OpenAPI v3 documents (fetched with
// `kubectl get --raw` from the lab) are replayed by a small HTTP server in a child process, and the real
// kubectl (whose explain template is the same from v1.32 to v1.35: pkg/explain/v2/templates/plaintext.tmpl)
// renders them. Output, errors and exit codes must be the lab's, byte for byte. One bash run for all cases.

import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLab, type Lab } from '../../../app/lab'
import { requireTools } from '../../testing/realTools'
import { REAL_KUBECTL, batchKubectl, type BatchResult } from '../testing/batch'

const CASES = [
  'pods', 'pod.spec', 'pods.spec.containers', 'pod.spec.serviceAccountName', 'pod.spec.automountServiceAccountToken', 'pod.metadata.labels',
  'pods.spec.volumes.projected.sources.serviceAccountToken', 'serviceaccounts', 'sa.automountServiceAccountToken', 'secret.data',
  'nodes.status.capacity', 'svc.spec.ports', 'endpointslices', 'roles.rbac.authorization.k8s.io.rules.verbs', 'rolebinding.subjects',
  'clusterrole.aggregationRule', 'tokenreviews.spec', 'tokenreview.status.user', 'sa --recursive', 'pod.spec.securityContext --recursive',
  'pods.foo.bar', 'pods.spec.foo', 'pods.spec.containers[0]', 'foo', '', 'pods nodes', 'pods --output=yaml', 'pods --api-version=v2',
  'pods --recursive=maybe', 'Pod.spec.nodeName', 'events --api-version=events.k8s.io/v1', 'events.regarding --api-version=events.k8s.io/v1',
  'events.events.k8s.io',
].map((c) => c.split(' ').filter(Boolean))

const SERVER = `
const http = require('node:http'); const fs = require('node:fs'); const dir = process.argv[1]
const routes = JSON.parse(fs.readFileSync(dir + '/routes.json', 'utf8'))
const srv = http.createServer((req, res) => {
  const path = req.url.split('?')[0]
  const body = routes[path]
  res.writeHead(body === undefined ? 404 : 200, { 'content-type': 'application/json' })
  res.end(body ?? '{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"NotFound","code":404}')
})
srv.listen(0, '127.0.0.1', () => console.log(srv.address().port))
`

describe.sequential('kubectl explain against the real kubectl on the lab\'s documents', () => {
  let lab: Lab
  let server: ChildProcess
  let real: BatchResult[]
  const ours: BatchResult[] = []

  beforeAll(async () => {
    requireTools(REAL_KUBECTL ?? 'kubectl')
    lab = await createLab({ seed: 'explain' })
    const raw = async (p: string) => {
      const r = await lab.run(`kubectl get --raw '${p}'`)
      expect(r.exitCode).toBe(0)
      return r.stdout
    }
    const routes: Record<string, string> = {}
    for (const p of ['/api', '/apis', '/api/v1', '/openapi/v3']) routes[p] = await raw(p)
    for (const g of JSON.parse(routes['/apis']).groups) routes[`/apis/${g.preferredVersion.groupVersion}`] = await raw(`/apis/${g.preferredVersion.groupVersion}`)
    for (const { serverRelativeURL } of Object.values(JSON.parse(routes['/openapi/v3']).paths) as { serverRelativeURL: string }[]) {
      routes[serverRelativeURL.split('?')[0]] = await raw(serverRelativeURL)
    }
    const dir = mkdtempSync(join(tmpdir(), 'explain-oracle-'))
    writeFileSync(join(dir, 'routes.json'), JSON.stringify(routes))
    server = spawn(process.execPath, ['-e', SERVER, dir], { stdio: ['ignore', 'pipe', 'inherit'] })
    const port = await new Promise<string>((resolve) => server.stdout!.once('data', (d: Buffer) => resolve(d.toString().trim())))
    for (const c of CASES) ours.push(await lab.run(`kubectl explain ${c.join(' ')}`))
    real = batchKubectl(CASES.map((c) => [`--server=http://127.0.0.1:${port}`, `--cache-dir=${dir}/cache`, 'explain', ...c]))
  }, 300_000)

  afterAll(() => {
    server?.kill()
  })

  it.each(CASES.map((c, i) => [c.join(' '), i] as const))('kubectl explain %s', (_, i) => {
    expect(ours[i]).toEqual(real[i])
  })
})
