// A container's mount table (/proc/mounts, busybox mount and df) in the article's pod and in pods
// with more volumes. The expected lines come from the sources named in
// cluster/kubelet/exec/mounts.ts (containerd's and runc's mounts, the kubelet's volumes, Linux 6.1's
// /proc/mounts and tmpfs options) and the lab's node (4015252 KiB of memory, a 20470152 KiB disk);
// df's own formatting is checked against the real busybox in df.differential.test.ts.
import { beforeAll, describe, expect, it } from 'vitest'
import type { Lab } from './lab'
import { labWithApp, shIn } from './testing'

const VOLUMES_POD = `apiVersion: v1
kind: Pod
metadata:
  name: vols
  namespace: sa-demo
spec:
  containers:
  - name: c
    image: busybox:1.36
    command: ["sleep", "3600"]
    resources:
      limits:
        memory: 128Mi
    volumeMounts:
    - name: scratch
      mountPath: /scratch
    - name: cfg
      mountPath: /etc/cfg
    - name: vault-token
      mountPath: /var/run/secrets/vault
  volumes:
  - name: scratch
    emptyDir: {}
  - name: cfg
    configMap:
      name: kube-root-ca.crt
  - name: vault-token
    projected:
      sources:
      - serviceAccountToken:
          path: token
          audience: vault
`

const SNAP = '/var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots'

let lab: Lab
beforeAll(async () => {
  lab = await labWithApp('1', [`cat > vols.yaml <<'EOF'\n${VOLUMES_POD}EOF`, 'kubectl apply -f vols.yaml', 'kubectl -n sa-demo wait --for=condition=Ready pod/vols'])
}, 60_000)

