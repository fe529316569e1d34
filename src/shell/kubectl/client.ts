// Imitates: k8s.io/client-go/tools/clientcmd (kubeconfig loading, overrides) and rest.Config / RESTClient.

import { parse as parseYaml } from 'yaml'
import type { ApiRequest, ApiResponse, ClientCertificate } from '../../cluster/apiserver/types'
import { CLUSTER_CA_PEM } from '../../cluster/pki/fixed'
import type { CommandContext } from '../types'
import { KubectlError, StatusError, isStatus } from './errors'
import { newGenericServerResponse } from '../../common/apiErrors'
import { LAB_API_HOST, TransportError, discoveryFailure, pemBlocks, transportFailure, type TransportConfig } from './transport'
import { parseCertificate, signedBy } from './x509'
import { decodeBase64Binary, encodeBase64Text } from '../../common/base64'
import { deepFreeze } from '../../common/freeze'
import { hexOf } from '../../common/bytes'
import { memo } from '../../common/memo'
import { Klog, httpDate, logRoundTrip } from './verbose'
import { WarningWriter } from './warnings'
import { caFileInForce, confirmUsable } from './kubeconfigCheck'
import { keyPairProblem, presentedCertificate } from './keyPair'
import { folderOf, resolvedEntry } from './kubeconfigPaths'

export { LAB_API_HOST }

export const CLIENT_GIT_VERSION = 'v1.35.0'
export const USER_AGENT = `kubectl/${CLIENT_GIT_VERSION} (linux/amd64) kubernetes/66452049`

/** What the global flags say (ConfigFlags). Unset flags are undefined. */
export interface GlobalOptions {
  namespace?: string
  kubeconfig?: string
  context?: string
  cluster?: string
  user?: string
  server?: string
  token?: string
  clientCertificate?: string
  clientKey?: string
  username?: string
  password?: string
  certificateAuthority?: string
  insecureSkipTlsVerify?: boolean
  as?: string
  asGroups: string[]
  asUid?: string
  /** -v: klog verbosity (request logging from 6 on). */
  verbosity?: number
  /**
   * Which client-go path reads the kubeconfig first: `namespace` (ToRawKubeConfigLoader().Namespace(), most verbs)
   * or `rest` (ToRESTConfig: auth whoami/can-i, create role/rolebinding/secret). Their errors for a missing
   * context or cluster differ.
   */
  loader?: 'namespace' | 'rest'
}

/** rest.Config plus the namespace kubectl works in. */
export interface ClientConfig extends TransportConfig {
  namespace: string
  /** Whether -n/--namespace was given (EnforceNamespace). */
  enforceNamespace: boolean
  token?: string
  /** Basic authentication (a user name or password set, and no token): sent, and ignored by a v1.35 API server. */
  basicAuth?: { username: string; password: string }
  clientCert?: ClientCertificate
  impersonateUser?: string
  impersonateGroups: string[]
  impersonateUid?: string
  verbosity: number
  /** The klog writer of this command (request logging at -v=6 and above). */
  klog?: Klog
}

type Named<T> = { name?: string } & T
export interface KubeconfigFile {
  'current-context'?: string
  clusters?: Named<{ cluster?: Record<string, unknown> }>[]
  users?: Named<{ user?: Record<string, unknown> }>[]
  contexts?: Named<{ context?: Record<string, string> }>[]
}

/** The kubeconfig kubectl loads (none: empty), and the file's path. */
function readKubeconfig(ctx: CommandContext, opts: GlobalOptions): { kc: KubeconfigFile; path: string } {
  const explicit = opts.kubeconfig ?? ctx.env.get('KUBECONFIG')?.split(':').find((p) => p !== '')
  const path = ctx.fs.resolve(explicit ?? '~/.kube/config')
  if (path === '/dev/null') return { kc: {}, path }
  const text = ctx.fs.readFile(path)
  if (text === undefined) {
    if (opts.kubeconfig !== undefined) throw new KubectlError(`error: stat ${opts.kubeconfig}: no such file or directory`)
    return { kc: {}, path }
  }
  try {
    return { kc: parseKubeconfigText(text), path }
  } catch (e) {
    throw new KubectlError(`error: error loading config file "${path}": ${(e as Error).message.split('\n')[0]}`)
  }
}

/**
 * The last kubeconfig parsed (the yaml parser takes over a millisecond on the certificate data, every
 * command), shared by the commands that read the same text: frozen, as every reader only reads it.
 */
