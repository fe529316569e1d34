// ServiceAccount admission: default the pod's service account, check it exists, and mount its token
// as the projected kube-api-access-xxxxx volume in every container.
// Imitates: plugin/pkg/admission/serviceaccount/admission.go

import { newNotFound } from '../../../common/apiErrors'
import type { Container, Pod, ServiceAccount, Volume, VolumeMount } from '../../api/core'
import type { Random } from '../../random'
import { admissionForbidden, isWriteOf, type AdmissionPlugin } from './interfaces'

export const DEFAULT_SERVICE_ACCOUNT_NAME = 'default'
export const SERVICE_ACCOUNT_VOLUME_NAME = 'kube-api-access'
export const DEFAULT_API_TOKEN_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount'
/** serviceaccount.WarnOnlyBoundTokenExpirationSeconds (1 h + 7 s): the kubelet's pod tokens. */
export const WARN_ONLY_BOUND_TOKEN_EXPIRATION_SECONDS = 3607
export const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror'

/** TokenVolumeSource: the projected volume, sources in this order, defaultMode set explicitly (#104464). */
export function tokenVolumeSource(): Record<string, unknown> {
  return {
    sources: [
      { serviceAccountToken: { expirationSeconds: WARN_ONLY_BOUND_TOKEN_EXPIRATION_SECONDS, path: 'token' } },
      { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
      { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
    ],
    defaultMode: 420,
  }
}

/** names.SimpleNameGenerator.GenerateName: base (at most 58 chars) + 5 random characters. */
export function generateName(random: Random, base: string): string {
  return base.slice(0, 63 - 5) + random.nameSuffix(5)
}

/** shouldAutomount: the pod's setting wins, then the service account's, else true. */
export function shouldAutomount(sa: ServiceAccount, pod: Pod): boolean {
  if (pod.spec.automountServiceAccountToken !== undefined && pod.spec.automountServiceAccountToken !== null) {
    return pod.spec.automountServiceAccountToken
  }
  if (sa.automountServiceAccountToken !== undefined && sa.automountServiceAccountToken !== null) {
    return sa.automountServiceAccountToken
  }
  return true
}

export function mountServiceAccountToken(random: Random, pod: Pod): void {
  let tokenVolumeName = ''
  let hasTokenVolume = false
  for (const v of pod.spec.volumes ?? []) {
    if (v.name.startsWith(`${SERVICE_ACCOUNT_VOLUME_NAME}-`)) {
      tokenVolumeName = v.name
      hasTokenVolume = true
      break
    }
  }
  if (!tokenVolumeName) tokenVolumeName = generateName(random, `${SERVICE_ACCOUNT_VOLUME_NAME}-`)

  const mount: VolumeMount = { name: tokenVolumeName, readOnly: true, mountPath: DEFAULT_API_TOKEN_MOUNT_PATH }
  let needsTokenVolume = false
  const ensureMount = (c: Container) => {
    if ((c.volumeMounts ?? []).some((m) => m.mountPath === DEFAULT_API_TOKEN_MOUNT_PATH)) return
    c.volumeMounts = [...(c.volumeMounts ?? []), { ...mount }]
    needsTokenVolume = true
  }
  for (const c of pod.spec.initContainers ?? []) ensureMount(c)
  for (const c of pod.spec.containers ?? []) ensureMount(c)

  if (!hasTokenVolume && needsTokenVolume) {
    const volume: Volume = { name: tokenVolumeName, projected: tokenVolumeSource() }
    pod.spec.volumes = [...(pod.spec.volumes ?? []), volume]
  }
}

export const serviceAccountAdmission: AdmissionPlugin = {
  name: 'ServiceAccount',
  admit(a, ctx) {
    if (!isWriteOf(a, 'pods') || a.subresource !== '') return undefined
    if (a.operation !== 'CREATE' || !a.object) return undefined
    const pod = a.object
    pod.spec ??= { containers: [] }
    // mirror (static) pods are never mutated
    if (pod.metadata.annotations?.[MIRROR_POD_ANNOTATION] !== undefined) return undefined
    if (!pod.spec.serviceAccountName) pod.spec.serviceAccountName = DEFAULT_SERVICE_ACCOUNT_NAME

    const saName = pod.spec.serviceAccountName
    const sa = ctx.store.get('serviceaccounts', a.namespace, saName)
    if (!sa) {
      const notFound = newNotFound({ group: '', resource: 'serviceaccount' }, saName)
      return admissionForbidden(a, `error looking up service account ${a.namespace}/${saName}: ${notFound.message}`)
    }
    if (shouldAutomount(sa, pod)) mountServiceAccountToken(ctx.random, pod)
    if (!pod.spec.imagePullSecrets || pod.spec.imagePullSecrets.length === 0) {
      const copied = (sa.imagePullSecrets ?? []).map((s) => ({ name: s.name }))
      if (copied.length) pod.spec.imagePullSecrets = copied
    }
    return undefined
  },
  validate(a) {
    if (!isWriteOf(a, 'pods') || a.subresource !== '') return undefined
    if (a.operation !== 'CREATE' || !a.object) return undefined
    const pod = a.object
    if (pod.metadata.annotations?.[MIRROR_POD_ANNOTATION] !== undefined && pod.spec?.serviceAccountName) {
      return admissionForbidden(a, 'a mirror pod may not reference service accounts')
    }
    return undefined
  },
}
