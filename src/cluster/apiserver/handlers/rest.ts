// The resource handlers: get, list, create, update, patch, delete, each through admission and the registry.
// Imitates: k8s.io/apiserver/pkg/endpoints/handlers/{get,create,update,patch,delete}.go

import { invalid, isStatus, newBadRequest, newFailure, newInvalid, newMethodNotSupported, newPathNotFound } from '../../../common/apiErrors'
import type { KObject } from '../../api/meta'
import type { ClusterContext } from '../../context'
import type { AdmissionAttributes, AdmissionChain, Operation } from '../admission/interfaces'
import type { DeleteOptions, DeleteResult } from '../registry/delete'
import { checkPreconditions } from '../registry/delete'
import { deleteNamespace } from '../registry/namespace/delete'
import { deletePod } from '../registry/pod/delete'
import { isRegistryOf, type RegistryStore } from '../registry/store'
import type { RequestInfo, ParsedURL } from '../requestinfo'
import type { ApiRequest, ApiResponse, Status, UserInfo } from '../types'
import { decodeError, decodeFields, fieldValidation, strictDecodingError, warningHeader } from './decode'
import { goMapString } from './gomap'
import { applyPatch, JsonPatchFailed } from './patch'
import { goJsonSyntaxError } from '../../../common/goJson'
import { respond, respondList, respondStatus } from './response'
import { fieldSelectorError, filterList } from './selectors'

export interface RestDeps {
  ctx: ClusterContext
  registries: Record<string, RegistryStore>
  admission: AdmissionChain
  /** The store's latest resourceVersion (a list's metadata.resourceVersion). */
  resourceVersion(): string
}

export interface ResourceRequest { info: RequestInfo; url: ParsedURL; req: ApiRequest; user: UserInfo; reg: RegistryStore }

const NS_MISMATCH = 'the namespace of the provided object does not match the namespace sent on the request'

function attrs(r: ResourceRequest, operation: Operation, name: string, object?: KObject, oldObject?: KObject): AdmissionAttributes {
  const s = r.reg.strategy
  return { operation, resource: s.resource, subresource: '', kind: s.kind, namespace: s.namespaced ? r.info.namespace : '', name, object, oldObject, userInfo: r.user }
}

/** Decode the body into an object of this resource (TypeMeta from the URL when missing), with v1 defaults. */
function decode(r: ResourceRequest, body: unknown, patch?: unknown): Decoded | Status {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return newBadRequest('the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf, application/cbor')
  }
  const s = r.reg.strategy
  const obj = structuredClone(body) as KObject
  const gv = s.groupVersion ?? 'v1'
  if (obj.kind && obj.kind !== s.kind) {
    return newBadRequest(`the API version in the data (${String(obj.apiVersion ?? '')}) does not match the expected API version (${gv})`)
  }
  const checked = decodeFields(s.resource.group, s.kind, obj as unknown as Record<string, unknown>)
  if (checked.typeError) return decodeError(s.kind, 'v1', checked.typeError)
  const directive = fieldValidation(r.url.query)
  let warning: string | undefined
  if (checked.unknown.length && directive === 'Strict') {
    const strict = strictDecodingError(checked.unknown)
    // patch.go: a strict error while applying a patch is an Invalid on the field `patch`
    if (patch !== undefined) return newInvalid({ group: '', kind: '' }, '', [invalid('patch', goMapString(patch), strict)])
    return decodeError(s.kind, 'v1', strict)
  }
  if (checked.unknown.length && directive === 'Warn') warning = warningHeader(checked.unknown)
  obj.kind = s.kind
  obj.apiVersion = gv
  obj.metadata = (obj.metadata ?? {}) as KObject['metadata']
  if (s.namespaced) {
    if (obj.metadata.namespace && obj.metadata.namespace !== r.info.namespace) return newBadRequest(NS_MISMATCH)
    obj.metadata.namespace = r.info.namespace
  } else if (obj.metadata.namespace) {
    delete obj.metadata.namespace
  }
  delete (obj.metadata as Partial<KObject['metadata']>).uid
  delete (obj.metadata as Partial<KObject['metadata']>).creationTimestamp
  s.defaults?.(obj)
  // to the stored form (a resource served in a second group: events.k8s.io events)
  return { obj: s.toStored ? s.toStored(obj) : obj, warning }
}

/** An object as the request's group version serves it (the stored form unless the strategy converts). */
function served(r: ResourceRequest, obj: KObject): KObject {
  return r.reg.strategy.toServed ? r.reg.strategy.toServed(obj) : obj
}

interface Decoded { obj: KObject; warning?: string }

/** The `dryRun` query parameter: `All` runs every stage but storage. */
const isDryRun = (r: ResourceRequest) => r.url.query.getAll('dryRun').includes('All')

function withWarning(res: ApiResponse, warning: string | undefined): ApiResponse {
  if (warning) res.headers.warning = warning
  return res
}

export function handleList(r: ResourceRequest, d: RestDeps): ApiResponse {
  const strategy = r.reg.strategy
  const unsupported = fieldSelectorError(r.info.apiGroup, strategy.kind, r.url.query.get('fieldSelector') ?? '')
  if (unsupported) return respondStatus(newBadRequest(unsupported))
  // field selectors name the served version's fields (events.k8s.io: `regarding.name`, `reportingController`)
  const items = filterList(r.reg.list(r.info.namespace || undefined).map((o) => served(r, o)), r.url.query)
  return respondList(r.reg.strategy.listKind, d.resourceVersion(), items, r.reg.strategy.groupVersion)
}

export function handleGet(r: ResourceRequest): ApiResponse {
  const out = r.reg.get(r.info.namespace, r.info.name)
  return isStatus(out) ? respondStatus(out) : respond(200, served(r, out))
}

