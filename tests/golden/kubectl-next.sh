# seed: 1
# One step past the article: the verbs students reach for next, with -n before the verb as the
# article writes it. Each line was checked by hand against kubectl's sources and the real client.
# create --raw POSTs the file and copies out the answer (rawhttp.RawPost); its checks are CreateOptions.Validate's.
# patch's default type is a strategic merge: a ServiceAccount's secrets merge by name (types.go's patchMergeKey); --type=merge replaces the list.
# --template without -o is a go-template (PrintFlags.ToPrinter), as old tutorials use it on Secrets.
# -p text that starts like JSON goes to the server as typed: a typo gets Go's JSON words (strategic: bare; merge: error decoding patch); a JSON patch that does not apply is a 422 with no detail.
kubectl create namespace sa-demo
kubectl -n sa-demo run app --image=registry.k8s.io/e2e-test-images/agnhost:2.45 --command -- sleep 100000
kubectl -n sa-demo create serviceaccount robot
lab advance 5s
kubectl -n sa-demo logs app
kubectl -n sa-demo logs app --tail=5 -c app
kubectl logs
kubectl -n sa-demo label pod app tier=web
kubectl -n sa-demo label pod app tier=api
kubectl -n sa-demo label pod app tier=api --overwrite
kubectl -n sa-demo label pod app tier-
kubectl -n sa-demo annotate sa robot owner=team-a
kubectl -n sa-demo annotate sa robot owner=team-b
kubectl -n sa-demo patch sa robot -p '{"automountServiceAccountToken":false}'
kubectl -n sa-demo patch sa robot --type=json -p '[{"op":"remove","path":"/metadata/annotations/owner"}]'
kubectl -n sa-demo get sa --sort-by=.metadata.name -o custom-columns=NAME:.metadata.name,AUTOMOUNT:.automountServiceAccountToken
kubectl -n sa-demo get sa robot -o go-template='{{.metadata.name}} {{.automountServiceAccountToken}}{{"\n"}}'
kubectl -n sa-demo get all
kubectl get --raw /healthz
echo
kubectl api-versions
kubectl cluster-info
kubectl -n sa-demo events
kubectl config current-context
kubectl config get-contexts
kubectl config view --minify
TOKEN=$(kubectl -n sa-demo create token robot)
kubectl config set-credentials robot --token=$TOKEN
kubectl config set-context robot --cluster=kubernetes --user=robot --namespace=sa-demo
kubectl config get-contexts
kubectl --context=robot get pods
kubectl -v=6 --context=robot auth whoami -o name
kubectl -n sa-demo create token robot --duration=10
kubectl -n sa-demo top pod
kubectl -n sa-demo nosuchcommand
printf '%s\n' '{"apiVersion":"authentication.k8s.io/v1","kind":"TokenRequest","spec":{"audiences":["vault"],"expirationSeconds":600}}' > tr.json
kubectl create --raw /api/v1/namespaces/sa-demo/serviceaccounts/robot/token -f tr.json | jq -c '{kind, metadata, spec, exp: .status.expirationTimestamp}'
kubectl create --raw /api/v1/namespaces/sa-demo/serviceaccounts/robot/token -f tr.json | tail -c 30 | od -c | tail -3
kubectl --as=system:serviceaccount:sa-demo:robot create --raw /api/v1/namespaces/sa-demo/serviceaccounts/robot/token -f tr.json
kubectl create --raw api/v1/namespaces -f tr.json
kubectl -n sa-demo patch sa robot -p '{"secrets":[{"name":"a"}]}'
kubectl -n sa-demo patch sa robot -p '{"secrets":[{"name":"b"}]}'
kubectl -n sa-demo get sa robot -o jsonpath='{.secrets}{"\n"}'
kubectl -n sa-demo patch sa robot --type=merge -p '{"secrets":[{"name":"c"}]}'
kubectl -n sa-demo get sa robot -o jsonpath='{.secrets}{"\n"}'
kubectl -n sa-demo create secret generic tok --from-literal=token=abc
kubectl -n sa-demo get secret tok --template={{.data.token}} | base64 -d; echo
kubectl -n sa-demo patch sa robot -p '{"metadata":{"labels":{"a":"b"}}'
kubectl -n sa-demo patch sa robot --type=merge -p '{metadata:{}}'
kubectl -n sa-demo patch sa robot --type=json -p '[{"op":"remove","path":"/metadata/labels/x"}]'
kubectl get all
kubectl get all -n sa-demo
kubectl get pods,svc
kubectl get all kubernetes
kubectl get Pods -n sa-demo -o name
kubectl get SVC
kubectl get roles.rbac -A
kubectl describe svc kubernetes
kubectl describe endpointslice kubernetes
kubectl get pods -A -o go-template='{{range.items}}{{.metadata.name}}{{"\n"}}{{end}}'
kubectl get pods -A -o go-template='{{(index .items 0).spec.serviceAccountName}}{{"\n"}}'
kubectl delete svc kubernetes
kubectl get svc
kubectl wait --for=create svc/kubernetes --timeout=30s
kubectl get svc
kubectl get leases -A
kubectl describe node worker-0
kubectl --as=system:node:worker-0 --as-group=system:nodes get lease worker-1 -n kube-node-lease
kubectl describe lease worker-0 -n kube-node-lease
kubectl get pods -A -o custom-columns=NAME:.metadata.name,LABELS:.metadata.labels,VOLUMES:.spec.volumes[*].name
printf '%s' '{"apiVersion":"v1","kind":"Service","metadata":{"name":"web"},"spec":{"selector":{"app":"web"},"ports":[{"name":"http","port":80,"targetPort":8080}]}}' > svc.json
kubectl create -f svc.json
kubectl get svc web
kubectl describe svc web
