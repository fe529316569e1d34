# seed: 1
# Golden: the C locale and what each image holds.
# The shell lines were checked against bash 5.2, GNU grep, GNU sed and mawk on this machine run
# with LC_ALL=C (a byte that is not UTF-8 shows as U+FFFD, as in the terminal); the pod lines
# against dash and coreutils (Debian 12), busybox's cat, and the runtime's exec error.
V=héllo; echo ${#V} ${V:1:2} ${V^^} ${V//?/.}
printf 'é\nxéy\n' > u.txt; grep -c '^.$' u.txt; sed -n 'l' u.txt; awk '{ print length($0) }' u.txt
export LC_ALL=C.UTF-8; echo ${#V} ${V^^}; grep -c '^.$' u.txt; unset LC_ALL
kubectl run deb --image=debian:12 -- sleep 100000
kubectl run bb --image=busybox:1.36 -- sleep 100000
kubectl run p --image=registry.k8s.io/pause:3.10
lab advance 30s
kubectl exec deb -- sh -c nosuchcmd
kubectl exec deb -- cat /nope
kubectl exec deb -- id
kubectl exec deb -- which ls sh
kubectl exec bb -- cat /etc/os-release
kubectl exec bb -- which env
kubectl exec p -- ls
