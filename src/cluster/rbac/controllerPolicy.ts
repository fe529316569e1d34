// The default roles of the controller manager's identities: one `system:controller:<name>`
// ClusterRole per controller, bound to the ServiceAccount kube-system/<name> (each controller has
// its own credentials, --use-service-account-credentials), and `system:kube-controller-manager`
// bound to the user of the controller manager's own certificate (its root client: shared
// informers, token controller). The 37 roles of v1.35 with its default feature gates:
// DynamicResourceAllocation (GA) and SELinuxChangePolicy (beta, on) add resource-claim-controller
// and selinux-warning-controller; MultiCIDRServiceAllocator and VolumeAttributesClass (GA) add
// service-cidrs-controller and volumeattributesclass-protection-controller; DRADeviceTaints (on
// only from 1.36), PodCertificateRequest and ClusterTrustBundle (beta, off), StorageVersionAPI and
// StorageVersionMigrator (off) leave out their controllers' roles. v1.35 still grants `get
// services` to expand-controller and persistent-volume-binder (the in-tree Portworx plugin goes in
// 1.36) and has no resourceclaims/binding rule (1.36).
// Imitates: plugin/pkg/auth/authorizer/rbac/bootstrappolicy/controller_policy.go (buildControllerRoles,
// addControllerRole) and policy.go (system:kube-controller-manager); testdata/controller-roles.yaml.

import type { NewObject } from '../api/meta'
import type { ClusterRoleBinding } from '../api/rbac'
import { EVENTS, R, rule } from './policyRule'
import type { PolicyRule } from './rules'

export interface ControllerRole { name: string; rules: PolicyRule[]; subject: { kind: 'ServiceAccount'; name: string; namespace: string } | { kind: 'User'; name: string } }

const ALL7 = ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch']
const UPD = ['update']
const PU = ['patch', 'update']
const AE = ['apps', 'extensions']
const LW = ['list', 'watch']

