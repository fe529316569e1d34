// Imitates: k8s.io/cli-runtime/pkg/printers as kubectl's verbs reach it: the one place the verbs get their
// output formats from (src/shell/kubectl/printers/), plus the typed-object JSON of run/create.

import { KubectlError } from './errors'
import {
  DESCRIBE_TABWRITER,
  TABLE_TABWRITER,
  goJsonString,
  humanDuration,
  jsonPathAsJson,
  runJsonPath,
  tabwrite,
  toKubectlJson,
  toKubectlYaml,
} from './printers'

export { DESCRIBE_TABWRITER, humanDuration, tabwrite }

/** cli-runtime printers.GetNewTabWriter: minwidth 6, tabwidth 4, padding 3. */
export const KUBECTL_TABWRITER = TABLE_TABWRITER

/** `kubectl get -o json`: unstructured, so keys sorted; 4-space indent; newline at the end. */
export const toJson = (obj: unknown): string => toKubectlJson(obj)

/** `-o yaml`: keys sorted at every level (JSON → YAML through maps). */
export const toYaml = (obj: unknown): string => toKubectlYaml(obj)

function encodeOrdered(v: unknown, indent: string): string {
  if (v === null || v === undefined) return 'null'
  if (typeof v === 'string') return goJsonString(v)
  if (typeof v === 'number' || typeof v === 'boolean') return JSON.stringify(v)
  const inner = `${indent}    `
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]'
    return `[\n${v.map((x) => inner + encodeOrdered(x, inner)).join(',\n')}\n${indent}]`
  }
  const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined)
  if (entries.length === 0) return '{}'
  return `{\n${entries.map(([k, x]) => `${inner}${goJsonString(k)}: ${encodeOrdered(x, inner)}`).join(',\n')}\n${indent}}`
}

/** JSON of a typed object (kubectl run/create -o json): json.MarshalIndent in struct order (the order given). */
export function toJsonOrdered(obj: unknown): string {
  return `${encodeOrdered(obj, '')}\n`
}

/** `-o jsonpath=TEMPLATE`; kubectl's parse/execute errors become KubectlErrors with its exact text. */
export function jsonpath(template: string, obj: unknown, allowMissingKeys = true): string {
  const r = runJsonPath(template, obj, { allowMissingKeys })
  if (!r.ok) throw new KubectlError(r.stderr)
  return r.text
}

/** `-o jsonpath-as-json=TEMPLATE`. */
export function jsonpathAsJson(template: string, obj: unknown, allowMissingKeys = true): string {
  const r = jsonPathAsJson(template, obj, { allowMissingKeys })
  if (!r.ok) throw new KubectlError(r.stderr)
  return r.text
}
