// The file tree a container sees: its image's tools (imageContent.ts), the runtime's /dev, the
// kubelet-managed /etc/hosts, /etc/hostname and /etc/resolv.conf, and the pod's volume mounts.
// Imitates: pkg/kubelet/kubelet_pods.go (makeMounts, managedHostsFileContent) and the AtomicWriter layout.

import type { KObject } from '../../api/meta'
import type { PodRecord, VolumeRecord } from '../state'
import { chardev, CONTAINER_DEVICES, dir, file, fileOf, link, mkdirp, resolve, type FsDir, type FsNode } from './vfs'
import { tsDirName } from '../volumes'
import { DEBIAN_TOOLS, imageContent, type ImageContent } from './imageContent'
import { ALPINE_APPLETS } from './alpineApplets'
import { DEBIAN_PROGRAMS } from './debianPrograms'
import { placeBusyboxImage } from './busyboxImage'
import { containerMounts, procMounts } from './mounts'

/** When the image's files were built (shown by ls -l); agnhost:2.45 dates from 2023. */
const IMAGE_TIME = Date.UTC(2023, 5, 14, 9, 0, 0)

/** The busybox applets the lab runs (an Alpine image has them where ALPINE_APPLETS says, the busybox image in /bin: busyboxImage.ts). */
export const APPLETS: ReadonlySet<string> = new Set([
  'ls', 'cat', 'echo', 'hostname', 'pwd', 'sleep', 'true', 'false', 'sh', 'env', 'id', 'mkdir', 'rm',
  'touch', 'grep', 'printf', 'ash', 'wc', 'head', 'tail', 'cut', 'tr', 'sort', 'base64', 'test', '[',
  'yes', 'whoami', 'ps', 'wget', 'nslookup', 'awk', 'sed', 'date', 'seq', 'uniq', 'xargs', 'which',
  'od', 'xxd', 'md5sum', 'sha1sum', 'sha256sum', 'sha512sum', 'tee', 'tac', 'rev', 'nl', 'paste',
  'fold', 'expand', 'printenv',
])

const ALPINE_PASSWD = 'root:x:0:0:root:/root:/bin/sh\nbin:x:1:1:bin:/bin:/sbin/nologin\ndaemon:x:2:2:daemon:/sbin:/sbin/nologin\nnobody:x:65534:65534:nobody:/:/sbin/nologin\n'
/** The first lines of Debian 12's /etc/passwd (base-passwd). */
const DEBIAN_PASSWD = 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nbin:x:2:2:bin:/bin:/usr/sbin/nologin\nsys:x:3:3:sys:/dev:/usr/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n'

/** What an image holds beside its base's tools (imageContent.ts): the programs, by name. */
export function imagePrograms(image: string): Record<string, string> {
  return imageContent(image).programs
}

/** The hosts file the kubelet writes for a pod (managedHostsFileContent). */
export function hostsFile(ip: string | undefined, hostname: string): string {
  return '# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n' +
    'fe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n' +
    (ip ? `${ip}\t${hostname}\n` : '')
}

export interface RootfsInput {
  pod: KObject
  rec: PodRecord
  container: string
  /** The signed token of a token-manager entry (signed on first read). */
  token: (key: string) => string | undefined
  clusterDNS: string
}

/** Put `node` at `path` (relative) under `d`, making the folders on the way. */
function place(d: FsDir, path: string, node: FsNode, at: number): void {
  const parent = path.includes('/') ? mkdirp(d, path.slice(0, path.lastIndexOf('/')), at) : d
  parent.children.set(path.slice(path.lastIndexOf('/') + 1), node)
}

function volumeDir(v: VolumeRecord, token: RootfsInput['token']): FsDir {
  const at = v.writtenAt
  const top = dir(at, v.medium === 'tmpfs' ? 0o1777 : 0o777, v.medium === 'tmpfs')
  if (!v.tsSuffix) {
    // an emptyDir: what the pod's containers wrote there (writableLayer.ts), `path/` for a folder
    for (const [path, f] of Object.entries(v.files)) {
      if (path.endsWith('/')) mkdirp(top, path.slice(0, -1), at)
      else if ('text' in f) place(top, path, file(f.text, at), at)
    }
    return top
  }
  const tsDir = tsDirName(v)
  const payload = dir(at, 0o755, v.medium === 'tmpfs')
  for (const [path, f] of Object.entries(v.files)) place(payload, path, file('text' in f ? f.text : () => token(f.tokenId) ?? '', at, v.mode & 0o777), at)
  top.children.set(tsDir, payload)
  top.children.set('..data', link(tsDir, at))
  for (const name of payload.children.keys()) top.children.set(name, link(`..data/${name}`, at))
  return top
}