describe("the article's pod (Alpine: /var/run is a link to /run)", () => {
  it('/proc/mounts: the runtime, the kubelet, the token volume (read-only, sized to the node), then runc\'s read-only and masked paths', async () => {
    const r = await shIn(lab, 'app', 'cat /proc/mounts')
    const lines = r.stdout.split('\n')
    expect(lines[0]).toMatch(new RegExp(`^overlay / overlay rw,relatime,lowerdir=${SNAP}/\\d+/fs:${SNAP}/\\d+/fs:${SNAP}/\\d+/fs,upperdir=${SNAP}/(\\d+)/fs,workdir=${SNAP}/\\1/work 0 0$`))
    expect(lines.slice(1).join('\n')).toBe(`proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0
tmpfs /dev tmpfs rw,nosuid,size=65536k,mode=755,inode64 0 0
devpts /dev/pts devpts rw,nosuid,noexec,relatime,gid=5,mode=620,ptmxmode=666 0 0
mqueue /dev/mqueue mqueue rw,nosuid,nodev,noexec,relatime 0 0
sysfs /sys sysfs ro,nosuid,nodev,noexec,relatime 0 0
cgroup /sys/fs/cgroup cgroup2 ro,nosuid,nodev,noexec,relatime,nsdelegate,memory_recursiveprot 0 0
/dev/sda1 /etc/hosts ext4 rw,relatime,errors=remount-ro 0 0
/dev/sda1 /dev/termination-log ext4 rw,relatime,errors=remount-ro 0 0
/dev/sda1 /etc/hostname ext4 rw,relatime,errors=remount-ro 0 0
/dev/sda1 /etc/resolv.conf ext4 rw,relatime,errors=remount-ro 0 0
shm /dev/shm tmpfs rw,nosuid,nodev,noexec,relatime,size=65536k,inode64 0 0
tmpfs /run/secrets/kubernetes.io/serviceaccount tmpfs ro,relatime,size=4015252k,inode64 0 0
proc /proc/bus proc ro,nosuid,nodev,noexec,relatime 0 0
proc /proc/fs proc ro,nosuid,nodev,noexec,relatime 0 0
proc /proc/irq proc ro,nosuid,nodev,noexec,relatime 0 0
proc /proc/sys proc ro,nosuid,nodev,noexec,relatime 0 0
proc /proc/sysrq-trigger proc ro,nosuid,nodev,noexec,relatime 0 0
tmpfs /proc/acpi tmpfs ro,relatime,inode64 0 0
tmpfs /proc/kcore tmpfs rw,nosuid,size=65536k,mode=755,inode64 0 0
tmpfs /proc/keys tmpfs rw,nosuid,size=65536k,mode=755,inode64 0 0
tmpfs /proc/timer_list tmpfs rw,nosuid,size=65536k,mode=755,inode64 0 0
tmpfs /sys/firmware tmpfs ro,relatime,inode64 0 0
`)
    expect((await shIn(lab, 'app', 'cat /proc/self/mounts')).stdout).toBe(r.stdout)
  })

  it('mount lists the table; -t keeps one type', async () => {
    expect((await shIn(lab, 'app', 'mount | grep serviceaccount')).stdout).toBe('tmpfs on /run/secrets/kubernetes.io/serviceaccount type tmpfs (ro,relatime,size=4015252k,inode64)\n')
    expect((await shIn(lab, 'app', 'mount -t tmpfs | wc -l; mount -t cgroup2')).stdout).toBe('8\ncgroup on /sys/fs/cgroup type cgroup2 (ro,nosuid,nodev,noexec,relatime,nsdelegate,memory_recursiveprot)\n')
  })

  it('mounting is refused as a container without CAP_SYS_ADMIN is: the target first, then the permission', async () => {
    expect(await shIn(lab, 'app', 'mount -t tmpfs tmpfs /mnt')).toEqual({ stdout: '', stderr: 'mount: permission denied (are you root?)\n', exitCode: 1 })
    expect(await shIn(lab, 'app', 'mount -o bind /tmp /nope')).toEqual({ stdout: '', stderr: 'mount: mounting /tmp on /nope failed: No such file or directory\n', exitCode: 1 })
    expect((await shIn(lab, 'app', 'mount -q')).stderr).toMatch(/^mount: unrecognized option: q\nBusyBox v1\.35\.0 .*\n\nUsage: mount /)
    expect((await shIn(lab, 'app', 'mount /mnt')).stderr).toMatch(/not simulated in the lab; mount with no arguments lists the mounts/)
  })

  it('df: the disk (4 KiB blocks: 5117538, 1052718 used, 5 % kept for root), the tmpfs sizes, the token files in three pages', async () => {
    const r = await shIn(lab, 'app', 'df')
    expect(r.stdout).toBe(`Filesystem           1K-blocks      Used Available Use% Mounted on
overlay               20470152   4210872  15235776  22% /
tmpfs                    65536         0     65536   0% /dev
/dev/sda1             20470152   4210872  15235776  22% /etc/hosts
/dev/sda1             20470152   4210872  15235776  22% /dev/termination-log
/dev/sda1             20470152   4210872  15235776  22% /etc/hostname
/dev/sda1             20470152   4210872  15235776  22% /etc/resolv.conf
shm                      65536         0     65536   0% /dev/shm
tmpfs                  4015252        12   4015240   0% /run/secrets/kubernetes.io/serviceaccount
tmpfs                  2007624         0   2007624   0% /proc/acpi
tmpfs                    65536         0     65536   0% /proc/kcore
tmpfs                    65536         0     65536   0% /proc/keys
tmpfs                    65536         0     65536   0% /proc/timer_list
tmpfs                  2007624         0   2007624   0% /sys/firmware
`)
  })

  it('df PATH: the mount of the file system the path is on (through the links)', async () => {
    expect((await shIn(lab, 'app', 'df -h /var/run/secrets/kubernetes.io/serviceaccount/token')).stdout).toBe(
      'Filesystem                Size      Used Available Use% Mounted on\ntmpfs                     3.8G     12.0K      3.8G   0% /run/secrets/kubernetes.io/serviceaccount\n')
    // /etc/hostname is on the node's disk, as /etc/hosts is, and that mount comes first
    expect((await shIn(lab, 'app', 'df /etc/hostname /tmp')).stdout).toBe(`Filesystem           1K-blocks      Used Available Use% Mounted on
/dev/sda1             20470152   4210872  15235776  22% /etc/hosts
overlay               20470152   4210872  15235776  22% /
`)
    expect(await shIn(lab, 'app', 'df /nope')).toEqual({ stdout: 'Filesystem           1K-blocks      Used Available Use% Mounted on\n', stderr: "df: /nope: can't find mount point\n", exitCode: 1 })
    expect((await shIn(lab, 'app', 'df -a -T /proc')).stdout).toBe('Filesystem           Type       1K-blocks      Used Available Use% Mounted on\nproc                 proc               0         0         0   0% /proc\n')
  })

  it('df -i says it is not simulated; a bad option gets the usage', async () => {
    expect(await shIn(lab, 'app', 'df -i')).toEqual({ stdout: '', stderr: 'df: -i (inodes) is not simulated in the lab; df without it shows the blocks\n', exitCode: 1 })
    expect((await shIn(lab, 'app', 'df -x')).stderr).toMatch(/^df: unrecognized option: x\nBusyBox v1\.35\.0 .*\n\nUsage: df \[-PkmhTai\]/)
  })
})

describe('a pod with an emptyDir, a configMap, a projected token and a memory limit (the busybox image: no /var/run link)', () => {
  it("the volumes in the container's order; API data read-only; a memory volume sized to the pod's limit", async () => {
    const r = await shIn(lab, 'vols', 'grep -e scratch -e cfg -e secrets /proc/mounts')
    expect(r.stdout).toBe(`/dev/sda1 /scratch ext4 rw,relatime,errors=remount-ro 0 0
/dev/sda1 /etc/cfg ext4 ro,relatime,errors=remount-ro 0 0
tmpfs /var/run/secrets/vault tmpfs ro,relatime,size=131072k,inode64 0 0
tmpfs /var/run/secrets/kubernetes.io/serviceaccount tmpfs ro,relatime,size=131072k,inode64 0 0
`)
    // sorted by the number of parts of the path: /scratch (2) first, /etc/cfg with /etc/hosts (3)
    const order = (await shIn(lab, 'vols', "cut -d' ' -f2 /proc/mounts | sed -n 8,15p")).stdout
    expect(order).toBe('/scratch\n/etc/cfg\n/etc/hosts\n/dev/termination-log\n/etc/hostname\n/etc/resolv.conf\n/dev/shm\n/var/run/secrets/vault\n')
  })
})
