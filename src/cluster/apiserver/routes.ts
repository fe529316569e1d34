// Routing past authorization: non-resource paths (discovery, /version, health, OIDC discovery),
// the core and RBAC resources, and the create-only review APIs of the authentication and
// authorization groups.
// Imitates: k8s.io/apiserver/pkg/endpoints/installer.go and pkg/controlplane (the groups installed)

import { newPathNotFound } from '../../common/apiErrors'
import { apiGroup, AUTHENTICATION_GROUP, AUTHORIZATION_GROUP } from '../api/groups'
import type { ClusterContext } from '../context'
import { rulesFor } from '../rbac/rulesfor'
import { storeRbacSource } from '../rbac/store'
import type { AdmissionChain } from './admission/interfaces'
import type { Authorizer } from './authorization/authorizer'
import type { VerifyingKey } from './authentication/serviceaccount/keys'
import { handleSelfSubjectAccessReview, handleSelfSubjectRulesReview, handleSubjectAccessReview } from './handlers/accessreviews'
import { apiGroupDocument, apiGroupList, apiVersions, coreResourceList, groupResourceList, versionInfo } from './handlers/discovery'
import { respondHealthPath } from './handlers/health'
import { unsupportedMediaType } from './handlers/media'
import { JWKS_PATH, OPENID_CONFIG_PATH, respondJWKS, respondOpenIDConfiguration } from './handlers/oidc'
import { respond, respondStatus } from './handlers/response'
import { handleResourceVerb, type ResourceRequest } from './handlers/rest'
import { handleSelfSubjectReview, handleTokenReview, type TokenReviewDeps } from './handlers/reviews'
import { handlePodLog } from './handlers/podLog'
import { handlePodStatus } from './handlers/status'
import { handlePodBinding } from './handlers/binding'
import { handleAttach, handleExec, handleToken, type SubresourceDeps } from './handlers/subresources'
import { handleNamespaceSubresource } from './registry/namespace/subresources'
import { ENDPOINTS_DEPRECATION_WARNING } from './registry/service/strategy'
import type { RegistryStore } from './registry/store'
import type { ParsedURL, RequestInfo } from './requestinfo'
import type { ApiRequest, ApiResponse, UserInfo } from './types'

export interface RouteDeps {
  ctx: ClusterContext
  registries: Record<string, RegistryStore>
  admission: AdmissionChain
  authorizer: Authorizer
  resourceVersion(): string
  verifyingKeys(): VerifyingKey[]
  tokenReview: TokenReviewDeps
  exec: SubresourceDeps['exec']
  tokenRequest: SubresourceDeps['tokenRequest']
  containerLog?: SubresourceDeps['containerLog']
  attach?: SubresourceDeps['attach']
}

const methodNotAllowed = (): ApiResponse => ({ status: 405, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: '405: Method Not Allowed' })

/**
 * /openapi/v3 and its documents. Their schemas are a quarter of the lab's code, wanted only by
 * `kubectl explain`: they load on the first such request, not with the lab.
 */
async function routeOpenApi(p: string): Promise<ApiResponse> {
  const { respondOpenApiV3 } = await import('./openapi/serve')
  return respondOpenApiV3(p) ?? respondStatus(newPathNotFound())
}

export function routeNonResource(path: string, method: string, d: RouteDeps, query = new URLSearchParams()): ApiResponse | Promise<ApiResponse> {
  if (method !== 'GET') return respondStatus(newPathNotFound())
  const p = path.replace(/\/+$/, '') || '/'
  const { config } = d.ctx
  if (p === '/api') return respond(200, apiVersions(config))
  if (p === '/api/v1') return respond(200, coreResourceList())
  if (p === '/apis') return respond(200, apiGroupList())
  // WriteRawJSON: json.MarshalIndent with two spaces, no newline after it (pkg/server/routes/version.go)
  if (p === '/version') return { ...respond(200, null), body: JSON.stringify(versionInfo(config), null, 2) }
  if (p === '/openapi/v3' || p.startsWith('/openapi/v3/')) return routeOpenApi(p)
  const health = respondHealthPath(p, query)
  if (health) return health
  if (p === OPENID_CONFIG_PATH) return respondOpenIDConfiguration(config.issuer, config.apiServerURL, d.verifyingKeys())
  if (p === JWKS_PATH) return respondJWKS(d.verifyingKeys())
  const m = /^\/apis\/([^/]+)(?:\/([^/]+))?$/.exec(p)
  const g = m ? apiGroup(m[1]) : undefined
  if (g && !m![2]) return respond(200, apiGroupDocument(g))
  if (g && m![2] === g.version) return respond(200, groupResourceList(g))
  return respondStatus(newPathNotFound())
}

/**
 * Whether the path names an object (or its subresource). A list's or a watch's `info.name` may come
 * from a fieldSelector on metadata.name instead (requestinfo.ts): that names the object for
 * authorization only, and the request still lists the collection, across all namespaces when it
 * names none (registry/store.go ListPredicate skips its single-object lookup then).
 */
