# seed: 1
# busybox ls in an Alpine-based pod (agnhost): the projected token volume as the kubelet's
# AtomicWriter lays it out (the `..data` link to a timestamped directory, each file a link through
# `..data`, so the kubelet swaps all of them at once), first through kubectl exec, then in the
# pod's shell, where files made with touch, `>` and mkdir, and removed with rm, show in ls with the
# times they were made on the lab clock; at the terminal ls prints columns (80 wide), into a pipe
# one name per line; busybox wc's columns. Checked by hand against `busybox ls` and `busybox wc`
# on this machine over the same layout (src/cluster/kubelet/exec/ls.differential.test.ts builds it).
# busybox find over the same layout (links not followed, then with -L), and over what the shell
# made, with -mmin on the lab clock: checked against `busybox find` on the same layout on a tmpfs
# (src/app/busyboxFind.differential.test.ts), a folder's entries by name.
kubectl create namespace sa-demo
kubectl -n sa-demo run app --image=registry.k8s.io/e2e-test-images/agnhost:2.45 --command -- sleep 100000
kubectl -n sa-demo wait --for=condition=Ready pod/app
kubectl -n sa-demo exec app -- ls /var/run/secrets/kubernetes.io/serviceaccount
kubectl -n sa-demo exec app -- ls -la /var/run/secrets/kubernetes.io/serviceaccount
kubectl -n sa-demo exec app -- sh -c 'cd /var/run/secrets/kubernetes.io/serviceaccount && ls -lL && ls -F ..data/'
kubectl -n sa-demo exec -it app -- ls /
kubectl -n sa-demo exec app -- ls / | head -n 3
kubectl -n sa-demo exec -it app -- sh
cd /var/run/secrets/kubernetes.io/serviceaccount
ls -a
ls -a | wc -l
wc -c token ca.crt
cd /tmp
sleep 90
touch a
echo hello > note.txt
mkdir sub
ls -l
sleep 60
rm a
touch note.txt
ls -la
ls -F /
find . -mmin -1
find /var/run/secrets -type l
find -L /var/run/secrets -name token
exit
