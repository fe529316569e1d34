// How the API server writes a response body for a client: JSON in the server's own key order,
// indented for curl, Wget and browsers (or ?pretty=true), compact otherwise.
// Imitates: k8s.io/apiserver/pkg/endpoints/handlers/negotiation/negotiate.go (isPrettyPrint).

import type { ApiRequest, ApiResponse } from '../../cluster/apiserver/types'
import { toServerJson } from '../kubectl/printers/json'

export function isPrettyPrint(req: ApiRequest): boolean {
  const q = req.path.includes('?') ? new URLSearchParams(req.path.slice(req.path.indexOf('?') + 1)) : undefined
  const pretty = q?.get('pretty')
  if (pretty !== undefined && pretty !== null) return pretty === 'true' || pretty === '1'
  const ua = req.headers['user-agent'] ?? ''
  return /^(curl|Wget|Mozilla\/5\.0)/.test(ua)
}

/** The body text as the server sends it; pre-rendered bodies (strings, e.g. the JWKS) go out as they are. */
export function renderResponseBody(res: ApiResponse, req: ApiRequest): string {
  if (typeof res.body === 'string') return res.body
  if (res.body === undefined || res.body === null) return ''
  return toServerJson(res.body, isPrettyPrint(req))
}
