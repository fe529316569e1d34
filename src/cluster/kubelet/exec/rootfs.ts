// The file tree a container sees: agnhost's Alpine base (busybox in /bin), the kubelet-managed
// /etc/hosts, /etc/hostname and /etc/resolv.conf, and the pod's volume mounts.
// Imitates: pkg/kubelet/kubelet_pods.go (makeMounts, managedHostsFileContent) and the AtomicWriter layout.

import type { KObject } from '../../api/meta'
import type { PodRecord, VolumeRecord } from '../state'
import { chardev, CONTAINER_DEVICES, dir, file, link, mkdirp, type FsDir } from './vfs'
import { tsDirName } from '../volumes'
import { imageHasPs } from './ps'

/** When the image's files were built (shown by ls -l); agnhost:2.45 dates from 2023. */
const IMAGE_TIME = Date.UTC(2023, 5, 14, 9, 0, 0)

/** Busybox applets the lab runs, and where Alpine installs their links. */
export const APPLETS: Record<string, string> = {
  ls: '/bin', cat: '/bin', echo: '/bin', hostname: '/bin', pwd: '/bin', sleep: '/bin', true: '/bin', false: '/bin', sh: '/bin',
  env: '/usr/bin', id: '/usr/bin',
  // run by the container shell (wired from the lab): busybox's links as Alpine installs them
  mkdir: '/bin', rm: '/bin', touch: '/bin', grep: '/bin', printf: '/usr/bin', ash: '/bin',
  wc: '/usr/bin', head: '/usr/bin', tail: '/usr/bin', cut: '/usr/bin', tr: '/usr/bin', sort: '/usr/bin', base64: '/bin',
  test: '/usr/bin', '[': '/usr/bin', yes: '/usr/bin', whoami: '/usr/bin',
  ps: '/bin', // not in Debian-based images (imageHasPs)
  // more applets the workstation's modules answer for (busybox --list-full gives the links)
  awk: '/usr/bin', sed: '/bin', date: '/bin', seq: '/usr/bin', uniq: '/usr/bin', xargs: '/usr/bin', which: '/usr/bin',
  od: '/usr/bin', xxd: '/usr/bin', md5sum: '/usr/bin', sha1sum: '/usr/bin', sha256sum: '/usr/bin', sha512sum: '/usr/bin',
}

/** Programs of the image beside busybox (agnhost adds bash and curl to its Alpine base). */
export const IMAGE_PROGRAMS: Record<string, string> = { bash: '/bin', curl: '/usr/bin' }

/**
 * What an image holds beside busybox: agnhost and nginx (Debian: bash is essential, its Dockerfile
 * installs curl) have bash and curl; alpine and busybox have neither.
 */
export function imagePrograms(image: string): Record<string, string> {
  const repo = image.replace(/[:@].*$/, '').split('/').pop() ?? ''
  if (repo === 'alpine' || repo === 'busybox') return {}
  if (repo === 'nginx' && /:.*alpine/.test(image)) return { curl: '/usr/bin' }
  return IMAGE_PROGRAMS
}

// UNVERIFIED: the exact Alpine release under agnhost:2.45; 3.18 was current when it was built.
const OS_RELEASE = `NAME="Alpine Linux"
ID=alpine
VERSION_ID=3.18.4
PRETTY_NAME="Alpine Linux v3.18"
HOME_URL="https://alpinelinux.org/"
BUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"
`

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

function volumeDir(v: VolumeRecord, token: RootfsInput['token']): FsDir {
  const at = v.writtenAt
  const top = dir(at, v.medium === 'tmpfs' ? 0o1777 : 0o777, v.medium === 'tmpfs')
  if (!v.tsSuffix) return top
  const tsDir = tsDirName(v)
  const payload = dir(at, 0o755, v.medium === 'tmpfs')
  for (const [path, f] of Object.entries(v.files)) {
    const parent = path.includes('/') ? mkdirp(payload, path.slice(0, path.lastIndexOf('/')), at) : payload
    const name = path.slice(path.lastIndexOf('/') + 1)
    parent.children.set(name, file('text' in f ? f.text : () => token(f.tokenId) ?? '', at, v.mode & 0o777))
  }
  top.children.set(tsDir, payload)
  top.children.set('..data', link(tsDir, at))
  for (const name of payload.children.keys()) top.children.set(name, link(`..data/${name}`, at))
  return top
}

export function buildRootfs(i: RootfsInput): FsDir {
  const { pod, rec } = i
  const start = rec.seenAt
  const root = dir(IMAGE_TIME)
  for (const d of ['bin', 'dev', 'etc', 'home', 'lib', 'media', 'mnt', 'opt', 'proc', 'root', 'run', 'sbin', 'srv', 'sys', 'tmp', 'usr', 'var']) {
    root.children.set(d, dir(IMAGE_TIME, d === 'tmp' ? 0o1777 : d === 'root' ? 0o700 : 0o755))
  }
  root.children.set('agnhost', file('', IMAGE_TIME, 0o755))
  // the runtime's /dev (a tmpfs made when the container starts): its character devices
  for (const [name, [major, minor]] of Object.entries(CONTAINER_DEVICES)) (root.children.get('dev') as FsDir).children.set(name, chardev(major, minor, start))
  for (const d of ['bin', 'lib', 'local', 'sbin', 'share']) mkdirp(root, `/usr/${d}`, IMAGE_TIME)
  for (const d of ['cache', 'empty', 'lib', 'local', 'lock', 'log', 'mail', 'opt', 'spool', 'tmp']) mkdirp(root, `/var/${d}`, IMAGE_TIME)
  ;(root.children.get('var') as FsDir).children.set('run', link('/run', IMAGE_TIME))
  ;(root.children.get('bin') as FsDir).children.set('busybox', file('', IMAGE_TIME, 0o755))
  for (const [name, where] of Object.entries(APPLETS)) {
    if (name === 'ps' && !imageHasPs((pod.spec as { containers?: { name: string; image?: string }[] }).containers?.find((x) => x.name === i.container)?.image ?? '')) continue
    mkdirp(root, where, IMAGE_TIME).children.set(name, link('/bin/busybox', IMAGE_TIME))
  }
  const spec0 = pod.spec as { containers?: { name: string; image?: string }[] }
  const image = spec0.containers?.find((x) => x.name === i.container)?.image ?? ''
  for (const [name, where] of Object.entries(imagePrograms(image))) mkdirp(root, where, IMAGE_TIME).children.set(name, file('', IMAGE_TIME, 0o755))
  const hostname = String((pod.spec as { hostname?: string }).hostname ?? pod.metadata.name)
  const etc = root.children.get('etc') as FsDir
  const ns = pod.metadata.namespace ?? ''
  etc.children.set('os-release', file(OS_RELEASE, IMAGE_TIME))
  etc.children.set('alpine-release', file('3.18.4\n', IMAGE_TIME))
  etc.children.set('passwd', file('root:x:0:0:root:/root:/bin/sh\nbin:x:1:1:bin:/bin:/sbin/nologin\ndaemon:x:2:2:daemon:/sbin:/sbin/nologin\nnobody:x:65534:65534:nobody:/:/sbin/nologin\n', IMAGE_TIME))
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
  return root
}
