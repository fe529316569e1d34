// The API server's request path, in upstream order: request info -> authentication -> audit ->
// impersonation -> authorization -> routing (admission and registry happen in the handlers);
// every request, refused or not, ends in the audit record and a `request` fact.
// Imitates: k8s.io/apiserver/pkg/server/config.go (DefaultBuildHandlerChain) and endpoints/installer.go

import { withServerHeaders } from './responseHeaders'
import { Random } from '../random'
import { newUnauthorized } from '../../common/apiErrors'
import { AuditLog, type AuditEntry } from '../audit/audit'
import type { ClusterContext } from '../context'
import { AdmissionChain, type AdmissionPlugin } from './admission/interfaces'
import { defaultAdmissionPlugins } from './admission/plugins'
import { newAuthnContext, type AuthnContext, type AuthResult, type TokenAuthenticator } from './authentication/authenticator'
import { newAuthenticationFilter, newRequestAuthenticator } from './authentication/filter'
import { serviceAccountAuthenticators } from './authentication/serviceaccount'
import type { VerifyingKey } from './authentication/serviceaccount/keys'
import { attributesFrom, unionAuthorizer, type Authorizer } from './authorization/authorizer'
import { forbidden } from './authorization/forbidden'
import { nodeAuthorizer } from './authorization/nodeAuthorizer'
import { privilegedGroupsAuthorizer } from './authorization/privilegedgroups'
import { rbacAuthorizer } from './authorization/rbac'
import { auditUser, finishAudit, issuedCredentialAnnotation, startAudit } from './auditing'
import type { SubresourceDeps } from './handlers/subresources'
import { respondStatus } from './handlers/response'
import { impersonate } from './impersonation/impersonation'
import { newRegistries } from './registry/registries'
import type { RegistryStore } from './registry/store'
import { newRequestInfo, parseURL, type RequestInfo } from './requestinfo'
import { routeNonResource, routeResource, type RouteDeps } from './routes'
import type { ApiRequest, ApiResponse, UserInfo } from './types'

export interface APIServerOptions {
  ctx: ClusterContext
  exec: SubresourceDeps['exec']
  tokenRequest: SubresourceDeps['tokenRequest']
  containerLog?: SubresourceDeps['containerLog']
  attach?: SubresourceDeps['attach']
  admissionPlugins?: AdmissionPlugin[]
  /** The service-account signer's public key(s): they verify tokens and make the JWKS. None: no SA authentication. */
  verifyingKeys?: () => VerifyingKey[]
  /** Where the audit record goes (the cluster keeps it in its state). */
  audit?: AuditLog
  /** Called with each request before it is served: what the lab computes on demand (the node leases' renewals) is brought up to now. */
  beforeServe?: (info: RequestInfo) => void
}

/** Whom a stream's reads are routed as: the stream was authorized when it was opened. */
const STREAM_READER: UserInfo = { username: 'system:apiserver', groups: ['system:masters'] }

export class APIServer {
  /** Bearer-token authenticators, tried in order (legacy, then bound service-account tokens). */
  readonly tokenAuthenticators: TokenAuthenticator[] = []
  /** Authorizers, asked in order; the first Allow or Deny decides. */
  readonly authorizers: Authorizer[]
  readonly admission: AdmissionChain
  readonly registries: Record<string, RegistryStore>
  readonly audit: AuditLog
  private authenticate = newAuthenticationFilter(this.tokenAuthenticators)
  private requestAuthenticator = newRequestAuthenticator(this.tokenAuthenticators)
  private authorizer: Authorizer
  private lastRV: string

  constructor(private opts: APIServerOptions) {
    const { ctx } = opts
    this.admission = new AdmissionChain(opts.admissionPlugins ?? defaultAdmissionPlugins(), ctx)
    this.registries = newRegistries(ctx)
    this.audit = opts.audit ?? new AuditLog()
    // --authorization-mode=Node,RBAC (kubeadm), behind the system:masters short cut
    this.authorizers = [privilegedGroupsAuthorizer(), nodeAuthorizer(ctx.store), rbacAuthorizer(ctx.store)]
    this.authorizer = unionAuthorizer(this.authorizers)
    if (opts.verifyingKeys) {
      this.tokenAuthenticators.push(...serviceAccountAuthenticators({
        store: ctx.store, issuer: ctx.config.issuer, apiAudiences: ctx.config.apiAudiences,
        keys: opts.verifyingKeys, now: () => ctx.clock.now(),
      }))
    }
    this.lastRV = String(ctx.store.snapshot().resourceVersion)
    ctx.store.watch((e) => { this.lastRV = e.object.metadata.resourceVersion })
  }

