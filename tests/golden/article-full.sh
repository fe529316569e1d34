# seed: 1
# The whole seed article, in order. Where the article writes <apiserver>, the lab's
# workstation has the address in $APISERVER.
kubectl create namespace sa-demo
kubectl -n sa-demo get sa
kubectl -n sa-demo run app --image=registry.k8s.io/e2e-test-images/agnhost:2.45 --command -- sleep 100000
# With a seed the lab clock only moves when told; the article's author waited a few seconds here.
kubectl -n sa-demo wait --for=condition=Ready pod/app
kubectl -n sa-demo exec app -- ls /var/run/secrets/kubernetes.io/serviceaccount/
kubectl -n sa-demo exec app -- cat /var/run/secrets/kubernetes.io/serviceaccount/namespace
kubectl -n sa-demo get pod app -o jsonpath='{.spec.volumes[?(@.projected)].projected.sources}'
kubectl -n sa-demo exec app -- cat /var/run/secrets/kubernetes.io/serviceaccount/token \
  | cut -d. -f2 | base64 -d | python3 -m json.tool
TOK=$(kubectl -n sa-demo exec app -- cat /var/run/secrets/kubernetes.io/serviceaccount/token)
curl -s -o /dev/null -w "HTTP %{http_code}\n" --cacert ca.pem \
  -H "Authorization: Bearer $TOK" https://$APISERVER/api/v1/namespaces/sa-demo/pods
# Authenticated as the default ServiceAccount, refused by RBAC: the audit record says why.
lab audit 1
kubectl --kubeconfig=/dev/null --token="$TOK" --server=https://$APISERVER \
  --certificate-authority=ca.pem auth whoami | grep Username
kubectl -n sa-demo delete pod app
curl -s --cacert ca.pem -H "Authorization: Bearer $TOK" \
  https://$APISERVER/api/v1/namespaces/sa-demo/pods
# Refused at authentication this time: the pod the token is bound to is gone.
lab audit 1
kubectl -n sa-demo run app-notoken --image=registry.k8s.io/e2e-test-images/agnhost:2.45 \
  --overrides='{"spec":{"automountServiceAccountToken":false}}' --command -- sleep 100000
kubectl -n sa-demo wait --for=condition=Ready pod/app-notoken
kubectl -n sa-demo exec app-notoken -- ls /var/run/secrets/kubernetes.io/serviceaccount/
kubectl delete namespace sa-demo
