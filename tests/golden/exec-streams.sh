# seed: 1
# A process's two streams in the order it wrote them, as a terminal shows them: kubectl exec's
# stdout and stderr, and a container's log (busybox sh: cat's message is busybox's, `can't open`).
# The busybox image has every applet in /bin: those the lab does not run say so (status 126),
# where `executable file not found` would deny them.
kubectl run b --image=busybox:1.36 -- sleep 3600
kubectl run order --image=busybox:1.36 --restart=Never -- sh -c 'echo one; cat /nope; echo two'
kubectl wait --for=condition=Ready pod/b
kubectl exec b -- sh -c 'cat /nope; echo done'
kubectl exec b -- sh -c 'echo a; x; echo b >&2; echo c'
kubectl logs order
kubectl exec b -- which df mount nc top
kubectl exec b -- free -m
echo $?