let lastKubeconfig: { text: string; doc: KubeconfigFile } | undefined

/**
 * A kubeconfig whose parsed form is known already: the workstation's own, written from data
 * (workstation.ts). The first kubectl command of a lab then finds it here instead of running the
 * yaml parser for the first time (15 ms of its 21 in Node, more in a fresh page's worker).
 */
export function knownKubeconfig(text: string, doc: KubeconfigFile): void {
  lastKubeconfig = { text, doc: deepFreeze(doc) }
}

function parseKubeconfigText(text: string): KubeconfigFile {
  if (lastKubeconfig?.text === text) return lastKubeconfig.doc
  const parsed = parseYaml(text) as unknown
  const doc = parsed && typeof parsed === 'object' ? deepFreeze(parsed as KubeconfigFile) : {}
  lastKubeconfig = { text, doc }
  return doc
}

/** Certificate data already decoded (the CA's and the user's, every command). */
const decodeData = memo((s: string) => decodeBase64Binary(s.replace(/\s+/g, '')))
const decodeB64 = (s: unknown): string | undefined => (typeof s === 'string' ? decodeData(s) : undefined)

/**
 * The client certificate kubectl presents from this PEM text (the user's data, else its file): CN and O
 * read from it, signedByClusterCA checked against the lab's cluster CA with WebCrypto, its SHA-256 as
 * the credential ID the API server gives the user. Kept by the text: decoding and parsing one took
 * about a twelfth of a warm kubectl command.
 */
const certificateOf = memo((pem: string) => readCertificate(pem))
const clientCertificate = (pem: string | undefined): Promise<ClientCertificate | undefined> =>
  pem === undefined ? Promise.resolve(undefined) : certificateOf(pem)

async function readCertificate(pem: string): Promise<ClientCertificate | undefined> {
  const der = presentedCertificate(pem)
  const cert = der && parseCertificate(der)
  if (!cert) return undefined
  const sha256 = new Uint8Array(await crypto.subtle.digest('SHA-256', der as Uint8Array<ArrayBuffer>))
  return deepFreeze({
    commonName: cert.subjectCN,
    organizations: cert.subjectO,
    signedByClusterCA: await signedBy(cert, CLUSTER_CA_PEM),
    credentialId: `X509SHA256=${hexOf(sha256)}`,
  })
}

const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined)

/** The CA bundle the client trusts: --certificate-authority (file), else the cluster's data or file. */
function caBundle(ctx: CommandContext, opts: GlobalOptions, cluster: Record<string, unknown>): string | undefined {
  const file = opts.certificateAuthority ?? str(caFileInForce(opts, cluster))
  let pem: string | undefined
  if (file !== undefined) {
    pem = ctx.fs.readFile(ctx.fs.resolve(file))
    // a file that does not open was refused already (confirmUsable); a directory opens, and reading it
    // fails when the transport is built (os.ReadFile's error, as kubectl prints it)
    if (pem === undefined) throw new KubectlError(`error: read ${file}: is a directory`)
  } else if (!opts.insecureSkipTlsVerify) {
    pem = decodeB64(cluster['certificate-authority-data'])
  }
  const insecure = opts.insecureSkipTlsVerify ?? cluster['insecure-skip-tls-verify'] === true
  if (pem !== undefined && insecure) throw new KubectlError('error: specifying a root certificates file with the insecure flag is not allowed')
  if (pem !== undefined && pemBlocks(pem).length === 0) throw new KubectlError('error: unable to load root certificates: unable to parse bytes as PEM block')
  return pem
}

