# seed: 1
# Golden: busybox's own words for input it refuses or reads otherwise than GNU's tools, in an
# Alpine-based pod (agnhost). Checked against busybox 1.35 (this machine's) and 1.36.1, which agree.
# basename, dirname and uname too (dirname //a is musl's /, where glibc's busybox says //; uname -o
# is Linux, as Alpine builds busybox; the kernel is the lab's Debian 12 one).
# expr: 64-bit numbers that wrap, and only "" and "0" are null (checked against busybox). cp and mv:
# busybox's words, -v after each copy (a folder after what it holds), and a move into the token's
# read-only volume (checked against busybox, the volume against rename(2)'s EROFS and EXDEV).
kubectl run app --image=registry.k8s.io/e2e-test-images/agnhost:2.45 --command -- sleep 100000
lab advance 30s
kubectl exec app -- sh -c "cd /tmp; printf 'b\na\nc\n' > f; head -n x f; tail -c x f; uniq -f x f; cut -f x f; nl -w x f; grep -A x a f; echo a | xargs -n x echo; od -N x f"
kubectl exec app -- sh -c "cd /tmp; printf 'b\na\nc\n' > f; sort -k f; sort -k 0 f; sed k f; date -d '' +%s; paste -d '' f f; xxd -c x f; echo a:b | cut -d :x -f2"
kubectl exec app -- sh -c 'basename /a/b/; basename a.txt .txt; basename -s .c a.c b/c.c; basename a b c; dirname /a/b/; dirname //a; dirname -x'
kubectl exec app -- sh -c 'uname -a; uname -pio; uname --kernel'
kubectl exec app -- sh -c 'expr 9999999999999999999 + 1; expr 1 + a; expr 00; echo "status $?"'
kubectl exec app -- sh -c 'cd /tmp && mkdir -p d/e && echo a > d/f && cp nope x; cp d x; cp -rv d c; mv d d/e; mv -v d/f g; mv g /var/run/secrets/kubernetes.io/serviceaccount/'
kubectl exec app -- sh -c 'printf "[%d]" "" 1.5; echo " $?"'
kubectl exec app -- sh -c 'nproc; nproc --ignore=1; cd /tmp && head -c 9000 /dev/zero > big && du -bk big && mkdir -m 700 p && ls -ld p | cut -c1-10; echo y | rm -i big; echo a | xargs -P x echo'
