import { describe, expect, it } from 'vitest'
import type { ApiRequest, ApiResponse } from '../../cluster/apiserver/types'
import { CLUSTER_CA_PEM } from '../../cluster/pki/fixed'
import type { CommandContext, HomeFs, LabServices } from '../types'
import { curl } from './curl'
import { parseCurlArgs } from './options'

// Expected texts were printed by the real curl 7.88.1 (Debian 12) against a loopback TLS server.
const SSL_60 = `curl: (60) SSL certificate problem: unable to get local issuer certificate
More details here: https://curl.se/docs/sslcerts.html

curl failed to verify the legitimacy of the server and therefore could not
establish a secure connection to it. To learn more about this situation and
how to fix it, please visit the web page mentioned above.
`
const TRY = "curl: try 'curl --help' or 'curl --manual' for more information\n"

const STATUS_401 = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'Unauthorized', reason: 'Unauthorized', code: 401 }

function memFs(files: Record<string, string>): HomeFs {
  const f = { ...files }
  return {
    readFile: (p) => f[p],
    writeFile: (p, d, append) => { f[p] = append ? (f[p] ?? '') + d : d },
    exists: (p) => p in f || p === '/root',
    isDir: (p) => p === '/root' || p === '/',
    list: () => Object.keys(f),
    remove: (p) => delete f[p],
    mkdir: () => {},
    resolve: (p) => (p.startsWith('/') ? p : `/root/${p}`),
    cwd: () => '/root',
    snapshot: () => f,
  }
}

async function run(line: string[], answer: ApiResponse = { status: 401, headers: { 'content-type': 'application/json' }, body: STATUS_401 }) {
  let out = ''
  let err = ''
  const requests: ApiRequest[] = []
  const fs = memFs({ '/root/ca.pem': CLUSTER_CA_PEM, '/root/other.pem': '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n' })
  const lab: LabServices = {
    api: async (r) => { requests.push(r); return answer },
    now: () => Date.UTC(2026, 4, 23, 23, 30),
    advance: async () => '',
    waitUntil: async () => true,
    reset: async () => {},
  }
  const ctx = { argv: ['curl', ...line], stdin: '', stdinIsTTY: true, stdoutIsTTY: true, stdout: (t: string) => { out += t }, stderr: (t: string) => { err += t }, fs, lab } as unknown as CommandContext
  const code = await curl.run(ctx)
  return { code, out, err, requests }
}

describe('curl', () => {
  // The API server's pretty printer is json.MarshalIndent: no newline after the closing brace
  // (apimachinery runtime/serializer/json), so the shell prompt follows it on the same line.
  it('prints the 401 Status pretty-printed for curl (2 spaces, server key order)', async () => {
    const r = await run(['-s', '--cacert', 'ca.pem', '-H', 'Authorization: Bearer abc', 'https://10.0.1.10:6443/api/v1/namespaces/sa-demo/pods'])
    expect(r.code).toBe(0)
    expect(r.out).toBe(`{
  "kind": "Status",
  "apiVersion": "v1",
  "metadata": {},
  "status": "Failure",
  "message": "Unauthorized",
  "reason": "Unauthorized",
  "code": 401
}`)
    expect(r.requests[0].headers.authorization).toBe('Bearer abc')
    expect(r.requests[0].headers['user-agent']).toBe('curl/7.88.1')
    expect(r.requests[0].path).toBe('/api/v1/namespaces/sa-demo/pods')
  })

  it('-o /dev/null -w prints only the code', async () => {
    const r = await run(['-s', '-o', '/dev/null', '-w', 'HTTP %{http_code}\\n', '--cacert', 'ca.pem', 'https://10.0.1.10:6443/api'])
    expect(r.out).toBe('HTTP 401\n')
  })

  it('refuses the server certificate without --cacert (error 60), silently with -s', async () => {
    expect((await run(['https://10.0.1.10:6443/api'])).err).toBe(SSL_60)
    const quiet = await run(['-s', 'https://10.0.1.10:6443/api'])
    expect([quiet.code, quiet.err, quiet.out]).toEqual([60, '', ''])
    const shown = await run(['-sS', 'https://10.0.1.10:6443/api'])
    expect([shown.code, shown.err]).toEqual([60, SSL_60])
  })

  it('refuses a CA file that is not the cluster CA (60) and a missing one (77)', async () => {
    expect((await run(['-sS', '--cacert', 'other.pem', 'https://10.0.1.10:6443/'])).code).toBe(60)
    const missing = await run(['-sS', '--cacert', 'nope.pem', 'https://10.0.1.10:6443/'])
    expect([missing.code, missing.err]).toEqual([77, 'curl: (77) error setting certificate file: nope.pem\n'])
  })

  it('-k skips verification', async () => {
    expect((await run(['-sk', 'https://10.0.1.10:6443/api'])).code).toBe(0)
  })

  it('fails to reach other hosts as curl does', async () => {
    expect((await run(['-sS', 'https://10.0.1.11:6443/'])).err).toBe("curl: (7) Failed to connect to 10.0.1.11 port 6443 after 0 ms: Couldn't connect to server\n")
    expect((await run(['-sS', 'https://example.com/'])).err).toBe('curl: (6) Could not resolve host: example.com\n')
    const w = await run(['-sS', '-w', 'code=%{http_code}\\n', 'http://127.0.0.1:1/'])
    expect([w.code, w.out]).toEqual([7, 'code=000\n'])
  })

  it('reports option errors as curl does', async () => {
    expect(parseCurlArgs(['--foo', 'x'])).toEqual({ ok: false, exitCode: 2, message: `curl: option --foo: is unknown\n${TRY}` })
    expect(parseCurlArgs([])).toEqual({ ok: false, exitCode: 2, message: `curl: no URL specified!\n${TRY}` })
    expect(parseCurlArgs(['-7'])).toMatchObject({ ok: false, message: `curl: option -7: is unknown\n${TRY}` })
  })

  it('warns about unknown --write-out variables', async () => {
    const r = await run(['-s', '-k', '-o', '/dev/null', '-w', '%{foo}\\n', 'https://10.0.1.10:6443/'])
    expect(r.err).toBe("curl: unknown --write-out variable: 'foo'\n")
    expect(r.out).toBe('\n')
  })

  it('answers plain http on the TLS port as the Go server does', async () => {
    const r = await run(['-s', 'http://10.0.1.10:6443/api'])
    expect(r.out).toBe('Client sent an HTTP request to an HTTPS server.\n')
  })
})
