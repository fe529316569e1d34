// nslookup in the containers against what the real tools print. The expected texts were recorded
// on this machine (2026-12-05) with BIND 9.18.49 (`nslookup -port=5353 NAME`, Debian 12
// bind9-dnsutils) and BusyBox 1.35.0 (`busybox nslookup -port=5353 NAME`), both reading a
// resolv.conf of a pod in sa-demo (search sa-demo.svc.cluster.local svc.cluster.local
// cluster.local, options ndots:5; bind-mounted over /etc/resolv.conf in a private mount
// namespace), asking a throwaway python3 DNS server on 127.0.0.1:5353 that answered, with the AA
// bit as CoreDNS does, A records for kubernetes.default.svc.cluster.local (10.32.0.1) and
// web.sa-demo.svc.cluster.local (10.32.0.50), the PTR of 10.32.0.1, NODATA for their AAAA and
// NXDOMAIN for every other name. The test server's address is then put back to the cluster
// DNS's: `127.0.0.1#5353` → `10.32.0.10#53` (BIND), `127.0.0.1:5353` → `10.32.0.10:53` (busybox).
import { describe, expect, it } from 'vitest'
import { bindNslookup, busyboxNslookup, parseResolvConf, type DnsView } from './containerNslookup'

const RESOLV = 'search sa-demo.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.32.0.10\noptions ndots:5\n'
const RECORDS: Record<string, string> = { 'kubernetes.default.svc.cluster.local': '10.32.0.1', 'web.sa-demo.svc.cluster.local': '10.32.0.50' }
const view: DnsView = {
  ...parseResolvConf(RESOLV),
  lookup: (fqdn) => RECORDS[fqdn.toLowerCase()],
  reverse: (ip) => Object.keys(RECORDS).find((k) => RECORDS[k] === ip),
}
const bindReal = (s: string) => s.replaceAll('127.0.0.1#5353', '10.32.0.10#53').replaceAll('\t\t127.0.0.1\n', '\t\t10.32.0.10\n')
const bbReal = (s: string) => s.replaceAll('127.0.0.1:5353', '10.32.0.10:53').replaceAll('\t\t127.0.0.1\n', '\t\t10.32.0.10\n')

const BIND_HEAD = 'Server:\t\t127.0.0.1\nAddress:\t127.0.0.1#5353\n\n'
const BB_HEAD = 'Server:\t\t127.0.0.1\nAddress:\t127.0.0.1:5353\n\n'

describe('BIND 9.18 nslookup (agnhost: bind-tools)', () => {
  const cases: [string[], string, number][] = [
    [['kubernetes.default'], `${BIND_HEAD}Name:\tkubernetes.default.svc.cluster.local\nAddress: 10.32.0.1\n\n`, 0],
    [['kubernetes.default.svc.cluster.local'], `${BIND_HEAD}Name:\tkubernetes.default.svc.cluster.local\nAddress: 10.32.0.1\n\n`, 0],
    [['web'], `${BIND_HEAD}Name:\tweb.sa-demo.svc.cluster.local\nAddress: 10.32.0.50\n\n`, 0],
    [['KUBERNETES.Default'], `${BIND_HEAD}Name:\tKUBERNETES.Default.svc.cluster.local\nAddress: 10.32.0.1\n\n`, 0],
    [['nosuch'], `${BIND_HEAD}** server can't find nosuch: NXDOMAIN\n\n`, 1],
    [['nosuch.default.svc.cluster.local'], `${BIND_HEAD}** server can't find nosuch.default.svc.cluster.local: NXDOMAIN\n\n`, 1],
    // the kubernetes Service lives in default, not in the pod's sa-demo
    [['kubernetes'], `${BIND_HEAD}** server can't find kubernetes: NXDOMAIN\n\n`, 1],
    [['kubernetes.default.'], `${BIND_HEAD}** server can't find kubernetes.default: NXDOMAIN\n\n`, 1],
    [['-nosearch', 'kubernetes.default'], `${BIND_HEAD}** server can't find kubernetes.default: NXDOMAIN\n\n`, 1],
    [['-ndots=1', 'kubernetes.default'], `${BIND_HEAD}** server can't find kubernetes.default: NXDOMAIN\n\n`, 1],
    [['-ndots=1', 'web.sa-demo.svc.cluster.local'], `${BIND_HEAD}Name:\tweb.sa-demo.svc.cluster.local\nAddress: 10.32.0.50\n\n`, 0],
    [['-type=AAAA', 'kubernetes.default'], `${BIND_HEAD}*** Can't find kubernetes.default: No answer\n\n`, 0],
    [['-type=AAAA', 'nosuch'], `${BIND_HEAD}** server can't find nosuch: NXDOMAIN\n\n`, 1],
    [['-type=bogus', 'nosuch'], `unknown query type: bogus\n${BIND_HEAD}** server can't find nosuch: NXDOMAIN\n\n`, 1],
    [['-bogus', 'kubernetes.default'], `*** Invalid option: bogus\n${BIND_HEAD}Name:\tkubernetes.default.svc.cluster.local\nAddress: 10.32.0.1\n\n`, 0],
    [['kubernetes.default', '127.0.0.1'], `${BIND_HEAD}Name:\tkubernetes.default.svc.cluster.local\nAddress: 10.32.0.1\n\n`, 0],
    // a reverse lookup prints no Server lines
    [['10.32.0.1'], '1.0.32.10.in-addr.arpa\tname = kubernetes.default.svc.cluster.local.\n\n', 0],
  ]
  it.each(cases)('nslookup %j', (args, real, code) => {
    const out = bindNslookup(args.map((a) => (a === '127.0.0.1' ? '10.32.0.10' : a)), view, '')
    expect(out).toEqual({ stdout: bindReal(real), stderr: '', exitCode: code })
  })

  it('without a host reads lookups from stdin (no prompt off a terminal), a newline at the end of input', () => {
    expect(bindNslookup([], view, '')).toEqual({ stdout: '\n', stderr: '', exitCode: 1 })
    const real = `${BIND_HEAD}Name:\tkubernetes.default.svc.cluster.local\nAddress: 10.32.0.1\n${BIND_HEAD}** server can't find nosuch: NXDOMAIN\n\n`
    expect(bindNslookup([], view, 'kubernetes.default\nnosuch\n')).toEqual({ stdout: bindReal(real), stderr: '', exitCode: 1 })
    expect(bindNslookup([], view, 'kubernetes.default\n').exitCode).toBe(0)
  })

  it('three hosts: the usage on stderr', () => {
    const usage = 'Usage:\n   nslookup [-opt ...]             # interactive mode using default server\n' +
      "   nslookup [-opt ...] - server    # interactive mode using 'server'\n" +
      "   nslookup [-opt ...] host        # just look up 'host' using default server\n" +
      "   nslookup [-opt ...] host server # just look up 'host' using 'server'\n"
    expect(bindNslookup(['a', 'b', 'c'], view, '')).toEqual({ stdout: '', stderr: usage, exitCode: 1 })
  })

  it('a server nobody answers on: three timeouts (format of BIND 9.18 communications errors)', () => {
    const r = bindNslookup(['kubernetes.default', '10.0.0.99'], view, '')
    expect(r.stdout).toBe(';; communications error to 10.0.0.99#53: timed out\n'.repeat(3) + ';; no servers could be reached\n\n')
    expect(r.exitCode).toBe(1)
  })
})

