// The patch the kubelet's status manager sends: from the status it last saw to the new one, keys
// gone set to null, lists replaced whole (the lab's server applies strategic merge patches as
// merge patches, and the pod status lists the kubelet writes are always sent whole).
// Imitates: pkg/util/pod/pod.go (PatchPodStatus: strategicpatch.CreateTwoWayMergePatch)

import type { Pod } from '../api/core'
import type { KubeletRuntime } from './runtime'

type Json = unknown

const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** A merge patch that turns `from` into `to` (undefined when they are equal). */
export function twoWayMergePatch(from: Json, to: Json): Json {
  if (!isObject(from) || !isObject(to)) return JSON.stringify(from) === JSON.stringify(to) ? undefined : to
  const out: Record<string, Json> = {}
  for (const k of Object.keys(from)) if (!(k in to)) out[k] = null
  for (const [k, v] of Object.entries(to)) {
    if (!(k in from)) out[k] = v
    else {
      const d = twoWayMergePatch(from[k], v)
      if (d !== undefined) out[k] = d
    }
  }
  return Object.keys(out).length ? out : undefined
}

/**
 * The status manager's write: `PATCH .../pods/NAME/status` with the node's identity, a two-way
 * merge patch from the status it last saw to the new one, with the pod's uid as precondition.
 */
export async function writeStatus(rt: KubeletRuntime, pod: Pod, status: Record<string, unknown>): Promise<void> {
  const path = `/api/v1/namespaces/${pod.metadata.namespace ?? ''}/pods/${pod.metadata.name}/status`
  const patch = { metadata: { uid: pod.metadata.uid }, status: twoWayMergePatch(pod.status ?? {}, status) }
  await rt.client.request('PATCH', path, patch, { contentType: 'application/strategic-merge-patch+json' })
}

