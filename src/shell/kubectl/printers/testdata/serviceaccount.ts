// Expected `kubectl -o yaml` text, copied from shared/reference/kubernetes-objects.md §3 (the default ServiceAccount)

export const serviceaccountYaml = `apiVersion: v1
kind: ServiceAccount
metadata:
  creationTimestamp: "2026-11-29T15:26:57Z"
  name: default
  namespace: sa-demo
  resourceVersion: "1102"
  uid: 6f1e9a2c-8b7d-4c3e-a1f0-5d2b9c8e7a11
`
