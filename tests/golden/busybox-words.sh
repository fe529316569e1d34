# seed: 1
# Golden: busybox's own words for input it refuses or reads otherwise than GNU's tools, in an
# Alpine-based pod (agnhost). Checked against busybox 1.35 (this machine's) and 1.36.1, which agree.
kubectl run app --image=registry.k8s.io/e2e-test-images/agnhost:2.45 --command -- sleep 100000
lab advance 30s
kubectl exec app -- sh -c "cd /tmp; printf 'b\na\nc\n' > f; head -n x f; tail -c x f; uniq -f x f; cut -f x f; nl -w x f; grep -A x a f; echo a | xargs -n x echo; od -N x f"
kubectl exec app -- sh -c "cd /tmp; printf 'b\na\nc\n' > f; sort -k f; sort -k 0 f; sed k f; date -d '' +%s; paste -d '' f f; xxd -c x f; echo a:b | cut -d :x -f2"
