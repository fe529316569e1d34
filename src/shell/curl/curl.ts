// curl 7.88 on the student's workstation, talking to the lab's API server over "TLS".
// Only the API server (the host and port of $APISERVER) answers; TLS is checked against
// --cacert the way OpenSSL would (the file must hold the cluster CA) unless -k is given.

import { encodeBase64Text } from '../../common/base64'
import type { ApiRequest, ApiResponse } from '../../cluster/apiserver/types'
import { CLUSTER_CA_PEM } from '../../cluster/pki/fixed'
import type { CommandContext, CommandSpec } from '../types'
import { parseCurlArgs, type CurlOptions } from './options'
import { renderResponseBody } from './render'
import { writeOut } from './writeout'
import { CURL_HELP } from './help'
import { CONNECTION_LEFT, responseHeaders, verboseRequest, verboseResponse } from './verbose'

export const CURL_VERSION = '7.88.1'
const API_HOST = '10.0.1.10'
const API_PORT = 6443

const SSL_60 = `curl: (60) SSL certificate problem: unable to get local issuer certificate
More details here: https://curl.se/docs/sslcerts.html

curl failed to verify the legitimacy of the server and therefore could not
establish a secure connection to it. To learn more about this situation and
how to fix it, please visit the web page mentioned above.
`

interface ParsedUrl { scheme: string; host: string; port: number; path: string; effective: string }

function parseUrl(raw: string): ParsedUrl | undefined {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`
  const m = withScheme.match(/^([a-z][a-z0-9+.-]*):\/\/([^/?#:]*)(?::(\d*))?([^#]*)/i)
  if (!m || m[2] === '' || /[<>\s"{}|\\^`]/.test(m[2])) return undefined
  const scheme = m[1].toLowerCase()
  if (scheme !== 'http' && scheme !== 'https') return undefined
  const port = m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80
  const path = m[4] === '' ? '/' : m[4].startsWith('/') ? m[4] : `/${m[4]}`
  const effective = `${scheme}://${m[2]}${m[3] ? `:${m[3]}` : ''}${path}`
  return { scheme, host: m[2], port, path, effective }
}

type Outcome =
  | { kind: 'error'; code: number; message: string }
  | { kind: 'response'; status: number; headers: Record<string, string>; body: string }

async function transfer(ctx: CommandContext, o: CurlOptions, url: ParsedUrl): Promise<Outcome> {
  const isIP = /^\d+\.\d+\.\d+\.\d+$/.test(url.host)
  if (!isIP && url.host !== 'localhost') {
    return { kind: 'error', code: 6, message: `curl: (6) Could not resolve host: ${url.host}\n` }
  }
  if (url.host !== API_HOST || url.port !== API_PORT) {
    const host = url.host === 'localhost' ? '127.0.0.1' : url.host
    return { kind: 'error', code: 7, message: `curl: (7) Failed to connect to ${host} port ${url.port} after 0 ms: Couldn't connect to server\n` }
  }
  if (url.scheme === 'http') {
    // The API server answers plain HTTP on its TLS port with this Go net/http response.
    return { kind: 'response', status: 400, headers: { 'content-type': 'text/plain; charset=utf-8', connection: 'close' }, body: 'Client sent an HTTP request to an HTTPS server.\n' }
  }
  if (!o.insecure) {
    if (o.cacert !== undefined) {
      const ca = ctx.fs.readFile(ctx.fs.resolve(o.cacert))
      if (ca === undefined) return { kind: 'error', code: 77, message: `curl: (77) error setting certificate file: ${o.cacert}\n` }
      if (!ca.includes(CLUSTER_CA_PEM.trim())) return { kind: 'error', code: 60, message: SSL_60 }
    } else {
      return { kind: 'error', code: 60, message: SSL_60 }
    }
  }
  // The order curl sends them in: Authorization from -u / --oauth2-bearer, User-Agent, Accept, the -H headers,
  // then Content-Type for -d. A -H header of the same name replaces curl's own.
  const own: [string, string][] = []
  if (o.user !== undefined) own.push(['authorization', `Basic ${encodeBase64Text(o.user.includes(':') ? o.user : `${o.user}:`)}`])
  else if (o.oauth2Bearer !== undefined) own.push(['authorization', `Bearer ${o.oauth2Bearer}`])
  own.push(['user-agent', o.userAgent ?? `curl/${CURL_VERSION}`], ['accept', '*/*'])
  const custom: [string, string][] = []
  for (const h of o.headers) {
    const i = h.indexOf(':')
    if (i > 0) custom.push([h.slice(0, i).trim().toLowerCase(), h.slice(i + 1).trim()])
  }
  let body: unknown
  let bodyText: string | undefined
  if (o.data !== undefined) {
    bodyText = o.data.startsWith('@') ? ctx.fs.readFile(ctx.fs.resolve(o.data.slice(1))) ?? '' : o.data
    if (!custom.some(([k]) => k === 'content-type')) custom.push(['content-type', 'application/x-www-form-urlencoded'])
    try { body = JSON.parse(bodyText) } catch { body = bodyText }
  }
  const sent = [...own.filter(([k]) => !custom.some(([c]) => c === k)), ...custom]
  const headers: Record<string, string> = Object.fromEntries(sent)
  const method = (o.method ?? (o.head ? 'HEAD' : o.data !== undefined ? 'POST' : 'GET')).toUpperCase()
  const req: ApiRequest = { method: (method === 'HEAD' ? 'GET' : method) as ApiRequest['method'], path: url.path, headers, body }
  if (o.verbose) {
    const bodyLength = bodyText === undefined ? undefined : new TextEncoder().encode(bodyText).length
    ctx.stderr(verboseRequest({ host: url.host, port: url.port, method, path: url.path, headers: sent, cacert: o.cacert, insecure: o.insecure, bodyLength }))
  }
  const res: ApiResponse = await ctx.lab.api(req)
  const text = method === 'HEAD' ? '' : renderResponseBody(res, req)
  return { kind: 'response', status: res.status, headers: res.headers, body: text }
}

