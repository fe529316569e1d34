// Decoding a request body into a kind's Go type: unknown fields are dropped and reported (strict
// decoding), values of the wrong JSON type fail with the json package's UnmarshalTypeError text.
// Imitates: sigs.k8s.io/json (UnmarshalStrict), k8s.io/apimachinery/pkg/runtime/error.go (strictDecodingError)
// and k8s.io/apiserver/pkg/endpoints/handlers/rest.go (transformDecodeError, fieldValidation)

import { newBadRequest } from '../../../common/apiErrors'
import { goTypeName, KIND_SCHEMAS, type FieldType } from '../../api/schema'
import type { Status } from '../types'

export type FieldValidation = 'Ignore' | 'Warn' | 'Strict'

export interface DecodeResult {
  /** The first wrong-typed value (json keeps decoding but reports the first one). */
  typeError?: string
  /** `unknown field "<path>"` for each field the type lacks, in document order. */
  unknown: string[]
}

function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'array'
  if (typeof v === 'boolean') return 'bool'
  return typeof v === 'object' ? 'object' : typeof v === 'number' ? 'number' : 'string'
}

const INT_RANGE = { int32: [-(2 ** 31), 2 ** 31 - 1], int64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER] }

/**
 * Walk `value` against `type`, pruning unknown fields in place. `structName` is the innermost Go
 * struct (the json error names it), `typePath` the dotted path without list indices (as the
 * error prints it), `path` the path with `[i]` (as strict errors print it).
 */
function walk(value: unknown, type: FieldType, structName: string, typePath: string, path: string, out: DecodeResult): void {
  if (value === null || value === undefined || type.t === 'any') return
  const fail = (what: string) => {
    out.typeError ??= `json: cannot unmarshal ${what} into Go struct field ${structName}.${typePath} of type ${goTypeName(type)}`
  }
  const kind = jsonKind(value)
  switch (type.t) {
    case 'string': case 'bytes':
      if (kind !== 'string') fail(kind)
      return
    case 'bool':
      if (kind !== 'bool') fail(kind)
      return
    case 'int32': case 'int64': {
      if (kind !== 'number') { fail(kind); return }
      const n = value as number
      const [lo, hi] = INT_RANGE[type.t]
      if (!Number.isInteger(n) || n < lo || n > hi) fail(`number ${String(n)}`)
      return
    }
    case 'map':
      if (kind !== 'object') { fail(kind); return }
      for (const v of Object.values(value as Record<string, unknown>)) walk(v, type.value, structName, typePath, path, out)
      return
    case 'list':
      if (kind !== 'array') { fail(kind); return }
      ;(value as unknown[]).forEach((v, i) => walk(v, type.of, structName, typePath, `${path}[${i}]`, out))
      return
    case 'struct': {
      if (kind !== 'object') { fail(kind); return }
      const obj = value as Record<string, unknown>
      for (const key of Object.keys(obj)) {
        const sub = path ? `${path}.${key}` : key
        const field = type.fields[key]
        if (!field) {
          out.unknown.push(`unknown field "${sub}"`)
          delete obj[key]
          continue
        }
        walk(obj[key], field, type.name, typePath ? `${typePath}.${key}` : key, sub, out)
      }
    }
  }
}

/** Check (and prune) a body against the kind's type. Kinds without a schema decode as they come. */
export function decodeFields(group: string, kind: string, body: Record<string, unknown>): DecodeResult {
  const out: DecodeResult = { unknown: [] }
  const schema = KIND_SCHEMAS[`${group}/${kind}`]
  if (!schema || schema.t !== 'struct') return out
  for (const key of Object.keys(body)) {
    const field = schema.fields[key]
    if (!field) {
      out.unknown.push(`unknown field "${key}"`)
      delete body[key]
      continue
    }
    // top-level fields are named after the kind's own struct
    walk(body[key], field, schema.name, key, key, out)
  }
  return out
}

/** The directive of the `fieldValidation` query parameter; the server's default is Warn. */
export function fieldValidation(query: URLSearchParams): FieldValidation {
  const v = query.get('fieldValidation')
  return v === 'Ignore' || v === 'Strict' ? v : 'Warn'
}

/** transformDecodeError: `<Kind> in version "<v>" cannot be handled as a <Kind>: <err>`. */
export function decodeError(kind: string, version: string, err: string): Status {
  return newBadRequest(`${kind} in version "${version}" cannot be handled as a ${kind}: ${err}`)
}

export const strictDecodingError = (unknown: string[]) => `strict decoding error: ${unknown.join(', ')}`

/** Warning header values (`299 - "<text>"`) for the dropped fields under Warn. */
export const warningHeader = (unknown: string[]) => unknown.map((u) => `299 - ${JSON.stringify(u)}`).join(', ')
