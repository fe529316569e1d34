// Imitates: kubectl pkg/cmd/get/sorter.go (--sort-by: a JSONPath per object, numbers by value, others as text).

import { relaxedJsonPath } from '../printers/customColumns'
import { jsonPathAsJson, runJsonPath } from '../printers/jsonpath'
import { KubectlError } from '../errors'

/* eslint-disable @typescript-eslint/no-explicit-any */
type Found = { obj: Record<string, any> }

/** Sorts what get found by the field; kubectl's error when no object has it. */
export function sortFound<T extends Found>(found: T[], spec: string): T[] {
  const path = relaxedJsonPath(spec)
  // a field that is there but null (an event's lastTimestamp when the scheduler wrote it) sorts first,
  // as kubectl's isLess puts a nil value before any other; so does a missing one
  const values = found.map((f) => {
    const r = jsonPathAsJson(path, f.obj, { allowMissingKeys: true })
    return r.ok ? (JSON.parse(r.text) as unknown[]) : []
  })
  const keys = found.map((f, i) => {
    if (values[i].length === 0 || values[i][0] === null) return ''
    const r = runJsonPath(path, f.obj, { allowMissingKeys: true })
    return r.ok ? r.text : ''
  })
  if (found.length > 1 && values.every((v) => v.length === 0)) {
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
