// /openapi/v3 (the discovery of group-version documents, each with a hash in its URL) and
// /openapi/v3/<group-version> (one document), for the group-versions the lab serves.
// Imitates: k8s.io/kube-openapi/pkg/handler3/handler.go (HandleDiscovery, HandleGroupVersion)

import { Random } from '../../random'
import type { ApiResponse } from '../types'
import { OPENAPI_V3 } from './schemas'
import type { OpenApiV3Document } from './types'

const HEADERS = { 'content-type': 'application/json', 'cache-control': 'no-cache, private' }

/** Stand-in for the real upper-case hex SHA-512 of the document: stable for the same path. */
const hashOf = (gv: string) => Random.fromSeed(`openapi:${gv}`).hex(128).toUpperCase()

export function openApiDocument(gv: string): OpenApiV3Document | undefined {
  const d = OPENAPI_V3[gv]
  if (!d) return undefined
  const paths: OpenApiV3Document['paths'] = {}
  for (const [p, gvk] of Object.entries(d.paths)) paths[p] = { get: { 'x-kubernetes-group-version-kind': gvk } }
  return { openapi: '3.0.0', info: { title: 'Kubernetes', version: 'unversioned' }, paths, components: { schemas: d.schemas } }
}

/** Undefined when the path is not under /openapi/v3 or names no document the lab has. */
export function respondOpenApiV3(path: string): ApiResponse | undefined {
  if (path === '/openapi/v3') {
    const paths = Object.fromEntries(Object.keys(OPENAPI_V3).map((gv) => [gv, { serverRelativeURL: `/openapi/v3/${gv}?hash=${hashOf(gv)}` }]))
    return { status: 200, headers: { ...HEADERS }, body: { paths } }
  }
  const m = /^\/openapi\/v3\/(.+)$/.exec(path)
  const doc = m ? openApiDocument(m[1]) : undefined
  return doc ? { status: 200, headers: { ...HEADERS, etag: `"${hashOf(m![1])}"` }, body: doc } : undefined
}
