// What curl 7.88.1 (Debian 12, OpenSSL 3.0, nghttp2) prints with -v when it talks HTTP/2 over TLS 1.3 to
// kube-apiserver (a Go TLS server that asks for a client certificate), as observed in kubernetes-next.md §6.1.
// Imitates: curl lib/vtls/openssl.c (handshake and certificate lines), lib/http2.c (h2h3 lines), lib/http.c.

import type { ApiResponse } from '../../cluster/apiserver/types'

/** The lab's API server certificate: issued by the cluster CA (CN=kubernetes) at kubeadm init, valid one year. */
export const APISERVER_CERT = { subject: 'CN=kube-apiserver', issuer: 'CN=kubernetes', start: 'Nov 29 15:50:47 2026 GMT', expire: 'Nov 29 15:50:47 2027 GMT' }

export interface VerboseRequest {
  host: string
  port: number
  method: string
  path: string
  /** Request headers in the order curl sends them, names as typed (HTTP/2 sends them lower-case). */
  headers: [string, string][]
  cacert?: string
  insecure: boolean
  bodyLength?: number
}

/** The lines before the response: connect, TLS handshake, certificate, the HTTP/2 request. */
export function verboseRequest(r: VerboseRequest): string {
  const ca = r.insecure && r.cacert === undefined ? '/etc/ssl/certs/ca-certificates.crt' : r.cacert ?? '/etc/ssl/certs/ca-certificates.crt'
  const lines = [
    `*   Trying ${r.host}:${r.port}...`,
    `* Connected to ${r.host} (${r.host}) port ${r.port} (#0)`,
    '* ALPN: offers h2,http/1.1',
    '* TLSv1.3 (OUT), TLS handshake, Client hello (1):',
    `*  CAfile: ${ca}`,
    '*  CApath: /etc/ssl/certs',
    '* TLSv1.3 (IN), TLS handshake, Server hello (2):',
    '* TLSv1.3 (IN), TLS handshake, Encrypted Extensions (8):',
    '* TLSv1.3 (IN), TLS handshake, Request CERT (13):',
    '* TLSv1.3 (IN), TLS handshake, Certificate (11):',
    '* TLSv1.3 (IN), TLS handshake, CERT verify (15):',
    '* TLSv1.3 (IN), TLS handshake, Finished (20):',
    '* TLSv1.3 (OUT), TLS change cipher, Change cipher spec (1):',
    '* TLSv1.3 (OUT), TLS handshake, Certificate (11):',
    '* TLSv1.3 (OUT), TLS handshake, Finished (20):',
    '* SSL connection using TLSv1.3 / TLS_AES_128_GCM_SHA256',
    '* ALPN: server accepted h2',
    '* Server certificate:',
    `*  subject: ${APISERVER_CERT.subject}`,
    `*  start date: ${APISERVER_CERT.start}`,
    `*  expire date: ${APISERVER_CERT.expire}`,
    ...(r.insecure ? [] : [`*  subjectAltName: host "${r.host}" matched cert's IP address!`]),
    `*  issuer: ${APISERVER_CERT.issuer}`,
    r.insecure ? '*  SSL certificate verify result: unable to get local issuer certificate (20), continuing anyway.' : '*  SSL certificate verify ok.',
    '* using HTTP/2',
    `* h2h3 [:method: ${r.method}]`,
    `* h2h3 [:path: ${r.path}]`,
    '* h2h3 [:scheme: https]',
    `* h2h3 [:authority: ${r.host}:${r.port}]`,
    ...r.headers.map(([k, v]) => `* h2h3 [${k.toLowerCase()}: ${v}]`),
    ...(r.bodyLength !== undefined ? [`* h2h3 [content-length: ${r.bodyLength}]`] : []),
    '* Using Stream ID: 1 (easy handle 0x558c9ef902b0)',
    `> ${r.method} ${r.path} HTTP/2`,
    `> Host: ${r.host}:${r.port}`,
    ...r.headers.map(([k, v]) => `> ${k.toLowerCase()}: ${v}`),
    ...(r.bodyLength !== undefined ? [`> content-length: ${r.bodyLength}`] : []),
    '> ',
    ...(r.bodyLength !== undefined ? ['* We are completely uploaded and fine'] : []),
    '* TLSv1.3 (IN), TLS handshake, Newsession Ticket (4):',
  ]
  return `${lines.join('\n')}\n`
}

/** `< HTTP/2 200 `, the headers as sent, then `< `. */
export function verboseResponse(status: number, headers: [string, string][]): string {
  return `${[`< HTTP/2 ${status} `, ...headers.map(([k, v]) => `< ${k}: ${v}`), '< '].join('\n')}\n`
}

/** The response headers in the order kube-apiserver sends them (§6.2), with content-length and date filled in. */
export function responseHeaders(res: ApiResponse | { headers: Record<string, string> }, length: number, date: string): [string, string][] {
  const all: Record<string, string> = { ...res.headers }
  all['content-length'] ??= String(length)
  all.date ??= date
  return Object.entries(all)
}

export const CONNECTION_LEFT = (host: string) => `* Connection #0 to host ${host} left intact\n`