const isItemPath = (info: RequestInfo): boolean => info.parts.length > 1

/** The review APIs: create-only, never stored. */
async function routeReview(info: RequestInfo, req: ApiRequest, user: UserInfo, d: RouteDeps): Promise<ApiResponse | undefined> {
  const key = `${info.apiGroup}/${info.resource}`
  const known = [
    `${AUTHENTICATION_GROUP}/tokenreviews`, `${AUTHENTICATION_GROUP}/selfsubjectreviews`,
    `${AUTHORIZATION_GROUP}/selfsubjectaccessreviews`, `${AUTHORIZATION_GROUP}/selfsubjectrulesreviews`,
    `${AUTHORIZATION_GROUP}/subjectaccessreviews`, `${AUTHORIZATION_GROUP}/localsubjectaccessreviews`,
  ]
  if (!known.includes(key)) return undefined
  if (isItemPath(info)) return respondStatus(newPathNotFound())
  if (info.verb !== 'create') return methodNotAllowed()
  const namespaced = info.resource === 'localsubjectaccessreviews'
  if (!namespaced && info.namespace && info.resource !== 'tokenreviews') return respondStatus(newPathNotFound())
  switch (info.resource) {
    case 'tokenreviews': return handleTokenReview(req.body, info.namespace, d.tokenReview)
    case 'selfsubjectreviews': return handleSelfSubjectReview(user)
    case 'selfsubjectaccessreviews': return handleSelfSubjectAccessReview(req.body, user, d.authorizer)
    case 'selfsubjectrulesreviews':
      return handleSelfSubjectRulesReview(req.body, (ns) => rulesFor(storeRbacSource(d.ctx.store), user, ns))
    case 'subjectaccessreviews': return handleSubjectAccessReview(req.body, d.authorizer)
    default:
      if (!info.namespace) return respondStatus(newPathNotFound())
      return handleSubjectAccessReview(req.body, d.authorizer, info.namespace)
  }
}

export async function routeResource(info: RequestInfo, url: ParsedURL, req: ApiRequest, user: UserInfo, d: RouteDeps): Promise<ApiResponse> {
  if (info.apiVersion !== 'v1') return respondStatus(newPathNotFound())
  const unsupported = info.subresource === 'exec' || info.subresource === 'attach' ? undefined : unsupportedMediaType(req)
  if (unsupported) return respondStatus(unsupported)
  if (info.apiPrefix === 'apis') {
    const review = await routeReview(info, req, user, d)
    if (review) return review
  }
  const key = info.apiPrefix === 'api' ? info.resource : `${info.resource}.${info.apiGroup}`
  const reg = Object.hasOwn(d.registries, key) ? d.registries[key] : undefined
  if (!reg || (info.apiPrefix === 'apis') !== (reg.strategy.resource.group !== '')) return respondStatus(newPathNotFound())
  const s = reg.strategy
  const isNamespaces = s.resource.resource === 'namespaces' && !s.resource.group
  // item paths of namespaced resources need a namespace; cluster-scoped ones live outside namespaces
  if (s.namespaced && !info.namespace && (isItemPath(info) || info.verb === 'create')) return respondStatus(newPathNotFound())
  if (!s.namespaced && !isNamespaces && info.namespace) return respondStatus(newPathNotFound())
  if (info.parts.length > 3) return respondStatus(newPathNotFound())
  const r: ResourceRequest = { info, url, req, user, reg }
  const sub: SubresourceDeps = { admission: d.admission, exec: d.exec, tokenRequest: d.tokenRequest, containerLog: d.containerLog, attach: d.attach }
  if (info.subresource) {
    if (key === 'pods' && info.subresource === 'exec') return handleExec(r, sub)
    if (key === 'pods' && info.subresource === 'attach') return handleAttach(r, sub)
    if (key === 'serviceaccounts' && info.subresource === 'token') return handleToken(r, sub)
    if (key === 'pods' && info.subresource === 'status') return handlePodStatus(r, d.admission, d.ctx.store)
    if (key === 'pods' && info.subresource === 'binding') return handlePodBinding(r, d.ctx)
    if (key === 'namespaces' && (info.subresource === 'status' || info.subresource === 'finalize')) return handleNamespaceSubresource(r, d.admission, d.ctx)
    if (key === 'pods' && info.subresource === 'log') return handlePodLog(r, sub, d.ctx.clock.now())
    return respondStatus(newPathNotFound())
  }
  const res = handleResourceVerb(r, { ctx: d.ctx, registries: d.registries, admission: d.admission, resourceVersion: d.resourceVersion })
  if (key === 'endpoints') res.headers.warning = res.headers.warning ? `${ENDPOINTS_DEPRECATION_WARNING}, ${res.headers.warning}` : ENDPOINTS_DEPRECATION_WARNING
  return res
}
