# seed: 1
# Pods that cannot start and pods whose command ends (issue 11, item 4), with get, describe and
# events. Checked by hand against the kubelet's sources (pkg/kubelet/images/image_manager.go,
# kuberuntime_container.go startContainer, kuberuntime_manager.go doBackOff, kubelet_pods.go
# getPhase, status/generate.go), kubectl's printers (printers.go printPod, describe.go
# describePod/describeStatus) and containerd's pull errors as real clusters print them
# (bitnami/charts#23406, cvisionai/tator#439). busybox has no tag, so its pull policy is Always
# and every restart pulls again; alpine:3.20 with --image-pull-policy=Never is not on the node. The lab's timing: pulls fail 1 s after they
# start, the kubelet syncs 1 s after a failure or an exit; back-offs 10 s doubling to 300 s.
kubectl create namespace demo
kubectl -n demo run bad --image=nosuchimage
kubectl -n demo run tag --image=nginx:nosuchtag
kubectl -n demo run done --image=busybox --restart=Never -- sleep 5
kubectl -n demo run fail --image=busybox --restart=Never -- sh -c 'exit 3'
kubectl -n demo run loop --image=busybox -- sh -c 'sleep 2; exit 1'
kubectl -n demo run never --image=alpine:3.20 --image-pull-policy=Never -- sleep 3600
lab advance 2s
kubectl -n demo get pods
lab advance 8s
kubectl -n demo get pods
lab advance 3m
kubectl -n demo get pods -o wide
kubectl -n demo describe pod bad
kubectl -n demo describe pod done
kubectl -n demo describe pod fail
kubectl -n demo describe pod loop
kubectl -n demo get pod tag -o jsonpath='{.status.containerStatuses[0].state.waiting.message}{"\n"}'
kubectl -n demo get pod loop -o jsonpath='{.status.containerStatuses[0].state}{"\n"}{.status.containerStatuses[0].lastState}{"\n"}'
kubectl -n demo get events --field-selector involvedObject.name=loop
kubectl -n demo get events --field-selector involvedObject.name=tag
kubectl -n demo get events --field-selector involvedObject.name=never
kubectl -n demo exec loop -- true
kubectl -n demo exec done -- true
lab advance 30d
kubectl -n demo get pods
