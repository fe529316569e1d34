// Expected `kubectl -o yaml` text, copied from shared/reference/kubernetes-objects.md §2b

export const namespaceTerminatingYaml = `apiVersion: v1
kind: Namespace
metadata:
  creationTimestamp: "2026-11-29T15:26:57Z"
  deletionTimestamp: "2026-11-29T16:26:57Z"
  labels:
    kubernetes.io/metadata.name: sa-demo
  name: sa-demo
  resourceVersion: "2210"
  uid: 0b6c3a51-2f0e-4e59-9d1f-6a4d2f1c9e01
spec:
  finalizers:
  - kubernetes
status:
  conditions:
  - lastTransitionTime: "2026-11-29T16:27:03Z"
    message: All resources successfully discovered
    reason: ResourcesDiscovered
    status: "False"
    type: NamespaceDeletionDiscoveryFailure
  - lastTransitionTime: "2026-11-29T16:27:03Z"
    message: All legacy kube types successfully parsed
    reason: ParsedGroupVersions
    status: "False"
    type: NamespaceDeletionGroupVersionParsingFailure
  - lastTransitionTime: "2026-11-29T16:27:03Z"
    message: All content successfully deleted, may be waiting on finalization
    reason: ContentDeleted
    status: "False"
    type: NamespaceDeletionContentFailure
  - lastTransitionTime: "2026-11-29T16:27:03Z"
    message: 'Some resources are remaining: pods. has 1 resource instances'
    reason: SomeResourcesRemain
    status: "True"
    type: NamespaceContentRemaining
  - lastTransitionTime: "2026-11-29T16:27:03Z"
    message: All content-preserving finalizers finished
    reason: ContentHasNoFinalizers
    status: "False"
    type: NamespaceFinalizersRemaining
  phase: Terminating
`
