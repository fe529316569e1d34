// Imitates: k8s.io/client-go/tools/clientcmd (kubeconfig loading, overrides) and rest.Config / RESTClient.

import { parse as parseYaml } from 'yaml'
import type { ApiRequest, ApiResponse, ClientCertificate } from '../../cluster/apiserver/types'
import { CLUSTER_CA_PEM } from '../../cluster/pki/fixed'
import type { CommandContext } from '../types'
import { KubectlError, StatusError, isStatus } from './errors'
import { parseCertificate, pemToDer, signedBy } from './x509'

/** The lab's API server, as every kubeconfig and client reaches it. */
export const LAB_API_HOST = '10.0.1.10:6443'
export const CLIENT_GIT_VERSION = 'v1.35.0'
export const USER_AGENT = `kubectl/${CLIENT_GIT_VERSION} (linux/amd64) kubernetes/66452049`

/** What the global flags say (ConfigFlags). Unset flags are undefined. */
export interface GlobalOptions {
  namespace?: string
  kubeconfig?: string
  context?: string
  server?: string
  token?: string
  certificateAuthority?: string
  insecureSkipTlsVerify?: boolean
  as?: string
  asGroups: string[]
}

/** rest.Config plus the namespace kubectl works in. */
export interface ClientConfig {
  /** `host:port`, or undefined when nothing configures a server (kubectl falls back to localhost:8080). */
  host?: string
  scheme: string
  namespace: string
  /** Whether -n/--namespace was given (EnforceNamespace). */
  enforceNamespace: boolean
  token?: string
  clientCert?: ClientCertificate
  impersonateUser?: string
  impersonateGroups: string[]
}

type Named<T> = { name?: string } & T
interface KubeconfigFile {
  'current-context'?: string
  clusters?: Named<{ cluster?: Record<string, unknown> }>[]
  users?: Named<{ user?: Record<string, unknown> }>[]
  contexts?: Named<{ context?: Record<string, string> }>[]
}

function readKubeconfig(ctx: CommandContext, opts: GlobalOptions): KubeconfigFile {
  const explicit = opts.kubeconfig ?? ctx.env.get('KUBECONFIG')?.split(':').find((p) => p !== '')
  const path = ctx.fs.resolve(explicit ?? '~/.kube/config')
  if (path === '/dev/null') return {}
  const text = ctx.fs.readFile(path)
  if (text === undefined) {
    if (opts.kubeconfig !== undefined) throw new KubectlError(`error: stat ${opts.kubeconfig}: no such file or directory`)
    return {}
  }
  try {
    const doc = parseYaml(text) as unknown
    return doc && typeof doc === 'object' ? (doc as KubeconfigFile) : {}
  } catch (e) {
    throw new KubectlError(`error: error loading config file "${path}": ${(e as Error).message.split('\n')[0]}`)
  }
}

function decodeB64(s: unknown): string | undefined {
  if (typeof s !== 'string') return undefined
  try {
    return atob(s.replace(/\s+/g, ''))
  } catch {
    return undefined
  }
}

/**
 * The client certificate kubectl presents: CN and O read from the embedded (or referenced) certificate,
 * signedByClusterCA checked against the lab's cluster CA with WebCrypto.
 */
async function clientCertificate(ctx: CommandContext, user: Record<string, unknown>): Promise<ClientCertificate | undefined> {
  let pem = decodeB64(user['client-certificate-data'])
  if (pem === undefined && typeof user['client-certificate'] === 'string') pem = ctx.fs.readFile(ctx.fs.resolve(user['client-certificate']))
  if (pem === undefined) return undefined
  const der = pemToDer(pem)
  const cert = der && parseCertificate(der)
  if (!cert) return undefined
  return { commonName: cert.subjectCN, organizations: cert.subjectO, signedByClusterCA: await signedBy(cert, CLUSTER_CA_PEM) }
}

