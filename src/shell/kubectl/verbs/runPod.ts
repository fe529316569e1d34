// Imitates: github.com/evanphx/json-patch MergePatch (RFC 7386) and the encoding/json field order of corev1.Pod,
// which kubectl run's --overrides goes through (kubectl pkg/cmd/util/helpers.go Merge).

type Obj = Record<string, unknown>

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v)

/** RFC 7386 JSON merge patch. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObj(patch)) return patch
  const out: Obj = isObj(target) ? { ...target } : {}
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k]
    else out[k] = mergePatch(out[k], v)
  }
  return out
}

const POD = ['kind', 'apiVersion', 'metadata', 'spec', 'status']
const META = [
  'name', 'generateName', 'namespace', 'selfLink', 'uid', 'resourceVersion', 'generation', 'creationTimestamp',
  'deletionTimestamp', 'deletionGracePeriodSeconds', 'labels', 'annotations', 'ownerReferences', 'finalizers', 'managedFields',
]
const SPEC = [
  'volumes', 'initContainers', 'containers', 'ephemeralContainers', 'restartPolicy', 'terminationGracePeriodSeconds',
  'activeDeadlineSeconds', 'dnsPolicy', 'nodeSelector', 'serviceAccountName', 'serviceAccount', 'automountServiceAccountToken',
  'nodeName', 'hostNetwork', 'hostPID', 'hostIPC', 'shareProcessNamespace', 'securityContext', 'imagePullSecrets', 'hostname',
  'subdomain', 'affinity', 'schedulerName', 'tolerations', 'hostAliases', 'priorityClassName', 'priority', 'dnsConfig',
  'readinessGates', 'runtimeClassName', 'enableServiceLinks', 'preemptionPolicy', 'overhead', 'topologySpreadConstraints',
  'setHostnameAsFQDN', 'os', 'hostUsers', 'schedulingGates', 'resourceClaims', 'resources',
]
const CONTAINER = [
  'name', 'image', 'command', 'args', 'workingDir', 'ports', 'envFrom', 'env', 'resources', 'resizePolicy', 'restartPolicy',
  'volumeMounts', 'volumeDevices', 'livenessProbe', 'readinessProbe', 'startupProbe', 'lifecycle', 'terminationMessagePath',
  'terminationMessagePolicy', 'imagePullPolicy', 'securityContext', 'stdin', 'stdinOnce', 'tty',
]

/** Known keys first in struct order, then any others (encoding/json would drop unknown fields; the server decides). */
function ordered(o: Obj, order: string[]): Obj {
  const out: Obj = {}
  for (const k of order) if (k in o) out[k] = o[k]
  for (const k of Object.keys(o)) if (!(k in out)) out[k] = o[k]
  return out
}

function container(c: unknown): unknown {
  if (!isObj(c)) return c
  return ordered({ resources: {}, ...c }, CONTAINER)
}

/** Re-encodes a merged object the way a decoded corev1.Pod marshals: field order, `resources: {}`, `status: {}`. */
export function toPodStructOrder(p: Obj): Obj {
  const spec = isObj(p.spec) ? { ...p.spec } : {}
  for (const key of ['containers', 'initContainers']) {
    if (Array.isArray(spec[key])) spec[key] = (spec[key] as unknown[]).map(container)
  }
  const metadata = isObj(p.metadata) ? ordered(p.metadata, META) : {}
  return ordered({ ...p, metadata, spec: ordered(spec, SPEC), status: isObj(p.status) ? p.status : {} }, POD)
}
