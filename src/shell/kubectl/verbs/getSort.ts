// Imitates: kubectl pkg/cmd/get/sorter.go (--sort-by: a JSONPath per object, numbers by value, others as text).

import { relaxedJsonPath } from '../printers/customColumns'
import { runJsonPath } from '../printers/jsonpath'
import { KubectlError } from '../errors'

/* eslint-disable @typescript-eslint/no-explicit-any */
type Found = { obj: Record<string, any> }

/** Sorts what get found by the field; kubectl's error when no object has it. */
export function sortFound<T extends Found>(found: T[], spec: string): T[] {
  const path = relaxedJsonPath(spec)
  const keys = found.map((f) => {
    const r = runJsonPath(path, f.obj, { allowMissingKeys: true })
    return r.ok ? r.text : ''
  })
  if (found.length > 1 && keys.every((k) => k === '')) {
    throw new KubectlError(`error: couldn't find any field with path "${path}" in the list of objects`)
  }
  const numeric = keys.every((k) => k === '' || /^-?\d+(\.\d+)?$/.test(k))
  const order = found.map((f, i) => ({ f, key: keys[i], i }))
  order.sort((a, b) => {
    if (numeric) return (Number(a.key) || 0) - (Number(b.key) || 0) || a.i - b.i
    return a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i
  })
  return order.map((o) => o.f)
}
