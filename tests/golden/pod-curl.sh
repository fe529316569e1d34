# seed: 1
# Calling the API server from inside the pod with its mounted token and CA: the `kubernetes`
# Service's name resolves through the pod's search path (ndots:5), the request is the pod's
# ServiceAccount (the audit record names the pod), RBAC answers 403 until a RoleBinding grants
# listing pods, then 200.
kubectl create namespace sa-demo
kubectl -n sa-demo run app --image=registry.k8s.io/e2e-test-images/agnhost:2.45 --command -- sleep 100000
kubectl -n sa-demo wait --for=condition=Ready pod/app
kubectl -n sa-demo exec app -- cat /etc/resolv.conf
kubectl -n sa-demo exec app -- sh -c 'SA=/var/run/secrets/kubernetes.io/serviceaccount; curl -s --cacert $SA/ca.crt -H "Authorization: Bearer $(cat $SA/token)" https://kubernetes.default.svc/api/v1/namespaces/sa-demo/pods'
lab audit 3
kubectl -n sa-demo create role pod-reader --verb=get,list --resource=pods
kubectl -n sa-demo create rolebinding app-reads-pods --role=pod-reader --serviceaccount=sa-demo:default
kubectl -n sa-demo exec app -- sh -c 'SA=/var/run/secrets/kubernetes.io/serviceaccount; curl -s -o /dev/null -w "%{http_code}\n" --cacert $SA/ca.crt -H "Authorization: Bearer $(cat $SA/token)" https://kubernetes.default.svc.cluster.local/api/v1/namespaces/sa-demo/pods'
lab audit 3
kubectl -n sa-demo exec app -- sh -c 'curl -sk https://kubernetes.default/version | grep gitVersion'
kubectl -n sa-demo exec app -- curl -s https://nosuch.default.svc/
kubectl -n sa-demo exec app -- sh -c 'whoami; nosuch 2>&1; echo $?; /bin/cat /etc/hostname'
