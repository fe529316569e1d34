// Key order of the server's JSON: Go marshals struct fields in declaration order.
// Imitates: the field order of k8s.io/api/core/v1/types.go and apimachinery meta/v1 types.go.

type Shape = { keys: string[]; fields?: Record<string, Shape>; items?: Record<string, Shape> }

const META: Shape = { keys: ['name', 'generateName', 'namespace', 'selfLink', 'uid', 'resourceVersion', 'generation',
  'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'labels', 'annotations', 'ownerReferences',
  'finalizers', 'managedFields'] }
const VOLUME_MOUNT: Shape = { keys: ['name', 'readOnly', 'recursiveReadOnly', 'mountPath', 'subPath', 'mountPropagation', 'subPathExpr'] }
const CONTAINER: Shape = {
  keys: ['name', 'image', 'command', 'args', 'workingDir', 'ports', 'envFrom', 'env', 'resources', 'resizePolicy',
    'restartPolicy', 'restartPolicyRules', 'volumeMounts', 'volumeDevices', 'livenessProbe', 'readinessProbe', 'startupProbe', 'lifecycle',
    'terminationMessagePath', 'terminationMessagePolicy', 'imagePullPolicy', 'securityContext', 'stdin', 'stdinOnce', 'tty'],
  items: { volumeMounts: VOLUME_MOUNT },
}
const PROJECTED: Shape = { keys: ['sources', 'defaultMode'] }
const VOLUME: Shape = { keys: ['name'], fields: { projected: PROJECTED } }
const TOLERATION: Shape = { keys: ['key', 'operator', 'value', 'effect', 'tolerationSeconds'] }
const POD_SPEC: Shape = {
  keys: ['volumes', 'initContainers', 'containers', 'ephemeralContainers', 'restartPolicy', 'terminationGracePeriodSeconds',
    'activeDeadlineSeconds', 'dnsPolicy', 'nodeSelector', 'serviceAccountName', 'serviceAccount', 'automountServiceAccountToken',
    'nodeName', 'hostNetwork', 'hostPID', 'hostIPC', 'shareProcessNamespace', 'securityContext', 'imagePullSecrets', 'hostname',
    'subdomain', 'affinity', 'schedulerName', 'tolerations', 'hostAliases', 'priorityClassName', 'priority', 'dnsConfig',
    'readinessGates', 'runtimeClassName', 'enableServiceLinks', 'preemptionPolicy', 'overhead', 'topologySpreadConstraints',
    'setHostnameAsFQDN', 'os', 'hostUsers', 'schedulingGates', 'resourceClaims', 'resources'],
  items: { volumes: VOLUME, initContainers: CONTAINER, containers: CONTAINER, tolerations: TOLERATION },
}
const POD_CONDITION: Shape = { keys: ['type', 'observedGeneration', 'status', 'lastProbeTime', 'lastTransitionTime', 'reason', 'message'] }
const CONTAINER_STATUS: Shape = {
  keys: ['name', 'state', 'lastState', 'ready', 'restartCount', 'image', 'imageID', 'containerID', 'started',
    'allocatedResources', 'resources', 'volumeMounts', 'user', 'allocatedResourcesStatus', 'stopSignal'],
  items: { volumeMounts: { keys: ['name', 'mountPath', 'readOnly', 'recursiveReadOnly'] } },
}
const POD_STATUS: Shape = {
  keys: ['observedGeneration', 'phase', 'conditions', 'message', 'reason', 'nominatedNodeName', 'hostIP', 'hostIPs', 'podIP',
    'podIPs', 'startTime', 'initContainerStatuses', 'containerStatuses', 'qosClass', 'ephemeralContainerStatuses', 'resize',
    'resourceClaimStatuses'],
  items: { conditions: POD_CONDITION, initContainerStatuses: CONTAINER_STATUS, containerStatuses: CONTAINER_STATUS },
}
const OBJECT_REF: Shape = { keys: ['kind', 'namespace', 'name', 'uid', 'apiVersion', 'resourceVersion', 'fieldPath'] }

const POLICY_RULE: Shape = { keys: ['verbs', 'apiGroups', 'resources', 'resourceNames', 'nonResourceURLs'] }
const SUBJECT: Shape = { keys: ['kind', 'apiGroup', 'name', 'namespace'] }
const ROLE_REF: Shape = { keys: ['apiGroup', 'kind', 'name'] }

