# seed: 1
# Golden: a container's own files. The busybox image's tree, id and printenv were checked against
# busybox 1.36.1 built with docker-library's configuration and the image's rootfs under chroot;
# the writable layer against a container's overlayfs (what one exec writes, the next one reads); the
# read-only token volume against busybox 1.36.1, dash and GNU coreutils on a read-only bind mount
# (the temporary files' six characters are the lab's own draw). uname is the node's Debian 12 kernel
# (6.1.0-40-amd64, as Debian 12 prints it) with the container as host: busybox's -o is defconfig's
# GNU/Linux (Alpine's is Linux), its fields and omissions checked against busybox 1.36.1 and coreutils 9.1.
# du counts the applets' one file once (du.c's inode table; its sums checked against busybox du on
# this machine's disk, src/app/busyboxDu.differential.test.ts); the token's tmpfs folders hold no blocks.
# The mount table is containerd's, runc's and the kubelet's as cluster/kubelet/exec/mounts.ts cites them,
# in Linux 6.1's /proc/mounts words (tmpfs sizes in KiB, Debian's inode64); a mount under /var/run shows
# where its link leads (runc resolves it). df's layout is checked against busybox on this machine's mounts.
kubectl run bb --image=busybox:1.36 -- sleep 100000
kubectl run deb --image=debian:12 -- sleep 100000
lab advance 30s
kubectl exec bb -- ls -l /bin/sh /bin/busybox /usr/bin/env
kubectl exec bb -- ls /
kubectl exec bb -- which env ls
kubectl exec bb -- id
kubectl exec bb -- printenv HOSTNAME NOPE
kubectl exec bb -- sh -c 'echo hello > /tmp/note; mkdir /srv'
kubectl exec bb -- sh -c 'cat /tmp/note; ls -d /srv; rm /tmp/note'
kubectl exec bb -- ls /tmp
kubectl exec bb -- sh -c 'cd /var/run/secrets/kubernetes.io/serviceaccount; echo x > token; touch f; rm token; mkdir -p d/e; sed -i s/a/b/ token'
kubectl exec deb -- sh -c 'cd /var/run/secrets/kubernetes.io/serviceaccount; echo x > token; touch f; rm token; mkdir -p d/e; cp /etc/hostname .; mv token /tmp/t; sed -i s/a/b/ token'
kubectl exec deb -- ls /tmp /var/run/secrets/kubernetes.io/serviceaccount
kubectl exec bb -- uname -a
kubectl exec bb -- uname -pio
kubectl exec deb -- uname -a
kubectl exec deb -- uname -snrvmpio
uname -a
arch
kubectl exec bb -- du -sh /bin/busybox /bin/sh
kubectl exec bb -- du -s /var/run/secrets/kubernetes.io/serviceaccount
kubectl exec bb -- mount -t tmpfs
kubectl exec bb -- df -h /var/run/secrets/kubernetes.io/serviceaccount /
kubectl exec deb -- grep -e secrets -e sda1 /proc/mounts
kubectl exec deb -- df
