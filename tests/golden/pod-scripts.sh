# Scripts that sleep between their commands, run over lab time (each part at its time, variables kept, the last status the exit code: busybox sh exits with its last command's status, 1 for the failed cat); the field selector at cluster scope; the lesson step that watches a token from inside a pod
kubectl get sa -A --field-selector metadata.name=default
kubectl get sa -A --field-selector metadata.name=nope
kubectl run counter --image=busybox -- sh -c 'i=0; while true; do echo "$i: $(date)"; i=$((i+1)); sleep 1; done'
kubectl wait --for=condition=Ready pod/counter
lab advance 5s
kubectl logs counter
kubectl logs counter --timestamps --tail=2
kubectl logs counter --since=2s
kubectl run steps --image=busybox --restart=Never -- sh -c 'echo one; sleep 5; echo two; sleep 5; cat /nope'
lab advance 6s
kubectl logs steps
lab advance 15s
kubectl logs steps --timestamps
kubectl get pod steps
kubectl get pod steps -o jsonpath='{.status.containerStatuses[0].state.terminated.exitCode}{"\n"}'
kubectl delete pod counter --wait=false
lab advance 1m
kubectl logs -f counter
lab lesson token-lifetime 6
lab solution
lab check
