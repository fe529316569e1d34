// The rest of the v1.35 default ClusterRoles and ClusterRoleBindings (besides bootstrap.ts's and the
// controller roles of controllerPolicy.ts): the aggregate-to-* rule sources of admin/edit/view, the
// roles of the scheduler, nodes, proxies, monitoring and certificate approvers, and kubeadm's.
// Imitates: plugin/pkg/auth/authorizer/rbac/bootstrappolicy/policy.go (ClusterRoles, ClusterRoleBindings;
// v1.35 testdata cluster-roles.yaml) and kubeadm's phases/bootstraptoken/node and addons/proxy.

import type { PolicyRule } from './rules'

const R = ['get', 'list', 'watch']
const RW5 = ['create', 'delete', 'deletecollection', 'patch', 'update']
const ALL8 = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch']
const EVENTS: PolicyRule = { apiGroups: ['', 'events.k8s.io'], resources: ['events'], verbs: ['create', 'patch', 'update'] }

const rule = (verbs: string[], group: string | string[], resources: string[], resourceNames?: string[]): PolicyRule => ({
  apiGroups: Array.isArray(group) ? group : [group],
  ...(resourceNames ? { resourceNames } : {}),
  resources,
  verbs,
})
const urls = (nonResourceURLs: string[]): PolicyRule => ({ nonResourceURLs, verbs: ['get'] })

export const AGGREGATE_TO_VIEW: PolicyRule[] = [
  rule(R, '', ['configmaps', 'endpoints', 'persistentvolumeclaims', 'persistentvolumeclaims/status', 'pods', 'replicationcontrollers', 'replicationcontrollers/scale', 'serviceaccounts', 'services', 'services/status']),
  rule(R, '', ['bindings', 'events', 'limitranges', 'namespaces/status', 'pods/log', 'pods/status', 'replicationcontrollers/status', 'resourcequotas', 'resourcequotas/status']),
  rule(R, '', ['namespaces']),
  rule(R, 'discovery.k8s.io', ['endpointslices']),
  rule(R, 'apps', ['controllerrevisions', 'daemonsets', 'daemonsets/status', 'deployments', 'deployments/scale', 'deployments/status', 'replicasets', 'replicasets/scale', 'replicasets/status', 'statefulsets', 'statefulsets/scale', 'statefulsets/status']),
  rule(R, 'autoscaling', ['horizontalpodautoscalers', 'horizontalpodautoscalers/status']),
  rule(R, 'batch', ['cronjobs', 'cronjobs/status', 'jobs', 'jobs/status']),
  rule(R, 'extensions', ['daemonsets', 'daemonsets/status', 'deployments', 'deployments/scale', 'deployments/status', 'ingresses', 'ingresses/status', 'networkpolicies', 'replicasets', 'replicasets/scale', 'replicasets/status', 'replicationcontrollers/scale']),
  rule(R, 'policy', ['poddisruptionbudgets', 'poddisruptionbudgets/status']),
  rule(R, 'networking.k8s.io', ['ingresses', 'ingresses/status', 'networkpolicies']),
  rule(R, 'resource.k8s.io', ['resourceclaims', 'resourceclaims/status', 'resourceclaimtemplates']),
]

