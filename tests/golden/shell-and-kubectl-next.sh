# seed: 1
# One step past the article, as a student takes a token apart and looks around: IFS splitting the
# token at its dots, $(< file), quotes inside $(( )), tr turning base64url into base64, indirect
# expansion, PIPESTATUS and FUNCNAME, date past its range; then kubectl auth whoami as the admin
# (the certificate's credential-id), exec of a program the image lacks, events --for and config
# with a wrong argument. The shell lines were run in bash 5.2 with coreutils 9.1 (same output);
# the kubectl lines are checked against kubectl 1.33 and the v1.35 sources (config.oracle.test.ts,
# small.test.ts, kubernetes-next.md's kubectl exec).
IFS=.; TOK=aa.bb.cc; parts=($TOK); echo ${#parts[@]} ${parts[1]}; unset IFS
printf 'hello\n' > f.txt; x=$(<f.txt); echo "${#x} $x"
E=10; N=4; echo $(( "$E" - "$N" ))
echo 'a-b_c' | tr -- '-_' '+/'; echo 'a+b/c' | tr '+/' '-_'
v=HOME; echo ${!v}
false | true | false; echo ${PIPESTATUS[@]}
f() { echo "in ${FUNCNAME[0]}"; }; f
date -u -d @67768036191676800; echo $?
kubectl auth whoami
kubectl create namespace sa-demo
kubectl -n sa-demo run app --image=registry.k8s.io/e2e-test-images/agnhost:2.45 --command -- sleep 100000
kubectl -n sa-demo wait --for=condition=Ready pod/app
kubectl -n sa-demo exec app -- python3; echo "exit $?"
kubectl -n sa-demo events --for pod
kubectl config foo