export async function loadClientConfig(ctx: CommandContext, opts: GlobalOptions): Promise<ClientConfig> {
  const kc = readKubeconfig(ctx, opts)
  const contextName = opts.context ?? kc['current-context']
  const context = kc.contexts?.find((c) => c.name === contextName)?.context ?? {}
  if (opts.context !== undefined && !kc.contexts?.some((c) => c.name === opts.context)) {
    throw new KubectlError(`error: context was not found for specified context: ${opts.context}`)
  }
  const cluster = kc.clusters?.find((c) => c.name === context.cluster)?.cluster ?? {}
  const user = kc.users?.find((u) => u.name === context.user)?.user ?? {}
  const serverUrl = opts.server ?? (typeof cluster.server === 'string' ? cluster.server : undefined)
  let host: string | undefined
  let scheme = 'https'
  if (serverUrl) {
    const m = /^(?:([a-z]+):\/\/)?([^/]+)/i.exec(serverUrl)
    scheme = m?.[1]?.toLowerCase() ?? 'https'
    host = m?.[2]
  }
  const token = opts.token ?? (typeof user.token === 'string' ? user.token : undefined)
  const impersonateUser = opts.as ?? (typeof user.as === 'string' ? user.as : undefined)
  return {
    host,
    scheme,
    namespace: opts.namespace ?? context.namespace ?? 'default',
    enforceNamespace: opts.namespace !== undefined,
    token,
    clientCert: await clientCertificate(ctx, user),
    impersonateUser,
    impersonateGroups: opts.asGroups,
  }
}

/** The connection-refused output of kubectl with no server: klog lines from discovery, then the message. */
export function connectionRefused(ctx: CommandContext, discoveryAttempts: number, host = 'localhost:8080'): KubectlError {
  const lines: string[] = []
  const d = new Date(ctx.lab.now())
  const p2 = (n: number) => String(n).padStart(2, '0')
  for (let i = 0; i < discoveryAttempts; i++) {
    const us = (d.getUTCMilliseconds() * 1000 + 281777 + i * 1547) % 1_000_000
    const stamp = `E${p2(d.getUTCMonth() + 1)}${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${String(us).padStart(6, '0')}`
    lines.push(
      `${stamp}    4242 memcache.go:265] "Unhandled Error" err="couldn't get current server API group list: Get \\"http://${host}/api?timeout=32s\\": dial tcp 127.0.0.1:8080: connect: connection refused"`,
    )
  }
  lines.push(`The connection to the server ${host} was refused - did you specify the right host or port?`)
  return new KubectlError(lines.join('\n'))
}

/** A REST client bound to one ClientConfig. Every kubectl request goes through `ctx.lab.api`. */
export class RestClient {
  constructor(
    private readonly ctx: CommandContext,
    readonly config: ClientConfig,
    /** How many discovery attempts a real kubectl makes before it gives up on a missing server (klog lines). */
    private readonly discoveryAttempts = 0,
  ) {}

  private checkServer(): void {
    if (!this.config.host) throw connectionRefused(this.ctx, this.discoveryAttempts)
    if (this.config.host !== LAB_API_HOST) {
      throw new KubectlError(`Unable to connect to the server: dial tcp ${this.config.host}: i/o timeout`)
    }
  }

  /** Sends a request; returns the response as it came (Status bodies included). */
  async raw(method: ApiRequest['method'], path: string, body?: unknown): Promise<ApiResponse> {
    this.checkServer()
    const headers: Record<string, string> = {
      accept: 'application/json',
      'user-agent': USER_AGENT,
    }
    if (body !== undefined) headers['content-type'] = 'application/json'
    if (this.config.token) headers.authorization = `Bearer ${this.config.token}`
    if (this.config.impersonateUser) headers['impersonate-user'] = this.config.impersonateUser
    if (this.config.impersonateGroups.length) headers['impersonate-group'] = this.config.impersonateGroups.join(',')
    const req: ApiRequest = { method, path, headers }
    if (body !== undefined) req.body = body
    if (this.config.clientCert) req.clientCert = this.config.clientCert
    return this.ctx.lab.api(req)
  }

  /** Sends a request; a Status failure body becomes a StatusError. */
  async request<T = unknown>(method: ApiRequest['method'], path: string, body?: unknown): Promise<T> {
    const res = await this.raw(method, path, body)
    if (res.status >= 400 || (isStatus(res.body) && res.body.status === 'Failure')) {
      if (isStatus(res.body)) throw new StatusError(res.body)
      throw new StatusError({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'the server could not find the requested resource',
        reason: res.status === 404 ? 'NotFound' : undefined,
        code: res.status,
      })
    }
    return res.body as T
  }

  /** GET that returns undefined on 404 (used while waiting for deletion). */
  async getOrUndefined<T = unknown>(path: string): Promise<T | undefined> {
    try {
      return await this.request<T>('GET', path)
    } catch (e) {
      if (e instanceof StatusError && e.code === 404) return undefined
      throw e
    }
  }
}
