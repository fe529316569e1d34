// A container's mount table, as /proc/mounts shows it inside the container, and what statvfs says of
// each file system (df). The node is the lab's: Debian 12 on kernel 6.1 (tmpfs shows `inode64`:
// Debian's config has CONFIG_TMPFS_INODE64=y), cgroup v2 mounted by systemd, root file system
// ext4 on /dev/sda1, containerd 2.1 with runc.
// Imitates:
//  * containerd's default OCI mounts (/proc, /dev, /dev/pts, /dev/mqueue, /sys; /run removed by the
//    CRI plugin, /dev/shm replaced by the sandbox's), then the read-only cgroup mount the CRI plugin
//    adds, then the CRI mounts (the kubelet's, then containerd's /etc/hostname, /etc/resolv.conf and
//    /dev/shm), stable-sorted by the number of parts of their paths;
//  * kubelet pkg/kubelet/kubelet_pods.go makeMounts (volume mounts, then /etc/hosts) and the
//    termination log; API data volumes (projected, secret, configMap, downwardAPI) always read-only;
//  * pkg/volume/emptydir setupTmpfs: a memory volume's tmpfs gets `size=` the pod's memory limit when
//    every container has one, else the node's allocatable memory (calculateEmptyDirMemorySize);
//  * kubelet pkg/securitycontext defaultReadonlyPaths and defaultMaskedPaths, applied by runc in that
//    order (read-only paths are proc bind mounts; a masked folder gets a read-only tmpfs, a masked
//    file /dev/null); paths this kernel does not have are skipped (no sound card, no
//    CONFIG_SCSI_PROC_FS, CONFIG_LATENCYTOP, timer_stats or /proc/sched_debug in 6.1, no powercap
//    device in the VM);
//  * Linux 6.1 fs/proc_namespace.c show_vfsmnt (rw/ro, then nosuid, nodev, noexec, relatime) and
//    mm/shmem.c shmem_show_options (size in KiB unless the default, mode unless 1777, inode64).

import type { KObject } from '../../api/meta'
import type { PodRecord } from '../state'

export interface MountEntry {
  /** The device field (`overlay`, `tmpfs`, `/dev/sda1`, ...). */
  source: string
  /** The mount point inside the container. */
  target: string
  type: string
  /** The options field, as the kernel shows it. */
  options: string
}

/** The node's memory (MemTotal, the Node's capacity and allocatable) and root file system, in KiB. */
export const NODE_MEMORY_KIB = 4015252
export const NODE_DISK_KIB = 20470152
/** The node's root file system: its device and ext4's options on a Debian install. */
export const NODE_DISK = { source: '/dev/sda1', type: 'ext4', options: 'relatime,errors=remount-ro' }

/** A tmpfs with no size= gets half the RAM, in whole pages. */
export const TMPFS_DEFAULT_KIB = Math.floor(NODE_MEMORY_KIB / 4 / 2) * 4
/** containerd's /dev and the sandbox's /dev/shm: size=65536k. */
export const RUNTIME_TMPFS_KIB = 65536

const SNAPSHOTS = '/var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots'

/** A small number from a string (FNV-1a), for the snapshot ids a node would have given. */
function hash(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0
  return h
}

/** The image's layers below the container's own (top first), and the container's snapshot. */
function overlayOptions(image: string, containerID: string, layers: number): string {
  const first = 1 + (hash(image) % 40)
  const lower = Array.from({ length: layers }, (_, i) => `${SNAPSHOTS}/${first + layers - 1 - i}/fs`).join(':')
  const own = 41 + (hash(containerID) % 60)
  return `rw,relatime,lowerdir=${lower},upperdir=${SNAPSHOTS}/${own}/fs,workdir=${SNAPSHOTS}/${own}/work`
}

interface ContainerSpec { name: string; image?: string; terminationMessagePath?: string; resources?: { limits?: Record<string, unknown> }; volumeMounts?: { name: string; mountPath: string; readOnly?: boolean }[] }

