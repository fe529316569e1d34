// A projected volume's checks at pod creation (pkg/apis/core/validation validateProjectionSources):
// a token's lifetime between 10 minutes and 2^32 seconds, a path that is relative and has no `..`
// (its errors name the projection's path), one kind per source; and the hour a token gets by default.
import { describe, expect, it } from 'vitest'
import { asAdmin, labWithPod } from './testing'

const PODS = '/api/v1/namespaces/sa-demo/pods'
const pod = (name: string, sources: unknown[], extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name },
  spec: { containers: [{ name: 'c', image: 'busybox:1.36' }], volumes: [{ name: 't', projected: { sources, ...extra } }] },
})
const message = (r: { body: unknown }) => (r.body as { message: string }).message

describe("a projected volume's sources", () => {
  it('refuses a token lifetime under 10 minutes or over 2^32 seconds', async () => {
    const c = await labWithPod()
    const short = await asAdmin(c, 'POST', PODS, pod('a', [{ serviceAccountToken: { path: 'token', expirationSeconds: 300 } }]))
    expect([short.status, message(short)]).toEqual([422, 'Pod "a" is invalid: spec.volumes[0].projected.sources[0].serviceAccountToken.expirationSeconds: Invalid value: 300: may not specify a duration less than 10 minutes'])
    const long = await asAdmin(c, 'POST', PODS, pod('b', [{ serviceAccountToken: { path: 'token', expirationSeconds: 2 ** 32 + 1 } }]))
    expect(message(long)).toBe('Pod "b" is invalid: spec.volumes[0].projected.sources[0].serviceAccountToken.expirationSeconds: Invalid value: 4294967297: may not specify a duration larger than 2^32 seconds')
  })

  it("checks the token's path, naming the projection's path", async () => {
    const c = await labWithPod()
    const cases: [unknown, string][] = [
      [{ expirationSeconds: 3600 }, 'spec.volumes[0].projected.path: Required value'],
      [{ path: '/abs' }, 'spec.volumes[0].projected.path: Invalid value: "/abs": must be a relative path'],
      [{ path: 'a/../b' }, `spec.volumes[0].projected.path: Invalid value: "a/../b": must not contain '..'`],
      [{ path: '..token' }, `spec.volumes[0].projected.path: Invalid value: "..token": must not start with '..'`],
    ]
    for (const [i, [token, text]] of cases.entries()) {
      const r = await asAdmin(c, 'POST', PODS, pod(`p${i}`, [{ serviceAccountToken: token }]))
      expect(message(r)).toBe(`Pod "p${i}" is invalid: ${text}`)
    }
  })

  it('refuses two kinds in one source, and a mode over 0777', async () => {
    const c = await labWithPod()
    const two = await asAdmin(c, 'POST', PODS, pod('a', [{ serviceAccountToken: { path: 't' }, configMap: { name: 'kube-root-ca.crt' } }]))
    expect(message(two)).toBe('Pod "a" is invalid: spec.volumes[0].projected.sources[0]: Forbidden: may not specify more than 1 volume type')
    const mode = await asAdmin(c, 'POST', PODS, pod('b', [{ serviceAccountToken: { path: 't' } }], { defaultMode: 0o1000 }))
    expect(message(mode)).toBe('Pod "b" is invalid: spec.volumes[0].projected.defaultMode: Invalid value: 512: must be a number between 0 and 0777 (octal), both inclusive')
  })

  it('gives a token without a lifetime an hour', async () => {
    const c = await labWithPod()
    const r = await asAdmin(c, 'POST', PODS, pod('a', [{ serviceAccountToken: { path: 'token' } }]))
    expect(r.status).toBe(201)
    expect((r.body as { spec: { volumes: { projected: { sources: { serviceAccountToken: unknown }[] } }[] } }).spec.volumes[0].projected.sources[0].serviceAccountToken).toEqual({ expirationSeconds: 3600, path: 'token' })
  })
})
