// metav1.Status errors with the exact messages of the real API server.
// Imitates: k8s.io/apimachinery/pkg/api/errors/errors.go

import type { Status } from './status'

/** A group and plural resource (`pods`, `roles.rbac.authorization.k8s.io`). */
export interface GroupResource { group: string; resource: string }

export type StatusCause = { type?: string; message?: string; field?: string }

export function groupResourceString(gr: GroupResource): string {
  return gr.group ? `${gr.resource}.${gr.group}` : gr.resource
}

function failure(code: number, reason: string, message: string, details?: Status['details']): Status {
  return details
    ? { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, details, code }
    : { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code }
}

/** StatusDetails with keys in struct order (name, group, kind, uid, causes), all omitempty. */
export function statusDetails(d: { name?: string; group?: string; kind?: string; uid?: string; causes?: StatusCause[] }): NonNullable<Status['details']> {
  const out: NonNullable<Status['details']> = {}
  if (d.name) out.name = d.name
  if (d.group) out.group = d.group
  if (d.kind) out.kind = d.kind
  if (d.uid) out.uid = d.uid
  if (d.causes && d.causes.length) out.causes = d.causes
  return out
}

export function newNotFound(gr: GroupResource, name: string): Status {
  return failure(404, 'NotFound', `${groupResourceString(gr)} "${name}" not found`,
    statusDetails({ name, group: gr.group, kind: gr.resource }))
}

export function newAlreadyExists(gr: GroupResource, name: string): Status {
  return failure(409, 'AlreadyExists', `${groupResourceString(gr)} "${name}" already exists`,
    statusDetails({ name, group: gr.group, kind: gr.resource }))
}

export function newForbidden(gr: GroupResource, name: string, err: string, causes?: StatusCause[]): Status {
  let message: string
  if (!gr.group && !gr.resource) message = `forbidden: ${err}`
  else if (!name) message = `${groupResourceString(gr)} is forbidden: ${err}`
  else message = `${groupResourceString(gr)} "${name}" is forbidden: ${err}`
  return failure(403, 'Forbidden', message, statusDetails({ name, group: gr.group, kind: gr.resource, causes }))
}

export function newConflict(gr: GroupResource, name: string, err: string): Status {
  return failure(409, 'Conflict', `Operation cannot be fulfilled on ${groupResourceString(gr)} "${name}": ${err}`,
    statusDetails({ name, group: gr.group, kind: gr.resource }))
}

/** The optimistic-concurrency message (k8s.io/apiserver/pkg/registry/generic/registry OptimisticLockErrorMsg). */
export const OPTIMISTIC_LOCK_ERROR_MSG = 'the object has been modified; please apply your changes to the latest version and try again'

export function newUnauthorized(message = 'Unauthorized'): Status {
  return failure(401, 'Unauthorized', message)
}

export function newBadRequest(message: string): Status {
  return failure(400, 'BadRequest', message)
}

export function newMethodNotSupported(gr: GroupResource, action: string): Status {
  return failure(405, 'MethodNotAllowed', `${action} is not supported on resources of kind "${groupResourceString(gr)}"`,
    statusDetails({ group: gr.group, kind: gr.resource }))
}

export function newInternalError(err: string): Status {
  return failure(500, 'InternalError', `Internal error occurred: ${err}`, { causes: [{ message: err }] })
}

/** The body of a 404 for a path the server does not serve (genericapiserver NotFoundHandler). */
export function newPathNotFound(): Status {
  return failure(404, 'NotFound', 'the server could not find the requested resource', {})
}

/**
 * A Failure with only a code, a reason and a message, for errors that are not one of the server's
 * typed constructors (a kubelet's refusal to upgrade an exec stream).
 */
export function newFailure(code: number, reason: string, message: string, details?: Status['details']): Status {
  return failure(code, reason, message, details)
}

/**
 * What client-go makes of an error response whose body is not a Status (NewGenericServerResponse
 * via newUnstructuredResponseError): a reason and a generic message by code; a 403 keeps the
 * server's text. The lab's clients pass no resource, so no "(verb resource name)" suffix.
 */
