# seed: 1
# Processes and devices inside the pod: busybox ps as Alpine builds it (DESKTOP: the columns
# PID, USER, TIME, COMMAND), PID 1 the pod's command line, each process started in the container
# the next PID, `$$` of the pod's shell the PID ps shows for it (ash and bash exec the last
# command of `sh -c`, so ps takes the shell's PID there), then the pod's and the workstation's
# /dev/zero as busybox ls and GNU ls show a character device. Checked by hand: the ps lines
# against procps/ps.c's format_header/format_process (and `busybox ps -o pid,ppid,args` on this
# machine for the layout), the ls lines against `busybox ls -l` and `ls -l` of the real devices.
kubectl create namespace sa-demo
kubectl -n sa-demo run app --image=registry.k8s.io/e2e-test-images/agnhost:2.45 --command -- sleep 100000
kubectl -n sa-demo wait --for=condition=Ready pod/app
kubectl -n sa-demo exec app -- ps
kubectl -n sa-demo exec app -- sh -c 'echo $$; ps -o pid,ppid,args'
kubectl -n sa-demo exec app -- ps -x
kubectl -n sa-demo exec app -- ls -l /dev/null /dev/zero
ls -l /dev/null /dev/zero
