// /healthz, /livez and /readyz: `ok`, or with `?verbose` one `[+]<check> ok` line per check and
// `<endpoint> check passed`; `/readyz/<check>` asks one check.
// Imitates: k8s.io/apiserver/pkg/server/healthz/healthz.go (handleRootHealth) and the kube-apiserver's checks

import type { ApiResponse } from '../types'

const POST_START_HOOKS = [
  'start-apiserver-admission-initializer', 'generic-apiserver-start-informers', 'priority-and-fairness-config-consumer',
  'priority-and-fairness-filter', 'storage-object-count-tracker-hook', 'start-apiextensions-informers',
  'start-apiextensions-controllers', 'crd-informer-synced', 'start-system-namespaces-controller',
  'start-cluster-authentication-info-controller', 'start-kube-apiserver-identity-lease-controller',
  'start-kube-apiserver-identity-lease-garbage-collector', 'start-legacy-token-tracking-controller',
  'start-service-ip-repair-controllers', 'rbac/bootstrap-roles', 'scheduling/bootstrap-system-priority-classes',
  'priority-and-fairness-config-producer', 'bootstrap-controller', 'start-kubernetes-service-cidr-controller',
  'aggregator-reload-proxy-client-cert', 'start-kube-aggregator-informers', 'apiservice-status-local-available-controller',
  'apiservice-status-remote-available-controller', 'apiservice-registration-controller', 'apiservice-discovery-controller',
  'kube-apiserver-autoregistration',
].map((h) => `poststarthook/${h}`)

/** The checks of a kubeadm v1.35 API server, in the order it lists them. */
export function healthChecks(endpoint: 'healthz' | 'livez' | 'readyz'): string[] {
  const ready = endpoint === 'readyz'
  return [
    'ping', 'log', 'etcd', ...(ready ? ['etcd-readiness', 'informer-sync'] : []),
    ...POST_START_HOOKS, 'autoregister-completion', 'poststarthook/apiservice-openapi-controller',
    'poststarthook/apiservice-openapiv3-controller', ...(ready ? ['shutdown'] : []),
  ]
}

const HEADERS = { 'cache-control': 'no-cache, private', 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' }

const text = (status: number, body: string): ApiResponse => ({ status, headers: { ...HEADERS }, body })

/** Answer `/<endpoint>` or `/<endpoint>/<check>`; undefined when the path is no health path. */
export function respondHealthPath(path: string, query: URLSearchParams): ApiResponse | undefined {
  const m = /^\/(healthz|livez|readyz)(?:\/(.+))?$/.exec(path)
  if (!m) return undefined
  const endpoint = m[1] as 'healthz' | 'livez' | 'readyz'
  const checks = healthChecks(endpoint)
  if (m[2] !== undefined) return checks.includes(m[2]) ? text(200, 'ok') : undefined
  if (!query.has('verbose')) return text(200, 'ok')
  const excluded = new Set(query.getAll('exclude'))
  let body = ''
  for (const c of checks) body += excluded.delete(c) ? `[+]${c} excluded: ok\n` : `[+]${c} ok\n`
  if (excluded.size) body += `warn: some health checks cannot be excluded: no matches for ${[...excluded].map((x) => `"${x}"`).join(',')}\n`
  return text(200, `${body}${endpoint} check passed\n`)
}
