// The new tools in a whole lab: openssl x509 -text on the CA a pod gets mounted (compared with the
// real OpenSSL 3.0 on the same PEM), sleep moving the lab clock that kubectl's ages read, and
// watch showing kubectl's output once under its header.

import { beforeAll, describe, expect, test } from 'vitest'
import type { Lab } from '../../app/lab'
import { labWithApp } from '../../app/testing'
import { CLUSTER_CA_PEM } from '../../cluster/pki/fixed'
import type { RunResult } from '../types'
import { missingTools, runReal } from './diffSupport'

const SA = '/var/run/secrets/kubernetes.io/serviceaccount'

describe('the tools in a lab', () => {
  let lab: Lab
  beforeAll(async () => {
    lab = await labWithApp()
  }, 120_000)

  test("openssl x509 -text on the pod's ca.crt is what OpenSSL 3.0 prints for the cluster CA", async () => {
    expect(missingTools(['openssl'])).toEqual([])
    const [real] = runReal(['openssl x509 -in ca.crt -noout -text -fingerprint -sha256'], { 'ca.crt': CLUSTER_CA_PEM })
    expect(real.stdout).toMatch(/^Certificate:\n {4}Data:\n/)
    expect((await lab.run(`kubectl -n sa-demo exec app -- cat ${SA}/ca.crt > pod-ca.crt`)).exitCode).toBe(0)
    const got: RunResult = await lab.run('openssl x509 -in pod-ca.crt -noout -text -fingerprint -sha256')
    expect(got).toEqual(real)
  })

  test('sleep moves the lab clock, so ages grow by as much', async () => {
    const before = (await lab.run('lab now')).stdout.trim()
    expect(await lab.run('sleep 90')).toEqual({ stdout: '', stderr: '', exitCode: 0 })
    const after = (await lab.run('lab now')).stdout.trim()
    expect(Date.parse(after) - Date.parse(before)).toBe(90_000)
    // In the pod's shell too (its sleep is this command when the image has it on PATH).
    expect((await lab.run("kubectl -n sa-demo exec app -- sh -c 'sleep 30; echo woke'; lab now")).stdout).toBe(`woke\n${new Date(Date.parse(after) + 30_000).toISOString().replace('.000Z', 'Z')}\n`)
    const age = async () => /(\d+)m(\d+)s\n$/.exec((await lab.run('kubectl -n sa-demo get pod app')).stdout)!.slice(1).map(Number)
    const [m1, s1] = await age()
    expect((await lab.run('sleep 2m 5s')).exitCode).toBe(0)
    expect((await lab.run('sleep 2m5s')).stderr).toMatch(/^sleep: invalid time interval '2m5s'/)
    const [m2, s2] = await age()
    expect(m2 * 60 + s2 - (m1 * 60 + s1)).toBe(125)
  })

  test("awk's systime and strftime read the lab clock, as date does", async () => {
    const now = Math.floor(Date.parse((await lab.run('lab now')).stdout.trim()) / 1000)
    expect(await lab.run("awk 'BEGIN { print systime() }'")).toEqual({ stdout: `${now}\n`, stderr: '', exitCode: 0 })
    const date = (await lab.run("date '+%a %b %e %H:%M:%S %Y'")).stdout
    expect(await lab.run("awk 'BEGIN { print strftime() }'")).toEqual({ stdout: date, stderr: '', exitCode: 0 })
  })

  test('watch shows the pod list once under its header, with the lab time', async () => {
    const now = Date.parse((await lab.run('lab now')).stdout.trim())
    const r = await lab.run('watch -n 5 kubectl -n sa-demo get pods')
    const date = new Date(now).toUTCString() // "Sat, 23 May 2026 23:29:00 GMT"
    const [, d, mon, y, time] = /^\w+, (\d+) (\w+) (\d+) ([\d:]+)/.exec(date)!
    const ctime = `${date.slice(0, 3)} ${mon} ${String(Number(d)).padStart(2)} ${time} ${y}`
    const header = `Every 5.0s: kubectl -n sa-demo get pods`
    expect(r.stdout.split('\n').slice(0, 3)).toEqual([header + ' '.repeat(80 - header.length - 13 - ctime.length) + `workstation: ${ctime}`, '', 'NAME   READY   STATUS    RESTARTS   AGE'])
    expect(r.stdout).toMatch(/\napp {4}1\/1 {5}Running {3}0 {10}\d+m?\d*s?\n$/)
    expect(r.exitCode).toBe(0)
  })

  test('openssl x509 -checkend reads the lab clock (the CA runs until Nov 26 2036)', async () => {
    expect(await lab.run('openssl x509 -in ca.pem -noout -checkend 86400')).toEqual({ stdout: 'Certificate will not expire\n', stderr: '', exitCode: 0 })
    expect((await lab.run('sleep 4000d')).exitCode).toBe(0)
    expect(await lab.run('openssl x509 -in ca.pem -noout -checkend 86400')).toEqual({ stdout: 'Certificate will expire\n', stderr: '', exitCode: 1 })
  })
})
