// The Go types behind the JSON of each served kind, as far as decoding needs them: which fields
// exist (strict decoding) and what Go type each has (the json type errors). Parts the lab does not
// model in detail are `any` (accepted as they come).
// Imitates: k8s.io/api/core/v1/types.go, k8s.io/api/rbac/v1/types.go, k8s.io/apimachinery/pkg/apis/meta/v1/types.go

export type FieldType =
  | { t: 'string' | 'bool' | 'int32' | 'int64' | 'any' | 'bytes' }
  | { t: 'map'; value: FieldType }
  | { t: 'list'; of: FieldType }
  | { t: 'struct'; name: string; fields: Record<string, FieldType> }

const str: FieldType = { t: 'string' }
const bool: FieldType = { t: 'bool' }
const int32: FieldType = { t: 'int32' }
const int64: FieldType = { t: 'int64' }
const any: FieldType = { t: 'any' }
const bytes: FieldType = { t: 'bytes' }
const list = (of: FieldType): FieldType => ({ t: 'list', of })
const map = (value: FieldType): FieldType => ({ t: 'map', value })
const struct = (name: string, fields: Record<string, FieldType>): FieldType => ({ t: 'struct', name, fields })
const strings = list(str)
const strMap = map(str)
const anyList = list(any)

/** The Go spelling of a type in a json error: `bool`, `[]v1.Container`, `map[string]string`. */
export function goTypeName(f: FieldType): string {
  switch (f.t) {
    case 'bytes': return '[]uint8'
    case 'any': return 'interface {}'
    case 'map': return `map[string]${goTypeName(f.value)}`
    case 'list': return `[]${goTypeName(f.of)}`
    case 'struct': return `v1.${f.name}`
    default: return f.t
  }
}

const ownerReference = struct('OwnerReference', {
  apiVersion: str, kind: str, name: str, uid: str, controller: bool, blockOwnerDeletion: bool,
})

export const objectMeta = struct('ObjectMeta', {
  name: str, generateName: str, namespace: str, selfLink: str, uid: str, resourceVersion: str,
  generation: int64, creationTimestamp: any, deletionTimestamp: any, deletionGracePeriodSeconds: int64,
  labels: strMap, annotations: strMap, ownerReferences: list(ownerReference), finalizers: strings,
  managedFields: anyList,
})

const typeMeta = { kind: str, apiVersion: str, metadata: objectMeta }

const objectReference = struct('ObjectReference', {
  kind: str, namespace: str, name: str, uid: str, apiVersion: str, resourceVersion: str, fieldPath: str,
})
const localObjectReference = struct('LocalObjectReference', { name: str })

const envVar = struct('EnvVar', { name: str, value: str, valueFrom: any })
const volumeMount = struct('VolumeMount', {
  name: str, readOnly: bool, recursiveReadOnly: str, mountPath: str, subPath: str, mountPropagation: str, subPathExpr: str,
})

const container = struct('Container', {
  name: str, image: str, command: strings, args: strings, workingDir: str, ports: anyList, envFrom: anyList,
  env: list(envVar), resources: any, resizePolicy: anyList, restartPolicy: str, restartPolicyRules: anyList,
  volumeMounts: list(volumeMount), volumeDevices: anyList, livenessProbe: any, readinessProbe: any,
  startupProbe: any, lifecycle: any, terminationMessagePath: str, terminationMessagePolicy: str,
  imagePullPolicy: str, securityContext: any, stdin: bool, stdinOnce: bool, tty: bool,
})

const podSpec = struct('PodSpec', {
  volumes: anyList, initContainers: list(container), containers: list(container), ephemeralContainers: anyList,
  restartPolicy: str, terminationGracePeriodSeconds: int64, activeDeadlineSeconds: int64, dnsPolicy: str,
  nodeSelector: strMap, serviceAccountName: str, serviceAccount: str, automountServiceAccountToken: bool,
  nodeName: str, hostNetwork: bool, hostPID: bool, hostIPC: bool, shareProcessNamespace: bool,
  securityContext: any, imagePullSecrets: list(localObjectReference), hostname: str, subdomain: str,
  affinity: any, schedulerName: str, tolerations: anyList, hostAliases: anyList, priorityClassName: str,
  priority: int32, dnsConfig: any, readinessGates: anyList, runtimeClassName: str, enableServiceLinks: bool,
  preemptionPolicy: str, overhead: any, topologySpreadConstraints: anyList, setHostnameAsFQDN: bool,
  os: any, hostUsers: bool, schedulingGates: anyList, resourceClaims: anyList, resources: any,
  hostnameOverride: str, workloadRef: any,
})