export async function loadClientConfig(ctx: CommandContext, opts: GlobalOptions): Promise<ClientConfig> {
  const { kc, path } = readKubeconfig(ctx, opts)
  const klog = new Klog(() => ctx.lab.now(), (t) => ctx.stderr(t), opts.verbosity ?? 0)
  if (klog.level >= 6) klog.line('loader.go:402', `Config loaded from file:  ${path}`)
  const restFirst = opts.loader === 'rest'
  const contextName = opts.context ?? kc['current-context']
  const contextEntry = kc.contexts?.find((c) => c.name === contextName)
  if (opts.context !== undefined && !contextEntry) {
    throw new KubectlError(restFirst ? `error: context "${opts.context}" does not exist` : `Error in configuration: context was not found for specified context: ${opts.context}`)
  }
  // ConfirmUsable: a current-context that names no context (its context deleted) is a configuration error
  if (contextName && !contextEntry) throw new KubectlError(`Error in configuration: context was not found for specified context: ${contextName}`)
  const context = contextEntry?.context ?? {}
  const clusterName = opts.cluster ?? context.cluster ?? ''
  const userName = opts.user ?? context.user ?? ''
  const clusterEntry = kc.clusters?.find((c) => c.name === clusterName)
  const userEntry = kc.users?.find((u) => u.name === userName)
  if (opts.user !== undefined && !userEntry) throw new KubectlError(`error: auth info "${opts.user}" does not exist`)
  if (opts.cluster !== undefined && !clusterEntry) {
    throw new KubectlError(restFirst ? `error: cluster "${opts.cluster}" does not exist` : `error: no server found for cluster "${opts.cluster}"`)
  }
  // the files the entries name, relative to the kubeconfig's folder (the flags' stay relative to the working directory)
  const cluster = resolvedEntry(clusterEntry?.cluster ?? {}, 'cluster', folderOf(path))
  // the flags laid over the user (mergo.Merge WithOverride: a flag given empty changes nothing)
  const flagged = { token: opts.token, 'client-certificate': opts.clientCertificate, 'client-key': opts.clientKey, username: opts.username, password: opts.password }
  const user: Record<string, unknown> = { ...resolvedEntry(userEntry?.user ?? {}, 'user', folderOf(path)) }
  for (const [k, v] of Object.entries(flagged)) if (v) user[k] = v
  const serverUrl = opts.server ?? str(cluster.server)
  let host: string | undefined
  let scheme = 'https'
  if (serverUrl) {
    const m = /^(?:([a-z]+):\/\/)?([^/]+)/i.exec(serverUrl)
    scheme = m?.[1]?.toLowerCase() ?? 'https'
    host = m?.[2]
  }
  confirmUsable(ctx, opts, { user: userName, cluster: clusterName }, user, cluster)
  const caPem = caBundle(ctx, opts, cluster)
  // transport.loadTLSFiles: each of certificate and key from its data, else its file; the pair is checked
  // when the transport is built, unless both come from files (they are loaded at the handshake then)
  const certData = decodeB64(user['client-certificate-data'])
  const keyData = decodeB64(user['client-key-data'])
  const readFile = (f: unknown) => (typeof f === 'string' && f !== '' ? ctx.fs.readFile(ctx.fs.resolve(f)) : undefined)
  const certPem = certData ?? readFile(user['client-certificate'])
  const keyPem = keyData ?? readFile(user['client-key'])
  const fromFilesOnly = certData === undefined && keyData === undefined
  const pairProblem = !fromFilesOnly && certPem !== undefined && keyPem !== undefined ? keyPairProblem(certPem, keyPem) : undefined
  if (pairProblem) throw new KubectlError(`error: ${pairProblem}`)
  const insecure = opts.insecureSkipTlsVerify ?? cluster['insecure-skip-tls-verify'] === true
  const token = str(user.token) ?? (str(user.tokenFile) && ctx.fs.readFile(ctx.fs.resolve(str(user.tokenFile) ?? ''))?.trim())
  const clientCert = await clientCertificate(certPem)
  if (host && scheme === 'https' && !token && !clientCert && !str(user.username)) {
    // clientcmd's PromptingAuthLoader reads a user name from stdin, which has nothing for it.
    ctx.stdout('Please enter Username: ')
    throw new KubectlError('error: EOF')
  }
  const asGroups = opts.asGroups.length ? opts.asGroups : Array.isArray(user['as-groups']) ? (user['as-groups'] as string[]) : []
  return {
    host,
    scheme,
    caPem,
    insecure,
    namespace: opts.namespace ?? context.namespace ?? 'default',
    enforceNamespace: opts.namespace !== undefined,
    token,
    ...(!token && (str(user.username) || str(user.password)) ? { basicAuth: { username: str(user.username) ?? '', password: str(user.password) ?? '' } } : {}),
    clientCert,
    impersonateUser: opts.as ?? str(user.as),
    impersonateGroups: asGroups,
    impersonateUid: opts.asUid ?? str(user['as-uid']),
    verbosity: opts.verbosity ?? 0,
    klog,
  }
}

/** The connection-refused output of kubectl with no server: klog lines from discovery, then the message. */
export function connectionRefused(ctx: CommandContext, discoveryAttempts: number): KubectlError {
  const err = transportFailure({ scheme: 'http', insecure: false }, 'GET', '/api?timeout=32s') as TransportError
  return discoveryFailure(ctx, discoveryAttempts, err)
}

