// A pod token through lab time (issue: tokens on trial): the refresh at about 80% of 3607 s, the old
// token still accepted, stale after warnafter (audit annotation), refused once past exp + leeway.
import { describe, expect, it } from 'vitest'
import { labWithApp } from '../src/app/testing'

const TOKEN = '/var/run/secrets/kubernetes.io/serviceaccount/token'
const claims = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'))

describe('a pod token through time', () => {
  it('is refreshed, stays valid, turns stale, then expires', async () => {
    const lab = await labWithApp('time')
    const run = (l: string) => lab.run(l)
    const old = (await run(`kubectl -n sa-demo exec app -- cat ${TOKEN}`)).stdout
    const call = (tok: string) => run(`curl -s -o /dev/null -w "%{http_code}" --cacert ca.pem -H "Authorization: Bearer ${tok}" https://$APISERVER/version`)

    expect((await run('lab advance 49m')).stdout).toMatch(/: ran 1 token refresh\.\n$/)
    const fresh = (await run(`kubectl -n sa-demo exec app -- cat ${TOKEN}`)).stdout
    expect(claims(fresh).jti).not.toBe(claims(old).jti)
    // refresh at iat + 3607 * 80% (2886 s) minus a jitter of 0-9 s
    const gap = claims(fresh).iat - claims(old).iat
    expect(gap).toBeGreaterThanOrEqual(2877)
    expect(gap).toBeLessThanOrEqual(2886)
    expect((await call(old)).stdout).toBe('200')
    const before = lab.snapshot().cluster.audit!.at(-1)!
    expect(before.annotations?.['authentication.k8s.io/stale-token']).toBeUndefined()

    await run('lab advance 12m')
    expect((await call(old)).stdout).toBe('200')
    const stale = lab.snapshot().cluster.audit!.at(-1)!
    const seconds = Math.floor(lab.nowMs() / 1000) - claims(old)['kubernetes.io'].warnafter
    expect(stale.annotations?.['authentication.k8s.io/stale-token'])
      .toBe(`subject: system:serviceaccount:sa-demo:default, seconds after warning threshold: ${seconds}`)
    expect((await call(fresh)).stdout).toBe('200')
    expect(lab.snapshot().cluster.audit!.at(-1)!.annotations?.['authentication.k8s.io/stale-token']).toBeUndefined()

    await run('lab advance 366d')
    expect((await call(old)).stdout).toBe('401')
    expect(lab.snapshot().cluster.audit!.at(-1)!.authentication.reason).toBe('[invalid bearer token, service account token has expired]')
    // the token the kubelet mounts now is a fresh one
    const now = (await run(`kubectl -n sa-demo exec app -- cat ${TOKEN}`)).stdout
    expect(Math.floor(lab.nowMs() / 1000) - claims(now).iat).toBeLessThan(2887)
    expect((await call(now)).stdout).toBe('200')
  })
})