  async handle(req: ApiRequest): Promise<ApiResponse> {
    const url = parseURL(req.path)
    const info = newRequestInfo(req.method, url)
    this.opts.beforeServe?.(info)
    const entry = startAudit(req.materialised?.at ?? this.opts.ctx.clock.now(), req, info)
    // what an open stream carries: answered, not recorded (its entry is dropped)
    if (req.onStream) return this.route(info, url, req, STREAM_READER, entry)
    const actx = newAuthnContext()
    const authn = await this.authenticate(req, actx)
    if (actx.token) entry.token = actx.token
    if (!authn.ok) {
      entry.authentication = { decision: 'deny', reason: authn.reason }
      return this.finish(entry, req, respondStatus(newUnauthorized()), actx, undefined, authn.reason, undefined)
    }
    entry.authentication = { decision: 'allow', authenticator: authn.authenticator }
    entry.user = auditUser(authn.user)

    let user = authn.user
    const imp = impersonate(req.headers, user, this.authorizer)
    if ('status' in imp) {
      if (imp.status.code === 403) entry.authorization = { decision: 'forbid', reason: imp.reason }
      return this.finish(entry, req, respondStatus(imp.status), actx, authn.user, undefined, undefined)
    }
    if (imp.impersonated) {
      user = imp.user
      entry.impersonatedUser = auditUser(user)
    }

    const attrs = attributesFrom(user, info)
    const decision = this.authorizer.authorize(attrs)
    const allowed = decision.decision === 'Allow'
    entry.authorization = { decision: allowed ? 'allow' : 'forbid', reason: decision.reason }
    if (allowed && decision.authorizer === 'Node') entry.authorization.authorizer = 'Node'
    const res = allowed
      ? await this.route(info, url, req, user, entry)
      : respondStatus(forbidden(attrs, decision.reason))
    return this.finish(entry, req, res, actx, authn.user, undefined, user)
  }

  private requests = 0
  /** While a lesson sets the lab up (LessonHost.open): the requests are marked so (AuditEntry.lessonSetup). */
  private lessonSetup = false

  /** Runs `setup`, marking the requests made meanwhile as a lesson's set-up. */
  async asLessonSetup<T>(setup: () => Promise<T>): Promise<T> {
    this.lessonSetup = true
    try {
      return await setup()
    } finally {
      this.lessonSetup = false
    }
  }

  /** `flowUser`: the user API Priority and Fairness classified (unset when the request ended before it). */
  private finish(entry: AuditEntry, req: ApiRequest, res: ApiResponse, actx: AuthnContext, user: UserInfo | undefined, reason: string | undefined, flowUser: UserInfo | undefined): ApiResponse {
    // a random audit ID in reality; here derived from the lab's state without advancing its generator
    const auditId = Random.fromSeed(`audit-id/${++this.requests}/${entry.at}/${JSON.stringify(this.opts.ctx.random.state())}`).uuid()
    res = { ...res, headers: withServerHeaders(res.headers, auditId, flowUser, parseURL(req.path).path) }
    const issued = issuedCredentialAnnotation(entry, res)
    const annotations = { ...actx.annotations, ...issued }
    if (entry.authorization) {
      annotations['authorization.k8s.io/decision'] = entry.authorization.decision
      annotations['authorization.k8s.io/reason'] = entry.authorization.reason
    }
    finishAudit(entry, res, annotations)
    if (this.lessonSetup) entry.lessonSetup = true
    this.audit.add(entry)
    const why = reason ?? entry.responseStatus?.message
    const jti = actx.token?.jti
    this.opts.ctx.record({
      at: entry.at, type: 'request', method: req.method, path: req.path, code: res.status,
      ...(user ? { user: user.username } : {}), ...(jti ? { jti } : {}), ...(why ? { reason: why } : {}),
    })
    return res
  }

  /**
   * Would the API server accept this bearer token now, and as whom? The authenticators answer
   * as for a request, but nothing is recorded or changed (for the lab's token inspector).
   */
  async reviewToken(token: string): Promise<{ result: AuthResult; annotations: Record<string, string> }> {
    const ctx = { ...newAuthnContext(), dryRun: true }
    const result = await this.requestAuthenticator.authenticateRequest({ method: 'GET', path: '/', headers: { authorization: `Bearer ${token}` } }, ctx)
    return { result, annotations: ctx.annotations }
  }

  private route(info: ReturnType<typeof newRequestInfo>, url: ReturnType<typeof parseURL>, req: ApiRequest, user: UserInfo, entry: AuditEntry): Promise<ApiResponse> | ApiResponse {
    const admission = this.admission.observed((o) => {
      if (o.denied) entry.admission = { decision: 'deny', reason: `${o.denied.plugin}: ${o.denied.status.message ?? ''}` }
      else entry.admission ??= { decision: 'allow' }
    })
    const deps: RouteDeps = {
      ctx: this.opts.ctx, registries: this.registries, admission, authorizer: this.authorizer,
      resourceVersion: () => this.lastRV,
      verifyingKeys: () => this.opts.verifyingKeys?.() ?? [],
      exec: this.opts.exec, tokenRequest: this.opts.tokenRequest, containerLog: this.opts.containerLog, attach: this.opts.attach,
      tokenReview: {
        apiAudiences: this.opts.ctx.config.apiAudiences,
        authenticate: (token, audiences) =>
          Promise.resolve(this.requestAuthenticator.authenticateRequest({ method: 'POST', path: '/', headers: { authorization: `Bearer ${token}` } }, newAuthnContext(audiences))),
      },
    }
    if (!info.isResourceRequest) return routeNonResource(info.path, req.method, deps, url.query)
    return routeResource(info, url, req, user, deps)
  }
}