const TOP = ['kind', 'apiVersion', 'metadata']
const KINDS: Record<string, Shape> = {
  Pod: { keys: [...TOP, 'spec', 'status'], fields: { metadata: META, spec: POD_SPEC, status: POD_STATUS } },
  Namespace: {
    keys: [...TOP, 'spec', 'status'],
    fields: { metadata: META, status: { keys: ['phase', 'conditions'], items: { conditions: { keys: ['type', 'status', 'lastTransitionTime', 'reason', 'message'] } } } },
  },
  ServiceAccount: { keys: [...TOP, 'secrets', 'imagePullSecrets', 'automountServiceAccountToken'], fields: { metadata: META } },
  ConfigMap: { keys: [...TOP, 'immutable', 'data', 'binaryData'], fields: { metadata: META } },
  Secret: { keys: [...TOP, 'immutable', 'data', 'stringData', 'type'], fields: { metadata: META } },
  Event: {
    keys: [...TOP, 'involvedObject', 'reason', 'message', 'source', 'firstTimestamp', 'lastTimestamp', 'count', 'type', 'eventTime',
      'series', 'action', 'related', 'reportingComponent', 'reportingInstance'],
    fields: { metadata: META, involvedObject: OBJECT_REF },
  },
  // events.k8s.io/v1 (k8s.io/api/events/v1/types.go), looked up by apiVersion and kind
  'events.k8s.io/v1/Event': {
    keys: [...TOP, 'eventTime', 'series', 'reportingController', 'reportingInstance', 'action', 'reason', 'regarding', 'related',
      'note', 'type', 'deprecatedSource', 'deprecatedFirstTimestamp', 'deprecatedLastTimestamp', 'deprecatedCount'],
    fields: { metadata: META, regarding: OBJECT_REF, related: OBJECT_REF },
  },
  Node: { keys: [...TOP, 'spec', 'status'], fields: { metadata: META } },
  // k8s.io/api/core/v1 ServiceSpec and ServicePort
  Service: {
    keys: [...TOP, 'spec', 'status'],
    fields: {
      metadata: META,
      spec: {
        keys: ['ports', 'selector', 'clusterIP', 'clusterIPs', 'type', 'externalIPs', 'sessionAffinity', 'loadBalancerIP', 'loadBalancerSourceRanges',
          'externalName', 'externalTrafficPolicy', 'healthCheckNodePort', 'publishNotReadyAddresses', 'sessionAffinityConfig', 'ipFamilies',
          'ipFamilyPolicy', 'allocateLoadBalancerNodePorts', 'loadBalancerClass', 'internalTrafficPolicy', 'trafficDistribution'],
        items: { ports: { keys: ['name', 'protocol', 'appProtocol', 'port', 'targetPort', 'nodePort'] } },
      },
    },
  },
  Endpoints: { keys: [...TOP, 'subsets'], fields: { metadata: META } },
  EndpointSlice: { keys: [...TOP, 'addressType', 'endpoints', 'ports'], fields: { metadata: META } },
  // k8s.io/api/coordination/v1 LeaseSpec
  Lease: {
    keys: [...TOP, 'spec'],
    fields: { metadata: META, spec: { keys: ['holderIdentity', 'leaseDurationSeconds', 'acquireTime', 'renewTime', 'leaseTransitions', 'strategy', 'preferredHolder'] } },
  },
  Role: { keys: [...TOP, 'rules'], fields: { metadata: META }, items: { rules: POLICY_RULE } },
  ClusterRole: { keys: [...TOP, 'rules', 'aggregationRule'], fields: { metadata: META }, items: { rules: POLICY_RULE } },
  RoleBinding: { keys: [...TOP, 'subjects', 'roleRef'], fields: { metadata: META, roleRef: ROLE_REF }, items: { subjects: SUBJECT } },
  ClusterRoleBinding: { keys: [...TOP, 'subjects', 'roleRef'], fields: { metadata: META, roleRef: ROLE_REF }, items: { subjects: SUBJECT } },
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function reorder(value: unknown, shape: Shape): unknown {
  if (!isPlainObject(value)) return value
  const out: Record<string, unknown> = {}
  const put = (k: string) => {
    const v = value[k]
    const sub = shape.fields?.[k]
    const item = shape.items?.[k]
    if (sub) out[k] = reorder(v, sub)
    else if (item && Array.isArray(v)) out[k] = v.map((x) => reorder(x, item))
    else out[k] = v
  }
  for (const k of shape.keys) if (k in value) put(k)
  for (const k of Object.keys(value)) if (!(k in out)) put(k)
  return out
}

/** A copy of the object with its keys in the order the real API server writes them. */
export function inServerOrder<T>(obj: T): T {
  if (!isPlainObject(obj)) return obj
  const shape = KINDS[`${String(obj.apiVersion)}/${String(obj.kind)}`] ?? KINDS[String(obj.kind)]
  return (shape ? reorder(obj, shape) : obj) as T
}
