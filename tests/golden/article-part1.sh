# seed: 1
# The seed article, first half: from the namespace to the decoded token.
kubectl create namespace sa-demo
kubectl -n sa-demo get sa
kubectl -n sa-demo run app --image=registry.k8s.io/e2e-test-images/agnhost:2.45 --command -- sleep 100000
# The article's author waited a few seconds here; with a seed the lab clock only moves when told.
kubectl -n sa-demo wait --for=condition=Ready pod/app
kubectl -n sa-demo exec app -- ls /var/run/secrets/kubernetes.io/serviceaccount/
kubectl -n sa-demo exec app -- cat /var/run/secrets/kubernetes.io/serviceaccount/namespace
kubectl -n sa-demo get pod app -o jsonpath='{.spec.volumes[?(@.projected)].projected.sources}'
kubectl -n sa-demo exec app -- cat /var/run/secrets/kubernetes.io/serviceaccount/token \
  | cut -d. -f2 | base64 -d | python3 -m json.tool
TOK=$(kubectl -n sa-demo exec app -- cat /var/run/secrets/kubernetes.io/serviceaccount/token)
echo "$TOK" | cut -d. -f1 | base64 -d
