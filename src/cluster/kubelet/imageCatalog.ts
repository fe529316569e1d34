// The images the lab's registries hold: the common images students run, with the tags that exist
// (as patterns), the entrypoint and command their image config gives, and what a pull of
// anything else answers. One place: images.ts (names, digests, Pulled messages) and the
// container programs (program.ts) read it.
// Imitates: the registries behind containerd's resolver (docker.io, registry.k8s.io) as the
// kubelet sees them through CRI PullImage.

/** `nginx` -> `docker.io/library/nginx:latest`; names with a registry keep it; a missing tag is `latest`. */
export function normalizeImage(image: string): string {
  let name = image
  const slash = name.indexOf('/')
  const first = slash === -1 ? '' : name.slice(0, slash)
  if (slash === -1) name = `docker.io/library/${name}`
  else if (!first.includes('.') && !first.includes(':') && first !== 'localhost') name = `docker.io/${name}`
  const lastPart = name.slice(name.lastIndexOf('/') + 1)
  if (!lastPart.includes(':') && !lastPart.includes('@')) name += ':latest'
  return name
}

export interface CatalogImage {
  /** Normalised repository (`docker.io/library/busybox`). */
  repo: string
  /** Tags that exist (any digest is taken as existing). */
  tags: RegExp
  /** The image config's Entrypoint and Cmd (Docker semantics: command replaces Entrypoint, args replace Cmd). */
  entrypoint: string[]
  cmd: string[]
  /** Bytes reported in the Pulled event (placeholder sizes, stable). */
  size?: number
}

const v = (s: string) => new RegExp(`^(?:${s})$`)

/** Ubuntu and Debian release names and numbers in use on Docker Hub. */
const UBUNTU = 'latest|rolling|devel|bionic|focal|jammy|noble|oracular|plucky|questing|1[68]\\.04|2[0-5]\\.(?:04|10)|(?:bionic|focal|jammy|noble)-\\d{8}|(?:18|20|22|24)\\.04-?\\d*'
const DEBIAN = '(?:latest|stable|testing|unstable|sid|oldstable|buster|bullseye|bookworm|trixie|forky|9|10|11|12|13|1[0-3]\\.\\d+)(?:-slim|-\\d{8}(?:-slim)?)?'
const PY_VARIANT = '(?:-(?:slim|alpine|alpine3\\.\\d+|bookworm|bullseye|trixie|slim-bookworm|slim-bullseye|slim-trixie))?'

export const CATALOG: CatalogImage[] = [
  // agnhost's Dockerfile: ENTRYPOINT ["/agnhost"], CMD ["pause"]
  { repo: 'registry.k8s.io/e2e-test-images/agnhost', tags: v('2\\.(?:[1-9]|[1-5]\\d)'), entrypoint: ['/agnhost'], cmd: ['pause'], size: 51234567 },
  { repo: 'docker.io/library/busybox', tags: v('latest|stable|musl|glibc|uclibc|unstable|1\\.(?:2[4-9]|3[0-7])(?:\\.\\d+)?(?:-(?:musl|glibc|uclibc))?|(?:stable|unstable)-(?:musl|glibc|uclibc)'), entrypoint: [], cmd: ['sh'] },
  { repo: 'docker.io/library/alpine', tags: v('latest|edge|3|3\\.(?:[0-9]|1\\d|2[0-3])(?:\\.\\d+)?'), entrypoint: [], cmd: ['/bin/sh'] },
  { repo: 'docker.io/library/nginx', tags: v('(?:latest|stable|mainline|alpine|perl|alpine-slim|alpine-perl|(?:stable|mainline)-(?:alpine|perl|alpine-slim|alpine-perl|bookworm|trixie)|1(?:\\.(?:1\\d|2\\d)(?:\\.\\d+)?)?(?:-(?:alpine|perl|alpine-slim|alpine-perl|bookworm|trixie))?)'), entrypoint: ['/docker-entrypoint.sh'], cmd: ['nginx', '-g', 'daemon off;'] },
  { repo: 'docker.io/curlimages/curl', tags: v('latest|[78]\\.\\d+\\.\\d+'), entrypoint: ['/entrypoint.sh'], cmd: ['curl'] },
  { repo: 'docker.io/library/ubuntu', tags: v(UBUNTU), entrypoint: [], cmd: ['/bin/bash'] },
  { repo: 'docker.io/library/debian', tags: v(DEBIAN), entrypoint: [], cmd: ['bash'] },
  { repo: 'docker.io/library/python', tags: v(`(?:latest|3|3\\.(?:[89]|1[0-4])(?:\\.\\d+)?)${PY_VARIANT}|slim|alpine`), entrypoint: [], cmd: ['python3'] },
  { repo: 'registry.k8s.io/pause', tags: v('3\\.(?:[0-9]|10)(?:\\.\\d+)?|latest'), entrypoint: ['/pause'], cmd: [] },
]

/** `docker.io/library/nginx:1.27` -> repo and tag (or digest). */
export function splitReference(image: string): { repo: string; tag?: string; digest?: string } {
  const n = normalizeImage(image)
  const at = n.indexOf('@')
  if (at >= 0) return { repo: n.slice(0, at).replace(/:[^/]*$/, ''), digest: n.slice(at + 1) }
  const colon = n.lastIndexOf(':')
  return { repo: n.slice(0, colon), tag: n.slice(colon + 1) }
}

/** The catalogue's entry of an image reference whose tag exists, if any. */
export function catalogImage(image: string): CatalogImage | undefined {
  const ref = splitReference(image)
  const entry = CATALOG.find((c) => c.repo === ref.repo)
  if (!entry) return undefined
  if (ref.digest) return entry
  return ref.tag !== undefined && entry.tags.test(ref.tag) ? entry : undefined
}

/**
 * What containerd answers (through CRI, as the kubelet prints the gRPC error) when an image is
 * not in the catalogue. A repository the registry knows without that tag is NotFound (as
 * cvisionai/tator#439 shows); Docker Hub answers an unknown repository with 401, which
 * containerd reports as Unknown "pull access denied ..." (as bitnami/charts#23406 shows).
 * Other registries answer 404 for both: NotFound.
 */
export function pullError(image: string): string {
  const n = normalizeImage(image)
  const known = CATALOG.some((c) => c.repo === splitReference(image).repo)
  if (n.startsWith('docker.io/') && !known) {
    return `rpc error: code = Unknown desc = failed to pull and unpack image "${n}": failed to resolve reference "${n}": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`
  }
  return `rpc error: code = NotFound desc = failed to pull and unpack image "${n}": failed to resolve reference "${n}": ${n}: not found`
}
