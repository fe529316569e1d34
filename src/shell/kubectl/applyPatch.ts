// Imitates: k8s.io/apimachinery/pkg/util/strategicpatch CreateThreeWayMergePatch and kubectl's
// pkg/util/apply.go (GetModifiedConfiguration, the last-applied-configuration annotation) for client-side apply.
// A list with a merge key (cluster/api/patchMeta.ts) goes item by item, as the server merges it; other lists whole.

import { mergeKeyOf } from '../../cluster/api/patchMeta'

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration'

const isMap = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

/** encoding/json of an unstructured object: keys sorted at every level, no spaces. */
export function sortedJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(sortedJson).join(',')}]`
  if (isMap(v)) {
    return `{${Object.keys(v)
      .filter((k) => v[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${sortedJson(v[k])}`)
      .join(',')}}`
  }
  return JSON.stringify(v ?? null)
}

/**
 * GetModifiedConfiguration(annotate=true) on an unstructured object: the object without the annotation,
 * encoded (with `"annotations":{}` when it had none, as unstructured SetAnnotations leaves an empty map), stored
 * as the annotation. Returns the object to send.
 */
export function withLastApplied(obj: Obj): Obj {
  const annotations: Obj = { ...obj.metadata?.annotations }
  delete annotations[LAST_APPLIED]
  const bare = { ...obj, metadata: { ...obj.metadata, annotations } }
  const json = `${sortedJson(bare)}\n`
  return { ...obj, metadata: { ...obj.metadata, annotations: { ...annotations, [LAST_APPLIED]: json } } }
}

function equal(a: unknown, b: unknown): boolean {
  return sortedJson(a) === sortedJson(b)
}

/**
 * The patch that takes `current` to `modified`: fields of `modified` that differ, and null for fields that
 * `original` (the last applied configuration) had and `modified` dropped. `{}` means nothing to do.
 * A list with a merge key goes item by item (an item's own patch, a new item whole, `$patch: delete`
 * for an item `original` had and `modified` dropped); a set of scalars sends what it gains and
 * `$deleteFromPrimitiveList/` what it loses; other lists go whole.
 */
export function threeWayMergePatch(original: Obj | undefined, modified: Obj, current: Obj, kind = String(modified.kind ?? ''), path: string[] = []): Obj {
  const patch: Obj = {}
  for (const [k, v] of Object.entries(modified)) {
    const cur = current[k]
    const key = Array.isArray(v) ? mergeKeyOf(kind, [...path, k]) : undefined
    if (isMap(v) && isMap(cur)) {
      const sub = threeWayMergePatch(isMap(original?.[k]) ? original?.[k] : undefined, v, cur, kind, [...path, k])
      if (Object.keys(sub).length) patch[k] = sub
    } else if (key && Array.isArray(cur)) {
      const was = Array.isArray(original?.[k]) ? (original?.[k] as unknown[]) : []
      if (key === '+') {
        const added = (v as unknown[]).filter((x) => !cur.some((c) => equal(c, x)))
        const dropped = was.filter((x) => !(v as unknown[]).some((m) => equal(m, x)) && cur.some((c) => equal(c, x)))
        if (added.length) patch[k] = added
        if (dropped.length) patch[`$deleteFromPrimitiveList/${k}`] = dropped
        continue
      }
      const items: Obj[] = []
      const at = (list: unknown[], item: Obj) => list.find((x) => isMap(x) && equal(x[key], item[key])) as Obj | undefined
      for (const item of v.filter(isMap)) {
        const live = at(cur, item)
        if (!live) items.push(item)
        else {
          const sub = threeWayMergePatch(at(was, item), item, live, kind, [...path, k, '[]'])
          if (Object.keys(sub).length) items.push({ [key]: item[key], ...sub })
        }
      }
      for (const gone of was.filter(isMap)) if (!at(v, gone) && at(cur, gone)) items.push({ [key]: gone[key], $patch: 'delete' })
      if (items.length) patch[k] = items
    } else if (!equal(v, cur)) {
      patch[k] = v
    }
  }
  for (const k of Object.keys(original ?? {})) {
    if (!(k in modified) && k in current) patch[k] = null
  }
  return patch
}

/** The last-applied configuration stored on a live object, parsed; undefined when absent or unreadable. */
export function lastApplied(live: Obj): Obj | undefined {
  const text = live.metadata?.annotations?.[LAST_APPLIED]
  if (typeof text !== 'string') return undefined
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