/** controller name (the ServiceAccount's) → rules, in the order of controller-roles.yaml (by name). */
const CONTROLLERS: [string, PolicyRule[]][] = [
  ['attachdetach-controller', [
    rule(LW, '', ['persistentvolumeclaims', 'persistentvolumes']), rule(R, '', ['nodes']), rule(PU, '', ['nodes/status']),
    rule(LW, '', ['pods']), EVENTS, rule(['create', 'delete', 'get', 'list', 'watch'], 'storage.k8s.io', ['volumeattachments']),
    rule(R, 'storage.k8s.io', ['csidrivers']), rule(R, 'storage.k8s.io', ['csinodes']),
  ]],
  ['certificate-controller', [
    rule(['delete', 'get', 'list', 'watch'], 'certificates.k8s.io', ['certificatesigningrequests']),
    rule(UPD, 'certificates.k8s.io', ['certificatesigningrequests/approval', 'certificatesigningrequests/status']),
    rule(['approve'], 'certificates.k8s.io', ['signers'], ['kubernetes.io/kube-apiserver-client-kubelet']),
    rule(['sign'], 'certificates.k8s.io', ['signers'], ['kubernetes.io/kube-apiserver-client', 'kubernetes.io/kube-apiserver-client-kubelet', 'kubernetes.io/kubelet-serving', 'kubernetes.io/legacy-unknown']),
    rule(['create'], 'authorization.k8s.io', ['subjectaccessreviews']), EVENTS,
  ]],
  ['clusterrole-aggregation-controller', [rule(['escalate', 'get', 'list', 'patch', 'update', 'watch'], 'rbac.authorization.k8s.io', ['clusterroles'])]],
  ['cronjob-controller', [
    rule(['get', 'list', 'update', 'watch'], 'batch', ['cronjobs']), rule(ALL7, 'batch', ['jobs']), rule(UPD, 'batch', ['cronjobs/status']),
    rule(UPD, 'batch', ['cronjobs/finalizers']), rule(['delete', 'list', 'watch'], '', ['pods']), EVENTS,
  ]],
  ['daemon-set-controller', [
    rule(R, AE, ['daemonsets']), rule(UPD, AE, ['daemonsets/status']), rule(UPD, AE, ['daemonsets/finalizers']), rule(LW, '', ['nodes']),
    rule(['create', 'delete', 'list', 'patch', 'watch'], '', ['pods']), rule(['create'], '', ['pods/binding']),
    rule(ALL7, 'apps', ['controllerrevisions']), EVENTS,
  ]],
  ['deployment-controller', [
    rule(['get', 'list', 'update', 'watch'], AE, ['deployments']), rule(UPD, AE, ['deployments/status']), rule(UPD, AE, ['deployments/finalizers']),
    rule(ALL7, AE, ['replicasets']), rule(['get', 'list', 'update', 'watch'], '', ['pods']), EVENTS,
  ]],
  ['disruption-controller', [
    rule(R, AE, ['deployments']), rule(R, AE, ['replicasets']), rule(R, '', ['replicationcontrollers']), rule(R, 'policy', ['poddisruptionbudgets']),
    rule(R, 'apps', ['statefulsets']), rule(UPD, 'policy', ['poddisruptionbudgets/status']), rule(PU, '', ['pods/status']),
    rule(['get'], '*', ['*/scale']), EVENTS,
  ]],
  ['endpoint-controller', [
    rule(R, '', ['pods', 'services']), rule(['create', 'delete', 'get', 'list', 'update', 'watch'], '', ['endpoints']),
    rule(['create'], '', ['endpoints/restricted']), EVENTS,
  ]],
  ['endpointslice-controller', [
    rule(R, '', ['nodes', 'pods', 'services']), rule(UPD, '', ['services/finalizers']),
    rule(['create', 'delete', 'get', 'list', 'update', 'watch'], 'discovery.k8s.io', ['endpointslices']), EVENTS,
  ]],
  ['endpointslicemirroring-controller', [
    rule(R, '', ['endpoints', 'services']), rule(UPD, '', ['services/finalizers']), rule(UPD, '', ['endpoints/finalizers']),
    rule(['create', 'delete', 'get', 'list', 'update', 'watch'], 'discovery.k8s.io', ['endpointslices']), EVENTS,
  ]],
  ['ephemeral-volume-controller', [
    rule(R, '', ['pods']), rule(UPD, '', ['pods/finalizers']), rule(['create', 'get', 'list', 'watch'], '', ['persistentvolumeclaims']), EVENTS,
  ]],
  ['expand-controller', [
    rule(['get', 'list', 'patch', 'update', 'watch'], '', ['persistentvolumes']), rule(PU, '', ['persistentvolumeclaims/status']),
    rule(R, '', ['persistentvolumeclaims']), EVENTS, rule(['get'], '', ['services']),
  ]],
  ['generic-garbage-collector', [rule(['delete', 'get', 'list', 'patch', 'update', 'watch'], '*', ['*']), EVENTS]],
  ['horizontal-pod-autoscaler', [
    rule(R, 'autoscaling', ['horizontalpodautoscalers']), rule(UPD, 'autoscaling', ['horizontalpodautoscalers/status']),
    rule(['get', 'update'], '*', ['*/scale']), rule(LW, '', ['pods']), rule(LW, 'metrics.k8s.io', ['pods']),
    rule(R, 'custom.metrics.k8s.io', ['*']), rule(R, 'external.metrics.k8s.io', ['*']), EVENTS,
  ]],
  ['job-controller', [
    rule(['get', 'list', 'patch', 'update', 'watch'], 'batch', ['jobs']), rule(UPD, 'batch', ['jobs/status']), rule(UPD, 'batch', ['jobs/finalizers']),
    rule(['create', 'delete', 'list', 'patch', 'watch'], '', ['pods']), EVENTS,
  ]],
  ['legacy-service-account-token-cleaner', [
    rule(['get'], '', ['configmaps'], ['kube-apiserver-legacy-service-account-token-tracking']), rule(['delete', 'patch'], '', ['secrets']),
  ]],
  ['namespace-controller', [
    rule(['delete', 'get', 'list', 'watch'], '', ['namespaces']), rule(UPD, '', ['namespaces/finalize', 'namespaces/status']),
    rule(['delete', 'deletecollection', 'get', 'list', 'watch'], '*', ['*']),
  ]],
  ['node-controller', [
    rule(['delete', 'get', 'list', 'patch', 'update', 'watch'], '', ['nodes']), rule(PU, '', ['nodes/status']), rule(PU, '', ['pods/status']),
    rule(['delete', 'get', 'list', 'watch'], '', ['pods']), EVENTS,
  ]],
  ['persistent-volume-binder', [
    rule(['create', 'delete', 'get', 'list', 'update', 'watch'], '', ['persistentvolumes']), rule(UPD, '', ['persistentvolumes/status']),
    rule(['get', 'list', 'update', 'watch'], '', ['persistentvolumeclaims']), rule(UPD, '', ['persistentvolumeclaims/status']),
    rule(['create', 'delete', 'get', 'list', 'watch'], '', ['pods']), rule(R, 'storage.k8s.io', ['storageclasses']), rule(LW, '', ['nodes']),
    EVENTS, rule(['watch'], '', ['events']), rule(['get'], '', ['services']),
  ]],
  ['pod-garbage-collector', [rule(['delete', 'list', 'watch'], '', ['pods']), rule(R, '', ['nodes']), rule(['patch'], '', ['pods/status'])]],
  ['pv-protection-controller', [rule(['get', 'list', 'update', 'watch'], '', ['persistentvolumes']), EVENTS]],
  ['pvc-protection-controller', [rule(['get', 'list', 'update', 'watch'], '', ['persistentvolumeclaims']), rule(R, '', ['pods']), EVENTS]],
  ['replicaset-controller', [
    rule(['get', 'list', 'update', 'watch'], AE, ['replicasets']), rule(UPD, AE, ['replicasets/status']), rule(UPD, AE, ['replicasets/finalizers']),
    rule(['create', 'delete', 'list', 'patch', 'watch'], '', ['pods']), EVENTS,
  ]],
  ['replication-controller', [
    rule(['get', 'list', 'update', 'watch'], '', ['replicationcontrollers']), rule(UPD, '', ['replicationcontrollers/status']),
    rule(UPD, '', ['replicationcontrollers/finalizers']), rule(['create', 'delete', 'list', 'patch', 'watch'], '', ['pods']), EVENTS,
  ]],
  ['resource-claim-controller', [
    rule(R, '', ['pods']), rule(UPD, '', ['pods/finalizers']), rule(['create', 'delete', 'get', 'list', 'watch'], 'resource.k8s.io', ['resourceclaims']),
    rule(PU, 'resource.k8s.io', ['resourceclaims', 'resourceclaims/status']), rule(PU, '', ['pods/status']), EVENTS,
  ]],
  ['resourcequota-controller', [rule(LW, '*', ['*']), rule(UPD, '', ['resourcequotas/status']), EVENTS]],
  ['root-ca-cert-publisher', [rule(['create', 'update'], '', ['configmaps']), EVENTS]],
  ['route-controller', [rule(LW, '', ['nodes']), rule(['patch'], '', ['nodes/status']), EVENTS]],
  ['selinux-warning-controller', [
    EVENTS, rule(R, '', ['persistentvolumes']), rule(R, '', ['persistentvolumeclaims']), rule(R, '', ['pods']), rule(R, 'storage.k8s.io', ['csidrivers']),
  ]],
  ['service-account-controller', [rule(['create'], '', ['serviceaccounts']), EVENTS]],
  ['service-cidrs-controller', [
    rule(['get', 'list', 'patch', 'update', 'watch'], 'networking.k8s.io', ['servicecidrs']), rule(PU, 'networking.k8s.io', ['servicecidrs/finalizers']),
    rule(PU, 'networking.k8s.io', ['servicecidrs/status']), rule(R, 'networking.k8s.io', ['ipaddresses']), EVENTS,
  ]],
  ['service-controller', [rule(R, '', ['services']), rule(PU, '', ['services/status']), rule(LW, '', ['nodes']), EVENTS]],
  ['statefulset-controller', [
    rule(LW, '', ['pods']), rule(R, 'apps', ['statefulsets']), rule(UPD, 'apps', ['statefulsets/status']), rule(UPD, 'apps', ['statefulsets/finalizers']),
    rule(['create', 'delete', 'get', 'patch', 'update'], '', ['pods']), rule(ALL7, 'apps', ['controllerrevisions']),
    rule(['create', 'get', 'list', 'watch'], '', ['persistentvolumeclaims']), rule(['delete', 'update'], '', ['persistentvolumeclaims']),
    rule(UPD, '', ['pods/finalizers']), EVENTS,
  ]],
  ['ttl-after-finished-controller', [rule(['delete', 'get', 'list', 'watch'], 'batch', ['jobs']), EVENTS]],
  ['ttl-controller', [rule(['list', 'patch', 'update', 'watch'], '', ['nodes']), EVENTS]],
  ['validatingadmissionpolicy-status-controller', [
    rule(R, 'admissionregistration.k8s.io', ['validatingadmissionpolicies']),
    rule(['get', 'patch', 'update'], 'admissionregistration.k8s.io', ['validatingadmissionpolicies/status']), EVENTS,
  ]],
  ['volumeattributesclass-protection-controller', [
    rule(R, '', ['persistentvolumeclaims']), rule(R, '', ['persistentvolumes']),
    rule(['get', 'list', 'update', 'watch'], 'storage.k8s.io', ['volumeattributesclasses']), EVENTS,
  ]],
]

