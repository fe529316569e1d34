# seed: 1
# The network inside the pods: nslookup as each image has it (agnhost's is BIND 9.18 from
# bind-tools and walks the search path; busybox's asks a dotted name as it is, so the short form
# fails there), then busybox wget calling the API server with the pod's token: Alpine's wget checks
# the server against the system CAs (the cluster CA is not one of them) until
# --no-check-certificate, RBAC answers 403 until a RoleBinding grants listing pods, then 200; the
# audit record names the pod's ServiceAccount and the pod. Output lines checked against BIND
# 9.18.49, BusyBox 1.35.0 nslookup and wget on this machine (src/app/containerNslookup.test.ts,
# src/app/containerWget.test.ts); the ssl_client line is UNVERIFIED (containerWget.ts). hostname -i is the
# pod's IP as its /etc/hosts line has it (busybox hostname.c; containerHostname.test.ts).
kubectl create namespace sa-demo
kubectl -n sa-demo run app --image=registry.k8s.io/e2e-test-images/agnhost:2.45 --command -- sleep 100000
kubectl -n sa-demo run bb --image=busybox:1.36 --command -- sleep 100000
kubectl -n sa-demo wait --for=condition=Ready pod/app pod/bb
kubectl -n sa-demo exec app -- nslookup kubernetes.default
kubectl -n sa-demo exec app -- nslookup nosuch
kubectl -n sa-demo exec bb -- nslookup kubernetes.default
kubectl -n sa-demo exec bb -- nslookup kubernetes.default.svc.cluster.local
kubectl -n sa-demo exec app -- sh -c 'SA=/var/run/secrets/kubernetes.io/serviceaccount; wget -qO- --header "Authorization: Bearer $(cat $SA/token)" https://kubernetes.default.svc/api/v1/namespaces/sa-demo/pods'
kubectl -n sa-demo exec app -- sh -c 'SA=/var/run/secrets/kubernetes.io/serviceaccount; wget -O- --no-check-certificate --header "Authorization: Bearer $(cat $SA/token)" https://kubernetes.default.svc/api/v1/namespaces/sa-demo/pods'
lab audit 2
kubectl -n sa-demo create role pod-reader --verb=get,list --resource=pods
kubectl -n sa-demo create rolebinding app-reads-pods --role=pod-reader --serviceaccount=sa-demo:default
kubectl -n sa-demo exec app -- sh -c 'SA=/var/run/secrets/kubernetes.io/serviceaccount; wget -qO- --no-check-certificate --header "Authorization: Bearer $(cat $SA/token)" https://kubernetes.default.svc/api/v1/namespaces/sa-demo/pods | head -3'
lab audit 2
kubectl -n sa-demo exec app -- sh -c 'cd /tmp && wget --no-check-certificate https://kubernetes.default.svc/version 2>&1 && grep gitVersion version'
kubectl -n sa-demo exec app -- wget http://nope/
kubectl -n sa-demo exec app -- sh -c 'hostname -i; cat /etc/hosts | tail -n 1'