/** A Kubernetes memory quantity in KiB (Ki, Mi, Gi, plain bytes, k, M, G), or undefined. */
function memoryKiB(q: unknown): number | undefined {
  const m = /^(\d+)(Ki|Mi|Gi|Ti|k|M|G|T)?$/.exec(String(q ?? ''))
  if (!m) return undefined
  const mult: Record<string, number> = { '': 1, Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, Ti: 1024 ** 4, k: 1e3, M: 1e6, G: 1e9, T: 1e12 }
  return Math.ceil((Number(m[1]) * mult[m[2] ?? '']) / 4096) * 4
}

/** A memory volume's tmpfs size: the pod's memory limit if every container has one and it is below the node's allocatable. */
function memoryVolumeKiB(containers: ContainerSpec[]): number {
  const limits = containers.map((c) => memoryKiB(c.resources?.limits?.memory))
  if (limits.length && limits.every((l) => l !== undefined)) {
    const sum = (limits as number[]).reduce((a, b) => a + b, 0)
    if (sum > 0 && sum <= NODE_MEMORY_KIB) return sum
  }
  return NODE_MEMORY_KIB
}

const PROC = 'rw,nosuid,nodev,noexec,relatime'
const DEV_TMPFS = `rw,nosuid,size=${RUNTIME_TMPFS_KIB}k,mode=755,inode64`
/** runc's read-only paths, then the masked ones this node has (folders, then files, in the kubelet's order). */
const READONLY_PATHS = ['/proc/bus', '/proc/fs', '/proc/irq', '/proc/sys', '/proc/sysrq-trigger']
const MASKED: [string, 'dir' | 'file'][] = [['/proc/acpi', 'dir'], ['/proc/kcore', 'file'], ['/proc/keys', 'file'], ['/proc/timer_list', 'file'], ['/sys/firmware', 'dir']]

/**
 * The mount table of `container` in `pod`, in /proc/mounts order. `realPath` resolves a mount path
 * through the image's links, as runc does before it mounts there (Alpine's /var/run is a link to
 * /run: the token's volume shows as /run/secrets/...); the CRI plugin sorts by the paths it was given.
 */
export function containerMounts(pod: KObject, rec: PodRecord, container: string, containerID = '', realPath: (path: string) => string = (p) => p): MountEntry[] {
  const spec = pod.spec as { containers?: ContainerSpec[] }
  const containers = spec.containers ?? []
  const c = containers.find((x) => x.name === container)
  const image = c?.image ?? ''
  const base = /busybox|pause/.test(image) ? 1 : /debian|nginx|python/.test(image) ? 5 : 3
  const out: MountEntry[] = [
    { source: 'overlay', target: '/', type: 'overlay', options: overlayOptions(image, containerID || `${pod.metadata.uid}/${container}`, base) },
    { source: 'proc', target: '/proc', type: 'proc', options: PROC },
    { source: 'tmpfs', target: '/dev', type: 'tmpfs', options: DEV_TMPFS },
    { source: 'devpts', target: '/dev/pts', type: 'devpts', options: 'rw,nosuid,noexec,relatime,gid=5,mode=620,ptmxmode=666' },
    { source: 'mqueue', target: '/dev/mqueue', type: 'mqueue', options: PROC },
    { source: 'sysfs', target: '/sys', type: 'sysfs', options: 'ro,nosuid,nodev,noexec,relatime' },
    { source: 'cgroup', target: '/sys/fs/cgroup', type: 'cgroup2', options: 'ro,nosuid,nodev,noexec,relatime,nsdelegate,memory_recursiveprot' },
  ]
  const disk = (target: string, ro: boolean): MountEntry => ({ source: NODE_DISK.source, target, type: NODE_DISK.type, options: `${ro ? 'ro' : 'rw'},${NODE_DISK.options}` })
  const cri: MountEntry[] = []
  for (const m of c?.volumeMounts ?? []) {
    const v = rec.volumes[m.name]
    if (!v) continue
    const target = m.mountPath.replace(/\/+$/, '') || '/'
    // an API data volume (written by the AtomicWriter) is mounted read-only whatever the mount says
    const ro = !!m.readOnly || v.tsSuffix !== ''
    if (v.medium === 'tmpfs') cri.push({ source: 'tmpfs', target, type: 'tmpfs', options: `${ro ? 'ro' : 'rw'},relatime,size=${memoryVolumeKiB(containers)}k,inode64` })
    else cri.push(disk(target, ro))
  }
  cri.push(disk('/etc/hosts', false))
  if (c?.terminationMessagePath !== '') cri.push(disk(c?.terminationMessagePath ?? '/dev/termination-log', false))
  cri.push(disk('/etc/hostname', false), disk('/etc/resolv.conf', false))
  cri.push({ source: 'shm', target: '/dev/shm', type: 'tmpfs', options: `rw,nosuid,nodev,noexec,relatime,size=${RUNTIME_TMPFS_KIB}k,inode64` })
  const parts = (p: string) => p.split('/').length
  out.push(...cri.map((m, i) => [m, i] as const).sort((a, b) => parts(a[0].target) - parts(b[0].target) || a[1] - b[1]).map(([m]) => ({ ...m, target: realPath(m.target) })))
  for (const p of READONLY_PATHS) out.push({ source: 'proc', target: p, type: 'proc', options: 'ro,nosuid,nodev,noexec,relatime' })
  for (const [p, kind] of MASKED) out.push(kind === 'dir' ? { source: 'tmpfs', target: p, type: 'tmpfs', options: 'ro,relatime,inode64' } : { source: 'tmpfs', target: p, type: 'tmpfs', options: DEV_TMPFS })
  return out
}

