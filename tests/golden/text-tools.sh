# seed: 1
# Golden: the text tools past the article (tee, tac, rev, nl, paste, fold, comm, expand, grep -m
# and -L, sort -c) at the workstation; in the pod, programs exec'd with their options (busybox env
# and cat), a shell without -i (no input: it ends at once, status 0), and a shell held open while
# the kubelet refreshes the token (the AtomicWriter's new directory shows there). The workstation
# lines were checked against bash 5.2 with coreutils 9.1, grep 3.8 and util-linux rev on this
# machine, the pod's applet lines against busybox 1.35; the refresh directory's name is the new
# token's iat (2026-05-24 00:15:33, 48 minutes into the token's hour, as the reference says).
printf 'b\na\nc\na\n' > f; printf 'x\ty\n' > g
kubectl get ns | tee ns.txt | tac
rev f | paste -s -d, -; nl f
fold -w 3 ns.txt | head -3; expand -t 4 g | od -c | head -1
sort f | comm -12 - f; comm f f
grep -m1 -n a f; grep -L a f g; sort -c f; echo $?
tee /nope/x < f; echo $?
kubectl create namespace sa-demo
kubectl -n sa-demo run app --image=registry.k8s.io/e2e-test-images/agnhost:2.45 --command -- sleep 100000
kubectl -n sa-demo wait --for=condition=Ready pod/app
kubectl -n sa-demo exec app -- env -i A=1 env
kubectl -n sa-demo exec app -- cat -n /etc/hostname
kubectl -n sa-demo exec app -- sh; echo $?
kubectl -n sa-demo exec -it app -- sh
ls -a /var/run/secrets/kubernetes.io/serviceaccount/ | grep ^..20
sleep 3000
ls -l /var/run/secrets/kubernetes.io/serviceaccount/..data
exit
