// Test helper: a real kubectl binary (v1.33 from the Google Cloud SDK, else /usr/bin/kubectl) talking to a tiny
// loopback fake API server that serves discovery (core, rbac, authentication, authorization groups) and 404s or
// canned answers for everything else. Used by the differential (*.oracle.test.ts) tests.

import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { requireTools, runBatch } from '../../testing/realTools'

export const BINARY = ['/usr/lib/google-cloud-sdk/bin/kubectl.1.33', '/usr/bin/kubectl'].find((p) => existsSync(p))

const res = (name: string, kind: string, namespaced: boolean, shortNames: string[] = []) => ({
  name, singularName: kind.toLowerCase(), namespaced, kind, verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'], ...(shortNames.length ? { shortNames } : {}),
})
const gv = (name: string) => ({ name, versions: [{ groupVersion: `${name}/v1`, version: 'v1' }], preferredVersion: { groupVersion: `${name}/v1`, version: 'v1' } })
const DISCOVERY: Record<string, unknown> = {
  '/api': { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '10.0.1.10:6443' }] },
  '/apis': { kind: 'APIGroupList', apiVersion: 'v1', groups: [gv('authentication.k8s.io'), gv('authorization.k8s.io'), gv('rbac.authorization.k8s.io')] },
  '/api/v1': {
    kind: 'APIResourceList', groupVersion: 'v1',
    resources: [res('configmaps', 'ConfigMap', true, ['cm']), res('events', 'Event', true, ['ev']), res('namespaces', 'Namespace', false, ['ns']), res('nodes', 'Node', false, ['no']),
      res('pods', 'Pod', true, ['po']), res('secrets', 'Secret', true), res('serviceaccounts', 'ServiceAccount', true, ['sa'])],
  },
  '/apis/rbac.authorization.k8s.io/v1': {
    kind: 'APIResourceList', apiVersion: 'v1', groupVersion: 'rbac.authorization.k8s.io/v1',
    resources: [res('clusterrolebindings', 'ClusterRoleBinding', false), res('clusterroles', 'ClusterRole', false), res('rolebindings', 'RoleBinding', true), res('roles', 'Role', true)],
  },
  '/apis/authentication.k8s.io/v1': { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: 'authentication.k8s.io/v1', resources: [res('selfsubjectreviews', 'SelfSubjectReview', false), res('tokenreviews', 'TokenReview', false)] },
  '/apis/authorization.k8s.io/v1': {
    kind: 'APIResourceList', apiVersion: 'v1', groupVersion: 'authorization.k8s.io/v1',
    resources: [res('localsubjectaccessreviews', 'LocalSubjectAccessReview', true), res('selfsubjectaccessreviews', 'SelfSubjectAccessReview', false), res('selfsubjectrulesreviews', 'SelfSubjectRulesReview', false), res('subjectaccessreviews', 'SubjectAccessReview', false)],
  },
}

export interface OracleServer {
  url: string
  /** Every request's path with its query, in order. */
  seen: string[]
  close(): void
}

/**
 * Starts the fake server; `mode` 401 answers every request with 401 Unauthorized. `objects` maps
 * more paths (e.g. `/apis/rbac.authorization.k8s.io/v1/namespaces/sa-demo/roles/r`) to their bodies
 * (a string is sent as text, as a pod's log is).
 */
export async function startOracleServer(mode: 'ok' | '401' = 'ok', objects: Record<string, unknown> = {}): Promise<OracleServer> {
  const seen: string[] = []
  const server = http.createServer((req, r) => {
    req.resume()
    seen.push(req.url ?? '/')
    const path = new URL(req.url ?? '/', 'http://x').pathname
    const body = mode === '401' ? undefined : DISCOVERY[path] ?? objects[path]
    const code = mode === '401' ? 401 : body !== undefined ? 200 : 404
    if (typeof body === 'string') {
      r.writeHead(200, { 'content-type': 'text/plain' })
      r.end(body)
      return
    }
    r.writeHead(code, { 'content-type': 'application/json' })
    r.end(JSON.stringify(body ?? { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: code === 401 ? 'Unauthorized' : 'not found', reason: code === 401 ? 'Unauthorized' : 'NotFound', code }))
  })
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, close: () => server.close() }
}

/** A working directory with these files, for the real binary (the lab gets the same files under /root). */
export function workdir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'kubectl-oracle-'))
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  return dir
}

export interface Real {
  stdout: string
  stderr: string
  exitCode: number
}

/** Runs the real kubectl with --kubeconfig=/dev/null -s URL; klog lines are kept (stamps and pid vary, compare by pattern). */
export function real(url: string, args: string[], cwd?: string): Promise<Real> {
  const cache = mkdtempSync(join(tmpdir(), 'kubectl-cache-'))
  return new Promise((resolve) => {
    execFile(BINARY as string, ['--kubeconfig=/dev/null', '-s', url, `--cache-dir=${cache}`, ...args], { cwd, env: { HOME: '/nonexistent', PATH: '/usr/bin:/bin' } }, (err, stdout, stderr) =>
      resolve({ stdout, stderr, exitCode: err ? Number((err as { code?: number }).code ?? 1) : 0 }),
    )
  })
}

/** The real binary, or a failure naming the missing tool. */
export function requireKubectl(): string {
  if (!BINARY) requireTools('kubectl')
  return BINARY as string
}

/** Many `real` invocations in one bash process, six at a time (each with a cache directory of its own). */
export function realBatch(url: string, argsList: readonly string[][], cwd?: string): Promise<Real[]> {
  const binary = requireKubectl()
  const calls = argsList.map((args) => ({
    argv: [binary, '--kubeconfig=/dev/null', '-s', url, `--cache-dir=${mkdtempSync(join(tmpdir(), 'kubectl-cache-'))}`, ...args],
    cwd,
    env: { HOME: '/nonexistent', PATH: '/usr/bin:/bin' },
  }))
  return runBatch(calls, { parallel: 6 })
}

/** kubectl ≤1.33 prints `creationTimestamp: null` for kubectl-built objects; 1.35 does not (kubernetes-objects.md §1a). */
export const drop133 = (s: string) =>
  s.replace(/,"creationTimestamp":null/g, '').replace(/^ *creationTimestamp: null\n/gm, '').replace(/^ *"creationTimestamp": null,\n/gm, '').replace(/,\n *"creationTimestamp": null\n/g, '\n')

/** klog lines (errors, warnings, info) with their time stamp and pid masked. */
export const maskKlog = (s: string) => s.replace(/^([EWI])\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ /gm, '$10000 00:00:00.000000 PID ')
