// The default Roles and RoleBindings the API server reconciles into kube-system and kube-public:
// the reader of the extension-apiserver-authentication ConfigMap, the leader-election locks of the
// controller manager and the scheduler (Leases and LeaseCandidates only: v1.35 dropped their
// ConfigMap rules), and the bootstrap-signer, cloud-provider and token-cleaner controllers' roles.
// Imitates: plugin/pkg/auth/authorizer/rbac/bootstrappolicy/namespace_policy.go
// (testdata/namespace-roles.yaml, namespace-role-bindings.yaml)

import type { NewObject } from '../api/meta'
import type { Role, RoleBinding } from '../api/rbac'
import { EVENTS, R, rule } from './policyRule'
import type { PolicyRule } from './rules'
import type { Subject } from './defaultRoles'

const RBAC = 'rbac.authorization.k8s.io'
const META = { labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults' }, annotations: { 'rbac.authorization.kubernetes.io/autoupdate': 'true' } }
const LOCK = ['create', 'get', 'list', 'update', 'watch']

export interface NamespaceRole { namespace: string; name: string; rules: PolicyRule[] }
export interface NamespaceRoleBinding { namespace: string; name: string; role: string; subjects: Subject[] }

/** In the order of namespace-roles.yaml (kube-public, then kube-system; by name within each). */
export const NAMESPACE_ROLES: NamespaceRole[] = [
  {
    namespace: 'kube-public', name: 'system:controller:bootstrap-signer',
    rules: [rule(R, '', ['configmaps']), rule(['update'], '', ['configmaps'], ['cluster-info']), EVENTS],
  },
  { namespace: 'kube-system', name: 'extension-apiserver-authentication-reader', rules: [rule(R, '', ['configmaps'], ['extension-apiserver-authentication'])] },
  { namespace: 'kube-system', name: 'system::leader-locking-kube-controller-manager', rules: [rule(LOCK, 'coordination.k8s.io', ['leases']), rule(LOCK, 'coordination.k8s.io', ['leasecandidates'])] },
  { namespace: 'kube-system', name: 'system::leader-locking-kube-scheduler', rules: [rule(LOCK, 'coordination.k8s.io', ['leases']), rule(LOCK, 'coordination.k8s.io', ['leasecandidates'])] },
  { namespace: 'kube-system', name: 'system:controller:bootstrap-signer', rules: [rule(R, '', ['secrets'])] },
  { namespace: 'kube-system', name: 'system:controller:cloud-provider', rules: [rule(['create', 'get', 'list', 'watch'], '', ['configmaps'])] },
  { namespace: 'kube-system', name: 'system:controller:token-cleaner', rules: [rule(['delete', 'get', 'list', 'watch'], '', ['secrets']), EVENTS] },
]

const sa = (name: string): Subject => ({ kind: 'ServiceAccount', name, namespace: 'kube-system' })
const user = (name: string): Subject => ({ kind: 'User', name })

export const NAMESPACE_ROLE_BINDINGS: NamespaceRoleBinding[] = [
  { namespace: 'kube-public', name: 'system:controller:bootstrap-signer', role: 'system:controller:bootstrap-signer', subjects: [sa('bootstrap-signer')] },
  {
    namespace: 'kube-system', name: 'system::extension-apiserver-authentication-reader', role: 'extension-apiserver-authentication-reader',
    subjects: [user('system:kube-controller-manager'), user('system:kube-scheduler')],
  },
  {
    namespace: 'kube-system', name: 'system::leader-locking-kube-controller-manager', role: 'system::leader-locking-kube-controller-manager',
    subjects: [user('system:kube-controller-manager'), sa('kube-controller-manager'), sa('leader-election-controller')],
  },
  {
    namespace: 'kube-system', name: 'system::leader-locking-kube-scheduler', role: 'system::leader-locking-kube-scheduler',
    subjects: [user('system:kube-scheduler'), sa('kube-scheduler')],
  },
  { namespace: 'kube-system', name: 'system:controller:bootstrap-signer', role: 'system:controller:bootstrap-signer', subjects: [sa('bootstrap-signer')] },
  { namespace: 'kube-system', name: 'system:controller:cloud-provider', role: 'system:controller:cloud-provider', subjects: [sa('cloud-provider')] },
  { namespace: 'kube-system', name: 'system:controller:token-cleaner', role: 'system:controller:token-cleaner', subjects: [sa('token-cleaner')] },
]

export function namespaceRoleObject(r: NamespaceRole): NewObject<Role> {
  return { apiVersion: `${RBAC}/v1`, kind: 'Role', metadata: { name: r.name, namespace: r.namespace, labels: { ...META.labels }, annotations: { ...META.annotations } }, rules: r.rules }
}

export function namespaceRoleBindingObject(b: NamespaceRoleBinding): NewObject<RoleBinding> {
  return {
    apiVersion: `${RBAC}/v1`, kind: 'RoleBinding',
    metadata: { name: b.name, namespace: b.namespace, labels: { ...META.labels }, annotations: { ...META.annotations } },
    roleRef: { apiGroup: RBAC, kind: 'Role', name: b.role },
    subjects: b.subjects.map((s) => (s.kind === 'ServiceAccount' ? { ...s } : { apiGroup: RBAC, ...s })),
  }
}