export const AGGREGATE_TO_EDIT: PolicyRule[] = [
  rule(R, '', ['pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy', 'secrets', 'services/proxy']),
  rule(['impersonate'], '', ['serviceaccounts']),
  rule(RW5, '', ['pods', 'pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy']),
  rule(['create'], '', ['pods/eviction']),
  rule(RW5, '', ['configmaps', 'events', 'persistentvolumeclaims', 'replicationcontrollers', 'replicationcontrollers/scale', 'secrets', 'serviceaccounts', 'services', 'services/proxy']),
  rule(['create'], '', ['serviceaccounts/token']),
  rule(RW5, 'apps', ['daemonsets', 'deployments', 'deployments/rollback', 'deployments/scale', 'replicasets', 'replicasets/scale', 'statefulsets', 'statefulsets/scale']),
  rule(RW5, 'autoscaling', ['horizontalpodautoscalers']),
  rule(RW5, 'batch', ['cronjobs', 'jobs']),
  rule(RW5, 'extensions', ['daemonsets', 'deployments', 'deployments/rollback', 'deployments/scale', 'ingresses', 'networkpolicies', 'replicasets', 'replicasets/scale', 'replicationcontrollers/scale']),
  rule(RW5, 'policy', ['poddisruptionbudgets']),
  rule(RW5, 'networking.k8s.io', ['ingresses', 'networkpolicies']),
  rule(ALL8, 'coordination.k8s.io', ['leases']),
  rule(RW5, 'resource.k8s.io', ['resourceclaims', 'resourceclaimtemplates']),
]

export const AGGREGATE_TO_ADMIN: PolicyRule[] = [
  rule(['create'], 'authorization.k8s.io', ['localsubjectaccessreviews']),
  rule(ALL8, 'rbac.authorization.k8s.io', ['rolebindings', 'roles']),
]

const approver = (signer: string) => [rule(['approve'], 'certificates.k8s.io', ['signers'], [`kubernetes.io/${signer}`])]

export interface DefaultRole { name: string; rules: PolicyRule[]; labels?: Record<string, string>; kubeadm?: boolean }

