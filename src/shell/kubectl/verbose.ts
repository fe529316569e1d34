// Imitates: k8s.io/client-go/transport/round_trippers.go (debuggingRoundTripper at -v=6..9), rest/request.go
// and helper.go (bodies at -v=8), clientcmd loader.go (Config loaded from file) as kubectl v1.35 logs them with klog.

import type { ApiRequest, ApiResponse } from '../../cluster/apiserver/types'
import { toServerJson } from './printers/json'

export const STATUS_TEXT: Record<number, string> = {
  200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden',
  404: 'Not Found', 405: 'Method Not Allowed', 406: 'Not Acceptable', 409: 'Conflict', 410: 'Gone', 415: 'Unsupported Media Type',
  422: 'Unprocessable Entity', 429: 'Too Many Requests', 500: 'Internal Server Error', 503: 'Service Unavailable',
}

/** The lab's kubectl always runs as pid 4242 (as in the discovery error lines). */
const PID = 4242

/** Writes klog info lines with time stamps from the lab clock, a few microseconds apart. */
export class Klog {
  private n = 0
  constructor(
    private readonly now: () => number,
    private readonly write: (text: string) => void,
    readonly level: number,
  ) {}

  line(file: string, text: string, severity: 'I' | 'W' = 'I'): void {
    const d = new Date(this.now())
    const p2 = (x: number) => String(x).padStart(2, '0')
    const us = (d.getUTCMilliseconds() * 1000 + 340957 + this.n++ * 412) % 1_000_000
    const stamp = `${severity}${p2(d.getUTCMonth() + 1)}${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${String(us).padStart(6, '0')}`
    this.write(`${stamp} ${String(PID).padStart(7)} ${file}] ${text}\n`)
  }
}

/** http.CanonicalHeaderKey. */
export const canonicalHeader = (h: string) => h.split('-').map((p) => (p ? p[0].toUpperCase() + p.slice(1).toLowerCase() : p)).join('-')

/** client-go's maskValue: a known scheme (Bearer, Basic, Negotiate) keeps its name, the rest is masked. */
function maskAuthorization(v: string): string {
  if (v === '') return ''
  const i = v.indexOf(' ')
  const scheme = i > 0 ? v.slice(0, i) : v
  if (!['bearer', 'basic', 'negotiate'].includes(scheme.toLowerCase())) return '<masked>'
  return v.length > scheme.length + 1 ? `${scheme} <masked>` : scheme
}

/** Request headers as the debugging round tripper prints them: sorted, canonical, the credentials masked. */
function requestHeaders(req: ApiRequest): [string, string][] {
  return Object.entries(req.headers)
    .map(([k, v]): [string, string] => [canonicalHeader(k), k === 'authorization' ? maskAuthorization(v) : v])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
}

/** The body bytes as the server sent them (JSON encoder output ends in a newline). */
export function bodyText(res: ApiResponse): string {
  if (typeof res.body === 'string') return res.body
  if (res.body === undefined || res.body === null) return ''
  return toServerJson(res.body, false)
}

function responseHeaders(res: ApiResponse, body: string, date: string): [string, string][] {
  const h = new Map(Object.entries(res.headers).map(([k, v]) => [canonicalHeader(k), v]))
  if (!h.has('Content-Length')) h.set('Content-Length', String(new TextEncoder().encode(body).length))
  if (!h.has('Date')) h.set('Date', date)
  return [...h].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
}

const block = (rows: [string, string][]) => `<\n${rows.map(([k, v]) => `\t${k}: ${v}\n`).join('')} >`

/** Go's %q of a string (close enough for the ASCII bodies of the lab). */
const goQuote = (s: string) => JSON.stringify(s)

/** helper.go's body logging: at most 1024 bytes below -v=9, with the count of what was cut. */
function loggedBody(body: string, level: number): string {
  if (level >= 9 || body.length <= 1024) return goQuote(body)
  return goQuote(`${body.slice(0, 1024)} [truncated ${body.length - 1024} chars]`)
}

/** The HTTP date of the lab clock (net/http's Date header). */
export function httpDate(ms: number): string {
  return new Date(ms).toUTCString()
}

/** Logs one request and its response as kubectl at the given verbosity does (nothing below 6). */
export function logRoundTrip(log: Klog, url: string, req: ApiRequest, res: ApiResponse, date: string): void {
  const v = log.level
  if (v < 6) return
  const status = `${res.status} ${STATUS_TEXT[res.status] ?? ''}`.trim()
  const body = bodyText(res)
  const ms = 4
  if (v >= 8) log.line('helper.go:113', `"Request Body" body=${goQuote(req.body === undefined ? '' : JSON.stringify(req.body))}`)
  if (v >= 9) {
    // The curl form keeps the order the headers were set in: Accept, Content-Type, User-Agent, Authorization, Impersonate-*.
    const order = ['Accept', 'Content-Type', 'User-Agent', 'Authorization']
    const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length)
    const hs = requestHeaders(req).sort(([a], [b]) => rank(a) - rank(b)).map(([k, val]) => ` -H "${k}: ${val}"`).join('')
    log.line('round_trippers.go:527', `"Request" curlCommand=<\n\tcurl -v -X${req.method} ${hs} '${url}'\n >`)
    log.line('round_trippers.go:562', `"HTTP Trace: Dial succeed" network="tcp" address="${url.replace(/^https?:\/\//, '').replace(/\/.*$/, '')}"`)
    log.line('round_trippers.go:632', `"Response" verb="${req.method}" url="${url}" status="${status}" headers=${block(responseHeaders(res, body, date))} milliseconds=${ms} dnsLookupMilliseconds=0 dialMilliseconds=0 tlsHandshakeMilliseconds=2 serverProcessingMilliseconds=1`)
  } else if (v >= 7) {
    log.line('round_trippers.go:527', `"Request" verb="${req.method}" url="${url}" headers=${block(requestHeaders(req))}`)
    log.line('round_trippers.go:632', v >= 8 ? `"Response" status="${status}" headers=${block(responseHeaders(res, body, date))} milliseconds=${ms}` : `"Response" status="${status}" milliseconds=${ms}`)
  } else {
    log.line('round_trippers.go:632', `"Response" verb="${req.method}" url="${url}" status="${status}" milliseconds=${ms}`)
  }
  if (v >= 8) log.line('helper.go:113', `"Response Body" body=${loggedBody(body, v)}`)
  if (res.status >= 400 && typeof res.body === 'object' && res.body !== null) {
    log.line('helpers.go:246', `server response object: %s[${JSON.stringify(res.body, null, 2)}]`)
  }
}
