// Which lists of the lab's kinds a strategic merge patch merges, and by which key: the patchStrategy
// and patchMergeKey tags of k8s.io/api v0.35 types.go (the API server merges by them; kubectl's
// apply and edit compute their patches by them).
// Imitates: k8s.io/apimachinery/pkg/util/strategicpatch PatchMetaFromStruct over k8s.io/api's types.

/** The merge key of a list (`+` for a list of scalars merged as a set), by the path of its field from the object's root. */
const CONTAINER_LISTS: Record<string, string> = { env: 'name', ports: 'containerPort', volumeMounts: 'mountPath', volumeDevices: 'devicePath' }
const POD_SPEC_LISTS: Record<string, string> = {
  containers: 'name', initContainers: 'name', ephemeralContainers: 'name', volumes: 'name', imagePullSecrets: 'name',
  hostAliases: 'ip', topologySpreadConstraints: 'topologyKey', resourceClaims: 'name', schedulingGates: 'name',
}
const METADATA_LISTS: Record<string, string> = { finalizers: '+', ownerReferences: 'uid' }

/** The merge key of the list at `path` (field names, list items as `[]`) in an object of `kind`. */
export function mergeKeyOf(kind: string, path: readonly string[]): string | undefined {
  const [first, second, ...rest] = path
  if (first === 'metadata' && rest.length === 0) return METADATA_LISTS[second]
  if (kind === 'Pod') {
    if (first === 'spec' && rest.length === 0) return POD_SPEC_LISTS[second]
    if (first === 'spec' && ['containers', 'initContainers', 'ephemeralContainers'].includes(second) && rest.length === 2 && rest[0] === '[]') return CONTAINER_LISTS[rest[1]]
    if (first === 'status' && rest.length === 0) return ({ conditions: 'type', podIPs: 'ip', hostIPs: 'ip' } as Record<string, string>)[second]
  }
  if (kind === 'ServiceAccount' && path.length === 1) return first === 'secrets' ? 'name' : undefined
  if (kind === 'Service' && first === 'spec' && rest.length === 0) return second === 'ports' ? 'port' : undefined
  if ((kind === 'Node' || kind === 'Namespace') && first === 'status' && rest.length === 0) return ({ conditions: 'type', ...(kind === 'Node' ? { addresses: 'type' } : {}) } as Record<string, string>)[second]
  return undefined
}
