// curl 7.88 options past the article: -v, -u, --oauth2-bearer, --fail-with-body, -w '%{json}', --help, error 77.
// Expected texts from kubernetes-next.md §6 (curl 7.88.1 observed against a Go TLS server) and curl's tool_help.c.

import { describe, expect, it } from 'vitest'
import type { ApiRequest, ApiResponse } from '../../cluster/apiserver/types'
import { CLUSTER_CA_PEM } from '../../cluster/pki/fixed'
import type { CommandContext, HomeFs, LabServices } from '../types'
import { curl } from './curl'

const STATUS_403 = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'forbidden', reason: 'Forbidden', code: 403 }

function memFs(files: Record<string, string>): HomeFs {
  const f = { ...files }
  return {
    readFile: (p) => f[p], writeFile: (p, d) => { f[p] = d }, exists: (p) => p in f, isDir: (p) => p === '/root' || p === '/' || p === '/root/dir',
    list: () => Object.keys(f), remove: (p) => delete f[p], mkdir: () => {}, resolve: (p) => (p.startsWith('/') ? p : `/root/${p}`), cwd: () => '/root', snapshot: () => f,
  }
}

async function run(line: string[], answer: ApiResponse = { status: 403, headers: { 'content-type': 'application/json' }, body: STATUS_403 }) {
  let out = ''
  let err = ''
  const requests: ApiRequest[] = []
  const lab: LabServices = {
    api: async (r) => { requests.push(r); return answer },
    now: () => Date.UTC(2026, 11, 5, 9, 44, 43),
    advance: async () => '', waitUntil: async () => true, reset: async () => {},
  }
  const ctx = { argv: ['curl', ...line], stdin: '', stdinIsTTY: true, stdoutIsTTY: true, stdout: (t: string) => { out += t }, stderr: (t: string) => { err += t }, fs: memFs({ '/root/ca.crt': CLUSTER_CA_PEM }), lab } as unknown as CommandContext
  const code = await curl.run(ctx)
  return { code, out, err, requests }
}

const URL = 'https://10.0.1.10:6443/api/v1/namespaces/default/secrets'

describe('curl -v', () => {
  it('prints the TLS and HTTP/2 lines of §6.1 with the lab\'s address and certificate', async () => {
    const r = await run(['-v', '--cacert', 'ca.crt', '-H', 'Authorization: Bearer abc.def.ghi', URL])
    const lines = r.err.split('\n')
    expect(lines.slice(0, 6)).toEqual([
      '*   Trying 10.0.1.10:6443...',
      '* Connected to 10.0.1.10 (10.0.1.10) port 6443 (#0)',
      '* ALPN: offers h2,http/1.1',
      '* TLSv1.3 (OUT), TLS handshake, Client hello (1):',
      '*  CAfile: ca.crt',
      '*  CApath: /etc/ssl/certs',
    ])
    expect(r.err).toContain('* SSL connection using TLSv1.3 / TLS_AES_128_GCM_SHA256\n* ALPN: server accepted h2\n* Server certificate:\n*  subject: CN=kube-apiserver\n')
    expect(r.err).toContain('*  subjectAltName: host "10.0.1.10" matched cert\'s IP address!\n*  issuer: CN=kubernetes\n*  SSL certificate verify ok.\n* using HTTP/2\n')
    expect(r.err).toContain(
      '* h2h3 [:method: GET]\n* h2h3 [:path: /api/v1/namespaces/default/secrets]\n* h2h3 [:scheme: https]\n* h2h3 [:authority: 10.0.1.10:6443]\n' +
        '* h2h3 [user-agent: curl/7.88.1]\n* h2h3 [accept: */*]\n* h2h3 [authorization: Bearer abc.def.ghi]\n',
    )
    expect(r.err).toContain(
      '> GET /api/v1/namespaces/default/secrets HTTP/2\n> Host: 10.0.1.10:6443\n> user-agent: curl/7.88.1\n> accept: */*\n> authorization: Bearer abc.def.ghi\n> \n' +
        '* TLSv1.3 (IN), TLS handshake, Newsession Ticket (4):\n< HTTP/2 403 \n< content-type: application/json\n',
    )
    expect(r.err).toMatch(/< date: Sat, 05 Dec 2026 09:44:43 GMT\n< \n\* Connection #0 to host 10\.0\.1\.10 left intact\n$/)
    expect(r.out).toContain('"code": 403')
  })
  it('with -k: no subjectAltName line, and the verify result continuing anyway', async () => {
    const r = await run(['-vk', URL])
    expect(r.err).not.toContain('subjectAltName')
    expect(r.err).toContain('*  issuer: CN=kubernetes\n*  SSL certificate verify result: unable to get local issuer certificate (20), continuing anyway.\n')
  })
})

describe('curl authentication options', () => {
  it('-u sends Basic credentials, --oauth2-bearer a bearer token', async () => {
    expect((await run(['-k', '-u', 'admin:secret', URL])).requests[0].headers.authorization).toBe(`Basic ${btoa('admin:secret')}`)
    expect((await run(['-k', '--oauth2-bearer', 'abc', URL])).requests[0].headers.authorization).toBe('Bearer abc')
  })
  it('-d without a Content-Type sends the form encoding', async () => {
    const r = await run(['-k', '-d', '{"kind":"TokenReview"}', URL])
    expect(r.requests[0].headers['content-type']).toBe('application/x-www-form-urlencoded')
  })
})

describe('curl failure options (§6.4)', () => {
  it('--fail-with-body prints the body, then the (22) line, exit 22', async () => {
    const r = await run(['-k', '--fail-with-body', URL])
    expect(r.code).toBe(22)
    expect(r.out).toContain('"reason": "Forbidden"')
    expect(r.err).toBe('curl: (22) The requested URL returned error: 403\n')
  })
  it('--fail prints no body', async () => {
    const r = await run(['-k', '--fail', URL])
    expect([r.code, r.out, r.err]).toEqual([22, '', 'curl: (22) The requested URL returned error: 403\n'])
  })
  it('77 for a CA file it cannot read', async () => {
    const r = await run(['--cacert', 'x.pem', URL])
    expect([r.code, r.err]).toEqual([77, 'curl: (77) error setting certificate file: x.pem\n'])
  })
})

describe('curl -w %{json} and --help', () => {
  it('%{json}: one line, keys in curl\'s order, no newline', async () => {
    const r = await run(['-k', '-s', '-o', '/dev/null', '-w', '%{json}', URL])
    const keys = Object.keys(JSON.parse(r.out))
    expect(keys.slice(0, 4)).toEqual(['certs', 'content_type', 'errormsg', 'exitcode'])
    expect(keys[keys.length - 1]).toBe('curl_version')
    expect(keys).toHaveLength(41)
    expect(r.out).toContain('"http_code":403,"http_connect":0,"http_version":"2"')
    expect(r.out).toContain('"errormsg":null,"exitcode":0')
    expect(r.out).toMatch(/"time_total":\d\.\d{6},/)
    expect(r.out.endsWith('}')).toBe(true)
  })
  it('--help prints the short menu', async () => {
    const r = await run(['--help'])
    expect(r.code).toBe(0)
    expect(r.out.split('\n')[0]).toBe('Usage: curl [options...] <url>')
    expect(r.out).toContain(' -u, --user <user:password> Server user and password\n')
    expect(r.out.endsWith('For all options use the manual or "--help all".\n')).toBe(true)
  })
})
