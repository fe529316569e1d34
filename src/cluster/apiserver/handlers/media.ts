// The Content-Type a request body may have: the serializers for create and update, the patch
// types for PATCH; anything else is 415 UnsupportedMediaType.
// Imitates: k8s.io/apiserver/pkg/endpoints/handlers/negotiation/errors.go (errUnsupportedMediaType)
// and handlers/patch.go (the patch types the server accepts)

import { newFailure } from '../../../common/apiErrors'
import type { ApiRequest, Status } from '../types'

const SERIALIZERS = ['application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf', 'application/cbor']
/** sets.List order (sorted), as patch.go lists them. */
const PATCH_TYPES = ['application/apply-patch+yaml', 'application/json-patch+json', 'application/merge-patch+json', 'application/strategic-merge-patch+json']

export function unsupportedMediaType(req: ApiRequest): Status | undefined {
  if (req.method !== 'POST' && req.method !== 'PUT' && req.method !== 'PATCH') return undefined
  const raw = req.headers['content-type']
  // a body without a Content-Type is read as JSON (the lab's own clients)
  if (raw === undefined || raw === '') return undefined
  const ct = raw.split(';')[0].trim().toLowerCase()
  const accepted = req.method === 'PATCH' ? PATCH_TYPES : SERIALIZERS
  if (accepted.includes(ct)) return undefined
  const message = `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`
  return newFailure(415, 'UnsupportedMediaType', message)
}
