// The rules a node may use on resources the Node authorizer does not subdivide: those of the
// `system:node` ClusterRole (a kubeadm cluster keeps the role, with a binding without subjects).
// Imitates: plugin/pkg/auth/authorizer/rbac/bootstrappolicy/policy.go (NodeRules)

import type { PolicyRule } from '../../rbac/rules'

const R = ['get', 'list', 'watch']

export const NODE_RULES: PolicyRule[] = [
  { apiGroups: ['authentication.k8s.io'], resources: ['tokenreviews'], verbs: ['create'] },
  { apiGroups: ['authorization.k8s.io'], resources: ['localsubjectaccessreviews', 'subjectaccessreviews'], verbs: ['create'] },
  { apiGroups: [''], resources: ['services'], verbs: R },
  { apiGroups: [''], resources: ['nodes'], verbs: ['create', 'get', 'list', 'watch'] },
  { apiGroups: [''], resources: ['nodes/status'], verbs: ['patch', 'update'] },
  { apiGroups: [''], resources: ['nodes'], verbs: ['patch', 'update'] },
  { apiGroups: [''], resources: ['events'], verbs: ['create', 'patch', 'update'] },
  { apiGroups: [''], resources: ['pods'], verbs: R },
  { apiGroups: [''], resources: ['pods'], verbs: ['create', 'delete'] },
  { apiGroups: [''], resources: ['pods/status'], verbs: ['patch', 'update'] },
  { apiGroups: [''], resources: ['pods/eviction'], verbs: ['create'] },
  { apiGroups: [''], resources: ['configmaps', 'secrets'], verbs: R },
  { apiGroups: [''], resources: ['persistentvolumeclaims', 'persistentvolumes'], verbs: ['get'] },
  { apiGroups: [''], resources: ['endpoints'], verbs: ['get'] },
  { apiGroups: ['certificates.k8s.io'], resources: ['certificatesigningrequests'], verbs: ['create', 'get', 'list', 'watch'] },
  { apiGroups: ['coordination.k8s.io'], resources: ['leases'], verbs: ['create', 'delete', 'get', 'patch', 'update'] },
  { apiGroups: ['storage.k8s.io'], resources: ['volumeattachments'], verbs: ['get'] },
  { apiGroups: [''], resources: ['serviceaccounts/token'], verbs: ['create'] },
  { apiGroups: [''], resources: ['persistentvolumeclaims/status'], verbs: ['get', 'patch', 'update'] },
  { apiGroups: ['storage.k8s.io'], resources: ['csidrivers'], verbs: R },
  { apiGroups: ['storage.k8s.io'], resources: ['csinodes'], verbs: ['create', 'delete', 'get', 'patch', 'update'] },
  { apiGroups: ['node.k8s.io'], resources: ['runtimeclasses'], verbs: R },
  { apiGroups: ['resource.k8s.io'], resources: ['resourceclaims'], verbs: ['get'] },
  { apiGroups: ['resource.k8s.io'], resources: ['resourceslices'], verbs: ['deletecollection'] },
  { apiGroups: [''], resources: ['serviceaccounts'], verbs: ['get'] },
]
