// The API client of a cluster component running in the lab's process: each request goes through
// the API server's whole path (authentication by the component's client certificate, the Node
// authorizer and RBAC, admission, the audit record) exactly as kubectl's do.
// Imitates: k8s.io/client-go/rest (a REST client built from the component's kubeconfig) and
// client-go's DefaultKubernetesUserAgent.

import type { ApiRequest, ApiResponse, ClientCertificate } from '../apiserver/types'

/** The API server's own handler (never the cluster's, which also runs due work afterwards). */
export type RequestHandler = (req: ApiRequest) => Promise<ApiResponse>

export interface ComponentClient {
  /** The identity the API server authenticates (CN = user, O = groups). */
  readonly identity: ClientCertificate
  request(method: ApiRequest['method'], path: string, body?: unknown, opts?: RequestOptions): Promise<ApiResponse>
}

export interface RequestOptions {
  /** `application/json` unless given (a patch names its kind). */
  contentType?: string
  materialised?: ApiRequest['materialised']
}

/** `<command>/<version> (linux/amd64) kubernetes/<commit, 7 characters>`, as client-go builds it. */
export function componentUserAgent(command: string, version: string, gitCommit: string): string {
  return `${command}/${version} (linux/amd64) kubernetes/${gitCommit.slice(0, 7)}`
}

export function inProcessClient(handle: RequestHandler, identity: ClientCertificate, userAgent: string): ComponentClient {
  return {
    identity,
    request(method, path, body, opts = {}) {
      const headers: Record<string, string> = { 'user-agent': userAgent, accept: 'application/json' }
      if (body !== undefined) headers['content-type'] = opts.contentType ?? 'application/json'
      return handle({
        method, path, headers, clientCert: identity,
        ...(body !== undefined ? { body } : {}), ...(opts.materialised ? { materialised: opts.materialised } : {}),
      })
    },
  }
}

/** A kubelet's client: its client certificate from the cluster CA (`O = system:nodes, CN = system:node:<node>`). */
export function kubeletClient(handle: RequestHandler, node: string, version: string, gitCommit: string): ComponentClient {
  return inProcessClient(
    handle,
    { commonName: `system:node:${node}`, organizations: ['system:nodes'], signedByClusterCA: true },
    componentUserAgent('kubelet', version, gitCommit),
  )
}

/** The clients of the controller manager's controllers. */
export interface ControllerClients {
  /**
   * A controller with its own credentials (`--use-service-account-credentials`, kubeadm's default):
   * user `system:serviceaccount:kube-system:<serviceAccount>`. The lab presents the identity that
   * service account's token would give, without signing a token for each controller.
   */
  serviceAccount(serviceAccount: string): ComponentClient
  /** The controller manager's root client (its certificate, CN `system:kube-controller-manager`): the token controller's. */
  root(name: string): ComponentClient
}

export function controllerClients(handle: RequestHandler, version: string, gitCommit: string): ControllerClients {
  const agent = componentUserAgent('kube-controller-manager', version, gitCommit)
  return {
    serviceAccount(sa) {
      const user = `system:serviceaccount:kube-system:${sa}`
      return inProcessClient(handle, { commonName: user, organizations: ['system:serviceaccounts', 'system:serviceaccounts:kube-system'], signedByClusterCA: true }, `${agent}/${user}`)
    },
    root(name) {
      return inProcessClient(handle, { commonName: 'system:kube-controller-manager', organizations: [], signedByClusterCA: true }, `${agent}/${name}`)
    },
  }
}

/**
 * The scheduler's client: its certificate from the cluster CA (CN `system:kube-scheduler`), and
 * client-go's user agent with `/scheduler` added, as cmd/kube-scheduler builds its clients.
 */
export function schedulerClient(handle: RequestHandler, version: string, gitCommit: string): ComponentClient {
  return inProcessClient(
    handle,
    { commonName: 'system:kube-scheduler', organizations: [], signedByClusterCA: true },
    `${componentUserAgent('kube-scheduler', version, gitCommit)}/scheduler`,
  )
}
