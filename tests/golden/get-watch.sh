# kubectl get -w where nothing paces it (a transcript): the list once and a note; what is refused
kubectl run w --image=busybox -- sleep 3600
kubectl get pods -w
kubectl get pods --watch-only
kubectl get pods -w -o yaml
kubectl get pods,sa -w
kubectl get pod nope -w
# The watch is a request of its own after the list (get.go watch, cli-runtime's Result.Watch): -v=6
# logs the list, then the watch from the list's resourceVersion; two named objects are refused after
# they are printed; a role that may list but not watch gets the list, then the 403 for the watch.
kubectl run v --image=busybox -- sleep 3600
kubectl get pod w v -w
kubectl get pods -l run=w -w -v=6
kubectl create sa lister
kubectl create role lister --verb=get,list,delete --resource=pods
kubectl create rolebinding lister --role=lister --serviceaccount=default:lister
kubectl get pods -w --as=system:serviceaccount:default:lister
echo $?
# kubectl wait (pkg/cmd/wait, client-go v0.35's watch list): the pod, then one watch on it. With a role
# that cannot watch, wait waits out its timeout and delete says why it stops waiting.
kubectl wait --for=condition=Ready pod/w -v=6
kubectl wait --for=condition=Ready pod/w --as=system:serviceaccount:default:lister --timeout=3s
kubectl delete pod v --as=system:serviceaccount:default:lister
echo $?
lab audit 3
