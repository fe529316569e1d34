// Strategic merge patch for the kinds the lab serves: a list with a merge key merges item by item
// (an item of the patch updates the item with the same key, or is added at the end), a list of
// scalars with the merge strategy gains the patch's new values, every other list is replaced; maps
// merge, null removes a key. Directives: `$patch: replace` and `$patch: delete` (in a map or a list
// item), `$deleteFromPrimitiveList/<field>`; `$setElementOrder/<field>` and `$retainKeys` are read
// and dropped (the order of a merged list is the original's, then the added items).
// Imitates: k8s.io/apimachinery/pkg/util/strategicpatch (StrategicMergePatch, mergeMap, mergeSlice).

import { mergeKeyOf } from '../../api/patchMeta'

type Json = unknown
type Map = Record<string, Json>

const isMap = (v: Json): v is Map => typeof v === 'object' && v !== null && !Array.isArray(v)
/** A key of the object itself (`__proto__` and `constructor` are keys like any other in JSON). */
export const own = (o: Map, k: string): Json => (Object.hasOwn(o, k) ? o[k] : undefined)
export const setOwn = (o: Map, k: string, v: Json) => Object.defineProperty(o, k, { value: v, writable: true, enumerable: true, configurable: true })
const same = (a: Json, b: Json) => JSON.stringify(a) === JSON.stringify(b)

/** A patch's map without its directives. */
function plain(patch: Map): Map {
  const out: Map = {}
  for (const [k, v] of Object.entries(patch)) if (!k.startsWith('$')) setOwn(out, k, isMap(v) ? plain(v) : v)
  return out
}

function mergeList(kind: string, path: string[], original: Json, patch: Json[]): Json[] {
  const key = mergeKeyOf(kind, path)
  if (patch.some((x) => isMap(x) && x.$patch === 'replace')) return patch.filter((x) => !(isMap(x) && x.$patch === 'replace')).map((x) => (isMap(x) ? plain(x) : x))
  const base = Array.isArray(original) ? structuredClone(original) : []
  if (key === '+') return [...base, ...patch.filter((x) => !base.some((b) => same(b, x)))]
  if (!key) return patch.map((x) => (isMap(x) ? plain(x) : x))
  const out = base
  for (const item of patch) {
    if (!isMap(item)) continue
    const at = out.findIndex((x) => isMap(x) && same(x[key], item[key]))
    if (item.$patch === 'delete') {
      if (at >= 0) out.splice(at, 1)
    } else if (at >= 0) out[at] = mergeMap(kind, [...path, '[]'], out[at], item)
    else out.push(mergeMap(kind, [...path, '[]'], undefined, item))
  }
  return out
}

/** A list the patch left empty is gone, as the typed object's omitempty field encodes it. */
function setList(o: Map, k: string, list: Json[]): void {
  if (list.length) setOwn(o, k, list)
  else delete o[k]
}

function mergeMap(kind: string, path: string[], original: Json, patch: Map): Json {
  if (patch.$patch === 'replace') return plain(patch)
  if (patch.$patch === 'delete') return undefined
  const out: Map = isMap(original) ? { ...original } : {}
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith('$deleteFromPrimitiveList/')) {
      const field = k.slice('$deleteFromPrimitiveList/'.length)
      const list = own(out, field)
      if (Array.isArray(list) && Array.isArray(v)) setList(out, field, list.filter((x) => !v.some((d) => same(d, x))))
      continue
    }
    if (k.startsWith('$')) continue
    if (v === null) delete out[k]
    else if (Array.isArray(v)) setList(out, k, mergeList(kind, [...path, k], own(out, k), v))
    else if (isMap(v)) {
      const merged = mergeMap(kind, [...path, k], own(out, k), v)
      if (merged === undefined) delete out[k]
      else setOwn(out, k, merged)
    } else setOwn(out, k, v)
  }
  return out
}

/** StrategicMergePatch(original, patch) for an object of `kind`. */
export function strategicMergePatch(kind: string, original: Json, patch: Map): Json {
  return mergeMap(kind, [], original, patch) ?? {}
}
