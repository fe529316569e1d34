# What a container's main process prints: kubectl logs, kubectl run -i/--attach/--rm, and kubectl run -it's shell
kubectl run hello --image=busybox --restart=Never -- sh -c 'echo hello; echo world; exit 3'
kubectl wait --for=jsonpath='{.status.phase}'=Failed pod/hello
kubectl get pod hello
kubectl logs hello
kubectl logs hello --tail=1
kubectl logs hello --limit-bytes=3; echo
kubectl logs hello --timestamps
kubectl logs hello --since=1h
lab advance 10m
kubectl logs hello --since=5m
kubectl logs hello --since-time=2024-08-30
kubectl logs hello --since=1m --since-time=2024-08-30T06:00:00Z
kubectl logs hello -p
kubectl run missing --image=busybox --restart=Never -- cat /nope
kubectl wait --for=jsonpath='{.status.phase}'=Failed pod/missing
kubectl logs missing
kubectl get pod missing -o jsonpath='{.status.containerStatuses[0].state.terminated.exitCode}{"\n"}'
kubectl run tok -i --restart=Never --image=busybox -- cat /var/run/secrets/kubernetes.io/serviceaccount/token | cut -d. -f2 | base64 -d 2>/dev/null | jq -c '.["kubernetes.io"].pod.name'
kubectl run ns1 --rm -i --restart=Never --image=busybox -- cat /var/run/secrets/kubernetes.io/serviceaccount/namespace
kubectl run four --rm -i --restart=Never --image=busybox -- sh -c 'echo bye; exit 4'
echo "exit code $?"
kubectl run att --attach --restart=Never --image=busybox -- echo attached
kubectl run shell --rm -it --restart=Never --image=busybox -- sh
echo in the pod, pid $$
exit 5
echo "exit code $?"
kubectl run plain --rm -i --restart=Never --image=busybox -- sh
kubectl get pods
kubectl run sleeper --image=busybox -- sleep 3600
kubectl wait --for=condition=Ready pod/sleeper
kubectl logs sleeper
kubectl create sa dev
kubectl create role runner --verb=create,get,list,watch,delete --resource=pods,pods/log
kubectl create rolebinding dev-runner --role=runner --serviceaccount=default:dev
kubectl run refused -it --rm --restart=Never --image=busybox --as=system:serviceaccount:default:dev -- sh
kubectl run talker --image=busybox -- sh -c 'cat /var/run/secrets/kubernetes.io/serviceaccount/namespace; echo; sleep 3600'
kubectl wait --for=condition=Ready pod/talker
kubectl logs talker
kubectl logs -f talker
kubectl run typo --image=busybox --restart=Never -- sh -c 'cat /nope && sleep 3600'
kubectl wait --for=jsonpath='{.status.phase}'=Failed pod/typo
kubectl logs typo
kubectl attach talker
kubectl attach typo
kubectl run box --image=busybox --stdin --tty --attach=false -- sh
kubectl wait --for=condition=Ready pod/box
kubectl attach -it box
echo in the box, pid $$
exit
