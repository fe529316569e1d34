// The resources the lab's API server serves, as its discovery documents describe them.
// Imitates: k8s.io/apimachinery/pkg/apis/meta/v1 APIResource and pkg/registry/core/rest/storage_core.go

export interface ResourceInfo {
  /** Plural name, also the store key for core resources. */
  name: string
  singularName: string
  namespaced: boolean
  group: string
  version: string
  kind: string
  verbs: string[]
  shortNames?: string[]
  categories?: string[]
  storageVersionHash?: string
}

const CRUD = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch']

/** Core (`/api/v1`) resources, in discovery order (alphabetical). */
export const CORE_RESOURCES: ResourceInfo[] = [
  { name: 'configmaps', singularName: 'configmap', namespaced: true, group: '', version: 'v1', kind: 'ConfigMap', verbs: CRUD, shortNames: ['cm'], storageVersionHash: 'qFsyl6wFWjQ=' },
  { name: 'endpoints', singularName: 'endpoints', namespaced: true, group: '', version: 'v1', kind: 'Endpoints', verbs: CRUD, shortNames: ['ep'], storageVersionHash: 'fWeeMqaN/OA=' },
  { name: 'events', singularName: 'event', namespaced: true, group: '', version: 'v1', kind: 'Event', verbs: CRUD, shortNames: ['ev'], storageVersionHash: 'r2yiGXH7wu8=' },
  { name: 'namespaces', singularName: 'namespace', namespaced: false, group: '', version: 'v1', kind: 'Namespace', verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'], shortNames: ['ns'], storageVersionHash: 'Q3oi5N2YM8M=' },
  { name: 'nodes', singularName: 'node', namespaced: false, group: '', version: 'v1', kind: 'Node', verbs: CRUD, shortNames: ['no'], storageVersionHash: 'XwShjMxG9Fs=' },
  { name: 'pods', singularName: 'pod', namespaced: true, group: '', version: 'v1', kind: 'Pod', verbs: CRUD, shortNames: ['po'], categories: ['all'], storageVersionHash: 'xPOwRZ+Yhw8=' },
  { name: 'secrets', singularName: 'secret', namespaced: true, group: '', version: 'v1', kind: 'Secret', verbs: CRUD, storageVersionHash: 'S6u1pOWzb84=' },
  { name: 'serviceaccounts', singularName: 'serviceaccount', namespaced: true, group: '', version: 'v1', kind: 'ServiceAccount', verbs: CRUD, shortNames: ['sa'], storageVersionHash: 'pbx9ZvyFpBE=' },
  { name: 'services', singularName: 'service', namespaced: true, group: '', version: 'v1', kind: 'Service', verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'], shortNames: ['svc'], categories: ['all'], storageVersionHash: '0/CO1lhkEBI=' },
]

/** Subresources the lab serves, as listed in `/api/v1` (name, kind, verbs, and group/version when they differ). */
export const CORE_SUBRESOURCES: { name: string; namespaced: boolean; group?: string; version?: string; kind: string; verbs: string[] }[] = [
  { name: 'pods/exec', namespaced: true, kind: 'PodExecOptions', verbs: ['create', 'get'] },
  { name: 'serviceaccounts/token', namespaced: true, group: 'authentication.k8s.io', version: 'v1', kind: 'TokenRequest', verbs: ['create'] },
]

export function coreResource(name: string): ResourceInfo | undefined {
  return CORE_RESOURCES.find((r) => r.name === name)
}