export function newGenericServerResponse(code: number, serverMessage: string, method = 'GET'): Status {
  const generic: Record<number, [string, string]> = {
    409: [method === 'POST' ? 'AlreadyExists' : 'Conflict', 'the server reported a conflict'],
    429: ['TooManyRequests', 'the server has received too many requests and has asked us to try again later'],
    504: ['Timeout', 'the server was unable to return a response in the time allotted, but may still be processing the request'],
    400: ['BadRequest', 'the server rejected our request for an unknown reason'],
    401: ['Unauthorized', 'the server has asked for the client to provide credentials'],
    403: ['Forbidden', serverMessage],
    404: ['NotFound', 'the server could not find the requested resource'],
    405: ['MethodNotAllowed', 'the server does not allow this method on the requested resource'],
    422: ['Invalid', 'the server rejected our request due to an error in our request'],
    503: ['ServiceUnavailable', 'the server is currently unable to handle the request'],
  }
  const [reason, message] = generic[code]
    ?? (code >= 500
      ? ['InternalError', `an error on the server (${JSON.stringify(serverMessage)}) has prevented the request from succeeding`]
      : ['', `the server responded with the status code ${code} but did not return more information`])
  const out = failure(code, reason, message, { causes: [{ type: 'UnexpectedServerResponse', message: serverMessage }] })
  if (!reason) delete out.reason // StatusReasonUnknown is "", omitted
  return out
}

/** A field.Error (k8s.io/apimachinery/pkg/util/validation/field/errors.go). */
export interface FieldError {
  type: 'FieldValueInvalid' | 'FieldValueRequired' | 'FieldValueForbidden' | 'FieldValueNotSupported' | 'FieldValueDuplicate' | 'FieldValueTooLong' | 'FieldValueNotFound'
  field: string
  badValue?: unknown
  detail?: string
}

const TYPE_TEXT: Record<FieldError['type'], string> = {
  FieldValueInvalid: 'Invalid value',
  FieldValueRequired: 'Required value',
  FieldValueForbidden: 'Forbidden',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueTooLong: 'Too long',
  FieldValueNotFound: 'Not found',
}

/** A bad value printed as Go's %#v prints it (`[]string{"/x"}`, `rbac.RoleRef{...}`), given pre-rendered. */
export interface GoValue { goSyntax: string }
export const goValue = (goSyntax: string): GoValue => ({ goSyntax })
const isGoValue = (v: unknown): v is GoValue => typeof v === 'object' && v !== null && typeof (v as GoValue).goSyntax === 'string'

/** field.Error.ErrorBody(): the message without the field path. */
export function fieldErrorBody(e: FieldError): string {
  let s = TYPE_TEXT[e.type]
  if (e.type !== 'FieldValueRequired' && e.type !== 'FieldValueForbidden' && e.type !== 'FieldValueTooLong') {
    const v = e.badValue
    s += isGoValue(v) ? `: ${v.goSyntax}` : typeof v === 'string' ? `: ${JSON.stringify(v)}` : (typeof v === 'number' || typeof v === 'boolean') ? `: ${v}` : `: ${JSON.stringify(v)}`
  }
  if (e.detail) s += `: ${e.detail}`
  return s
}

export const invalid = (field: string, badValue: unknown, detail: string): FieldError => ({ type: 'FieldValueInvalid', field, badValue, detail })
export const required = (field: string, detail = ''): FieldError => ({ type: 'FieldValueRequired', field, detail })
export const notSupported = (field: string, badValue: unknown, supported: string[]): FieldError =>
  ({ type: 'FieldValueNotSupported', field, badValue, detail: `supported values: ${supported.map((x) => JSON.stringify(x)).join(', ')}` })
export const forbiddenField = (field: string, detail: string): FieldError => ({ type: 'FieldValueForbidden', field, detail })

/** NewInvalid: `<Kind> "<name>" is invalid: <aggregate>`, with one cause per field error. */
export function newInvalid(kind: { group: string; kind: string }, name: string, errs: FieldError[]): Status {
  const qualified = kind.group ? `${kind.kind}.${kind.group}` : kind.kind
  // ErrorList.ToAggregate: each text once (an update validates the metadata more than once); every error stays a cause
  const texts = [...new Set(errs.map((e) => `${e.field}: ${fieldErrorBody(e)}`))]
  // utilerrors.NewAggregate: one error prints bare, several print as [a, b]
  const agg = texts.length === 0 ? '' : texts.length === 1 ? texts[0] : `[${texts.join(', ')}]`
  const message = agg ? `${qualified} "${name}" is invalid: ${agg}` : `${qualified} "${name}" is invalid`
  return failure(422, 'Invalid', message, statusDetails({
    name, group: kind.group, kind: kind.kind,
    causes: errs.map((e) => ({ type: e.type, message: fieldErrorBody(e), field: e.field })),
  }))
}

export function isStatus(x: unknown): x is Status {
  return typeof x === 'object' && x !== null && (x as { kind?: unknown }).kind === 'Status'
}
