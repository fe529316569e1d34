// Discovery and version documents: /api, /api/v1, /apis, /apis/<group>[/<version>], /version.
// Imitates: k8s.io/apiserver/pkg/endpoints/discovery (legacy, root, group) and pkg/version (Info)

import { API_GROUPS, type GroupInfo } from '../../api/groups'
import { CORE_RESOURCES, CORE_SUBRESOURCES, type ResourceInfo } from '../../api/resources'
import type { ClusterConfig } from '../../context'

export function apiVersions(config: ClusterConfig) {
  const host = config.apiServerURL.replace(/^https?:\/\//, '')
  return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: host }] }
}

export function coreResourceList() {
  const entries: { name: string; body: Record<string, unknown> }[] = []
  for (const r of CORE_RESOURCES) entries.push({ name: r.name, body: resourceBody(r) })
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

function resourceBody(r: ResourceInfo): Record<string, unknown> {
  const body: Record<string, unknown> = { name: r.name, singularName: r.singularName, namespaced: r.namespaced, kind: r.kind, verbs: r.verbs }
  if (r.shortNames) body.shortNames = r.shortNames
  if (r.categories) body.categories = r.categories
  if (r.storageVersionHash) body.storageVersionHash = r.storageVersionHash
  return body
}

function groupBody(g: GroupInfo) {
  const gv = { groupVersion: `${g.name}/${g.version}`, version: g.version }
  return { name: g.name, versions: [gv], preferredVersion: gv }
}

/** `/apis`: the groups the lab serves beyond core. */
export function apiGroupList() {
  return { kind: 'APIGroupList', apiVersion: 'v1', groups: API_GROUPS.map(groupBody) }
}

/** `/apis/<group>`. */
export function apiGroupDocument(g: GroupInfo) {
  return { kind: 'APIGroup', apiVersion: 'v1', ...groupBody(g) }
}

/** `/apis/<group>/<version>`. */
export function groupResourceList(g: GroupInfo) {
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: `${g.name}/${g.version}`, resources: g.resources.map(resourceBody) }
}

/** The git commit of the v1.35.0 release (`/version`, and the components' User-Agent). */
export const GIT_COMMIT = '66452049f3d692768c39c797b21b793dce80314e'

/** `/version` of a v1.35.0 kube-apiserver (commit and build date of the v1.35.0 release). */
export function versionInfo(config: ClusterConfig) {
  const m = /^v(\d+)\.(\d+)/.exec(config.kubernetesVersion) ?? ['', '1', '35']
  return {
    major: m[1], minor: m[2],
    emulationMajor: m[1], emulationMinor: m[2],
    minCompatibilityMajor: m[1], minCompatibilityMinor: String(Number(m[2]) - 1),
    gitVersion: config.kubernetesVersion,
    gitCommit: GIT_COMMIT,
    gitTreeState: 'clean',
    buildDate: '2025-12-17T12:32:07Z',
    goVersion: 'go1.25.5',
    compiler: 'gc',
    platform: 'linux/amd64',
  }
}
