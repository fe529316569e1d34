// The patch kubectl apply and edit send (CreateThreeWayMergePatch): a keyed list goes item by item,
// so what the API server added to an item (a pod's token volume mount, defaults) stays, an unchanged
// manifest sends nothing, and an item the manifest dropped is deleted by its key.
import { describe, expect, it } from 'vitest'
import { threeWayMergePatch } from './applyPatch'

const manifest = (env: { name: string; value: string }[], image = 'busybox:1.36') => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' },
  spec: { containers: [{ name: 'c', image, env }], tolerations: [{ key: 't', operator: 'Exists' }] },
})
/** The live pod: the manifest's, with what admission and defaulting added. */
const live = (env: { name: string; value: string }[]) => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', uid: 'u' },
  spec: {
    containers: [{ name: 'c', image: 'busybox:1.36', env, imagePullPolicy: 'IfNotPresent', volumeMounts: [{ name: 'kube-api-access-x', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true }] }],
    tolerations: [{ key: 't', operator: 'Exists' }],
  },
})

const A = { name: 'A', value: '1' }
const B = { name: 'B', value: '2' }

describe('threeWayMergePatch', () => {
  it('an unchanged manifest: nothing to send, whatever the server added', () => {
    expect(threeWayMergePatch(manifest([A, B]), manifest([A, B]), live([A, B]))).toEqual({})
  })

  it("a changed item field: only that item, by its key, with only what changed", () => {
    expect(threeWayMergePatch(manifest([A]), manifest([A], 'busybox:1.37'), live([A]))).toEqual({ spec: { containers: [{ name: 'c', image: 'busybox:1.37' }] } })
  })

  it('an item the manifest dropped is deleted by its key; a new one is sent whole', () => {
    expect(threeWayMergePatch(manifest([A, B]), manifest([A, { name: 'C', value: '3' }]), live([A, B]))).toEqual({
      spec: { containers: [{ name: 'c', env: [{ name: 'C', value: '3' }, { name: 'B', $patch: 'delete' }] }] },
    })
  })

  it('an item only the server has (not in the last applied) stays', () => {
    expect(threeWayMergePatch(manifest([A]), manifest([A]), live([A, B]))).toEqual({})
  })

  it('a list without a merge key goes whole when it differs', () => {
    const m = manifest([A])
    m.spec.tolerations = [{ key: 'u', operator: 'Exists' }]
    expect(threeWayMergePatch(manifest([A]), m, live([A]))).toEqual({ spec: { tolerations: [{ key: 'u', operator: 'Exists' }] } })
  })
})
