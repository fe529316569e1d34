// The API server's request path, in upstream order: request info -> authentication -> authorization
// -> routing to discovery or the resource handlers (admission and registry happen there).
// Imitates: k8s.io/apiserver/pkg/server/config.go (DefaultBuildHandlerChain) and endpoints/installer.go

import { isStatus, newPathNotFound, newUnauthorized } from '../api/errors'
import type { ClusterContext } from '../context'
import { AdmissionChain, type AdmissionPlugin } from './admission/interfaces'
import { defaultAdmissionPlugins } from './admission/plugins'
import type { TokenAuthenticator } from './authentication/authenticator'
import { newAuthenticationFilter } from './authentication/filter'
import { attributesFrom, unionAuthorizer, type Authorizer } from './authorization/authorizer'
import { forbidden } from './authorization/forbidden'
import { privilegedGroupsAuthorizer } from './authorization/privilegedgroups'
import { apiGroupList, apiVersions, coreResourceList, versionInfo } from './handlers/discovery'
import { respond, respondStatus } from './handlers/response'
import { handleResourceVerb, type ResourceRequest, type RestDeps } from './handlers/rest'
import { handleExec, handleToken, type SubresourceDeps } from './handlers/subresources'
import { newRegistries } from './registry/registries'
import type { RegistryStore } from './registry/store'
import { newRequestInfo, parseURL, type RequestInfo } from './requestinfo'
import type { ApiRequest, ApiResponse, Status, UserInfo } from './types'

export interface APIServerOptions {
  ctx: ClusterContext
  exec: SubresourceDeps['exec']
  tokenRequest: SubresourceDeps['tokenRequest']
  admissionPlugins?: AdmissionPlugin[]
}

export class APIServer {
  /** Bearer-token authenticators, tried in order (the service-account authenticator joins here). */
  readonly tokenAuthenticators: TokenAuthenticator[] = []
  /** Authorizers, asked in order; the first Allow or Deny decides (RBAC joins after PrivilegedGroups). */
  readonly authorizers: Authorizer[] = [privilegedGroupsAuthorizer()]
  readonly admission: AdmissionChain
  readonly registries: Record<string, RegistryStore>
  private authenticate = newAuthenticationFilter(this.tokenAuthenticators)
  private lastRV: string

  constructor(private opts: APIServerOptions) {
    const { ctx } = opts
    this.admission = new AdmissionChain(opts.admissionPlugins ?? defaultAdmissionPlugins(), ctx)
    this.registries = newRegistries(ctx)
    this.lastRV = String(ctx.store.snapshot().resourceVersion)
    ctx.store.watch((e) => { this.lastRV = e.object.metadata.resourceVersion })
  }

  async handle(req: ApiRequest): Promise<ApiResponse> {
    const url = parseURL(req.path)
    const info = newRequestInfo(req.method, url)
    let user: UserInfo | undefined
    let jti: string | undefined
    let res: ApiResponse
    const authn = await this.authenticate(req)
    if (!authn.ok) {
      jti = authn.jti
      res = respondStatus(newUnauthorized())
      this.recordRequest(req, res, undefined, jti, authn.reason)
      return res
    }
    user = authn.user
    jti = authn.jti
    const attrs = attributesFrom(user, info)
    const decision = unionAuthorizer(this.authorizers).authorize(attrs)
    if (decision.decision !== 'Allow') {
      res = respondStatus(forbidden(attrs, decision.reason))
    } else {
      res = await this.route(info, url, req, user)
    }
    this.recordRequest(req, res, user, jti)
    return res
  }

  private recordRequest(req: ApiRequest, res: ApiResponse, user: UserInfo | undefined, jti?: string, reason?: string) {
    const body = res.body as Status | undefined
    const why = reason ?? (res.status >= 400 && isStatus(body) ? body.message : undefined)
    this.opts.ctx.record({
      at: this.opts.ctx.clock.now(), type: 'request', method: req.method, path: req.path, code: res.status,
      ...(user ? { user: user.username } : {}), ...(jti ? { jti } : {}), ...(why ? { reason: why } : {}),
    })
  }

  private async route(info: RequestInfo, url: ReturnType<typeof parseURL>, req: ApiRequest, user: UserInfo): Promise<ApiResponse> {
    const { ctx } = this.opts
    if (!info.isResourceRequest) {
      if (req.method !== 'GET') return respondStatus(newPathNotFound())
      switch (url.path.replace(/\/+$/, '') || '/') {
        case '/api': return respond(200, apiVersions(ctx.config))
        case '/api/v1': return respond(200, coreResourceList())
        case '/apis': return respond(200, apiGroupList())
        case '/version': return respond(200, versionInfo(ctx.config))
        default: return respondStatus(newPathNotFound())
      }
    }
    const reg = info.apiPrefix === 'api' && info.apiVersion === 'v1' ? this.registries[info.resource] : undefined
    if (!reg) return respondStatus(newPathNotFound())
    const s = reg.strategy
    const isNamespaces = s.resource.resource === 'namespaces'
    // item paths of namespaced resources need a namespace; cluster-scoped ones live outside namespaces
    if (s.namespaced && !info.namespace && (info.name || info.verb === 'create')) return respondStatus(newPathNotFound())
    if (!s.namespaced && !isNamespaces && info.namespace) return respondStatus(newPathNotFound())
    if (info.parts.length > 3) return respondStatus(newPathNotFound())
    const r: ResourceRequest = { info, url, req, user, reg }
    if (info.subresource) {
      if (info.resource === 'pods' && info.subresource === 'exec') return handleExec(r, this.subDeps())
      if (info.resource === 'serviceaccounts' && info.subresource === 'token') return handleToken(r, this.subDeps())
      return respondStatus(newPathNotFound())
    }
    return handleResourceVerb(r, this.restDeps())
  }

  private restDeps(): RestDeps {
    return { ctx: this.opts.ctx, registries: this.registries, admission: this.admission, resourceVersion: () => this.lastRV }
  }

  private subDeps(): SubresourceDeps {
    return { admission: this.admission, exec: this.opts.exec, tokenRequest: this.opts.tokenRequest }
  }
}