/** A REST client bound to one ClientConfig. Every kubectl request goes through `ctx.lab.api`. */
export class RestClient {
  constructor(
    private readonly ctx: CommandContext,
    readonly config: ClientConfig,
    /** The reads of a stream this client opened (`onStream`): see stream(). */
    private readonly streaming = false,
  ) {}

  /**
   * This client's view of the streams it opened with a request of its own (a watch, a log stream,
   * an attach): its requests read what those streams carry now. They are not new requests: the
   * API server neither authorizes nor records them, and -v logs nothing for them.
   */
  stream(): RestClient {
    return new RestClient(this.ctx, this.config, true)
  }

  /**
   * Discovery, as the RESTMapper does it before the first request: GET /api. A transport failure or a 401
   * ends the command with the klog lines of the real kubectl (`attempts` of them); with `soft`, the lines
   * are returned instead (kubectl auth can-i carries on without the mapper).
   */
  async discover(attempts: number, soft = false): Promise<string> {
    const failure = transportFailure(this.config, 'GET', '/api?timeout=32s')
    let cause: TransportError | 'unauthorized' | undefined = failure
    if (!failure) {
      const res = await this.ctx.lab.api(this.request0('GET', '/api?timeout=32s'))
      if (res.status === 401) cause = 'unauthorized'
    }
    if (!cause) return ''
    const err = discoveryFailure(this.ctx, attempts, cause)
    if (!soft) throw err
    return err.text.slice(0, err.text.lastIndexOf('\n') + 1)
  }

  private request0(method: ApiRequest['method'], path: string, body?: unknown, contentType = 'application/json'): ApiRequest {
    const headers: Record<string, string> = {
      accept: 'application/json',
      'user-agent': USER_AGENT,
    }
    if (body !== undefined) headers['content-type'] = contentType
    if (this.config.token) headers.authorization = `Bearer ${this.config.token}`
    else if (this.config.basicAuth) headers.authorization = `Basic ${encodeBase64Text(`${this.config.basicAuth.username}:${this.config.basicAuth.password}`)}`
    if (this.config.impersonateUser) headers['impersonate-user'] = this.config.impersonateUser
    // Several Impersonate-Group headers, as net/http joins repeated header values.
    if (this.config.impersonateGroups.length) headers['impersonate-group'] = this.config.impersonateGroups.join(', ')
    if (this.config.impersonateUid) headers['impersonate-uid'] = this.config.impersonateUid
    const req: ApiRequest = { method, path, headers }
    if (body !== undefined) req.body = body
    if (this.config.clientCert) req.clientCert = this.config.clientCert
    return req
  }

  /** Sends a request; returns the response as it came (Status bodies included). Throws a TransportError when it cannot connect. */
  async raw(method: ApiRequest['method'], path: string, body?: unknown, contentType?: string): Promise<ApiResponse> {
    const failure = transportFailure(this.config, method, path)
    if (failure) throw failure
    const req = this.request0(method, path, body, contentType)
    if (this.streaming) return this.ctx.lab.api({ ...req, onStream: true })
    const res = await this.ctx.lab.api(req)
    if (this.config.verbosity >= 6) {
      const url = `${this.config.scheme}://${this.config.host ?? 'localhost:8080'}${path}`
      logRoundTrip(this.klog(), url, req, res, httpDate(this.ctx.lab.now()))
    }
    this.warnings.handle(res.headers.warning)
    return res
  }

  private readonly warnings = new WarningWriter((t) => this.ctx.stderr(t))
  private log?: Klog
  private klog(): Klog {
    this.log ??= this.config.klog ?? new Klog(() => this.ctx.lab.now(), (t) => this.ctx.stderr(t), this.config.verbosity)
    return this.log
  }

  /** Sends a request; a Status failure body becomes a StatusError. */
  async request<T = unknown>(method: ApiRequest['method'], path: string, body?: unknown, contentType?: string): Promise<T> {
    const res = await this.raw(method, path, body, contentType)
    if (res.status >= 400 || (isStatus(res.body) && res.body.status === 'Failure')) {
      if (isStatus(res.body)) throw new StatusError(res.body)
      // not a Status: client-go's newUnstructuredResponseError (a text body is the server's message)
      throw new StatusError(newGenericServerResponse(res.status, typeof res.body === 'string' ? res.body.trim() : 'unknown', method))
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