export function handleCreate(r: ResourceRequest, d: RestDeps): ApiResponse {
  const decoded = decode(r, r.req.body)
  if (isStatus(decoded)) return respondStatus(decoded)
  const { obj } = decoded
  const a = attrs(r, 'CREATE', obj.metadata.name ?? '', obj)
  const denied = d.admission.admit(a)
  if (denied) return respondStatus(denied)
  const out = r.reg.create(obj, (o) => d.admission.validate({ ...a, object: o }), isDryRun(r))
  return withWarning(isStatus(out) ? respondStatus(out) : respond(201, served(r, out)), decoded.warning)
}

function update(r: ResourceRequest, d: RestDeps, decoded: Decoded, old: KObject): ApiResponse {
  const { obj } = decoded
  if (obj.metadata.name !== r.info.name) {
    return respondStatus(newBadRequest(`the name of the object (${obj.metadata.name}) does not match the name on the URL (${r.info.name})`))
  }
  const a = attrs(r, 'UPDATE', r.info.name, obj, old)
  const denied = d.admission.admit(a)
  if (denied) return respondStatus(denied)
  const out = r.reg.update(obj, (o) => d.admission.validate({ ...a, object: o }), isDryRun(r))
  return withWarning(isStatus(out) ? respondStatus(out) : respond(200, served(r, out)), decoded.warning)
}

export function handleUpdate(r: ResourceRequest, d: RestDeps): ApiResponse {
  const decoded = decode(r, r.req.body)
  if (isStatus(decoded)) return respondStatus(decoded)
  const old = r.reg.get(r.info.namespace, r.info.name)
  if (isStatus(old)) return respondStatus(old)
  return update(r, d, decoded, old)
}

export function handlePatch(r: ResourceRequest, d: RestDeps): ApiResponse {
  const old = r.reg.get(r.info.namespace, r.info.name)
  if (isStatus(old)) return respondStatus(old)
  // the patch applies to the object in the request's version
  const current = served(r, old)
  // a body sent as text (kubectl's -p as the student typed it) is JSON to decode, or a syntax error
  const body = typeof r.req.body === 'string' && !goJsonSyntaxError(r.req.body) ? JSON.parse(r.req.body) : r.req.body
  const patched = applyPatch(r.req.headers['content-type'] ?? '', current, body, String((current as { kind?: string }).kind ?? ''))
  if (patched instanceof JsonPatchFailed) return respondStatus(newFailure(422, 'Invalid', 'the server rejected our request due to an error in our request', {}))
  if (patched instanceof Error) return respondStatus(newBadRequest(patched.message))
  const decoded = decode(r, patched, body)
  if (isStatus(decoded)) return respondStatus(decoded)
  // a patch applies to the version it read unless it names one itself
  decoded.obj.metadata.resourceVersion ||= old.metadata.resourceVersion
  return update(r, d, decoded, old)
}

function deleteOptions(r: ResourceRequest): DeleteOptions {
  const body = (typeof r.req.body === 'object' && r.req.body !== null ? r.req.body : {}) as DeleteOptions
  const opts: DeleteOptions = { ...body }
  const q = r.url.query.get('gracePeriodSeconds')
  if (opts.gracePeriodSeconds === undefined && q !== null && q !== '' && !Number.isNaN(Number(q))) opts.gracePeriodSeconds = Number(q)
  return opts
}

export function handleDelete(r: ResourceRequest, d: RestDeps): ApiResponse {
  const { ctx } = d
  const s = r.reg.strategy
  const cur = r.reg.get(r.info.namespace, r.info.name)
  if (isStatus(cur)) return respondStatus(cur)
  const denied = d.admission.admit(attrs(r, 'DELETE', r.info.name, undefined, cur)) ?? d.admission.validate(attrs(r, 'DELETE', r.info.name, undefined, cur))
  if (denied) return respondStatus(denied)
  const opts = deleteOptions(r)
  if (isDryRun(r) || opts.dryRun?.includes('All')) {
    const failed = checkPreconditions(s, cur, opts)
    return failed ? respondStatus(failed) : respond(200, r.reg.deletedBody(cur))
  }
  let out: DeleteResult | Status
  if (isRegistryOf(r.reg, 'pods')) out = deletePod(r.reg, ctx, r.info.namespace, r.info.name, opts)
  else if (isRegistryOf(r.reg, 'namespaces')) out = deleteNamespace(r.reg, ctx, r.info.name, opts)
  else {
    const failed = checkPreconditions(s, cur, opts)
    const gone = failed ?? r.reg.deleteNow(r.info.namespace, r.info.name)
    out = isStatus(gone) ? gone : { body: gone.body, deleted: true, object: gone.object }
  }
  return isStatus(out) ? respondStatus(out) : respond(200, out.body)
}

export function handleResourceVerb(r: ResourceRequest, d: RestDeps): ApiResponse {
  const hasName = r.info.name !== '' && r.info.verb !== 'list' && r.info.verb !== 'watch'
  switch (r.info.verb) {
    case 'list': case 'watch': return handleList(r, d)
    case 'get': return handleGet(r)
    case 'create': return hasName ? respondStatus(newMethodNotSupported(r.reg.strategy.resource, 'create')) : handleCreate(r, d)
    case 'update': return handleUpdate(r, d)
    case 'patch': return handlePatch(r, d)
    case 'delete': return handleDelete(r, d)
    case 'deletecollection': return respondStatus(newMethodNotSupported(r.reg.strategy.resource, 'deletecollection'))
    default: return respondStatus(newPathNotFound())
  }
}