/** In the order of cluster-roles.yaml (sorted by name); kubeadm's role last. */
export const DEFAULT_CLUSTER_ROLES: DefaultRole[] = [
  { name: 'system:aggregate-to-admin', rules: AGGREGATE_TO_ADMIN, labels: { 'rbac.authorization.k8s.io/aggregate-to-admin': 'true' } },
  { name: 'system:aggregate-to-edit', rules: AGGREGATE_TO_EDIT, labels: { 'rbac.authorization.k8s.io/aggregate-to-edit': 'true' } },
  { name: 'system:aggregate-to-view', rules: AGGREGATE_TO_VIEW, labels: { 'rbac.authorization.k8s.io/aggregate-to-view': 'true' } },
  { name: 'system:auth-delegator', rules: [rule(['create'], 'authentication.k8s.io', ['tokenreviews']), rule(['create'], 'authorization.k8s.io', ['subjectaccessreviews'])] },
  { name: 'system:certificates.k8s.io:certificatesigningrequests:nodeclient', rules: [rule(['create'], 'certificates.k8s.io', ['certificatesigningrequests/nodeclient'])] },
  { name: 'system:certificates.k8s.io:certificatesigningrequests:selfnodeclient', rules: [rule(['create'], 'certificates.k8s.io', ['certificatesigningrequests/selfnodeclient'])] },
  { name: 'system:certificates.k8s.io:kube-apiserver-client-approver', rules: approver('kube-apiserver-client') },
  { name: 'system:certificates.k8s.io:kube-apiserver-client-kubelet-approver', rules: approver('kube-apiserver-client-kubelet') },
  { name: 'system:certificates.k8s.io:kubelet-serving-approver', rules: approver('kubelet-serving') },
  { name: 'system:certificates.k8s.io:legacy-unknown-approver', rules: approver('legacy-unknown') },
  { name: 'system:heapster', rules: [rule(R, '', ['events', 'namespaces', 'nodes', 'pods']), rule(R, 'extensions', ['deployments'])] },
  { name: 'system:kube-aggregator', rules: [rule(R, '', ['endpoints', 'services'])] },
  { name: 'system:kube-dns', rules: [rule(['list', 'watch'], '', ['endpoints', 'services'])] },
  {
    name: 'system:kube-scheduler',
    rules: [
      EVENTS, rule(['create'], 'coordination.k8s.io', ['leases']),
      rule(['get', 'list', 'update', 'watch'], 'coordination.k8s.io', ['leases'], ['kube-scheduler']),
      rule(ALL8, 'coordination.k8s.io', ['leasecandidates']),
      rule(R, '', ['nodes']), rule(['delete', 'get', 'list', 'watch'], '', ['pods']), rule(['create'], '', ['bindings', 'pods/binding']),
      rule(['patch', 'update'], '', ['pods/status']), rule(R, '', ['replicationcontrollers', 'services']), rule(R, ['apps', 'extensions'], ['replicasets']),
      rule(R, 'apps', ['statefulsets']), rule(R, 'policy', ['poddisruptionbudgets']), rule(R, '', ['persistentvolumeclaims', 'persistentvolumes']),
      rule(['create'], 'authentication.k8s.io', ['tokenreviews']), rule(['create'], 'authorization.k8s.io', ['subjectaccessreviews']),
      rule(R, 'storage.k8s.io', ['csinodes']), rule(R, 'storage.k8s.io', ['volumeattachments']), rule(R, '', ['namespaces']),
      rule(R, 'storage.k8s.io', ['csidrivers']), rule(R, 'storage.k8s.io', ['csistoragecapacities']), rule(R, 'resource.k8s.io', ['deviceclasses']),
      rule(['get', 'list', 'patch', 'update', 'watch'], 'resource.k8s.io', ['resourceclaims']),
      rule(['get', 'list', 'patch', 'update', 'watch'], 'resource.k8s.io', ['resourceclaims/status']),
      rule(['update'], '', ['pods/finalizers']), rule(R, 'resource.k8s.io', ['resourceslices']),
    ],
  },
  {
    name: 'system:kubelet-api-admin',
    rules: [rule(R, '', ['nodes']), rule(['proxy'], '', ['nodes']), rule(['*'], '', ['nodes/log', 'nodes/metrics', 'nodes/proxy', 'nodes/stats']), rule(['*'], '', ['nodes/configz', 'nodes/healthz', 'nodes/pods'])],
  },
  { name: 'system:monitoring', rules: [urls(['/healthz', '/healthz/*', '/livez', '/livez/*', '/metrics', '/metrics/slis', '/readyz', '/readyz/*']), rule(['get'], '', ['nodes/metrics'])] },
  {
    name: 'system:node',
    rules: [
      rule(['create'], 'authentication.k8s.io', ['tokenreviews']), rule(['create'], 'authorization.k8s.io', ['localsubjectaccessreviews', 'subjectaccessreviews']),
      rule(R, '', ['services']), rule(['create', 'get', 'list', 'watch'], '', ['nodes']), rule(['patch', 'update'], '', ['nodes/status']),
      rule(['patch', 'update'], '', ['nodes']), rule(['create', 'patch', 'update'], '', ['events']), rule(R, '', ['pods']), rule(['create', 'delete'], '', ['pods']),
      rule(['patch', 'update'], '', ['pods/status']), rule(['create'], '', ['pods/eviction']), rule(R, '', ['configmaps', 'secrets']),
      rule(['get'], '', ['persistentvolumeclaims', 'persistentvolumes']), rule(['get'], '', ['endpoints']),
      rule(['create', 'get', 'list', 'watch'], 'certificates.k8s.io', ['certificatesigningrequests']),
      rule(['create', 'delete', 'get', 'patch', 'update'], 'coordination.k8s.io', ['leases']), rule(['get'], 'storage.k8s.io', ['volumeattachments']),
      rule(['create'], '', ['serviceaccounts/token']), rule(['get', 'patch', 'update'], '', ['persistentvolumeclaims/status']),
      rule(R, 'storage.k8s.io', ['csidrivers']), rule(['create', 'delete', 'get', 'patch', 'update'], 'storage.k8s.io', ['csinodes']),
      rule(R, 'node.k8s.io', ['runtimeclasses']), rule(['get'], 'resource.k8s.io', ['resourceclaims']),
      rule(['deletecollection'], 'resource.k8s.io', ['resourceslices']), rule(['get'], '', ['serviceaccounts']),
    ],
  },
  { name: 'system:node-bootstrapper', rules: [rule(['create', 'get', 'list', 'watch'], 'certificates.k8s.io', ['certificatesigningrequests'])] },
  { name: 'system:node-problem-detector', rules: [rule(['get'], '', ['nodes']), rule(['patch'], '', ['nodes/status']), EVENTS] },
  {
    name: 'system:node-proxier',
    rules: [
      rule(['list', 'watch'], '', ['endpoints', 'services']), rule(R, '', ['nodes']), EVENTS,
      rule(['list', 'watch'], 'networking.k8s.io', ['servicecidrs']), rule(['list', 'watch'], 'discovery.k8s.io', ['endpointslices']),
    ],
  },
  {
    name: 'system:persistent-volume-provisioner',
    rules: [
      rule(['create', 'delete', 'get', 'list', 'watch'], '', ['persistentvolumes']), rule(['get', 'list', 'update', 'watch'], '', ['persistentvolumeclaims']),
      rule(R, 'storage.k8s.io', ['storageclasses']), rule(['watch'], '', ['events']), EVENTS,
    ],
  },
  {
    name: 'system:volume-scheduler',
    rules: [rule(['get', 'list', 'patch', 'update', 'watch'], '', ['persistentvolumes']), rule(R, 'storage.k8s.io', ['storageclasses']), rule(['get', 'list', 'patch', 'update', 'watch'], '', ['persistentvolumeclaims'])],
  },
  { name: 'kubeadm:get-nodes', rules: [rule(['get'], '', ['nodes'])], kubeadm: true },
]