function headerBlock(status: number, headers: [string, string][]): string {
  return `${[`HTTP/2 ${status} `, ...headers.map(([k, v]) => `${k}: ${v}`)].join('\n')}\n\n`
}

export const curl: CommandSpec = {
  name: 'curl',
  summary: 'transfer a URL (curl 7.88): call the API server at https://$APISERVER',
  usage: 'curl [-sSik] [--cacert FILE] [-H HEADER] [-X METHOD] [-d DATA] [-o FILE] [-w FORMAT] URL',
  flags: [
    { name: 'silent', short: 's', takesValue: false, help: 'no progress meter or error messages' },
    { name: 'show-error', short: 'S', takesValue: false, help: 'with -s, still show errors' },
    { name: 'output', short: 'o', takesValue: true, help: 'write the body to FILE (/dev/null discards it)' },
    { name: 'write-out', short: 'w', takesValue: true, help: 'print FORMAT after the transfer, e.g. "%{http_code}\\n"' },
    { name: 'header', short: 'H', takesValue: true, help: 'add a request header, e.g. "Authorization: Bearer $TOK"' },
    { name: 'request', short: 'X', takesValue: true, help: 'request method' },
    { name: 'data', short: 'd', takesValue: true, help: 'send DATA (or @FILE) in a POST' },
    { name: 'include', short: 'i', takesValue: false, help: 'print the response headers too' },
    { name: 'insecure', short: 'k', takesValue: false, help: 'do not verify the server certificate' },
    { name: 'cacert', takesValue: true, help: 'verify the server with this CA file (ca.pem)' },
    { name: 'fail', short: 'f', takesValue: false, help: 'exit 22 on HTTP errors, without the body' },
  ],
  async run(ctx) {
    const parsed = parseCurlArgs(ctx.argv.slice(1))
    if (!parsed.ok) {
      ctx.stderr(parsed.message)
      return parsed.exitCode
    }
    const o = parsed.options
    if (o.help) {
      ctx.stdout(CURL_HELP)
      return 0
    }
    const showErrors = !o.silent || o.showError
    const url = parseUrl(o.url!)
    const vars = { numHeaders: 0, output: o.output, http_code: '000', method: (o.method ?? (o.data !== undefined ? 'POST' : 'GET')).toUpperCase(), url: o.url!, size: 0, contentType: '', exitCode: 0, errormsg: '' }
    let exit = 0
    if (!url) {
      exit = 3
      if (showErrors) ctx.stderr('curl: (3) URL using bad/illegal format or missing URL\n')
    } else {
      vars.url = url.effective
      const out = await transfer(ctx, o, url)
      if (out.kind === 'error') {
        exit = out.code
        vars.errormsg = out.message.split('\n')[0].replace(/^curl: \(\d+\) /, '')
        if (showErrors) ctx.stderr(out.message)
      } else {
        vars.http_code = String(out.status).padStart(3, '0')
        vars.size = new TextEncoder().encode(out.body).length
        vars.contentType = out.headers['content-type'] ?? ''
        const date = new Date(ctx.lab.now()).toUTCString()
        const resHeaders = responseHeaders(out, vars.size, date)
        vars.numHeaders = resHeaders.length
        if (o.verbose) ctx.stderr(verboseResponse(out.status, resHeaders))
        if (o.fail && out.status >= 400) {
          exit = 22
          if (showErrors) ctx.stderr(`curl: (22) The requested URL returned error: ${out.status}\n`)
        } else {
          const text = (o.include || o.head ? headerBlock(out.status, resHeaders) : '') + out.body
          if (o.output === undefined) ctx.stdout(text)
          else if (o.output !== '/dev/null') {
            const path = ctx.fs.resolve(o.output)
            const dir = path.slice(0, path.lastIndexOf('/')) || '/'
            if (!ctx.fs.isDir(dir)) {
              exit = 23
              if (showErrors) ctx.stderr('curl: (23) Failure writing output to destination\n')
            } else ctx.fs.writeFile(path, text)
          }
          if (o.failWithBody && out.status >= 400) {
            exit = 22
            if (showErrors) ctx.stderr(`curl: (22) The requested URL returned error: ${out.status}\n`)
          }
        }
        if (o.verbose) ctx.stderr(CONNECTION_LEFT(url.host))
      }
    }
    vars.exitCode = exit
    if (o.writeOut !== undefined) {
      const w = writeOut(o.writeOut, vars)
      for (const unknown of w.unknown) ctx.stderr(`curl: unknown --write-out variable: '${unknown}'\n`)
      ctx.stdout(w.text)
    }
    return exit
  },
}
