// nslookup in a container, as its image has it: agnhost adds Alpine's bind-tools, so its
// /usr/bin/nslookup is BIND 9.18's; the alpine and busybox images have busybox's applet. Both ask
// the cluster DNS named in the pod's /etc/resolv.conf, walking its search list their own way.
// Imitates: bind9 bin/dig/nslookup.c and dighost.c (search list by ndots, the printed lines) and
// busybox networking/nslookup.c (FEATURE_NSLOOKUP_BIG: A and AAAA queries, search list only for
// names without a dot, one reply block per query).
//
// The expected lines in containerNslookup.test.ts come from BIND 9.18.49 (Debian 12
// bind9-dnsutils) and BusyBox 1.35.0 (Debian) run against a throwaway DNS server on 127.0.0.1.

import type { ContainerProcess } from '../cluster/kubelet/exec/containerShell'
import type { CommandSpec } from '../shell/types'

export interface DnsView {
  /** The first nameserver of resolv.conf (the cluster DNS Service's ClusterIP). */
  server: string
  search: string[]
  ndots: number
  /** The A record of an absolute name (no trailing dot), or undefined: NXDOMAIN. */
  lookup(fqdn: string): string | undefined
  /** The name a PTR query of this IPv4 address answers (no trailing dot), or undefined. */
  reverse(ip: string): string | undefined
}

interface Out { stdout: string; stderr: string; exitCode: number }

