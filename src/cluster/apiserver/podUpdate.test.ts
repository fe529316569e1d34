// A running pod's spec through PATCH: ValidatePodUpdate lets an image, activeDeadlineSeconds and
// added tolerations change, and forbids everything else, however deep in the spec it is.
import { describe, expect, it } from 'vitest'
import { asAdmin, labWithPod } from './testing'

const POD = '/api/v1/namespaces/sa-demo/pods/app'
const patch = (c: Awaited<ReturnType<typeof labWithPod>>, body: unknown) => asAdmin(c, 'PATCH', POD, body, { 'content-type': 'application/strategic-merge-patch+json' })

describe("a pod's spec after it is made", () => {
  it('forbids a change to a container field other than the image, at any depth', async () => {
    const c = await labWithPod()
    const changes = [
      { spec: { serviceAccountName: 'robot' } },
      { spec: { containers: [{ name: 'app', args: ['x'] }] } },
      { spec: { containers: [{ name: 'app', workingDir: '/tmp' }] } },
      { spec: { containers: [{ name: 'app', env: [{ name: 'A', value: 'b' }] }] } },
      { spec: { automountServiceAccountToken: false } },
    ]
    for (const body of changes) {
      const r = await patch(c, body)
      expect(r.status, JSON.stringify(body)).toBe(422)
      expect((r.body as { message: string }).message).toMatch(/^Pod "app" is invalid: spec: Forbidden: pod updates may not change fields other than `spec\.containers\[\*\]\.image`/)
    }
  })

  it('lets the image, activeDeadlineSeconds and an added toleration change', async () => {
    const c = await labWithPod()
    expect((await patch(c, { spec: { containers: [{ name: 'app', image: 'busybox:1.36' }] } })).status).toBe(200)
    expect((await patch(c, { spec: { activeDeadlineSeconds: 600 } })).status).toBe(200)
    // tolerations have no merge key: the patch gives the whole list, the old ones first
    const old = ((await asAdmin(c, 'GET', POD)).body as { spec: { tolerations: unknown[] } }).spec.tolerations
    expect(old.length).toBe(2)
    expect((await patch(c, { spec: { tolerations: [...old, { key: 'k', operator: 'Exists', effect: 'NoSchedule' }] } })).status).toBe(200)
    // a list without the old ones is no addition
    expect((await patch(c, { spec: { tolerations: [{ key: 'k', operator: 'Exists', effect: 'NoSchedule' }] } })).status).toBe(422)
    // the image patch kept the container's command and the token's volume mount
    const after = ((await asAdmin(c, 'GET', POD)).body as { spec: { containers: { image: string; command: string[]; volumeMounts: unknown[] }[] } }).spec.containers[0]
    expect([after.image, after.command, after.volumeMounts.length]).toEqual(['busybox:1.36', ['sleep', '100000'], 1])
  })
})