/** The image's tools: busybox's links (Alpine's places, or the busybox image's own tree), Debian's GNU programs, its own programs. */
function placeTools(root: FsDir, content: ImageContent): void {
  for (const name of content.rootFiles) root.children.set(name, file('', IMAGE_TIME, 0o755))
  if (content.base === 'scratch') return
  if (content.base === 'busybox') {
    // every applet there, hard links to one busybox (the lab runs some, APPLETS; the others say
    // that the lab does not simulate them, where `executable file not found` would deny them)
    placeBusyboxImage(root, IMAGE_TIME)
    return
  }
  for (const d of ['bin', 'dev', 'etc', 'home', 'lib', 'media', 'mnt', 'opt', 'proc', 'root', 'run', 'sbin', 'srv', 'sys', 'tmp', 'usr', 'var']) {
    root.children.set(d, dir(IMAGE_TIME, d === 'tmp' ? 0o1777 : d === 'root' ? 0o700 : 0o755))
  }
  for (const d of ['bin', 'lib', 'local', 'sbin', 'share']) mkdirp(root, `/usr/${d}`, IMAGE_TIME)
  for (const d of ['cache', 'empty', 'lib', 'local', 'lock', 'log', 'mail', 'opt', 'spool', 'tmp']) mkdirp(root, `/var/${d}`, IMAGE_TIME)
  ;(root.children.get('var') as FsDir).children.set('run', link('/run', IMAGE_TIME))
  if (content.base === 'debian') {
    // Debian's merged /usr: /bin is a link to usr/bin; sh is dash.
    root.children.set('bin', link('usr/bin', IMAGE_TIME))
    const bin = mkdirp(root, '/usr/bin', IMAGE_TIME)
    for (const name of new Set([...DEBIAN_PROGRAMS, ...DEBIAN_TOOLS])) bin.children.set(name, name === 'sh' ? link('dash', IMAGE_TIME) : file('', IMAGE_TIME, 0o755))
  } else {
    // Alpine links every applet of its busybox where `busybox --install -s` puts it
    mkdirp(root, '/bin', IMAGE_TIME).children.set('busybox', file('', IMAGE_TIME, 0o755))
    for (const [name, where] of ALPINE_APPLETS) mkdirp(root, where, IMAGE_TIME).children.set(name, link('/bin/busybox', IMAGE_TIME))
  }
  for (const [name, where] of Object.entries(content.programs)) mkdirp(root, where, IMAGE_TIME).children.set(name, file('', IMAGE_TIME, 0o755))
}

/** The default PATH's directories, in order. */
export const PATH_DIRS = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin']

/** Where an image holds `name` on the default PATH, and whether it is busybox's; undefined when it has none. */
export function toolOf(image: string, name: string): { dir: string; busybox: boolean } | undefined {
  const root = dir(IMAGE_TIME)
  placeTools(root, imageContent(image))
  for (const d of PATH_DIRS) {
    const r = resolve(root, `${d}/${name}`)
    if (typeof r !== 'string' && r.node.kind === 'file') return { dir: d, busybox: fileOf(r) === '/bin/busybox' }
  }
  return undefined
}

const containerIdOf = (i: RootfsInput) => i.rec.containers?.find((x) => x.name === i.container)?.containerID ?? ''

