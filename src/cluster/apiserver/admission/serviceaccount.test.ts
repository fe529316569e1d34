import { describe, expect, it } from 'vitest'
import { VirtualClock } from '../../clock/clock'
import { DEFAULT_CLUSTER_CONFIG, type ClusterContext } from '../../context'
import { NAME_SUFFIX_ALPHABET, Random } from '../../random'
import { ObjectStore } from '../../store/store'
import type { Pod } from '../../api/core'
import type { AdmissionAttributes } from './interfaces'
import { serviceAccountAdmission } from './serviceaccount'

const PATH = '/var/run/secrets/kubernetes.io/serviceaccount'
const EXPECTED_SOURCES = [
  { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
  { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
  { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
]

function ctxWith(sa?: Record<string, unknown>): ClusterContext {
  const store = new ObjectStore()
  if (sa) {
    store.create('serviceaccounts', {
      apiVersion: 'v1', kind: 'ServiceAccount',
      metadata: { name: 'default', namespace: 'sa-demo', uid: 'u', resourceVersion: '', creationTimestamp: '' }, ...sa,
    } as never)
  }
  return {
    store, clock: new VirtualClock(0), random: Random.fromSeed('adm'), config: DEFAULT_CLUSTER_CONFIG,
    record: () => {}, onWork: () => {},
  }
}

function admit(ctx: ClusterContext, spec: Partial<Pod['spec']>, name = 'app') {
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'sa-demo', uid: '', resourceVersion: '', creationTimestamp: '' }, spec: { containers: [{ name: 'app', image: 'nginx' }], ...spec } } as Pod
  const a: AdmissionAttributes = {
    operation: 'CREATE', resource: { group: '', resource: 'pods' }, subresource: '', kind: 'Pod',
    namespace: 'sa-demo', name, object: pod, userInfo: { username: 'admin', groups: ['system:masters'] },
  }
  return { err: serviceAccountAdmission.admit!(a, ctx), pod }
}

describe('ServiceAccount admission', () => {
  it('defaults serviceAccountName and adds the projected volume with its three sources in order', () => {
    const { err, pod } = admit(ctxWith({}), {})
    expect(err).toBeUndefined()
    expect(pod.spec.serviceAccountName).toBe('default')
    const v = pod.spec.volumes![0]
    expect(v.name).toMatch(new RegExp(`^kube-api-access-[${NAME_SUFFIX_ALPHABET}]{5}$`))
    expect(v.projected).toEqual({ sources: EXPECTED_SOURCES, defaultMode: 420 })
    expect(Object.keys(v.projected as object)).toEqual(['sources', 'defaultMode'])
    expect(pod.spec.containers[0].volumeMounts).toEqual([{ name: v.name, readOnly: true, mountPath: PATH }])
  })

  it('draws volume names from the name-generator alphabet, 5 characters', () => {
    const ctx = ctxWith({})
    for (let i = 0; i < 50; i++) {
      const name = admit(ctx, {}).pod.spec.volumes![0].name
      expect(name.length).toBe('kube-api-access-'.length + 5)
      for (const ch of name.slice(16)) expect(NAME_SUFFIX_ALPHABET).toContain(ch)
    }
  })

  it('mounts on every init container and container, except those already mounting the path', () => {
    const { pod } = admit(ctxWith({}), {
      initContainers: [{ name: 'init', image: 'busybox' }],
      containers: [
        { name: 'a', image: 'nginx' },
        { name: 'b', image: 'nginx', volumeMounts: [{ name: 'mine', mountPath: PATH }] },
      ],
      volumes: [{ name: 'mine', emptyDir: {} }],
    })
    const vol = pod.spec.volumes!.find((v) => v.name.startsWith('kube-api-access-'))!
    expect(pod.spec.initContainers![0].volumeMounts).toEqual([{ name: vol.name, readOnly: true, mountPath: PATH }])
    expect(pod.spec.containers[0].volumeMounts).toEqual([{ name: vol.name, readOnly: true, mountPath: PATH }])
    expect(pod.spec.containers[1].volumeMounts).toEqual([{ name: 'mine', mountPath: PATH }])
    expect(pod.spec.volumes!.map((v) => v.name)).toEqual(['mine', vol.name])
  })

  it('adds no volume when every container already mounts the path', () => {
    const { pod } = admit(ctxWith({}), { containers: [{ name: 'a', image: 'x', volumeMounts: [{ name: 'm', mountPath: PATH }] }], volumes: [{ name: 'm', emptyDir: {} }] })
    expect(pod.spec.volumes!.map((v) => v.name)).toEqual(['m'])
  })

  it('reuses an existing kube-api-access- volume', () => {
    const { pod } = admit(ctxWith({}), { volumes: [{ name: 'kube-api-access-mine1', emptyDir: {} }] })
    expect(pod.spec.volumes).toEqual([{ name: 'kube-api-access-mine1', emptyDir: {} }])
    expect(pod.spec.containers[0].volumeMounts).toEqual([{ name: 'kube-api-access-mine1', readOnly: true, mountPath: PATH }])
  })

  it.each([
    [undefined, undefined, true],
    [undefined, true, true],
    [undefined, false, false],
    [true, undefined, true],
    [true, false, true],
    [false, undefined, false],
    [false, true, false],
  ])('automount: pod %s, SA %s -> %s', (podSetting, saSetting, mounted) => {
    const sa = saSetting === undefined ? {} : { automountServiceAccountToken: saSetting }
    const spec = podSetting === undefined ? {} : { automountServiceAccountToken: podSetting }
    const { pod } = admit(ctxWith(sa), spec)
    expect(pod.spec.volumes !== undefined).toBe(mounted)
    expect(pod.spec.containers[0].volumeMounts !== undefined).toBe(mounted)
  })

  it('refuses a pod whose service account does not exist, with the exact Forbidden message', () => {
    const { err } = admit(ctxWith({}), { serviceAccountName: 'missing' })
    expect(err).toEqual({
      kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure',
      message: 'pods "app" is forbidden: error looking up service account sa-demo/missing: serviceaccount "missing" not found',
      reason: 'Forbidden', details: { name: 'app', kind: 'pods' }, code: 403,
    })
    expect(admit(ctxWith(), {}).err?.message).toBe('pods "app" is forbidden: error looking up service account sa-demo/default: serviceaccount "default" not found')
  })

  it('copies the SA imagePullSecrets when the pod has none', () => {
    expect(admit(ctxWith({ imagePullSecrets: [{ name: 'reg' }] }), {}).pod.spec.imagePullSecrets).toEqual([{ name: 'reg' }])
    expect(admit(ctxWith({ imagePullSecrets: [{ name: 'reg' }] }), { imagePullSecrets: [{ name: 'own' }] }).pod.spec.imagePullSecrets).toEqual([{ name: 'own' }])
  })
})
