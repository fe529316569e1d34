// Defaults the v1 API applies when a Pod is decoded (before admission).
// Imitates: pkg/apis/core/v1/defaults.go (SetDefaults_Pod, SetDefaults_PodSpec, SetDefaults_Container, volume sources)
// and pkg/apis/core/v1/conversion.go (serviceAccount <-> serviceAccountName).

import type { Container, Pod } from '../../../api/core'

/** The tag of an image reference (pkg/util/parsers ParseImageName): `latest` when neither tag nor digest is given. */
export function imageTag(image: string): string {
  const at = image.indexOf('@')
  const ref = at >= 0 ? image.slice(0, at) : image
  const slash = ref.lastIndexOf('/')
  const colon = ref.lastIndexOf(':')
  if (colon > slash) return ref.slice(colon + 1)
  return at >= 0 ? '' : 'latest'
}

function defaultContainer(c: Container): void {
  if (!c.imagePullPolicy) c.imagePullPolicy = imageTag(c.image ?? '') === 'latest' ? 'Always' : 'IfNotPresent'
  if (!c.terminationMessagePath) c.terminationMessagePath = '/dev/termination-log'
  if (!c.terminationMessagePolicy) c.terminationMessagePolicy = 'File'
  c.resources ??= {}
  for (const p of c.ports ?? []) p.protocol ??= 'TCP'
}

function defaultVolumes(pod: Pod): void {
  for (const v of pod.spec.volumes ?? []) {
    for (const src of ['secret', 'configMap', 'downwardAPI', 'projected'] as const) {
      // each source kind has its own type: read the fields they share
      const s = v[src] as { defaultMode?: number; sources?: Record<string, { items?: { fieldRef?: { apiVersion?: string } }[] }>[] } | undefined
      if (s && typeof s === 'object') {
        s.defaultMode ??= 420
        for (const ps of s.sources ?? []) for (const it of ps.downwardAPI?.items ?? []) if (it.fieldRef) it.fieldRef.apiVersion ??= 'v1'
        // SetDefaults_ServiceAccountTokenProjection: an hour
        for (const ps of s.sources ?? []) if (ps.serviceAccountToken && typeof ps.serviceAccountToken === 'object') (ps.serviceAccountToken as { expirationSeconds?: number }).expirationSeconds ||= 3600
      }
    }
  }
}

export function setDefaultsPod(pod: Pod): void {
  pod.spec ??= { containers: [] }
  const spec = pod.spec
  // conversion: an object that only sets the deprecated field gets it as serviceAccountName
  if (!spec.serviceAccountName && spec.serviceAccount) spec.serviceAccountName = spec.serviceAccount
  for (const c of spec.initContainers ?? []) defaultContainer(c)
  for (const c of spec.containers ?? []) defaultContainer(c)
  defaultVolumes(pod)
  if (!spec.dnsPolicy) spec.dnsPolicy = 'ClusterFirst'
  if (!spec.restartPolicy) spec.restartPolicy = 'Always'
  spec.securityContext ??= {}
  spec.terminationGracePeriodSeconds ??= 30
  if (!spec.schedulerName) spec.schedulerName = 'default-scheduler'
  spec.enableServiceLinks ??= true
}
