// Expected `kubectl -o yaml` text, copied from shared/reference/kubernetes-objects.md §2a

export const namespaceActiveYaml = `apiVersion: v1
kind: Namespace
metadata:
  creationTimestamp: "2026-11-29T15:26:57Z"
  labels:
    kubernetes.io/metadata.name: sa-demo
  name: sa-demo
  resourceVersion: "1101"
  uid: 0b6c3a51-2f0e-4e59-9d1f-6a4d2f1c9e01
spec:
  finalizers:
  - kubernetes
status:
  phase: Active
`
