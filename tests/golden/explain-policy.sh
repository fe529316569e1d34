# seed: 1
# kubectl explain and the v1.35 default policy. The explain outputs were compared byte for byte with the
# real kubectl rendering the upstream v1.35 OpenAPI documents (and explain.oracle.test.ts keeps doing so
# on the lab's own documents); the role names are those of bootstrappolicy/testdata/cluster-roles.yaml, and
# view's answers follow the rules of system:aggregate-to-view (no secrets, pods/log readable).
kubectl explain sa.automountServiceAccountToken
kubectl explain pod.spec.serviceAccountName
kubectl explain tokenreview.spec
kubectl explain sa.foo
kubectl explain sa --recursive
kubectl get clusterroles -o name | grep aggregate
kubectl get clusterrole view -o jsonpath='{.aggregationRule}'
echo
kubectl create clusterrolebinding jane-view --clusterrole=view --user=jane
kubectl auth can-i list pods --as=jane
kubectl auth can-i get secrets --as=jane
kubectl auth can-i get pods/log --as=jane
