// What a request is about: verb, resource, namespace, name, or a non-resource path.
// Imitates: k8s.io/apiserver/pkg/endpoints/request/requestinfo.go (RequestInfoFactory.NewRequestInfo)

export interface RequestInfo {
  isResourceRequest: boolean
  /** The path without the query string. */
  path: string
  verb: string
  apiPrefix: string
  apiGroup: string
  apiVersion: string
  namespace: string
  resource: string
  subresource: string
  name: string
  parts: string[]
}

export interface ParsedURL { path: string; query: URLSearchParams }

export function parseURL(raw: string): ParsedURL {
  const i = raw.indexOf('?')
  const path = i < 0 ? raw : raw.slice(0, i)
  return { path: path || '/', query: new URLSearchParams(i < 0 ? '' : raw.slice(i + 1)) }
}

const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize'])

export function newRequestInfo(method: string, url: ParsedURL): RequestInfo {
  const info: RequestInfo = {
    isResourceRequest: false, path: url.path, verb: method.toLowerCase(),
    apiPrefix: '', apiGroup: '', apiVersion: '', namespace: '', resource: '', subresource: '', name: '', parts: [],
  }
  let parts = url.path.replace(/^\/+|\/+$/g, '').split('/').filter((p) => p !== '')
  if (parts.length < 2 || (parts[0] !== 'api' && parts[0] !== 'apis')) return info
  info.apiPrefix = parts[0]
  parts = parts.slice(1)
  if (info.apiPrefix === 'apis') {
    if (parts.length < 2) return info
    info.apiGroup = parts[0]
    parts = parts.slice(1)
  }
  info.apiVersion = parts[0]
  parts = parts.slice(1)
  if (parts.length === 0) return info // discovery document: not a resource request
  info.isResourceRequest = true

  switch (method) {
    case 'POST': info.verb = 'create'; break
    case 'GET': case 'HEAD': info.verb = 'get'; break
    case 'PUT': info.verb = 'update'; break
    case 'PATCH': info.verb = 'patch'; break
    case 'DELETE': info.verb = 'delete'; break
    default: info.verb = ''
  }

  if (parts[0] === 'namespaces') {
    if (parts.length > 1) {
      info.namespace = parts[1]
      if (parts.length > 2 && !NAMESPACE_SUBRESOURCES.has(parts[2])) parts = parts.slice(2)
    }
  }
  info.parts = parts
  if (parts.length >= 3) info.subresource = parts[2]
  if (parts.length >= 2) info.name = parts[1]
  if (parts.length >= 1) info.resource = parts[0]

  // a GET of a collection is a list (or a watch)
  if (!info.name && info.verb === 'get') {
    const watch = url.query.get('watch')
    info.verb = watch === 'true' || watch === '1' ? 'watch' : 'list'
  }
  if (!info.name && info.verb === 'delete') info.verb = 'deletecollection'
  // a fieldSelector on metadata.name names the object (kubectl wait, kubectl get --watch NAME)
  if ((info.verb === 'list' || info.verb === 'watch') && !info.name) {
    const fs = url.query.get('fieldSelector') ?? ''
    const m = /^metadata\.name==?([^,]+)$/.exec(fs)
    if (m) info.name = m[1]
  }
  return info
}
