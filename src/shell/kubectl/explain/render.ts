// kubectl explain's plaintext output from an OpenAPI v3 document: KIND/VERSION, the FIELD followed
// down a dotted path, its DESCRIPTION and FIELDS (or all fields' names and types with --recursive).
// Imitates: k8s.io/kubectl/pkg/explain/v2/templates/plaintext.tmpl (v1.35: the templates "schema",
// "output", "fieldList", "fieldDetail", "description" and "typeGuess"; the cluster's documents carry no enums)

import type { GroupVersionKind, OpenApiSchema, OpenApiV3Document } from '../../../cluster/apiserver/openapi/types'
import { indent, wrapString } from './wordwrap'

export interface ExplainTarget { group: string; version: string; resource: string }

/** A template's `throw`: the text written so far stays, the message is kubectl's error. */
export class ExplainError extends Error {
  constructor(message: string, readonly written: string) {
    super(message)
  }
}

interface Ctx { doc: OpenApiV3Document; recursive: boolean }

/** Go templates: an empty map, list or string is false. */
const truthy = (v: unknown): boolean =>
  v !== undefined && v !== null && v !== false && v !== '' && v !== 0 &&
  !(Array.isArray(v) && v.length === 0) && !(typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0)

const sortedEntries = <T>(o: Record<string, T> | undefined): [string, T][] =>
  Object.entries(o ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))

function resolveRef(ref: string | undefined, doc: OpenApiV3Document): OpenApiSchema | undefined {
  const m = ref ? /^#\/components\/schemas\/(.+)$/.exec(ref) : null
  return m ? doc.components.schemas[m[1]] : undefined
}

const mapValue = (s: OpenApiSchema): OpenApiSchema | undefined =>
  typeof s.additionalProperties === 'object' && truthy(s.additionalProperties) ? s.additionalProperties : undefined

function typeGuess(s: OpenApiSchema, doc: OpenApiV3Document): string {
  if (truthy(s.items)) return `[]${typeGuess(s.items!, doc)}`
  const ap = mapValue(s)
  if (ap) return `map[string]${typeGuess(ap, doc)}`
  if (truthy(s.allOf) && !truthy(s.properties) && s.allOf!.length === 1) return typeGuess(s.allOf![0], doc)
  if (s.$ref) {
    const target = resolveRef(s.$ref, doc)
    if (!target || !target.type || target.type === 'object') return s.$ref.split('/').pop()!.split('.').pop() || 'Object'
    return target.type
  }
  return s.type === 'object' ? 'Object' : s.type || 'Object'
}

function description(s: OpenApiSchema, doc: OpenApiV3Document): string {
  const r = resolveRef(s.$ref, doc) ?? s
  let out = r.description ? `${r.description}\n` : ''
  for (const sub of r.allOf ?? []) out += description(sub, doc)
  if (truthy(r.items)) out += description(r.items!, doc)
  const ap = mapValue(r)
  if (ap) out += description(ap, doc)
  return out
}

function fieldDetail(name: string, parent: OpenApiSchema, short: boolean, level: number, doc: OpenApiV3Document): string {
  const n = level * 2
  const field = parent.properties![name]
  let out = `${indent(n, name)}\t<${typeGuess(field, doc)}>${parent.required?.includes(name) ? ' -required-' : ''}\n`
  if (!short) out += `${indent(n + 2, wrapString(field.description || '<no description>', 78 - n))}\n\n`
  return out
}

function fieldList(s: OpenApiSchema, level: number, history: Set<string>, c: Ctx): string {
  const ref = s.$ref ?? ''
  if (ref && history.has(ref)) return ''
  const next = new Set(history).add(ref)
  const r = resolveRef(ref, c.doc) ?? s
  let out = ''
  for (const [name, v] of sortedEntries(r.properties)) {
    out += fieldDetail(name, r, c.recursive, level, c.doc)
    if (c.recursive) out += fieldList(v, level + 1, next, c)
  }
  for (const sub of r.allOf ?? []) out += fieldList(sub, level, next, c)
  if (truthy(r.items)) out += fieldList(r.items!, level, next, c)
  const ap = mapValue(r)
  if (ap) out += fieldList(ap, level, next, c)
  return out
}

function output(s: OpenApiSchema, history: Set<string>, path: string[], c: Ctx): string {
  const ref = s.$ref ?? ''
  const next = new Set(history).add(ref)
  const r = resolveRef(ref, c.doc) ?? s
  if (path.length === 0) {
    let out = `DESCRIPTION:\n${indent(4, wrapString(description(r, c.doc) || '<empty>', 76))}\n`
    const fields = fieldList(r, 1, new Set(), c)
    if (fields) out += `FIELDS:\n${fields}`
    return out
  }
  if (ref && history.has(ref)) return ''
  const sub = r.properties?.[path[0]]
  if (truthy(r.properties) && sub) {
    const head = path.length === 1 ? `FIELD: ${path[0]} <${typeGuess(sub, c.doc)}>\n\n\n` : ''
    return head + output(sub, new Set(), path.slice(1), c)
  }
  if (truthy(r.items)) return output(r.items!, next, path, c)
  const ap = mapValue(r)
  if (ap) return output(ap, next, path, c)
  for (const alt of r.allOf ?? []) {
    const out = output(alt, next, path, c)
    if (out) return out
  }
  return ''
}

const sameGvk = (a: GroupVersionKind, b: GroupVersionKind) => a.group === b.group && a.kind === b.kind && a.version === b.version

/** The GVK of the resource's operations, looked up under the paths the template searches. */
function gvkOf(t: ExplainTarget, doc: OpenApiV3Document): GroupVersionKind | undefined {
  const prefix = t.group ? `/apis/${t.group}` : '/api'
  const candidates = [
    `${prefix}/${t.version}/${t.resource}`, `${prefix}/${t.version}/${t.resource}/{name}`,
    `${prefix}/${t.version}/namespaces/{namespace}/${t.resource}`, `${prefix}/${t.version}/namespaces/{namespace}/${t.resource}/{name}`,
  ]
  for (const p of candidates) {
    const item = doc.paths[p]
    for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
      const gvk = item?.[method]?.['x-kubernetes-group-version-kind']
      if (gvk) return gvk
    }
  }
  return undefined
}

/** The whole plaintext output, or an ExplainError carrying what the template wrote before it failed. */
export function renderExplain(doc: OpenApiV3Document, t: ExplainTarget, fieldPath: string[], recursive: boolean): string {
  const gvk = gvkOf(t, doc)
  if (!gvk) throw new ExplainError(`error: GVR (${t.group}/${t.version}, Resource=${t.resource}) not found in OpenAPI schema`, '')
  const head = `${gvk.group ? `GROUP:      ${gvk.group}\n` : ''}KIND:       ${gvk.kind}\nVERSION:    ${gvk.version}\n\n`
  const c: Ctx = { doc, recursive }
  for (const [, schema] of sortedEntries(doc.components.schemas)) {
    if (!(schema['x-kubernetes-group-version-kind'] ?? []).some((g) => sameGvk(g, gvk))) continue
    const body = output(schema, new Set(), fieldPath, c)
    if (!body) throw new ExplainError(`error: field "${fieldPath[fieldPath.length - 1]}" does not exist`, head)
    return `${head}${body}\n`
  }
  throw new ExplainError(`error: GVK map[group:${gvk.group} kind:${gvk.kind} version:${gvk.version}] not found in OpenAPI schema`, head)
}
