# seed: 1
# The objects the article creates, as kubectl get -o yaml, get -o wide and describe print them.
kubectl create namespace sa-demo
kubectl -n sa-demo run app --image=registry.k8s.io/e2e-test-images/agnhost:2.45 --command -- sleep 100000
kubectl -n sa-demo get pods
lab advance 2s
kubectl -n sa-demo get pods
kubectl -n sa-demo wait --for=condition=Ready pod/app
kubectl -n sa-demo get pod app -o yaml
kubectl -n sa-demo get pods -o wide
kubectl -n sa-demo describe pod app
kubectl -n sa-demo get events
kubectl get namespace sa-demo -o yaml
kubectl describe namespace sa-demo
kubectl -n sa-demo get sa default -o yaml
kubectl -n sa-demo describe sa default
kubectl -n sa-demo get configmap kube-root-ca.crt -o yaml
kubectl get nodes
kubectl get ns