/** policy.go's role of the controller manager's own identity (user of its client certificate). */
const KUBE_CONTROLLER_MANAGER: ControllerRole = {
  name: 'system:kube-controller-manager',
  subject: { kind: 'User', name: 'system:kube-controller-manager' },
  rules: [
    EVENTS,
    rule(['create'], 'coordination.k8s.io', ['leases']),
    rule(['get', 'update'], 'coordination.k8s.io', ['leases'], ['kube-controller-manager']),
    rule(['create'], '', ['secrets', 'serviceaccounts']),
    rule(['delete'], '', ['secrets']),
    rule(['get'], '', ['configmaps', 'namespaces', 'secrets', 'serviceaccounts']),
    rule(['update'], '', ['secrets', 'serviceaccounts']),
    rule(['create'], 'authentication.k8s.io', ['tokenreviews']),
    rule(['create'], 'authorization.k8s.io', ['subjectaccessreviews']),
    rule(LW, '*', ['*']),
    rule(['create'], '', ['serviceaccounts/token']),
  ],
}

export const CONTROLLER_ROLES: ControllerRole[] = [
  ...CONTROLLERS.map(([sa, rules]): ControllerRole => ({
    name: `system:controller:${sa}`, rules, subject: { kind: 'ServiceAccount', name: sa, namespace: 'kube-system' },
  })),
  KUBE_CONTROLLER_MANAGER,
]

/** The ClusterRoleBinding of a controller role: same name, one subject. */
export function controllerBindingObject(r: ControllerRole): NewObject<ClusterRoleBinding> {
  const subject = r.subject.kind === 'User' ? { apiGroup: 'rbac.authorization.k8s.io', ...r.subject } : { ...r.subject }
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name: r.name, labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults' }, annotations: { 'rbac.authorization.kubernetes.io/autoupdate': 'true' } },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: r.name },
    subjects: [subject],
  }
}
