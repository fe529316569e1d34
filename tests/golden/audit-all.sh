# seed: 1
# The components' requests in the audit record: creating a namespace makes the service-account
# controller and the root CA publisher create its `default` ServiceAccount and kube-root-ca.crt,
# each with its own identity (system:serviceaccount:kube-system:<controller>); the scheduler binds the
# pod (POST pods/app/binding) and records its Scheduled event with the events.k8s.io/v1 API, both as
# system:kube-scheduler; kubectl wait reads the pod, then opens one watch on it (client-go's watch
# list, `watch` in the record) and reads what it carries; the kubelet of worker-0 asks the API server for
# the pod's token (POST .../serviceaccounts/default/token as system:node:worker-0, with the pod as
# bound object), reads kube-root-ca.crt, writes the pod's status and sends its events (Pulling at T+1 s;
# Pulled, Created, Started at T+4 s: POST .../events, allowed to system:nodes); 49 minutes later nobody has
# looked at the volume, so the refresh is sent (and recorded at the time it fell due) when the
# file is read. Plain `lab audit` still shows only the people's requests.
kubectl create namespace sa-demo
lab audit 3 --all
kubectl -n sa-demo run app --image=registry.k8s.io/e2e-test-images/agnhost:2.45 --command -- sleep 100000
lab audit 3 --all
kubectl -n sa-demo wait --for=condition=Ready pod/app
lab audit 14 --all
lab advance 49m
kubectl -n sa-demo exec app -- cat /var/run/secrets/kubernetes.io/serviceaccount/token | cut -d. -f2 | base64 -d | python3 -m json.tool | grep -E '"(iat|jti)"'
lab audit 5 --all
lab audit 3
