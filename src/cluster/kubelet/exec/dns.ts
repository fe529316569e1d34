// In-cluster DNS as a pod sees it: the search path of its resolv.conf (ndots:5) and the Services'
// A records `<service>.<namespace>.svc.cluster.local`.
// Imitates: CoreDNS's kubernetes plugin and the glibc/musl search-list walk.

import type { ObjectStore } from '../../store/store'

export const CLUSTER_DOMAIN = 'cluster.local'

/** The search list the kubelet writes into a pod's resolv.conf. */
export function searchList(namespace: string): string[] {
  return [`${namespace}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN]
}

/** A fully qualified name's A record: a Service's ClusterIP, or undefined. */
function lookupFQDN(store: ObjectStore, fqdn: string): string | undefined {
  const m = /^([a-z0-9-]+)\.([a-z0-9-]+)\.svc\.cluster\.local$/.exec(fqdn.toLowerCase())
  if (!m) return undefined
  const svc = store.get('services', m[2], m[1])
  const ip = (svc?.spec as { clusterIP?: string } | undefined)?.clusterIP
  return ip && ip !== 'None' ? ip : undefined
}

/** Resolve a name from a pod of `namespace`: IPs as they are, names through the search list. */
export function resolveInCluster(store: ObjectStore, namespace: string, name: string, fallback?: (fqdn: string) => string | undefined): string | undefined {
  if (/^\d+\.\d+\.\d+\.\d+$/.test(name)) return name
  if (name === 'localhost') return '127.0.0.1'
  const absolute = name.endsWith('.')
  const bare = name.replace(/\.$/, '')
  const dots = bare.split('.').length - 1
  const candidates = absolute ? [bare] : dots >= 5 ? [bare, ...searchList(namespace).map((s) => `${bare}.${s}`)] : [...searchList(namespace).map((s) => `${bare}.${s}`), bare]
  for (const c of candidates) {
    const ip = lookupFQDN(store, c) ?? fallback?.(c)
    if (ip) return ip
  }
  return undefined
}

/** The PTR answer for a Service's ClusterIP: `<service>.<namespace>.svc.cluster.local`, or undefined. */
export function reverseInCluster(store: ObjectStore, ip: string): string | undefined {
  for (const svc of store.read('services')) {
    if ((svc.spec as { clusterIP?: string } | undefined)?.clusterIP === ip) return `${svc.metadata.name}.${svc.metadata.namespace}.svc.${CLUSTER_DOMAIN}`
  }
  return undefined
}
