# seed: 1
# One step further past the article, as this session left it. The workstation's bash keeps the
# programs it ran in its table (hash; type says "hashed"), has umask, let, builtin and time (bash 5.2),
# and cp, find, ls -F/-h, basename and dirname (coreutils 9.1, findutils 4.9).
# kubectl resolves a kubeconfig's relative files in the kubeconfig's folder, lays --client-certificate
# and --username over the kubeconfig's user, lists a group's sub-commands at kubectl's width, says a
# sub-command the lab lacks is not here before reading its flags, and creates ConfigMaps (kubectl
# 1.33, with creationTimestamp: null dropped as v0.35 does). The API server refuses a bad label key
# (apimachinery v0.35's message). The containers' sh speaks as busybox 1.35's ash does.
ls >/dev/null; type ls; hash
type -a ls kubectl
umask; umask -S; let x=2+3; echo $x; builtin echo via builtin
mkdir -p tok/sub && printf abc > tok/a.txt && cp -r tok tok2 && find tok2 | sort
ls -F tok2; ls -lh tok2/a.txt; basename ~/.kube/config; dirname ~/.kube/config
time sleep 2
mkdir -p kc/sub
kubectl config view --raw > kc/config
sed -i 's/certificate-authority-data: .*/certificate-authority: sub\/ca.pem/' kc/config
kubectl --kubeconfig kc/config get ns default
kubectl --client-certificate=alice.crt --client-key=alice.key get ns default
kubectl --token=abc --username=bob get ns default
kubectl create --help | sed -n '/Available Commands/,/^$/p'
kubectl create deployment web --image=nginx
kubectl config set current-context other
kubectl create namespace sa-demo
kubectl label ns sa-demo _bad=x
kubectl -n sa-demo create configmap settings --from-literal=mode=demo --from-literal=level=2 --dry-run=client -o yaml
kubectl -n sa-demo create configmap settings --from-literal=mode=demo
kubectl -n sa-demo get configmaps
kubectl -n sa-demo run app --image=registry.k8s.io/e2e-test-images/agnhost:2.45 --command -- sleep 100000
kubectl -n sa-demo wait --for=condition=Ready pod/app
kubectl -n sa-demo exec app -- sh -c 'type ls nosuch cd; echo $?; command -v wget'
kubectl -n sa-demo exec app -- sh -c 'cd /nope; echo $?; cat < /nope; echo $0'
echo hello | kubectl -n sa-demo exec -i app -- sh -c 'read v; echo "read: $v"'
