// Expected `kubectl -o yaml` text, copied from shared/reference/kubernetes-objects.md §1a (kubectl run --dry-run=client -o yaml, v1.35)

export const dryRunPodYaml = `apiVersion: v1
kind: Pod
metadata:
  labels:
    run: app
  name: app
  namespace: sa-demo
spec:
  containers:
  - command:
    - sleep
    - "100000"
    image: registry.k8s.io/e2e-test-images/agnhost:2.45
    name: app
    resources: {}
  dnsPolicy: ClusterFirst
  restartPolicy: Always
status: {}
`
