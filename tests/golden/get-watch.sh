# kubectl get -w where nothing paces it (a transcript): the list once and a note; what is refused
kubectl run w --image=busybox -- sleep 3600
kubectl get pods -w
kubectl get pods --watch-only
kubectl get pods -w -o yaml
kubectl get pods,sa -w
kubectl get pod nope -w
