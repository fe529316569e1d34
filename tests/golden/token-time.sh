# seed: 1
# A pod token through time: the kubelet swaps the file at about 80% of 3607 s, the old token
# keeps working, turns stale after warnafter, and dies at exp (one year).
kubectl create namespace sa-demo
kubectl -n sa-demo run app --image=registry.k8s.io/e2e-test-images/agnhost:2.45 --command -- sleep 100000
kubectl -n sa-demo wait --for=condition=Ready pod/app
OLD=$(kubectl -n sa-demo exec app -- cat /var/run/secrets/kubernetes.io/serviceaccount/token)
kubectl -n sa-demo exec app -- ls -a /var/run/secrets/kubernetes.io/serviceaccount/
lab advance 49m
kubectl -n sa-demo exec app -- ls -a /var/run/secrets/kubernetes.io/serviceaccount/
NEW=$(kubectl -n sa-demo exec app -- cat /var/run/secrets/kubernetes.io/serviceaccount/token)
echo "$OLD" | cut -d. -f2 | base64 -d 2>/dev/null | python3 -m json.tool | grep -E '"(iat|jti)"'
echo "$NEW" | cut -d. -f2 | base64 -d 2>/dev/null | python3 -m json.tool | grep -E '"(iat|jti)"'
curl -s -o /dev/null -w "old token: HTTP %{http_code}\n" --cacert ca.pem -H "Authorization: Bearer $OLD" https://$APISERVER/version
lab advance 12m
curl -s -o /dev/null -w "old token: HTTP %{http_code}\n" --cacert ca.pem -H "Authorization: Bearer $OLD" https://$APISERVER/version
lab audit 1
lab advance 366d
curl -s --cacert ca.pem -H "Authorization: Bearer $OLD" https://$APISERVER/version
lab audit 1
