// curl's --write-out format: %{variable}, %%, and the escapes \n \r \t.

export interface WriteOutVars {
  http_code: string
  method: string
  url: string
  size: number
  contentType: string
  exitCode: number
  errormsg: string
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
    num_headers: v.http_code === '000' ? '0' : '8',
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
        if (name in values) text += values[name]
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