export type Subject = { kind: 'Group' | 'User'; name: string } | { kind: 'ServiceAccount'; name: string; namespace: string }
export interface DefaultBinding { name: string; role: string; subjects: Subject[]; kubeadm?: boolean }

const group = (name: string): Subject => ({ kind: 'Group', name })
const user = (name: string): Subject => ({ kind: 'User', name })
const sa = (name: string): Subject => ({ kind: 'ServiceAccount', name, namespace: 'kube-system' })
const BOOTSTRAPPERS = group('system:bootstrappers:kubeadm:default-node-token')

export const DEFAULT_CLUSTER_ROLE_BINDINGS: DefaultBinding[] = [
  { name: 'system:kube-dns', role: 'system:kube-dns', subjects: [sa('kube-dns')] },
  { name: 'system:kube-scheduler', role: 'system:kube-scheduler', subjects: [user('system:kube-scheduler')] },
  { name: 'system:monitoring', role: 'system:monitoring', subjects: [group('system:monitoring')] },
  { name: 'system:node', role: 'system:node', subjects: [] },
  { name: 'system:node-proxier', role: 'system:node-proxier', subjects: [user('system:kube-proxy')] },
  { name: 'system:volume-scheduler', role: 'system:volume-scheduler', subjects: [user('system:kube-scheduler')] },
  { name: 'kubeadm:cluster-admins', role: 'cluster-admin', subjects: [group('kubeadm:cluster-admins')], kubeadm: true },
  { name: 'kubeadm:get-nodes', role: 'kubeadm:get-nodes', subjects: [BOOTSTRAPPERS], kubeadm: true },
  { name: 'kubeadm:kubelet-bootstrap', role: 'system:node-bootstrapper', subjects: [BOOTSTRAPPERS], kubeadm: true },
  { name: 'kubeadm:node-autoapprove-bootstrap', role: 'system:certificates.k8s.io:certificatesigningrequests:nodeclient', subjects: [BOOTSTRAPPERS], kubeadm: true },
  { name: 'kubeadm:node-autoapprove-certificate-rotation', role: 'system:certificates.k8s.io:certificatesigningrequests:selfnodeclient', subjects: [group('system:nodes')], kubeadm: true },
  { name: 'kubeadm:node-proxier', role: 'system:node-proxier', subjects: [sa('kube-proxy')], kubeadm: true },
]
