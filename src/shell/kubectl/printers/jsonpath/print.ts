// k8s.io/client-go/util/jsonpath/jsonpath.go PrintResults and evalToText

import { toGoCompactJson, toGoIndentedJson } from '../json'
import { formatFloatG } from '../gofmt'
import { GoNum, INVALID, basicKind, isMap, type GoVal } from './values'

/** The value as encoding/json sees it (r.Interface()). */
export function toPlain(v: GoVal): unknown {
  if (v === INVALID) return null
  if (v instanceof GoNum) return v.n
  return v
}

/** One result as PrintResults writes it: maps and slices as compact JSON, the rest with fmt.Fprint. */
export function formatResult(v: GoVal): string {
  if (Array.isArray(v) || isMap(v)) return toGoCompactJson(v)
  if (v === INVALID) return '<no value>'
  if (v === null) return 'null'
  if (typeof v === 'string') return v
  if (typeof v === 'boolean') return String(v)
  const n = v instanceof GoNum ? v.n : v
  return basicKind(v) === 'float' ? formatFloatG(n) : String(n)
}

/** PrintResults for every results list of FindResults, concatenated (one space between values of one list). */
export function printResults(all: GoVal[][]): string {
  return all.map((results) => results.map(formatResult).join(' ')).join('')
}

/** PrintResults with EnableJSONOutput: each list as an indented JSON array and a newline. */
export function printResultsAsJson(all: GoVal[][]): string {
  return all.map((results) => toGoIndentedJson(results.map(toPlain)) + '\n').join('')
}
