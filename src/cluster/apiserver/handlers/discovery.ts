// Discovery and version documents: /api, /api/v1, /apis, /version.
// Imitates: k8s.io/apiserver/pkg/endpoints/discovery (legacy, root, group) and pkg/version (Info)

import { CORE_RESOURCES, CORE_SUBRESOURCES } from '../../api/resources'
import type { ClusterConfig } from '../../context'

export function apiVersions(config: ClusterConfig) {
  const host = config.apiServerURL.replace(/^https?:\/\//, '')
  return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: host }] }
}

export function coreResourceList() {
  const entries: { name: string; body: Record<string, unknown> }[] = []
  for (const r of CORE_RESOURCES) {
    const body: Record<string, unknown> = { name: r.name, singularName: r.singularName, namespaced: r.namespaced, kind: r.kind, verbs: r.verbs }
    if (r.shortNames) body.shortNames = r.shortNames
    if (r.categories) body.categories = r.categories
    if (r.storageVersionHash) body.storageVersionHash = r.storageVersionHash
    entries.push({ name: r.name, body })
  }
  for (const s of CORE_SUBRESOURCES) {
    const body: Record<string, unknown> = { name: s.name, singularName: '', namespaced: s.namespaced }
    if (s.group) { body.group = s.group; body.version = s.version }
    body.kind = s.kind
    body.verbs = s.verbs
    entries.push({ name: s.name, body })
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  return { kind: 'APIResourceList', groupVersion: 'v1', resources: entries.map((e) => e.body) }
}

/** API groups beyond core are added here as the lab serves them (rbac.authorization.k8s.io next). */
export function apiGroupList() {
  return { kind: 'APIGroupList', apiVersion: 'v1', groups: [] as unknown[] }
}

/** `/version` of a v1.35.0 kube-apiserver (commit and build date of the v1.35.0 release). */
export function versionInfo(config: ClusterConfig) {
  const m = /^v(\d+)\.(\d+)/.exec(config.kubernetesVersion) ?? ['', '1', '35']
  return {
    major: m[1], minor: m[2],
    emulationMajor: m[1], emulationMinor: m[2],
    minCompatibilityMajor: m[1], minCompatibilityMinor: String(Number(m[2]) - 1),
    gitVersion: config.kubernetesVersion,
    gitCommit: '66452049f3d692768c39c797b21b793dce80314e',
    gitTreeState: 'clean',
    buildDate: '2025-12-17T12:32:07Z',
    goVersion: 'go1.25.5',
    compiler: 'gc',
    platform: 'linux/amd64',
  }
}