/** Everything buildRootfs reads, as one string: the same key gives the same tree. */
export function rootfsKey(i: RootfsInput): string {
  const spec = i.pod.spec as { hostname?: string; containers?: { name: string; image?: string; terminationMessagePath?: string; resources?: { limits?: { memory?: unknown } }; volumeMounts?: { name: string; mountPath: string; readOnly?: boolean }[] }[] }
  const c = spec.containers?.find((x) => x.name === i.container)
  const mounts = (c?.volumeMounts ?? []).map((m) => {
    const v = i.rec.volumes[m.name]
    const files = v && Object.entries(v.files).map(([path, f]) => [path, 'text' in f ? f.text : (i.token(f.tokenId) ?? '')])
    return [m.mountPath, !!m.readOnly, v && [v.medium, v.mode, v.tsSuffix, v.writtenAt, files]]
  })
  // what the mount table reads beside: the memory limits (a memory volume's size), the termination log, the container's id
  const table = [(spec.containers ?? []).map((x) => x.resources?.limits?.memory ?? null), c?.terminationMessagePath ?? null, containerIdOf(i)]
  return JSON.stringify([i.container, c?.image ?? '', spec.hostname ?? i.pod.metadata.name, i.pod.metadata.namespace ?? '', i.rec.seenAt, i.rec.ip, i.clusterDNS, mounts, table])
}

export function buildRootfs(i: RootfsInput): FsDir {
  const { pod, rec } = i
  const start = rec.seenAt
  const root = dir(IMAGE_TIME)
  // What the runtime adds to every container (FROM scratch ones too): /dev, /proc, /sys and /etc's files.
  for (const d of ['dev', 'etc', 'proc', 'sys']) root.children.set(d, dir(IMAGE_TIME))
  const spec0 = pod.spec as { containers?: { name: string; image?: string }[] }
  const image = spec0.containers?.find((x) => x.name === i.container)?.image ?? ''
  const content = imageContent(image)
  placeTools(root, content)
  // the runtime's /dev (a tmpfs made when the container starts): its character devices
  const dev = root.children.get('dev') as FsDir
  for (const [name, [major, minor]] of Object.entries(CONTAINER_DEVICES)) dev.children.set(name, chardev(major, minor, start))
  // the points where the runtime mounts devpts, mqueue and the pod's shm, and the kubelet the termination log
  dev.children.set('pts', dir(start))
  dev.children.set('mqueue', dir(start, 0o1777))
  dev.children.set('shm', dir(start, 0o1777, true))
  dev.children.set('termination-log', file('', start, 0o666))
  mkdirp(root, '/sys/fs/cgroup', IMAGE_TIME)
  mkdirp(root, '/sys/firmware', IMAGE_TIME)
  const hostname = String((pod.spec as { hostname?: string }).hostname ?? pod.metadata.name)
  const etc = root.children.get('etc') as FsDir
  const ns = pod.metadata.namespace ?? ''
  for (const [name, text] of Object.entries(content.release)) etc.children.set(name, file(text, IMAGE_TIME))
  if (content.base === 'alpine' || content.base === 'debian') etc.children.set('passwd', file(content.base === 'debian' ? DEBIAN_PASSWD : ALPINE_PASSWD, IMAGE_TIME))
  etc.children.set('hostname', file(`${hostname}\n`, start))
  etc.children.set('hosts', file(hostsFile(rec.ip, hostname), start))
  etc.children.set('resolv.conf', file(`search ${ns}.svc.cluster.local svc.cluster.local cluster.local\nnameserver ${i.clusterDNS}\noptions ndots:5\n`, start))

  const spec = pod.spec as { containers?: { name: string; volumeMounts?: { name: string; mountPath: string; subPath?: string }[] }[] }
  const c = spec.containers?.find((x) => x.name === i.container)
  for (const m of c?.volumeMounts ?? []) {
    const v = rec.volumes[m.name]
    if (!v) continue
    const path = m.mountPath.replace(/\/+$/, '')
    const parentPath = path.slice(0, path.lastIndexOf('/')) || '/'
    const parent = mkdirp(root, parentPath, start)
    parent.children.set(path.slice(path.lastIndexOf('/') + 1), volumeDir(v, i.token))
  }
  // /proc holds the mount table (/proc/mounts, a link to self/mounts), and nothing else of procfs
  const proc = root.children.get('proc') as FsDir
  const self = dir(start, 0o555)
  const containerID = containerIdOf(i)
  const realPath = (path: string) => {
    const r = resolve(root, path)
    return typeof r === 'string' ? path : r.path
  }
  self.children.set('mounts', file(procMounts(containerMounts(pod, rec, i.container, containerID, realPath)), start, 0o444))
  proc.children.set('self', self)
  proc.children.set('mounts', link('self/mounts', start))
  return root
}
