// The default roles of the controller-manager's identities that the lab's controllers use:
// `system:controller:<name>` ClusterRoles bound to the ServiceAccount kube-system/<name> (each
// controller has its own credentials), and `system:kube-controller-manager` bound to the user of
// the controller manager's own certificate (its root client: shared informers, token controller).
// Imitates: plugin/pkg/auth/authorizer/rbac/bootstrappolicy/controller_policy.go (addControllerRole)
// and policy.go (system:kube-controller-manager), 1.35 testdata.

import type { NewObject } from '../api/meta'
import type { ClusterRoleBinding } from '../api/rbac'
import type { PolicyRule } from './rules'

const EVENTS: PolicyRule = { apiGroups: ['', 'events.k8s.io'], resources: ['events'], verbs: ['create', 'patch', 'update'] }

export interface ControllerRole { name: string; rules: PolicyRule[]; subject: { kind: 'ServiceAccount'; name: string; namespace: string } | { kind: 'User'; name: string } }

const sa = (name: string) => ({ kind: 'ServiceAccount' as const, name, namespace: 'kube-system' })

export const CONTROLLER_ROLES: ControllerRole[] = [
  {
    name: 'system:controller:namespace-controller',
    subject: sa('namespace-controller'),
    rules: [
      { apiGroups: [''], resources: ['namespaces'], verbs: ['delete', 'get', 'list', 'watch'] },
      { apiGroups: [''], resources: ['namespaces/finalize', 'namespaces/status'], verbs: ['update'] },
      { apiGroups: ['*'], resources: ['*'], verbs: ['delete', 'deletecollection', 'get', 'list', 'watch'] },
    ],
  },
  {
    name: 'system:controller:root-ca-cert-publisher',
    subject: sa('root-ca-cert-publisher'),
    rules: [{ apiGroups: [''], resources: ['configmaps'], verbs: ['create', 'update'] }, EVENTS],
  },
  {
    name: 'system:controller:service-account-controller',
    subject: sa('service-account-controller'),
    rules: [{ apiGroups: [''], resources: ['serviceaccounts'], verbs: ['create'] }, EVENTS],
  },
  {
    name: 'system:kube-controller-manager',
    subject: { kind: 'User', name: 'system:kube-controller-manager' },
    rules: [
      EVENTS,
      { apiGroups: ['coordination.k8s.io'], resources: ['leases'], verbs: ['create'] },
      { apiGroups: ['coordination.k8s.io'], resources: ['leases'], resourceNames: ['kube-controller-manager'], verbs: ['get', 'update'] },
      { apiGroups: [''], resources: ['secrets', 'serviceaccounts'], verbs: ['create'] },
      { apiGroups: [''], resources: ['secrets'], verbs: ['delete'] },
      { apiGroups: [''], resources: ['configmaps', 'namespaces', 'secrets', 'serviceaccounts'], verbs: ['get'] },
      { apiGroups: [''], resources: ['secrets', 'serviceaccounts'], verbs: ['update'] },
      { apiGroups: ['authentication.k8s.io'], resources: ['tokenreviews'], verbs: ['create'] },
      { apiGroups: ['authorization.k8s.io'], resources: ['subjectaccessreviews'], verbs: ['create'] },
      { apiGroups: ['*'], resources: ['*'], verbs: ['list', 'watch'] },
      { apiGroups: [''], resources: ['serviceaccounts/token'], verbs: ['create'] },
    ],
  },
  {
    name: 'system:controller:clusterrole-aggregation-controller',
    subject: sa('clusterrole-aggregation-controller'),
    rules: [{ apiGroups: ['rbac.authorization.k8s.io'], resources: ['clusterroles'], verbs: ['escalate', 'get', 'list', 'patch', 'update', 'watch'] }],
  },
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
