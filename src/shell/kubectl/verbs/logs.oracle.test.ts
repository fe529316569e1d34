// Differential test of kubectl logs' options against a real kubectl talking to the oracle's
// server: the query it sends for the log (keys sorted, as client-go encodes a query; --since
// rounded to the second; --since-time as RFC3339 in UTC), what it prints, and its errors: an
// unparsable --since-time (time.Parse's message, before the pod is read), then LogsOptions.Validate's
// checks (after it is read).

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { realBatch, startOracleServer, workdir, type OracleServer, type Real } from '../testing/oracle'
import { ADMIN_KUBECONFIG, FakeLab, runKubectl } from '../testing/fake'
import { pod } from '../testing/fixtures'

const LOG = 'one\ntwo\nthree'
const POD = { ...pod, metadata: { ...(pod.metadata as object), namespace: 'default' } }
const POD_PATH = '/api/v1/namespaces/default/pods/app'

const CASES: string[][] = [
  ['logs', 'app'],
  ['logs', 'app', '--since=90s', '--timestamps', '--tail=5', '--limit-bytes=10', '-p'],
  ['logs', 'app', '--since=1500ms'],
  ['logs', 'app', '--since=1h', '-f'],
  ['logs', 'app', '--since-time=2024-08-30T06:00:00Z'],
  ['logs', 'app', '--since-time=2024-08-30T06:00:00.123456+02:00'],
  ['logs', 'app', '--since-time=2024-08-30'],
  ['logs', 'app', '--since-time=yesterday'],
  ['logs', 'app', '--since-time=2024-13-30T06:00:00Z'],
  ['logs', 'app', '--since-time=2024-02-30T06:00:00Z'],
  ['logs', 'app', '--since-time=2024-08-30T24:00:00Z'],
  ['logs', 'app', '--since-time=2024-08-30T06:00:00Zx'],
  ['logs', 'app', '--since-time=2024-08-30T06:00:00+0200'],
  ['logs', 'app', '--since=1m', '--since-time=2024-08-30T06:00:00Z'],
  ['logs', 'app', '--limit-bytes=-1'],
  ['logs', 'app', '--tail=-2'],
  ['logs', 'app', '--since=-5s'],
  ['logs', 'app', 'app', '-c', 'app'],
  ['logs', 'app', '--all-containers', '-c', 'app'],
  ['logs', 'nope', '--since-time=2024-08-30'],
]

let server: OracleServer
let real: Real[] = []
/** The log requests each real run made (path and query). */
let realLogPaths: string[][] = []
beforeAll(async () => {
  server = await startOracleServer('ok', { [POD_PATH]: POD, [`${POD_PATH}/log`]: LOG })
  real = []
  // one at a time, to tell each run's requests apart
  for (const args of CASES) {
    const from = server.seen.length
    real.push(...(await realBatch(server.url, [args], workdir({}))))
    realLogPaths.push(server.seen.slice(from).filter((p) => p.startsWith(`${POD_PATH}/log`)))
  }
}, 120_000)
afterAll(() => server?.close())

describe('differential: kubectl logs options, against a real kubectl', () => {
  for (const [i, args] of CASES.entries()) {
    it(args.join(' '), async () => {
      const lab = new FakeLab({ [`GET ${POD_PATH}`]: POD, [`GET ${POD_PATH}/log`]: [200, LOG] }, '2026-11-29T15:38:59Z')
      const got = await runKubectl(lab, args, { files: { '/root/.kube/config': ADMIN_KUBECONFIG } })
      expect(got).toEqual(real[i])
      expect(lab.requests.map((r) => r.path).filter((p) => p.startsWith(`${POD_PATH}/log`))).toEqual(realLogPaths[i])
    })
  }
  it('the cases cover requests and errors', () => {
    expect(realLogPaths.filter((p) => p.length > 0).length).toBeGreaterThanOrEqual(6)
    expect(real.filter((r) => r.exitCode !== 0).length).toBeGreaterThanOrEqual(10)
  })
})