/** The nameserver, search list and ndots of a resolv.conf (the resolver's defaults where missing). */
export function parseResolvConf(text: string): Pick<DnsView, 'server' | 'search' | 'ndots'> {
  let server = '127.0.0.1', search: string[] = [], ndots = 1, haveServer = false
  for (const line of text.split('\n')) {
    const [key, ...rest] = line.trim().split(/\s+/)
    if (key === 'nameserver' && rest[0] && !haveServer) { server = rest[0]; haveServer = true }
    if (key === 'search' || key === 'domain') search = rest
    if (key === 'options') for (const o of rest) if (o.startsWith('ndots:')) ndots = Math.min(15, Number(o.slice(6)) || 0)
  }
  return { server, search, ndots }
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/
const arpa = (ip: string) => `${ip.split('.').reverse().join('.')}.in-addr.arpa`

// ---------------------------------------------------------------------------------------------
// BIND 9.18

const BIND_USAGE = `Usage:
   nslookup [-opt ...]             # interactive mode using default server
   nslookup [-opt ...] - server    # interactive mode using 'server'
   nslookup [-opt ...] host        # just look up 'host' using default server
   nslookup [-opt ...] host server # just look up 'host' using 'server'
`
const BIND_TYPES = new Set(['a', 'aaaa', 'any', 'cname', 'mx', 'ns', 'ptr', 'soa', 'srv', 'txt', 'caa', 'naptr', 'ds', 'dnskey'])
const BIND_FLAGS = new Set(['debug', 'nodebug', 'd2', 'nod2', 'vc', 'novc', 'recurse', 'norecurse', 'defname', 'nodefname', 'search', 'nosearch', 'fail', 'nofail', 'sil', 'silent'])
const BIND_VALUES = new Set(['class', 'cl', 'type', 'ty', 'querytype', 'query', 'qu', 'q', 'domain', 'do', 'port', 'po', 'timeout', 't', 'retry', 'ret', 'ndots'])

interface BindState { type: string; port: number; search: boolean; domain?: string; ndots?: number }

/** One `-opt` or `set opt`: the line BIND prints for it ('' when accepted silently). */
function bindOption(s: BindState, opt: string): string {
  const eq = opt.indexOf('=')
  const name = (eq < 0 ? opt : opt.slice(0, eq)).toLowerCase()
  const val = eq < 0 ? '' : opt.slice(eq + 1)
  if (eq < 0 ? !BIND_FLAGS.has(name) : !BIND_VALUES.has(name)) return `*** Invalid option: ${opt}\n`
  if (['type', 'ty', 'querytype', 'query', 'qu', 'q'].includes(name)) {
    if (!BIND_TYPES.has(val.toLowerCase())) return `unknown query type: ${val}\n`
    s.type = val.toLowerCase()
  }
  if (name === 'port' || name === 'po') s.port = Number(val) || 53
  if (name === 'search') s.search = true
  if (name === 'nosearch') s.search = false
  if (name === 'domain' || name === 'do') s.domain = val
  if (name === 'ndots') s.ndots = Number(val) || 0
  return ''
}

/** One lookup: its block (without the blank line that ends a one-shot run) and status. */
function bindLookup(view: DnsView, s: BindState, host: string, server: string): { text: string; ok: boolean } {
  if (s.port !== 53 || server !== view.server) {
    // Nothing answers DNS there: BIND tries three times, then gives up (all on stdout).
    const line = `;; communications error to ${server}#${s.port}: timed out\n`
    return { text: `${line}${line}${line};; no servers could be reached\n`, ok: false }
  }
  if (IPV4.test(host) && s.type === 'a') {
    const name = view.reverse(host)
    // BIND prints a reverse answer without the Server lines.
    return name ? { text: `${arpa(host)}\tname = ${name}.\n`, ok: true } : { text: `** server can't find ${arpa(host)}: NXDOMAIN\n`, ok: false }
  }
  const head = `Server:\t\t${server}\nAddress:\t${server}#${s.port}\n\n`
  const bare = host.replace(/\.$/, '')
  const dots = bare.split('.').length - 1
  const list = s.domain !== undefined ? [s.domain] : s.search ? view.search : []
  const searched = list.map((d) => `${bare}.${d}`)
  const ndots = s.ndots ?? view.ndots
  // dighost.c: a name with ndots dots or more is asked as it is only; a shorter one through the
  // search list first, then as it is.
  const candidates = host.endsWith('.') || dots >= ndots ? [bare] : [...searched, bare]
  for (const fqdn of candidates) {
    const ip = view.lookup(fqdn)
    if (ip === undefined) continue
    if (s.type === 'a' || s.type === 'any') return { text: `${head}Name:\t${fqdn}\nAddress: ${ip}\n`, ok: true }
    // A Service has an A record only: the other types find the name with no answer.
    return { text: `${head}*** Can't find ${bare}: No answer\n`, ok: true }
  }
  return { text: `${head}** server can't find ${bare}: NXDOMAIN\n`, ok: false }
}

/** BIND 9.18 nslookup: one-shot with a host, interactive (stdin, no prompts off a terminal) without. */
export function bindNslookup(args: string[], view: DnsView, stdin: string): Out {
  const s: BindState = { type: 'a', port: 53, search: true }
  let stdout = ''
  const positional: string[] = []
  for (const a of args) {
    if (a.startsWith('-') && a !== '-') stdout += bindOption(s, a.slice(1))
    else positional.push(a)
  }
  if (positional.length > 2) return { stdout, stderr: BIND_USAGE, exitCode: 1 }
  const server = positional[1] ?? view.server
  if (positional.length > 0 && positional[0] !== '-') {
    const r = bindLookup(view, s, positional[0], server)
    return { stdout: `${stdout}${r.text}\n`, stderr: '', exitCode: r.ok ? 0 : 1 }
  }
  // Interactive: each line a host or `set OPTION`, until `exit` or the end of input, then a newline.
  let ok = false
  for (const raw of stdin.split('\n')) {
    const line = raw.trim()
    if (line === '') continue
    if (line === 'exit') break
    const words = line.split(/\s+/)
    if (words[0] === 'set' && words[1]) { stdout += bindOption(s, words[1]); continue }
    const r = bindLookup(view, s, words[0], words[1] ?? server)
    stdout += r.text
    ok = r.ok
  }
  return { stdout: `${stdout}\n`, stderr: '', exitCode: ok ? 0 : 1 }
}

// ---------------------------------------------------------------------------------------------
// busybox

/** The usage as busybox prints it (this machine's BusyBox 1.35.0; Alpine's banner names 1.36). */
export const BUSYBOX_NSLOOKUP_USAGE = `BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.

Usage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]

Query DNS about HOST

QUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,ptr,srv,any
`
const BB_OPTIONS = ['type', 'querytype', 'port', 'retry', 'debug', 't', 'timeout']
const BB_TYPES = ['a', 'aaaa', 'cname', 'mx', 'ns', 'ptr', 'soa', 'srv', 'txt', 'any']

/** busybox nslookup [-type=T] [-port=N] HOST [SERVER]: every query's reply, status 1 if any failed. */
export function busyboxNslookup(args: string[], view: DnsView): Out {
  const usage: Out = { stdout: '', stderr: BUSYBOX_NSLOOKUP_USAGE, exitCode: 1 }
  const types: string[] = []
  let port = 53
  let i = 0
  for (; i < args.length && args[i].startsWith('-'); i++) {
    const opt = args[i].slice(1)
    const eq = opt.indexOf('=')
    const key = eq < 0 ? opt : opt.slice(0, eq)
    const val = eq < 0 ? '' : opt.slice(eq + 1)
    // index_in_substrings: the first option the word begins
    const which = BB_OPTIONS.findIndex((o) => o.startsWith(key))
    if (which < 0) return usage
    if (which <= 1) {
      const t = BB_TYPES.find((x) => x === val.toLowerCase())
      if (!t) return { stdout: '', stderr: `nslookup: invalid query type "${val}"\n`, exitCode: 1 }
      if (!types.includes(t)) types.push(t)
    }
    if (which === 2) port = Number(val) || 53
  }
  const host = args[i], serverArg = args[i + 1]
  if (host === undefined || args[i + 2] !== undefined) return usage
  const server = serverArg ?? view.server
  const serverIP = serverArg === undefined ? view.server : IPV4.test(serverArg) ? serverArg : view.lookup(serverArg)
  if (serverIP !== view.server || port !== 53) return { stdout: ';; connection timed out; no servers could be reached\n\n', stderr: '', exitCode: 1 }
  const queries: { type: string; name: string }[] = []
  const withSearch = (type: string) => {
    if (type === 'ptr' || view.search.length === 0 || host.includes('.')) queries.push({ type, name: host })
    else for (const d of view.search) queries.push({ type, name: `${host}.${d}` })
  }
  if (types.length === 0) {
    if (IPV4.test(host)) queries.push({ type: 'ptr', name: arpa(host) })
    else { withSearch('a'); withSearch('aaaa') }
  } else for (const t of BB_TYPES) if (types.includes(t)) withSearch(t)
  let stdout = `Server:\t\t${server}\nAddress:\t${serverIP}:${port}\n\n`
  let exitCode = 0
  for (const q of queries) {
    const ptrOf = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\.in-addr\.arpa\.?$/i.exec(q.name)
    const target = q.type === 'ptr' && ptrOf ? view.reverse([ptrOf[4], ptrOf[3], ptrOf[2], ptrOf[1]].join('.')) : undefined
    const ip = q.type === 'ptr' ? undefined : view.lookup(q.name.replace(/\.$/, ''))
    if (target === undefined && ip === undefined) {
      stdout += `** server can't find ${q.name}: NXDOMAIN\n`
      exitCode = 1
    } else if (target !== undefined) stdout += `${q.name}\tname = ${target}\n`
    else if (q.type === 'a' || q.type === 'any') stdout += `Name:\t${q.name.replace(/\.$/, '')}\nAddress: ${ip}\n`
    stdout += '\n'
  }
  return { stdout, stderr: '', exitCode }
}

// ---------------------------------------------------------------------------------------------

/** The DNS a process of the pod sees: its resolv.conf, answered by the cluster DNS. */
export function dnsViewOf(p: ContainerProcess, resolvConf: string): DnsView {
  return {
    ...parseResolvConf(resolvConf),
    lookup: (fqdn) => (IPV4.test(fqdn) ? undefined : p.resolve(`${fqdn.toLowerCase()}.`)),
    reverse: (ip) => p.reverse?.(ip),
  }
}

/** nslookup of this container: `bind` for agnhost's bind-tools, else busybox's applet. */
export function containerNslookup(p: ContainerProcess, flavour: 'bind' | 'busybox'): CommandSpec {
  return {
    name: 'nslookup', summary: 'query the cluster DNS', usage: 'nslookup [-type=T] HOST [SERVER]',
    async run(ctx) {
      const view = dnsViewOf(p, ctx.fs.readFile('/etc/resolv.conf') ?? '')
      const args = ctx.argv.slice(1)
      const r = flavour === 'bind' ? bindNslookup(args, view, ctx.stdin) : busyboxNslookup(args, view)
      ctx.stdout(r.stdout)
      ctx.stderr(r.stderr)
      return r.exitCode
    },
  }
}
