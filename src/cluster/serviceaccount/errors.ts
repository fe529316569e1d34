// The metav1.Status errors the token path returns, with the exact messages of the real server.
// Imitates: k8s.io/apimachinery/pkg/api/errors (NewNotFound, NewInvalid, NewBadRequest, NewConflict).

import type { Status } from '../apiserver/types'

export interface FieldError {
  field: string
  value: unknown
  detail: string
}

const base = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure' } as const

/** `<resource> "<name>" not found`; details.kind is the plural resource. */
export function newNotFound(resource: string, name: string, group = ''): Status {
  const qualified = group ? `${resource}.${group}` : resource
  return {
    ...base,
    message: `${qualified} "${name}" not found`,
    reason: 'NotFound',
    details: { name, ...(group ? { group } : {}), kind: resource },
    code: 404,
  }
}

/** Go's %v of a field value inside `Invalid value: ...` (strings quoted, numbers bare). */
function formatValue(v: unknown): string {
  return typeof v === 'string' ? JSON.stringify(v) : String(v)
}

/** `<Kind>.<group> "<name>" is invalid: <field>: Invalid value: <v>: <detail>` (several errors in `[a, b]`). */
export function newInvalid(group: string, kind: string, name: string, errs: FieldError[]): Status {
  const lines = errs.map((e) => `${e.field}: Invalid value: ${formatValue(e.value)}: ${e.detail}`)
  const joined = lines.length === 1 ? lines[0] : `[${lines.join(', ')}]`
  return {
    ...base,
    message: `${kind}.${group} "${name}" is invalid: ${joined}`,
    reason: 'Invalid',
    details: {
      ...(name ? { name } : {}),
      group,
      kind,
      // metav1.StatusCause serialises its type as "reason"; the lab's Status type names it `type`.
      causes: errs.map((e) => ({ type: 'FieldValueInvalid', message: `Invalid value: ${formatValue(e.value)}: ${e.detail}`, field: e.field })),
    },
    code: 422,
  }
}

export function newBadRequest(message: string): Status {
  return { ...base, message, reason: 'BadRequest', code: 400 }
}

/** `Operation cannot be fulfilled on <resource> "<name>": <err>`. */
export function newConflict(group: string, resource: string, name: string, err: string): Status {
  const qualified = group ? `${resource}.${group}` : resource
  return {
    ...base,
    message: `Operation cannot be fulfilled on ${qualified} "${name}": ${err}`,
    reason: 'Conflict',
    details: { name, ...(group ? { group } : {}), kind: resource },
    code: 409,
  }
}
