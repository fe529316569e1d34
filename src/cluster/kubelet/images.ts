// Image names as the runtime reports them, their digests, and the Pulled messages.
// Imitates: pkg/kubelet/images/image_manager.go (EnsureImageExists events) and docker reference normalisation.

import { Random } from '../random'
import { catalogImage, normalizeImage } from './imageCatalog'

export { normalizeImage }

/** Stand-in digest text derived from a name: stable for the same name, not a real SHA-256. */
const pseudoHex = (name: string, n: number) => Random.fromSeed(name).hex(n)

/** `repo@sha256:<64 hex>`, the same for the same image on every node and in every run. */
export function imageID(image: string): string {
  const n = normalizeImage(image)
  const at = n.indexOf('@')
  const repo = at >= 0 ? n.slice(0, at) : n.slice(0, n.lastIndexOf(':'))
  return `${repo}@sha256:${pseudoHex(`image:${n}`, 64)}`
}

/** Image sizes: the catalogue's (agnhost as the reference renders it), others derived from the name. */
export function imageSize(image: string): number {
  const size = catalogImage(image)?.size
  if (size !== undefined) return size
  return 20_000_000 + (parseInt(pseudoHex(`size:${image}`, 8), 16) % 100_000_000)
}

export const PULL_DURATION = '2.853s'

export function pullingMessage(image: string): string {
  return `Pulling image "${image}"`
}

export function pulledMessage(image: string): string {
  return `Successfully pulled image "${image}" in ${PULL_DURATION} (${PULL_DURATION} including waiting). Image size: ${imageSize(image)} bytes.`
}

/** 1.35 (KubeletEnsureSecretPulledImages beta): the longer already-present message. */
export function alreadyPresentMessage(image: string): string {
  return `Container image "${image}" already present on machine and can be accessed by the pod`
}
