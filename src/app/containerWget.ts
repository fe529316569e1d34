// busybox wget inside a pod: the host is looked up in the cluster DNS (the pod's search path),
// the `kubernetes` Service's ClusterIP on 443 (or the API server's own address) reaches the API
// server through the lab's request path, which is how curl in the pod gets there too (the
// ServiceAccount token in --header makes it the pod's request in the audit record). Nothing else
// in the lab listens, so other addresses refuse the connection.
// Imitates: busybox networking/wget.c (download_one_url) with Alpine's patches: HTTPS goes through
// the ssl_client helper, which checks the certificate against the system's CAs unless
// --no-check-certificate (aports main/busybox 0001-properly-fix-wget-https-support.patch,
// ssl_client.c). The busybox image's wget uses busybox's own TLS, which does not check at all.
//
// The http lines (Connecting, saving/writing, the bar, saved, the errors) were checked against
// BusyBox 1.35.0's wget on this machine and `python3 -m http.server` (containerWget.test.ts).

import type { ContainerProcess } from '../cluster/kubelet/exec/containerShell'
import type { ApiRequest } from '../cluster/apiserver/types'
import { renderResponseBody } from '../shell/curl/render'
import { STATUS_TEXT, canonicalHeader, httpDate } from '../shell/kubectl/verbose'
import { byteLength } from '../common/bytes'
import { API_SERVER } from '../shell/workstation'
import type { CommandContext, CommandSpec } from '../shell/types'
import { defaultOutputName, parseWgetArgs, statusBar, type WgetOptions } from './wgetOptions'

/** Thrown to end wget the way bb_error_msg_and_die does: the message on stderr, exit 1. */
class Die extends Error {}

interface Target { scheme: 'http' | 'https' | 'ftp' | 'ftps'; host: string; hostname: string; port: number; path: string }

