// PATCH bodies: JSON merge patch (RFC 7386), strategic merge patch (strategicMerge.ts; on a status
// subresource, where the lab's kubelet sends its lists whole, as a merge patch), and JSON patch
// (RFC 6902: add, remove, replace, test).
// Imitates: k8s.io/apiserver/pkg/endpoints/handlers/patch.go (the patcher per content type)

import { goJsonSyntaxError } from '../../../common/goJson'
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

/** A JSON patch whose operations do not apply: the handler answers 422 with no detail (NewGenericServerResponse). */
export class JsonPatchFailed extends Error {}

/** The Go type name json.Unmarshal gives a JSON value it cannot put in a map or a list. */
const goJsonType = (v: unknown) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v === 'object' ? 'object' : typeof v === 'boolean' ? 'bool' : typeof v)

/**
 * The patch handler's decoding of a body: a body that is not JSON (kubectl sends `-p` text that
 * starts with `{` or `[` as it is) gets Go's syntax error; a merge or JSON patch's error is
 * "error decoding patch: ..." (UnmarshalStrict, the default Warn field validation), a strategic
 * merge patch's is the bare one (strategicPatchObject).
 */
function decodePatch(ct: string, patch: unknown): unknown | Error {
  const wrap = (e: string) => new Error(ct === 'application/strategic-merge-patch+json' ? e : `error decoding patch: ${e}`)
  if (typeof patch === 'string') {
    const syntax = goJsonSyntaxError(patch)
    if (syntax) return wrap(syntax)
    patch = JSON.parse(patch)
  }
  if (ct === 'application/json-patch+json') {
    return Array.isArray(patch) ? patch : wrap(`json: cannot unmarshal ${goJsonType(patch)} into Go value of type []handlers.jsonPatchOp`)
  }
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return wrap(`json: cannot unmarshal ${goJsonType(patch)} into Go value of type map[string]interface {}`)
  return patch
}

/** Applies a PATCH body; `kind` (the object's) makes a strategic merge patch merge lists by their keys. */
export function applyPatch(contentType: string, target: unknown, body: unknown, kind?: string): unknown | Error {
  const ct = contentType.split(';')[0].trim()
  if (ct !== 'application/json-patch+json' && ct !== 'application/merge-patch+json' && ct !== 'application/strategic-merge-patch+json' && ct !== '') return new Error(`unsupported patch type ${ct}`)
  const patch = decodePatch(ct, body)
  if (patch instanceof Error) return patch
  if (ct === 'application/json-patch+json') {
    const out = jsonPatch(target, patch as Op[])
    return out instanceof Error ? new JsonPatchFailed(out.message) : out
  }
  if (ct === 'application/strategic-merge-patch+json' && kind) return strategicMergePatch(kind, target, patch as Record<string, unknown>)
  return mergePatch(target, patch)
}
