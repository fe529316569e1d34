// The request and response shapes of the simulated API server: a REST request as the real
// server receives it (method, path with query, headers, body), already past TLS.
// Imitates: k8s.io/apiserver/pkg/endpoints (request info) and net/http.

import type { BoundTokenClaims } from '../serviceaccount/claims'

/** A TLS client certificate presented by the caller (kubectl with the admin kubeconfig). */
export interface ClientCertificate {
  /** Subject CN: becomes the user name. */
  commonName: string
  /** Subject O values: become groups. */
  organizations: string[]
  /** Whether the certificate was signed by the cluster CA. */
  signedByClusterCA: boolean
  /** `X509SHA256=<hex of the SHA-256 of its DER>`, where the lab has the certificate itself (a user's, from a kubeconfig). */
  credentialId?: string
}

export interface ApiRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  /** Path with optional query string, e.g. `/api/v1/namespaces/sa-demo/pods?limit=500`. */
  path: string
  /** Header names in lower case: `authorization`, `user-agent`, `content-type`, `accept`. */
  headers: Record<string, string>
  /** The request body, already parsed from JSON (objects as the client sent them). */
  body?: unknown
  clientCert?: ClientCertificate
  /**
   * Lab-internal, set only by a component's in-process client (never by kubectl or curl): a
   * request the component made at `at` while nobody looked (a kubelet token refresh computed from
   * its schedule), sent now that someone looks. The audit record and facts keep `at`; `jti` is the
   * one the refresh chain gives the token, so a refresh is the same whenever it is looked at.
   */
  materialised?: { at: number; jti: string }
  /**
   * Lab-internal, set only by kubectl's client (never by curl, nor by anything a student types):
   * a read of what a stream that client opened carries now (a watch, a log or an attach stream).
   * The request that opened the stream was authenticated, authorized and audited; what the stream
   * carries afterwards is not a new request, so the server answers this one from its storage with
   * no authentication, authorization, audit entry or fact.
   */
  onStream?: true
}

export interface ApiResponse {
  status: number
  headers: Record<string, string>
  /**
   * A Kubernetes object, a list (`kind: XList`), a metav1.Status, or for `pods/NAME/exec`
   * an ExecResult. Objects are plain data; the caller renders them (kubectl printers, or curl
   * through renderBody, which keeps the server's struct key order and pretty-prints for curl).
   */
  body: unknown
  /** In-process only: the claims of a token the server just issued (a TokenRequest's 201), beside the JWT in the body. */
  issued?: { claims: BoundTokenClaims }
}

/** Response body of POST .../pods/NAME/exec?command=...&container=... (a stream in real life). */
export interface ExecResult {
  kind: 'ExecResult'
  stdout: string
  stderr: string
  exitCode: number
  /** pods/attach: the container's shell (its main process) now holds the terminal; false: no session (its output streams). */
  session?: boolean
  /** pods/attach without a terminal to a process that reads its input (a shell with stdin open): the lab cannot feed it lines. */
  readsInput?: boolean
  /** stdout and stderr in the order the process wrote them (when both have some): the two streams of the connection deliver them so. */
  written?: { stream: 'stdout' | 'stderr'; text: string }[]
}

/** The authenticated identity. Imitates: k8s.io/apiserver/pkg/authentication/user.Info. */
export interface UserInfo {
  username: string
  uid?: string
  groups: string[]
  extra?: Record<string, string[]>
}

export type { Status } from '../../common/status'