function parseUrl(url: string): Target {
  let rest = url
  let scheme: Target['scheme'] = 'http'
  const sep = url.indexOf('://')
  if (sep >= 0) {
    const proto = url.slice(0, sep).toLowerCase()
    if (proto !== 'http' && proto !== 'https' && proto !== 'ftp' && proto !== 'ftps') throw new Die(`wget: not an http or ftp url: ${url}\n`)
    scheme = proto
    rest = url.slice(sep + 3)
  }
  const slash = rest.search(/[/?#]/)
  const host = slash < 0 ? rest : rest.slice(0, slash)
  let path = slash < 0 ? '' : rest[slash] === '/' ? rest.slice(slash + 1) : rest.slice(slash)
  path = path.replace(/#.*$/, '')
  const hostPart = host.slice(host.lastIndexOf('@') + 1)
  const m = /^(.*?)(?::(\d+))?$/.exec(hostPart)!
  const defaults = { http: 80, https: 443, ftp: 21, ftps: 990 }
  return { scheme, host: hostPart, hostname: m[1], port: m[2] ? Number(m[2]) : defaults[scheme], path }
}

/** Which wget the image has: Alpine's (ssl_client checks certificates) or the busybox image's own TLS. */
export type WgetTls = 'alpine' | 'busybox'

// What Alpine's wget prints when ssl_client rejects the certificate. The first line follows the
// sources: ssl_client.c `errx(1, "%s: %s", sni, tls_error(ctx))`, libtls tls_ssl_error's
// "handshake failed: %s" with OpenSSL 3's ERR_error_string for a failed verification.
// UNVERIFIED: the second line. wget has written its request into the socketpair before the
// handshake fails; ssl_client exits without reading it, so wget's read gets ECONNRESET and
// fgets_trim_sanitize dies with bb_perror_msg "error getting response". Also unverified: that
// Alpine 3.18's busybox 1.36 still carries the ssl_client patch. Neither observed on a real pod.
const sslClientFailed = (sni: string) =>
  `ssl_client: ${sni}: handshake failed: error:0A000086:SSL routines::certificate verify failed\n` +
  'wget: error getting response: Connection reset by peer\n'

interface Reply { statusLine: string; headers: [string, string][]; body: string }

async function askApiServer(ctx: CommandContext, o: WgetOptions, t: Target, post: string | undefined): Promise<Reply> {
  if (t.scheme === 'http') {
    // Go's TLS server answers plain HTTP on its port with this fixed response.
    return { statusLine: 'HTTP/1.0 400 Bad Request', headers: [], body: 'Client sent an HTTP request to an HTTPS server.\n' }
  }
  const headers: Record<string, string> = { 'user-agent': o.userAgent }
  for (const h of o.headers) {
    const i = h.indexOf(':')
    if (i > 0) headers[h.slice(0, i).trim().toLowerCase()] = h.slice(i + 1).trim()
  }
  let body: unknown
  if (post !== undefined) {
    headers['content-type'] ??= 'application/x-www-form-urlencoded'
    try { body = JSON.parse(post) } catch { body = post }
  }
  const req: ApiRequest = { method: post !== undefined ? 'POST' : 'GET', path: `/${t.path}`, headers, body }
  const res = await ctx.lab.api(req)
  const text = renderResponseBody(res, req)
  const length = byteLength(text)
  // Go's net/http (kubernetes-next.md §6.2; server.go chunkWriter.writeHeader and extraHeader.Write):
  // the handler's headers sorted, then Date, Content-Length (bodies up to 2 KiB, else chunked),
  // Connection: close (wget asked for it: closeAfterReply), Transfer-Encoding.
  const own = Object.entries(res.headers).filter(([k]) => k !== 'content-length' && k !== 'date').map(([k, v]) => [canonicalHeader(k), v] as [string, string]).sort(([a], [b]) => (a < b ? -1 : 1))
  const extra: [string, string][] = [['Date', httpDate(ctx.lab.now())]]
  if (length <= 2048) extra.push(['Content-Length', String(length)])
  extra.push(['Connection', 'close'])
  if (length > 2048) extra.push(['Transfer-Encoding', 'chunked'])
  return { statusLine: `HTTP/1.1 ${res.status} ${STATUS_TEXT[res.status] ?? ''}`.trimEnd(), headers: [...own, ...extra], body: text }
}

/** One URL, as download_one_url fetches it. */
async function downloadOne(ctx: CommandContext, p: ContainerProcess, tls: WgetTls, o: WgetOptions, url: string, log: (s: string) => void, out: { fd?: string }): Promise<void> {
  const t = parseUrl(url)
  const file = o.output ?? defaultOutputName(t.path, o.dirPrefix)
  const ip = t.hostname === '' ? undefined : p.resolve(t.hostname)
  if (ip === undefined) throw new Die(`wget: bad address '${t.host}'\n`)
  if (!o.quiet) log(`Connecting to ${t.host} (${ip}:${t.port})\n`)
  const [apiHost, apiPort] = API_SERVER.split(':')
  const isApi = (ip === p.apiServiceIP && t.port === 443) || (ip === apiHost && t.port === Number(apiPort))
  if (!isApi || t.scheme.startsWith('ftp')) throw new Die(`wget: can't connect to remote host (${ip}): Connection refused\n`)
  if (t.scheme === 'https' && !o.noCheckCertificate) {
    if (tls === 'alpine') throw new Die(sslClientFailed(t.hostname))
    // UNVERIFIED (the busybox image's build config): upstream's internal TLS warns and goes on.
    log('wget: note: TLS certificate validation not implemented\n')
  }
  let post = o.postData
  if (post === undefined && o.postFile !== undefined) {
    post = o.postFile === '-' ? ctx.stdin : ctx.fs.readFile(ctx.fs.resolve(o.postFile))
    if (post === undefined) throw new Die(`wget: can't open '${o.postFile}': No such file or directory\n`)
  }
  const reply = await askApiServer(ctx, o, t, post)
  if (o.serverResponse) log([reply.statusLine, ...reply.headers.map(([k, v]) => `${k}: ${v}`), ''].map((l) => `  ${l}\n`).join(''))
  const status = Number(reply.statusLine.split(' ')[1])
  if (!(status >= 200 && status <= 204) && ![300, 301, 302, 303, 307, 308].includes(status)) throw new Die(`wget: server returned error: ${reply.statusLine}\n`)
  if (o.spider) {
    if (!o.quiet) log('remote file exists\n')
    return
  }
  const toStdout = o.output === '-'
  if (!toStdout && out.fd === undefined) {
    const path = ctx.fs.resolve(file)
    const dir = path.slice(0, path.lastIndexOf('/')) || '/'
    if (!ctx.fs.isDir(dir)) throw new Die(`wget: can't open '${file}': No such file or directory\n`)
    if (o.output === undefined && ctx.fs.exists(path)) throw new Die(`wget: can't open '${file}': File exists\n`)
    ctx.fs.writeFile(path, '')
    if (o.output !== undefined) out.fd = path
  }
  if (!o.quiet) log(toStdout ? 'writing to stdout\n' : `saving to '${file}'\n`)
  if (toStdout) ctx.stdout(reply.body)
  else ctx.fs.writeFile(out.fd ?? ctx.fs.resolve(file), reply.body, true)
  if (!o.quiet) log(statusBar(toStdout ? '-' : file, byteLength(reply.body)) + (toStdout ? 'written to stdout\n' : `'${file}' saved\n`))
}

/** busybox wget in this container (`tls`: which wget the image has). */
export function containerWget(p: ContainerProcess, tls: WgetTls): CommandSpec {
  return {
    name: 'wget', summary: 'busybox wget: fetch a URL (the API server is https://kubernetes.default.svc)', usage: 'wget [-q] [-O FILE] [--header STR] URL...',
    async run(ctx) {
      const parsed = parseWgetArgs(ctx.argv.slice(1))
      if (!parsed.ok) { ctx.stderr(parsed.stderr); return 1 }
      const o = parsed.options
      let logText = ''
      const log = o.logFile !== undefined && o.logFile !== '-' ? (s: string) => { logText += s } : (s: string) => ctx.stderr(s)
      const out: { fd?: string } = {}
      let code = 0
      try {
        for (const url of o.urls) await downloadOne(ctx, p, tls, o, url, log, out)
      } catch (e) {
        if (!(e instanceof Die)) throw e
        log(e.message)
        code = 1
      }
      if (o.logFile !== undefined && o.logFile !== '-') ctx.fs.writeFile(ctx.fs.resolve(o.logFile), logText)
      return code
    },
  }
}
