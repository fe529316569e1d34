// Test helpers: a fake LabServices whose API server serves canned objects, a small HomeFs with the admin
// kubeconfig, and a runner for kubectl command lines.

import type { ApiRequest, ApiResponse } from '../../../cluster/apiserver/types'
import { ADMIN_CERT_PEM, ADMIN_KEY_PEM, CLUSTER_CA_PEM } from '../../../cluster/pki/fixed'
import type { CommandContext, HomeFs, LabServices, ShellEnv } from '../../types'
import { kubectl } from '../index'
import { encodeBase64Text } from '../../../common/base64'

/* eslint-disable @typescript-eslint/no-explicit-any */
type O = Record<string, any>

export const ADMIN_KUBECONFIG = `apiVersion: v1
kind: Config
clusters:
- cluster:
    certificate-authority-data: ${encodeBase64Text(CLUSTER_CA_PEM)}
    server: https://10.0.1.10:6443
  name: kubernetes
contexts:
- context:
    cluster: kubernetes
    user: admin
  name: admin@kubernetes
current-context: admin@kubernetes
users:
- name: admin
  user:
    client-certificate-data: ${encodeBase64Text(ADMIN_CERT_PEM)}
    client-key-data: ${encodeBase64Text(ADMIN_KEY_PEM)}
`

export function status(code: number, reason: string, message: string, details?: O): O {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, ...(details ? { details } : {}), code }
}

export const notFound = (resource: string, name: string) => status(404, 'NotFound', `${resource} "${name}" not found`, { name, kind: resource })

/** A canned API server: `routes` maps `METHOD path-without-query` to a response body (or a function of the request). */
export class FakeLab implements LabServices {
  /** Requests other than discovery (GET /api?timeout=32s), in order. */
  requests: ApiRequest[] = []
  /** Discovery requests. */
  discovery: ApiRequest[] = []
  clock: number
  waits: number[] = []
  /** Called on every waitUntil step; moves the clock by `step` ms until done() or the timeout. */
  step = 1000
  constructor(
    readonly routes: Record<string, O | ((req: ApiRequest) => [number, O] | O)>,
    now: string,
  ) {
    this.clock = Date.parse(now)
  }
  async api(req: ApiRequest): Promise<ApiResponse> {
    if (req.path === '/api?timeout=32s') this.discovery.push(req)
    else this.requests.push(req)
    const key = `${req.method} ${req.path.split('?')[0]}`
    const route = this.routes[key]
    if (route === undefined) return { status: 404, headers: {}, body: status(404, 'NotFound', 'the server could not find the requested resource') }
    const r = typeof route === 'function' ? route(req) : route
    const [code, body] = Array.isArray(r) ? r : [r.kind === 'Status' ? r.code : req.method === 'POST' ? 201 : 200, r]
    return { status: code, headers: { 'content-type': 'application/json' }, body }
  }
  now(): number {
    return this.clock
  }
  async advance(ms: number): Promise<string> {
    this.clock += ms
    return ''
  }
  async waitUntil(done: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
    this.waits.push(timeoutMs)
    const end = this.clock + timeoutMs
    for (;;) {
      if (await done()) return true
      if (this.clock >= end) return false
      this.clock = Math.min(end, this.clock + this.step)
    }
  }
  async reset(): Promise<void> {}
}

export function fakeFs(files: Record<string, string>): HomeFs {
  const f = { ...files }
  const resolve = (p: string) => (p.startsWith('~') ? `/root${p.slice(1)}` : p.startsWith('/') ? p : `/root/${p}`)
  return {
    readFile: (p) => f[resolve(p)],
    writeFile: (p, d, append) => void (f[resolve(p)] = (append ? (f[resolve(p)] ?? '') : '') + d),
    exists: (p) => resolve(p) in f,
    isDir: () => false,
    list: () => undefined,
    remove: (p) => delete f[resolve(p)],
    mkdir: () => {},
    resolve,
    cwd: () => '/root',
    snapshot: () => ({ ...f }),
  }
}

function fakeEnv(vars: Record<string, string>): ShellEnv {
  const v = { ...vars }
  return {
    get: (n) => v[n],
    set: (n, x) => void (v[n] = x),
    unset: (n) => void delete v[n],
    export: () => {},
    isExported: () => true,
    exported: () => ({ ...v }),
    // (kubectl never reads the shell's arrays)
    array: () => undefined,
    assoc: () => undefined,
    putArray: () => {},
    ownArray: () => undefined,
    ownAssoc: () => undefined,
  }
}

export interface RunOutput {
  stdout: string
  stderr: string
  exitCode: number
}

/** Runs `kubectl <args>` against the lab; argv is given already split (as the shell would). */
export async function runKubectl(
  lab: FakeLab,
  argv: string[],
  opts: { files?: Record<string, string>; env?: Record<string, string>; stdin?: string; fs?: HomeFs } = {},
): Promise<RunOutput> {
  let stdout = ''
  let stderr = ''
  const ctx: CommandContext = {
    argv: ['kubectl', ...argv],
    stdin: opts.stdin ?? '',
    stdinIsTTY: opts.stdin === undefined,
    stdoutIsTTY: true,
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    env: fakeEnv(opts.env ?? {}),
    fs: opts.fs ?? fakeFs(opts.files ?? { '/root/.kube/config': ADMIN_KUBECONFIG }),
    lab,
    shell: { history: () => [], clearScreen: () => {}, alternateScreen: () => {}, commands: () => [] },
  }
  const exitCode = await kubectl.run(ctx)
  return { stdout, stderr, exitCode }
}

/** `kubectl get pods -n x` → argv split on spaces (test convenience; no quoting). */
export const words = (line: string) => line.split(' ').filter((w) => w !== '')
