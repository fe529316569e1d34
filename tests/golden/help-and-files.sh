# seed: 1
# What this stop added, one step past the article: kubectl's own help pages (description, examples,
# every option's whole text), api-resources as v1.35 prints it, and the workstation's files with
# modes: a script that runs by its path once chmod makes it executable, ls -l, and coreutils' stat
# (the lab keeps no file times: each time is the lab clock's); in the agnhost container, busybox's
# stat following the projected token's links. Checked against the real tools by
# help.oracle.test.ts and apiResources.oracle.test.ts (kubectl 1.33, v1.35's differences from its
# sources), builtins.differential.test.ts (bash 5.2, coreutils 9.1) and
# busyboxStat.differential.test.ts (busybox); device and inode numbers are the lab's own.
kubectl create token --help
kubectl api-resources -o wide --api-group=authentication.k8s.io
kubectl api-resources --verbs=create --namespaced=false -o name
printf '#!/bin/bash\necho "checking $1"\n' > check.sh
./check.sh token
chmod +x check.sh; ./check.sh token
ls -l check.sh ca.pem
stat -c '%n %s %a %A %F' check.sh ca.pem
stat check.sh
kubectl create namespace sa-demo
kubectl -n sa-demo run app --image=registry.k8s.io/e2e-test-images/agnhost:2.45 --command -- sleep 100000
kubectl -n sa-demo wait --for=condition=Ready pod/app
kubectl -n sa-demo exec app -- stat -c '%N' /var/run/secrets/kubernetes.io/serviceaccount/token
kubectl -n sa-demo exec app -- stat -L -c '%n %s %a %A %F' /var/run/secrets/kubernetes.io/serviceaccount/token
