// What an image holds, as far as a shell in it can tell: its base (Alpine with busybox, the busybox
// image, Debian's GNU tools, or nothing but one binary), the programs added to it, and the files
// that name its release.
// Imitates: the images' own build files: agnhost's Dockerfile (Alpine + bind-tools curl
// netcat-openbsd iproute2 iperf bash), docker-library's alpine and busybox (FROM scratch, busybox
// and its links in /bin), curl/curl-container (Alpine + curl, no bash), nginx's Debian Dockerfile
// (debian:bookworm-slim + curl; its Alpine variant adds curl), python (Debian, the full one on
// buildpack-deps with curl), and pause (FROM scratch, only /pause).

import { splitReference } from '../imageCatalog'

/**
 * alpine: busybox's links where Alpine puts them (/bin, /usr/bin); busybox: the busybox image, every
 * link in /bin and no os-release; debian: GNU tools in /usr/bin (/bin a link to it), dash as sh;
 * scratch: no tools at all.
 */
export type ImageBase = 'alpine' | 'busybox' | 'debian' | 'scratch'

export interface ImageContent {
  base: ImageBase
  /** Programs beside the base's tools: name -> directory. */
  programs: Record<string, string>
  /** Files at the root of the image (its own binary or entrypoint script). */
  rootFiles: string[]
  /** /etc files that name the release (os-release and the like). */
  release: Record<string, string>
}

// UNVERIFIED: the exact Alpine release under agnhost:2.45; 3.18 was current when it was built.
const ALPINE_RELEASE = (version: string) => ({
  'os-release': `NAME="Alpine Linux"\nID=alpine\nVERSION_ID=${version}\nPRETTY_NAME="Alpine Linux v${version.split('.').slice(0, 2).join('.')}"\nHOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"\n`,
  'alpine-release': `${version}\n`,
})

/** Debian 12's /etc/os-release (as this machine's, Debian 12 bookworm, has it) and debian_version. */
const DEBIAN_RELEASE = {
  'os-release': 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION="12 (bookworm)"\nVERSION_CODENAME=bookworm\nID=debian\nHOME_URL="https://www.debian.org/"\nSUPPORT_URL="https://www.debian.org/support"\nBUG_REPORT_URL="https://bugs.debian.org/"\n',
  // UNVERIFIED: the point release of the bookworm images.
  debian_version: '12.8\n',
}

/** The Alpine release of an alpine tag (3.21 -> 3.21.0); other tags get the one agnhost is built on. */
function alpineVersion(tag: string | undefined): string {
  const m = /^3\.(\d+)(?:\.(\d+))?$/.exec(tag ?? '')
  return m ? `3.${m[1]}.${m[2] ?? 0}` : '3.18.4'
}

export function imageContent(image: string): ImageContent {
  const { repo, tag } = splitReference(image)
  const name = repo.slice(repo.lastIndexOf('/') + 1)
  const alpineTag = /alpine/.test(tag ?? '')
  switch (repo) {
    case 'docker.io/library/busybox':
      return { base: 'busybox', programs: {}, rootFiles: [], release: {} }
    case 'docker.io/library/alpine':
      return { base: 'alpine', programs: {}, rootFiles: [], release: ALPINE_RELEASE(alpineVersion(tag)) }
    case 'docker.io/curlimages/curl':
      return { base: 'alpine', programs: { curl: '/usr/bin' }, rootFiles: ['entrypoint.sh', 'cacert.pem'], release: ALPINE_RELEASE('3.18.4') }
    case 'registry.k8s.io/pause':
      return { base: 'scratch', programs: {}, rootFiles: ['pause'], release: {} }
    case 'docker.io/library/nginx':
      return alpineTag
        ? { base: 'alpine', programs: { curl: '/usr/bin', nginx: '/usr/sbin' }, rootFiles: ['docker-entrypoint.sh'], release: ALPINE_RELEASE('3.18.4') }
        : { base: 'debian', programs: { bash: '/usr/bin', curl: '/usr/bin', nginx: '/usr/sbin' }, rootFiles: ['docker-entrypoint.sh'], release: DEBIAN_RELEASE }
    case 'docker.io/library/python':
      return alpineTag
        ? { base: 'alpine', programs: { python3: '/usr/local/bin' }, rootFiles: [], release: ALPINE_RELEASE('3.18.4') }
        : { base: 'debian', programs: { bash: '/usr/bin', python3: '/usr/local/bin', ...(/slim/.test(tag ?? '') ? {} : { curl: '/usr/bin' }) }, rootFiles: [], release: DEBIAN_RELEASE }
    case 'docker.io/library/debian':
    case 'docker.io/library/ubuntu':
      return { base: 'debian', programs: { bash: '/usr/bin' }, rootFiles: [], release: name === 'debian' ? DEBIAN_RELEASE : {} }
    default:
      // agnhost (and anything else the lab runs): Alpine with bash, curl and bind-tools (BIND's
      // nslookup in place of busybox's link) added, /agnhost at the root.
      return { base: 'alpine', programs: { bash: '/bin', curl: '/usr/bin', nslookup: '/usr/bin' }, rootFiles: ['agnhost'], release: ALPINE_RELEASE('3.18.4') }
  }
}

/**
 * The GNU programs of a Debian base that the lab's tools answer for (coreutils, grep, sed, findutils,
 * mawk as awk, debianutils' which, hostname), all in /usr/bin; dash is /bin/sh.
 */
export const DEBIAN_TOOLS = [
  'awk', 'base64', '[', 'cat', 'cut', 'date', 'echo', 'env', 'false', 'grep', 'head', 'hostname', 'id', 'ls', 'mawk',
  'md5sum', 'mkdir', 'od', 'printf', 'pwd', 'rm', 'sed', 'seq', 'sh', 'dash', 'sha1sum', 'sha256sum', 'sha384sum',
  'sha512sum', 'sleep', 'sort', 'tail', 'test', 'touch', 'tr', 'true', 'uniq', 'wc', 'which', 'whoami', 'xargs', 'yes',
  'tee', 'tac', 'nl', 'paste', 'fold', 'comm', 'expand', 'rev', 'cp', 'mv', 'basename', 'dirname', 'printenv', 'find',
]