/** /proc/mounts: one line per mount, the fields as the kernel escapes them (space, tab, newline, backslash in octal). */
export function procMounts(mounts: MountEntry[]): string {
  const esc = (s: string) => s.replace(/[ \t\n\\]/g, (ch) => `\\${ch.charCodeAt(0).toString(8).padStart(3, '0')}`)
  return mounts.map((m) => `${esc(m.source)} ${esc(m.target)} ${esc(m.type)} ${m.options} 0 0\n`).join('')
}

/** The node's disk as statvfs gives it (4 KiB blocks): what the images and the node use, and ext4's 5 % kept for root. */
const DISK_BLOCKS = NODE_DISK_KIB / 4
const DISK_USED_BLOCKS = 1052718
const DISK_RESERVED_BLOCKS = Math.floor(DISK_BLOCKS * 0.05)

/**
 * Which file system a mount shows (stat's st_dev): bind mounts of the node's disk share it, the
 * read-only proc paths are /proc's, a masked file is /dev's (runc binds /dev/null there).
 */
export function deviceKey(m: { source: string; target: string; type: string; options: string }): string {
  if (m.source === NODE_DISK.source) return 'disk'
  if (m.type === 'proc') return 'proc'
  if (m.source === 'tmpfs' && m.options === DEV_TMPFS) return 'dev'
  return `mount:${m.target}`
}

/**
 * statvfs of a mount, in 4 KiB blocks: the overlay and the disk's binds give the node's disk; a
 * tmpfs its size and the pages of `usedKiB`; proc, sysfs, devpts, mqueue and cgroup2 no blocks.
 */
export function mountStatvfs(m: { source: string; type: string; options: string }, usedKiB: number): { frsize: number; blocks: number; bfree: number; bavail: number } {
  if (m.type === 'overlay' || m.source === NODE_DISK.source) {
    const bfree = DISK_BLOCKS - DISK_USED_BLOCKS
    return { frsize: 4096, blocks: DISK_BLOCKS, bfree, bavail: bfree - DISK_RESERVED_BLOCKS }
  }
  if (m.type === 'tmpfs') {
    const size = /(?:^|,)size=(\d+)k/.exec(m.options)
    const blocks = (size ? Number(size[1]) : TMPFS_DEFAULT_KIB) / 4
    const bfree = Math.max(0, blocks - Math.ceil(usedKiB / 4))
    return { frsize: 4096, blocks, bfree, bavail: bfree }
  }
  return { frsize: 4096, blocks: 0, bfree: 0, bavail: 0 }
}