const policyRule = struct('PolicyRule', { verbs: strings, apiGroups: strings, resources: strings, resourceNames: strings, nonResourceURLs: strings })
const subject = struct('Subject', { kind: str, apiGroup: str, name: str, namespace: str })
const roleRef = struct('RoleRef', { apiGroup: str, kind: str, name: str })

/** The top-level type of each served kind, by `<group>/<Kind>` (`/Pod`, `rbac.authorization.k8s.io/Role`). */
export const KIND_SCHEMAS: Record<string, FieldType> = {
  '/Pod': struct('Pod', { ...typeMeta, spec: podSpec, status: any }),
  '/ServiceAccount': struct('ServiceAccount', {
    ...typeMeta, secrets: list(objectReference), imagePullSecrets: list(localObjectReference), automountServiceAccountToken: bool,
  }),
  '/Secret': struct('Secret', { ...typeMeta, immutable: bool, data: map(bytes), stringData: strMap, type: str }),
  '/ConfigMap': struct('ConfigMap', { ...typeMeta, immutable: bool, data: strMap, binaryData: map(bytes) }),
  '/Namespace': struct('Namespace', { ...typeMeta, spec: struct('NamespaceSpec', { finalizers: strings }), status: any }),
  '/Node': struct('Node', { ...typeMeta, spec: any, status: any }),
  '/Event': struct('Event', {
    ...typeMeta, involvedObject: objectReference, reason: str, message: str, source: any, firstTimestamp: any,
    lastTimestamp: any, count: int32, type: str, eventTime: any, series: any, action: str, related: any,
    reportingComponent: str, reportingInstance: str,
  }),
  // k8s.io/api/events/v1/types.go
  'events.k8s.io/Event': struct('Event', {
    ...typeMeta, eventTime: any, series: struct('EventSeries', { count: int32, lastObservedTime: any }), reportingController: str,
    reportingInstance: str, action: str, reason: str, regarding: objectReference, related: objectReference, note: str, type: str,
    deprecatedSource: struct('EventSource', { component: str, host: str }), deprecatedFirstTimestamp: any,
    deprecatedLastTimestamp: any, deprecatedCount: int32,
  }),
  '/Service': struct('Service', { ...typeMeta, spec: any, status: any }),
  '/Endpoints': struct('Endpoints', { ...typeMeta, subsets: anyList }),
  'discovery.k8s.io/EndpointSlice': struct('EndpointSlice', { ...typeMeta, addressType: str, endpoints: anyList, ports: anyList }),
  // k8s.io/api/coordination/v1/types.go (the times are MicroTime, read as the events' are)
  'coordination.k8s.io/Lease': struct('Lease', {
    ...typeMeta,
    spec: struct('LeaseSpec', { holderIdentity: str, leaseDurationSeconds: int32, acquireTime: any, renewTime: any, leaseTransitions: int32, strategy: str, preferredHolder: str }),
  }),
  'rbac.authorization.k8s.io/Role': struct('Role', { ...typeMeta, rules: list(policyRule) }),
  'rbac.authorization.k8s.io/ClusterRole': struct('ClusterRole', {
    ...typeMeta, rules: list(policyRule), aggregationRule: struct('AggregationRule', { clusterRoleSelectors: anyList }),
  }),
  'rbac.authorization.k8s.io/RoleBinding': struct('RoleBinding', { ...typeMeta, subjects: list(subject), roleRef }),
  'rbac.authorization.k8s.io/ClusterRoleBinding': struct('ClusterRoleBinding', { ...typeMeta, subjects: list(subject), roleRef }),
}
