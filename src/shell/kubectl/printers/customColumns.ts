// Imitates: k8s.io/cli-runtime/pkg/printers (CustomColumnsPrinter, NewCustomColumnsPrinterFromSpec) and kubectl's
// get/customcolumn_flags.go (RelaxedJSONPathExpression, the file form).

import { KubectlError } from '../errors'
import { findJsonPathValues, goV } from './jsonpath'
import { tabwrite, TABLE_TABWRITER } from './tabwriter'

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>

export interface Column {
  header: string
  path: string
}

const JSON_REGEXP = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/

/** get.RelaxedJSONPathExpression: `.a.b`, `a.b`, `{a.b}` and `{.a.b}` all mean `{.a.b}`. */
export function relaxedJsonPath(expr: string): string {
  if (expr === '') return expr
  const m = JSON_REGEXP.exec(expr)
  if (!m) throw new KubectlError("error: unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'")
  return `{.${m[1] ?? m[2]}}`
}

/** `-o custom-columns=NAME:.metadata.name,SA:.spec.serviceAccountName`. */
export function parseColumnsSpec(spec: string): Column[] {
  if (spec.length === 0) throw new KubectlError('error: custom-columns format specified but no custom columns given')
  return spec.split(',').map((part) => {
    const colon = part.indexOf(':')
    if (colon < 0) {
      throw new KubectlError(`error: unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`)
    }
    return { header: part.slice(0, colon), path: relaxedJsonPath(part.slice(colon + 1)) }
  })
}

/** The file form: a line of headers, a line of JSON paths, split on white space. */
export function parseColumnsFile(text: string): Column[] {
  const lines = text.split('\n').filter((l) => l.trim() !== '')
  if (lines.length !== 2) throw new KubectlError(`error: unexpected number of lines in custom-columns template file: expected 2, saw ${lines.length}`)
  const headers = lines[0].trim().split(/\s+/)
  const paths = lines[1].trim().split(/\s+/)
  if (headers.length !== paths.length) {
    throw new KubectlError(`error: number of headers (${headers.length}) does not match number of columns (${paths.length})`)
  }
  return headers.map((header, i) => ({ header, path: relaxedJsonPath(paths[i]) }))
}

/** printOneObject's cell: each value found with fmt's %v (a map as `map[k:v]`), joined with commas; `<none>` when there is none. */
function cell(path: string, obj: Obj): string | { error: string } {
  const values = findJsonPathValues(path, obj)
  if (values && !Array.isArray(values)) return values
  if (!values || values.length === 0 || values[0].length === 0) return '<none>'
  return values.flatMap((list) => list.map(goV)).join(',')
}

/** One header row and a row per object (a List prints its items). */
export function printCustomColumns(columns: Column[], obj: Obj, noHeaders = false): string {
  const items: Obj[] = obj.kind === 'List' || Array.isArray(obj.items) ? (obj.items ?? []) : [obj]
  const rows: string[] = noHeaders ? [] : [`${columns.map((c) => c.header).join('\t')}\n`]
  for (const item of items) {
    const cells: string[] = []
    for (const c of columns) {
      const v = cell(c.path, item)
      // the engine's error ends the printing: what came before is written, then the error
      if (typeof v !== 'string') throw new KubectlError(`error: ${v.error}`, 1, tabwrite(rows.join(''), TABLE_TABWRITER))
      cells.push(v)
    }
    rows.push(`${cells.join('\t')}\n`)
  }
  return tabwrite(rows.join(''), TABLE_TABWRITER)
}
