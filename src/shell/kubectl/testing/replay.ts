// Test helper: the lab's own API answers (fetched with `kubectl get --raw` from a lab) replayed by a small HTTP
// server in a child process, for the real kubectl to talk to. A path's query is ignored: each path has one answer.

import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect } from 'vitest'
import { batchKubectl, type BatchResult } from './batch'

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

/** What the replay needs of a lab (app/lab.ts's Lab, which this layer may not import): a command line's result. */
interface Lab {
  run(line: string): Promise<{ stdout: string; stderr: string; exitCode: number }>
}

export interface Replay {
  /** The flags that point the real kubectl at the replay: `--server=…` and a cache directory of its own. */
  flags: string[]
  /** The lab's raw answer for a path, as the replay serves it. */
  routes: Record<string, string>
  close(): void
}

/** The lab's answer for a path (`kubectl get --raw`), which must succeed. */
export async function rawOf(lab: Lab, path: string): Promise<string> {
  const r = await lab.run(`kubectl get --raw '${path}'`)
  expect(r.exitCode, `${path}: ${r.stderr}`).toBe(0)
  return r.stdout
}

/**
 * Replays the lab's discovery (`/api`, `/apis`, `/api/v1` and each group's preferred version), its
 * answers for `paths`, and `more` answers as they are (the OpenAPI documents an index names).
 */
export async function replayLab(lab: Lab, paths: string[], more: Record<string, string> = {}): Promise<Replay> {
  const routes: Record<string, string> = {}
  for (const p of ['/api', '/apis', '/api/v1', ...paths]) routes[p] = await rawOf(lab, p)
  for (const g of JSON.parse(routes['/apis']).groups) routes[`/apis/${g.preferredVersion.groupVersion}`] = await rawOf(lab, `/apis/${g.preferredVersion.groupVersion}`)
  Object.assign(routes, more)
  const dir = mkdtempSync(join(tmpdir(), 'kubectl-replay-'))
  writeFileSync(join(dir, 'routes.json'), JSON.stringify(routes))
  const server: ChildProcess = spawn(process.execPath, ['-e', SERVER, dir], { stdio: ['ignore', 'pipe', 'inherit'] })
  const port = await new Promise<string>((resolve) => server.stdout!.once('data', (d: Buffer) => resolve(d.toString().trim())))
  return { flags: [`--server=http://127.0.0.1:${port}`, `--cache-dir=${dir}/cache`], routes, close: () => server.kill() }
}

/**
 * Each case (kubectl's words after `kubectl`) in the lab, and in the real kubectl on the replay (in
 * one bash run); `same` evens out, on both sides, what may differ for a known reason (a pod's age on
 * the wall clock).
 */
export async function bothSides(lab: Lab, replay: Replay, cases: string[][], same: (r: BatchResult) => BatchResult = (r) => r): Promise<{ ours: BatchResult[]; real: BatchResult[] }> {
  const ours: BatchResult[] = []
  // each word quoted for the lab's shell, so that both get the same words
  const quote = (w: string) => `'${w.replace(/'/g, "'\\''")}'`
  for (const c of cases) ours.push(same(await lab.run(`kubectl ${c.map(quote).join(' ')}`)))
  const real = batchKubectl(cases.map((c) => [...replay.flags, ...c])).map(same)
  return { ours, real }
}
