// curl's --write-out format: %{variable}, %%, and the escapes \n \r \t.

export interface WriteOutVars {
  http_code: string
  method: string
  url: string
  size: number
  contentType: string
  exitCode: number
  errormsg: string
  /** Response headers received (num_headers). */
  numHeaders?: number
  /** -o's file (filename_effective). */
  output?: string
}

/** `%{json}`: every variable, in curl 7.88's order (tool_writeout.c variables[] sorted by name), as one line. */
function json(v: WriteOutVars, values: Record<string, string>): string {
  const ok = v.http_code !== '000'
  const num = (x: string) => Number(x)
  const fields: [string, unknown][] = [
    ['certs', ok && v.url.startsWith('https') ? 'Subject:CN = kube-apiserver\nIssuer:CN = kubernetes\n' : ''],
    ['content_type', v.contentType || null],
    ['errormsg', v.errormsg || null],
    ['exitcode', v.exitCode],
    ['filename_effective', v.output ?? null],
    ['ftp_entry_path', null],
    ['http_code', num(v.http_code)],
    ['http_connect', 0],
    ['http_version', values.http_version],
    ['local_ip', ok ? '10.0.1.10' : ''],
    ['local_port', ok ? 48812 : 0],
    ['method', v.method],
    ['num_certs', ok && v.url.startsWith('https') ? 1 : 0],
    ['num_connects', ok ? 1 : 0],
    ['num_headers', v.numHeaders ?? 0],
    ['num_redirects', 0],
    ['proxy_ssl_verify_result', 0],
    ['redirect_url', null],
    ['referer', null],
    ['remote_ip', values.remote_ip],
    ['remote_port', values.remote_port === '' ? 0 : num(values.remote_port)],
    ['response_code', num(v.http_code)],
    ['scheme', values.scheme],
    ['size_download', v.size],
    ['size_header', 0],
    ['size_request', 0],
    ['size_upload', 0],
    ['speed_download', 0],
    ['speed_upload', 0],
    ['ssl_verify_result', 0],
    ['time_appconnect', 0.002841],
    ['time_connect', 0.000512],
    ['time_namelookup', 0.000031],
    ['time_pretransfer', 0.002904],
    ['time_redirect', 0],
    ['time_starttransfer', 0.004102],
    ['time_total', 0.00421],
    ['url', v.url],
    ['url_effective', v.url],
    ['urlnum', 0],
    ['curl_version', 'libcurl/7.88.1 OpenSSL/3.0.19 zlib/1.2.13 brotli/1.0.9 zstd/1.5.4 libidn2/2.3.3 libpsl/0.21.2 (+libidn2/2.3.3) libssh2/1.10.0 nghttp2/1.52.0 librtmp/2.3 OpenLDAP/2.5.13'],
  ]
  const val = (k: string, x: unknown) => (k.startsWith('time_') ? (x as number).toFixed(6) : JSON.stringify(x))
  return `{${fields.map(([k, x]) => `"${k}":${val(k, x)}`).join(',')}}`
}

export function writeOut(format: string, v: WriteOutVars): { text: string; unknown: string[] } {
  const values: Record<string, string> = {
    http_code: v.http_code,
    response_code: v.http_code,
    method: v.method,
    url_effective: v.url,
    url: v.url,
    size_download: String(v.size),
    content_type: v.contentType,
    exitcode: String(v.exitCode),
    errormsg: v.errormsg,
    scheme: v.url.startsWith('https') ? 'HTTPS' : 'HTTP',
    http_version: v.http_code === '000' ? '0' : '2',
    remote_ip: v.http_code === '000' ? '' : '10.0.1.10',
    remote_port: v.http_code === '000' ? '' : '6443',
    num_headers: String(v.numHeaders ?? 0),
    time_total: '0.004210',
    time_connect: '0.000512',
    ssl_verify_result: '0',
  }
  const unknown: string[] = []
  let text = ''
  for (let i = 0; i < format.length; i++) {
    const c = format[i]
    if (c === '%' && format[i + 1] === '%') { text += '%'; i++; continue }
    if (c === '%' && format[i + 1] === '{') {
      const end = format.indexOf('}', i)
      if (end > 0) {
        const name = format.slice(i + 2, end)
        if (name === 'json') text += json(v, values)
        else if (name in values) text += values[name]
        else unknown.push(name)
        i = end
        continue
      }
    }
    if (c === '\\' && i + 1 < format.length) {
      const e = format[i + 1]
      if (e === 'n') { text += '\n'; i++; continue }
      if (e === 'r') { text += '\r'; i++; continue }
      if (e === 't') { text += '\t'; i++; continue }
    }
    text += c
  }
  return { text, unknown }
}
