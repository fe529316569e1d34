# seed: 1
# The shells one step further again. The workstation's bash has [[ ]] (patterns, =~, -eq as
# arithmetic, its own syntax errors) and readonly, starts bash and sh (dash) as programs, and knows
# every program of a Debian 12 system, saying which ones the lab does not run. In the agnhost
# container, every applet of Alpine's busybox is there; readlink and realpath follow the projected
# volume's links to the file the kubelet last wrote, stat shows a file (its device and inode
# numbers are the lab's own), and sh -c takes a name and arguments. The shell
# has += and indexed arrays; kubectl's --sort-by puts the scheduler's event (lastTimestamp null) first.
# Checked by hand: the workstation's lines against bash 5.2 and dash (an interactive bash for the
# error of [[ -f ]] and the readonly lines), the container's against busybox 1.35 over the same
# layout (stat's display by src/app/busyboxStat.differential.test.ts); the 'not simulated' lines are the lab's own.
x="a b"; [[ $x == a* && -f ca.pem ]] && echo match; [[ $x == "a*" ]]; echo $?
[[ 0x10 -eq 16 ]] && echo sixteen; [[ 2026-05-23 =~ ^([0-9]{4})- ]] && echo year $BASH_REMATCH
[[ -f ]]
readonly R=1; unset R; R=2
readonly -p | grep R=
bash -c 'echo "[$0|$1|$#]"' name one two
printf 'echo in $0 $1\nnosuch\n' > s.sh; bash s.sh arg; sh s.sh arg
sh -c 'declare x; [[ a ]]'
shred ca.pem; which shred
P=/a; P+=:/b; echo $P; TOK=eyJh.eyJp.c2ln; IFS=. read -ra parts <<< "$TOK"; echo ${#parts[@]} ${parts[1]} ${!parts[@]}
a=(one "two three"); a+=(four); for i in 5 6; do a[$i]=x$i; done; declare -p a; printf '[%s]' "${a[@]}"; echo
kubectl create namespace sa-demo
kubectl -n sa-demo run app --image=registry.k8s.io/e2e-test-images/agnhost:2.45 --command -- sleep 100000
kubectl -n sa-demo wait --for=condition=Ready pod/app
kubectl -n sa-demo exec app -- readlink /var/run/secrets/kubernetes.io/serviceaccount/token
kubectl -n sa-demo exec app -- readlink -f /var/run/secrets/kubernetes.io/serviceaccount/token
kubectl -n sa-demo exec app -- ls -l /usr/bin/readlink /bin/stat
kubectl -n sa-demo exec app -- stat /etc/hostname
lab advance 1h
kubectl -n sa-demo exec app -- realpath /var/run/secrets/kubernetes.io/serviceaccount/token
kubectl -n sa-demo exec app -- sh -c 'cat $0; echo " ($# more: $*)"' /var/run/secrets/kubernetes.io/serviceaccount/namespace a b
kubectl -n sa-demo get events --sort-by=.lastTimestamp
