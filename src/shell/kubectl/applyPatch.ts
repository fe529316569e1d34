// Imitates: k8s.io/apimachinery/pkg/util/strategicpatch CreateThreeWayMergePatch and kubectl's
// pkg/util/apply.go (GetModifiedConfiguration, the last-applied-configuration annotation) for client-side apply.
// Lists are replaced whole (the lab's API server applies strategic merge patches as merge patches).

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
 */
export function threeWayMergePatch(original: Obj | undefined, modified: Obj, current: Obj): Obj {
  const patch: Obj = {}
  for (const [k, v] of Object.entries(modified)) {
    const cur = current[k]
    if (isMap(v) && isMap(cur)) {
      const sub = threeWayMergePatch(isMap(original?.[k]) ? original?.[k] : undefined, v, cur)
      if (Object.keys(sub).length) patch[k] = sub
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
