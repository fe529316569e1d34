// PATCH bodies: JSON merge patch (RFC 7386), strategic merge patch (strategicMerge.ts; on a status
// subresource, where the lab's kubelet sends its lists whole, as a merge patch), and JSON patch
// (RFC 6902: add, remove, replace, test).
// Imitates: k8s.io/apiserver/pkg/endpoints/handlers/patch.go (the patcher per content type)

import { own, setOwn, strategicMergePatch } from './strategicMerge'

export function mergePatch(target: unknown, patch: unknown): unknown {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return structuredClone(patch)
  const out: Record<string, unknown> = typeof target === 'object' && target !== null && !Array.isArray(target)
    ? { ...(target as Record<string, unknown>) } : {}
  for (const [k, v] of Object.entries(patch as Record<string, unknown>)) {
    if (v === null) delete out[k]
    else setOwn(out, k, mergePatch(own(out, k), v))
  }
  return out
}

type Op = { op: string; path: string; value?: unknown }

const unescape = (s: string) => s.replace(/~1/g, '/').replace(/~0/g, '~')

export function jsonPatch(target: unknown, ops: Op[]): unknown | Error {
  const doc = structuredClone(target)
  for (const o of ops) {
    const parts = o.path.split('/').slice(1).map(unescape)
    const last = parts.pop()
    if (last === undefined) return new Error(`invalid path ${o.path}`)
    let parent: unknown = doc
    for (const p of parts) {
      parent = typeof parent === 'object' && parent !== null ? own(parent as Record<string, unknown>, p) : undefined
      if (typeof parent !== 'object' || parent === null) return new Error(`doc is missing path: "${o.path}": missing value`)
    }
    const arr = Array.isArray(parent) ? parent : undefined
    const obj = parent as Record<string, unknown>
    const idx = arr ? (last === '-' ? arr.length : Number(last)) : -1
    switch (o.op) {
      case 'add':
        if (arr) arr.splice(idx, 0, o.value)
        else setOwn(obj, last, o.value)
        break
      case 'replace':
        if (arr ? idx >= arr.length : !Object.hasOwn(obj, last)) return new Error(`doc is missing key: ${o.path}: missing value`)
        if (arr) arr[idx] = o.value
        else setOwn(obj, last, o.value)
        break
      case 'remove':
        if (arr ? idx >= arr.length : !Object.hasOwn(obj, last)) return new Error(`Unable to remove nonexistent key: ${last}: missing value`)
        if (arr) arr.splice(idx, 1)
        else delete obj[last]
        break
      case 'test':
        if (JSON.stringify(arr ? arr[idx] : own(obj, last)) !== JSON.stringify(o.value)) return new Error('testing value failed')
        break
      default:
        return new Error(`Unexpected kind: ${o.op}`)
    }
  }
  return doc
}

/** Applies a PATCH body; `kind` (the object's) makes a strategic merge patch merge lists by their keys. */
export function applyPatch(contentType: string, target: unknown, patch: unknown, kind?: string): unknown | Error {
  const ct = contentType.split(';')[0].trim()
  if (ct === 'application/json-patch+json') {
    if (!Array.isArray(patch)) return new Error('json: cannot unmarshal object into Go value of type jsonpatch.Patch')
    return jsonPatch(target, patch as Op[])
  }
  if (ct === 'application/merge-patch+json' || ct === 'application/strategic-merge-patch+json' || ct === '') {
    if (typeof patch !== 'object' || patch === null) return new Error('couldn\'t get version/kind; json parse error')
    if (ct === 'application/strategic-merge-patch+json' && kind && !Array.isArray(patch)) return strategicMergePatch(kind, target, patch as Record<string, unknown>)
    return mergePatch(target, patch)
  }
  return new Error(`unsupported patch type ${ct}`)
}