describe('busybox nslookup (alpine and busybox images)', () => {
  const nx = (n: string) => `** server can't find ${n}: NXDOMAIN\n\n`
  const search = (n: string) => nx(`${n}.sa-demo.svc.cluster.local`) + nx(`${n}.svc.cluster.local`) + nx(`${n}.cluster.local`)
  const cases: [string[], string, number][] = [
    // a name with a dot is asked as it is (A, then AAAA): the search list is not used
    [['kubernetes.default'], `${BB_HEAD}${nx('kubernetes.default')}${nx('kubernetes.default')}`, 1],
    [['kubernetes.default.svc.cluster.local'], `${BB_HEAD}Name:\tkubernetes.default.svc.cluster.local\nAddress: 10.32.0.1\n\n\n`, 0],
    [['kubernetes.default.'], `${BB_HEAD}${nx('kubernetes.default.')}${nx('kubernetes.default.')}`, 1],
    // a name without a dot: every search domain, for A and for AAAA
    [['nosuch'], `${BB_HEAD}${search('nosuch')}${search('nosuch')}`, 1],
    [['kubernetes'], `${BB_HEAD}${search('kubernetes')}${search('kubernetes')}`, 1],
    [['web'], `${BB_HEAD}Name:\tweb.sa-demo.svc.cluster.local\nAddress: 10.32.0.50\n\n${nx('web.svc.cluster.local')}${nx('web.cluster.local')}\n${nx('web.svc.cluster.local')}${nx('web.cluster.local')}`, 1],
    [['-type=srv', 'kubernetes.default.svc.cluster.local'], `${BB_HEAD}\n`, 0],
    [['10.32.0.1'], `${BB_HEAD}1.0.32.10.in-addr.arpa\tname = kubernetes.default.svc.cluster.local\n\n`, 0],
  ]
  it.each(cases)('nslookup %j', (args, real, code) => {
    expect(busyboxNslookup(args, view)).toEqual({ stdout: bbReal(real), stderr: '', exitCode: code })
  })

  it('no host, an unknown option: the usage; an unknown type: its message', () => {
    const usage = 'BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\n' +
      'Query DNS about HOST\n\nQUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,ptr,srv,any\n'
    expect(busyboxNslookup([], view)).toEqual({ stdout: '', stderr: usage, exitCode: 1 })
    expect(busyboxNslookup(['-bogus', 'kubernetes.default'], view)).toEqual({ stdout: '', stderr: usage, exitCode: 1 })
    expect(busyboxNslookup(['-type=bogus', 'x'], view)).toEqual({ stdout: '', stderr: 'nslookup: invalid query type "bogus"\n', exitCode: 1 })
  })

  it('the server given by its IP is named as typed', () => {
    // real: `busybox nslookup kubernetes.default.svc.cluster.local 127.0.0.1:5353` printed the server as typed
    expect(busyboxNslookup(['kubernetes.default.svc.cluster.local', '10.32.0.10'], view).stdout.split('\n').slice(0, 2)).toEqual(['Server:\t\t10.32.0.10', 'Address:\t10.32.0.10:53'])
    expect(busyboxNslookup(['x', '10.0.0.99'], view)).toEqual({ stdout: ';; connection timed out; no servers could be reached\n\n', stderr: '', exitCode: 1 })
  })
})

describe('parseResolvConf', () => {
  it('reads the kubelet-written resolv.conf', () => {
    expect(parseResolvConf(RESOLV)).toEqual({ server: '10.32.0.10', search: ['sa-demo.svc.cluster.local', 'svc.cluster.local', 'cluster.local'], ndots: 5 })
  })
})
