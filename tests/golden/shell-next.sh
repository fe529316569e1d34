# seed: 1
# One step past the article in the shell: bytes in pipes (a token's signature is 256 bytes, as
# RS256 with a 2048-bit key makes it), the character devices, background jobs and the lab clock,
# time and tools inside the pod. Checked by hand: the byte lines against bash 5.2 and coreutils
# 9.1 (the same lines on this machine), the job lines against an interactive bash 5.2 (jobs.c's
# formats), which against busybox's over the image's layout, the pod's date after its sleep.
kubectl create namespace sa-demo
kubectl -n sa-demo run app --image=registry.k8s.io/e2e-test-images/agnhost:2.45 --command -- sleep 100000
kubectl -n sa-demo wait --for=condition=Ready pod/app
TOK=$(kubectl -n sa-demo exec app -- cat /var/run/secrets/kubernetes.io/serviceaccount/token)
echo $TOK | cut -d. -f3 | tr '_-' '/+' | base64 -d | wc -c
printf '\xff\xfe' | wc -c
printf 'A\xc3\xa9B' | od -An -tx1
head -c 8 /dev/zero | od -An -tx1
head -c 100 /dev/urandom | wc -c
cat /dev/zero | wc -c
sleep 5 &
jobs
wait
date -u +%T
kubectl -n sa-demo exec app -- sleep 30
kubectl -n sa-demo exec app -- date -u +%T
kubectl -n sa-demo exec app -- which sed awk curl
printf 'a\nb\n' | awk '{ system("echo got " $0) }'
