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
/** Each case runs in a namespace of its own (`c<i>`), so that the server tells its requests apart while the cases run side by side. */
const ns = (i: number) => `c${i}`
const podPath = (i: number) => `/api/v1/namespaces/${ns(i)}/pods/app`
/* eslint-disable @typescript-eslint/no-explicit-any */
const ended = (p: any) => ({ ...p, status: { ...p.status, containerStatuses: p.status.containerStatuses.map((c: any) => ({ ...c, state: { terminated: { exitCode: 0, reason: 'Completed' } } })) } })
/**
 * The pod of case i. With -f, its container has ended: the server closes the log stream at once, as
 * it does for an ended container (the lab follows a running one until it ends: containerLogs.test.ts).
 */
const podIn = (i: number) => {
  const p = { ...pod, metadata: { ...(pod.metadata as object), namespace: ns(i) } }
  return CASES[i].includes('-f') ? ended(p) : p
}

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
].map((args, i) => [...args, '-n', ns(i)])

let server: OracleServer
let real: Real[] = []
/** The log requests of each case's real run (path and query). */
let realLogPaths: string[][] = []
beforeAll(async () => {
  const objects: Record<string, unknown> = {}
  CASES.forEach((_, i) => {
    objects[podPath(i)] = podIn(i)
    objects[`${podPath(i)}/log`] = LOG
  })
  server = await startOracleServer('ok', objects)
  real = await realBatch(server.url, CASES, workdir({}))
  realLogPaths = CASES.map((_, i) => server.seen.filter((p) => p.startsWith(`${podPath(i)}/log`)))
}, 120_000)
afterAll(() => server?.close())

describe('differential: kubectl logs options, against a real kubectl', () => {
  for (const [i, args] of CASES.entries()) {
    it(args.join(' '), async () => {
      const lab = new FakeLab({ [`GET ${podPath(i)}`]: podIn(i), [`GET ${podPath(i)}/log`]: [200, LOG] }, '2026-11-29T15:38:59Z')
      const got = await runKubectl(lab, args, { files: { '/root/.kube/config': ADMIN_KUBECONFIG } })
      expect(got).toEqual(real[i])
      expect(lab.requests.map((r) => r.path).filter((p) => p.startsWith(`${podPath(i)}/log`))).toEqual(realLogPaths[i])
    })
  }
  it('the cases cover requests and errors', () => {
    expect(realLogPaths.filter((p) => p.length > 0).length).toBeGreaterThanOrEqual(6)
    expect(real.filter((r) => r.exitCode !== 0).length).toBeGreaterThanOrEqual(10)
  })
})
