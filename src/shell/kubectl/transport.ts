// Imitates: net/http and crypto/tls as client-go's transport meets them (url.Error, x509 verification, dial errors),
// client-go discovery/cached/memory/memcache.go (the klog lines of a failed discovery) and kubectl's
// pkg/cmd/util/helpers.go StandardErrorMessage for *url.Error.

import { CLUSTER_CA_PEM } from '../../cluster/pki/fixed'
import type { CommandContext } from '../types'
import { KubectlError } from './errors'
import { TransportError } from './transportError'
import { memo } from '../../common/memo'

export { TransportError }

/** The lab's API server, as every kubeconfig and client reaches it. */
export const LAB_API_HOST = '10.0.1.10:6443'
/** Hosts of the lab's network that exist (a connection to a port nobody listens on is refused). */
const KNOWN_IPS = /^(10\.0\.1\.\d{1,3}|127\.\d+\.\d+\.\d+|localhost|\[::1\])$/

/** The PEM certificate blocks of a CA bundle, as base64 DER bodies (whitespace removed); kept by the text (read twice or more in every command). */
export const pemBlocks: (pem: string) => readonly string[] = memo((pem) => {
  const out: string[] = []
  const re = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g
  for (let m = re.exec(pem); m; m = re.exec(pem)) out.push(m[1].replace(/\s+/g, ''))
  return Object.freeze(out)
}, 4)

const CLUSTER_CA_BODY = pemBlocks(CLUSTER_CA_PEM)[0]

/** What the transport needs to know to reach the server. */
export interface TransportConfig {
  scheme: string
  /** `host:port` as configured (port may be missing). */
  host?: string
  /** The trusted CA bundle (PEM), if any. */
  caPem?: string
  insecure: boolean
}

/** `host:port` with the scheme's default port, as net.Dial sees it. */
function dialAddress(scheme: string, host: string): string {
  if (/:\d+$/.test(host) && !host.endsWith(']')) return host
  return `${host}:${scheme === 'http' ? 80 : 443}`
}

/**
 * Why a request to `path` would fail before reaching the API server, or undefined when it gets through:
 * no server configured (localhost:8080), another address (refused), an unknown name, or a server
 * certificate the client does not trust.
 */
export function transportFailure(cfg: TransportConfig, method: string, path: string): TransportError | undefined {
  const host = cfg.host ?? 'localhost:8080'
  const scheme = cfg.host ? cfg.scheme : 'http'
  const url = `${scheme}://${host}${path}`
  const addr = dialAddress(scheme, host)
  const name = addr.replace(/:\d+$/, '')
  if (addr !== LAB_API_HOST) {
    if (!KNOWN_IPS.test(name) && !/^\d+\.\d+\.\d+\.\d+$/.test(name)) {
      return new TransportError(method, url, `dial tcp: lookup ${name} on 127.0.0.53:53: no such host`, host)
    }
    const ip = name === 'localhost' ? '127.0.0.1' : name
    return new TransportError(method, url, `dial tcp ${ip}:${addr.slice(name.length + 1)}: connect: connection refused`, host)
  }
  if (scheme === 'https' && !cfg.insecure && !(cfg.caPem && pemBlocks(cfg.caPem).includes(CLUSTER_CA_BODY))) {
    return new TransportError(method, url, 'tls: failed to verify certificate: x509: certificate signed by unknown authority', host)
  }
  return undefined
}

/** klog's header for an error line: `E1129 15:26:57.281777    4242 ` (the lab's kubectl always has pid 4242). */
function klogStamp(now: number, i: number): string {
  const d = new Date(now)
  const p2 = (n: number) => String(n).padStart(2, '0')
  const us = (d.getUTCMilliseconds() * 1000 + 281777 + i * 1547) % 1_000_000
  return `E${p2(d.getUTCMonth() + 1)}${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${String(us).padStart(6, '0')}    4242 `
}

const goQuote = (s: string) => s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')

/** The `memcache.go:265] "Unhandled Error" err="couldn't get current server API group list: …"` lines, `count` of them. */
export function discoveryLogLines(ctx: CommandContext, count: number, err: string): string {
  let out = ''
  for (let i = 0; i < count; i++) {
    out += `${klogStamp(ctx.lab.now(), i)}memcache.go:265] "Unhandled Error" err="${goQuote(`couldn't get current server API group list: ${err}`)}"\n`
  }
  return out
}

/** The message discovery logs for a 401 (apimachinery NewGenericServerResponse). */
export const UNAUTHORIZED_DISCOVERY = 'the server has asked for the client to provide credentials'

/** A failed discovery that ends the command: the klog lines, then kubectl's message. */
export function discoveryFailure(ctx: CommandContext, count: number, cause: TransportError | 'unauthorized'): KubectlError {
  const logged = cause === 'unauthorized' ? UNAUTHORIZED_DISCOVERY : cause.message
  const final = cause === 'unauthorized' ? `error: You must be logged in to the server (${UNAUTHORIZED_DISCOVERY})` : cause.text
  return new KubectlError(discoveryLogLines(ctx, count, logged) + final)
}
