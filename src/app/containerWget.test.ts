// busybox wget in the pods. The expected lines were recorded on this machine (2026-12-05) with
// BusyBox 1.35.0's wget (Debian) against a python3 http.server on 127.0.0.1:8088 (stderr not a
// terminal); the lab's API server speaks HTTP/1.1 (Go) where python's spoke HTTP/1.0, and its
// host and address replace 127.0.0.1:8088 in the Connecting line.
import { beforeAll, describe, expect, it } from 'vitest'
import { createLab, type Lab } from './lab'
import { parseWgetArgs, size5, statusBar, WGET_USAGE } from './wgetOptions'
import { toolOf } from '../cluster/kubelet/exec/rootfs'

describe('wget command line and status bar (busybox 1.35 wget)', () => {
  it('sizes in five columns and the bar, as recorded for bodies of 19 B to 1.5 MB', () => {
    // real: `busybox wget -O /dev/null http://127.0.0.1:8088/FILE` for files of these sizes
    expect([19, 230, 5000, 99999, 100000, 150000, 1500000].map(size5)).toEqual(['   19', '  230', ' 5000', '99999', '97.6k', ' 146k', '1464k'])
    expect(statusBar('hello.txt', 19)).toBe('hello.txt            100% |********************************|    19  0:00:00 ETA\n')
    expect(statusBar('/dev/null', 5000)).toBe('null                 100% |********************************|  5000  0:00:00 ETA\n')
    expect(statusBar('a-very-long-file-name-here.txt', 5000)).toBe('a-very-long-file-nam 100% |********************************|  5000  0:00:00 ETA\n')
    expect(statusBar('-', 7)).toBe('-                    100% |********************************|     7  0:00:00 ETA\n')
    // an empty body draws no bar (real: only `saving to` and `saved`)
    expect(statusBar('empty.txt', 0)).toBe('')
  })

  it('options as getopt32 reads them, musl getopt messages (Alpine) before the usage', () => {
    const o = parseWgetArgs(['-qO-', '--header', 'Authorization: Bearer x', '-U', 'me', '--no-check', 'https://h/p'])
    expect(o.ok && o.options).toMatchObject({ quiet: true, output: '-', headers: ['Authorization: Bearer x'], userAgent: 'me', noCheckCertificate: true, urls: ['https://h/p'] })
    expect(parseWgetArgs([])).toEqual({ ok: false, stderr: WGET_USAGE })
    expect(parseWgetArgs(['-Z', 'u'])).toEqual({ ok: false, stderr: `wget: unrecognized option: Z\n${WGET_USAGE}` })
    expect(parseWgetArgs(['--bogus', 'u'])).toEqual({ ok: false, stderr: `wget: unrecognized option: bogus\n${WGET_USAGE}` })
    expect(parseWgetArgs(['-O'])).toEqual({ ok: false, stderr: `wget: option requires an argument: O\n${WGET_USAGE}` })
    expect(parseWgetArgs(['--post', 'x', 'u'])).toEqual({ ok: false, stderr: `wget: option is ambiguous: post\n${WGET_USAGE}` })
    expect(WGET_USAGE.split('\n').slice(0, 5)).toEqual([
      'BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.', '',
      'Usage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]',
      '\t[--post-data STR | --post-file FILE] [-Y on/off]',
      '\t[--no-check-certificate] [-P DIR] [-U AGENT] URL...',
    ])
  })
})

let lab: Lab
const run = (line: string) => lab.run(line)
const SA = '/var/run/secrets/kubernetes.io/serviceaccount'
const pods = (flags: string) => `kubectl -n sa-demo exec app -- sh -c 'wget ${flags} --header "Authorization: Bearer $(cat ${SA}/token)" https://kubernetes.default.svc/api/v1/namespaces/sa-demo/pods'`

beforeAll(async () => {
  lab = await createLab({ seed: '1' })
  await run('kubectl create namespace sa-demo')
  await run('kubectl -n sa-demo run app --image=registry.k8s.io/e2e-test-images/agnhost:2.45 --command -- sleep 100000')
  await run('kubectl -n sa-demo run bb --image=busybox:1.36 --command -- sleep 100000')
  await run('kubectl -n sa-demo run web --image=nginx:1.27 --command -- sleep 100000')
  await run('kubectl -n sa-demo wait --for=condition=Ready pod/app pod/bb pod/web')
}, 60_000)

describe('which images have wget and nslookup', () => {
  it('busybox links where busybox is the userland, BIND in agnhost, nothing in Debian-based images', () => {
    const net = (image: string) => ({ wget: toolOf(image, 'wget'), nslookup: toolOf(image, 'nslookup') })
    expect(net('registry.k8s.io/e2e-test-images/agnhost:2.45')).toEqual({ wget: { dir: '/usr/bin', busybox: true }, nslookup: { dir: '/usr/bin', busybox: false } })
    expect(net('busybox:1.36')).toEqual({ wget: { dir: '/bin', busybox: true }, nslookup: { dir: '/bin', busybox: true } })
    for (const image of ['alpine:3.20', 'nginx:1.27-alpine', 'curlimages/curl:8.11.1', 'python:3.12-alpine']) expect(net(image)).toEqual({ wget: { dir: '/usr/bin', busybox: true }, nslookup: { dir: '/usr/bin', busybox: true } })
    for (const image of ['nginx:1.27', 'ubuntu:24.04', 'debian:12', 'python:3.12-slim', 'registry.k8s.io/pause:3.10']) expect(net(image)).toEqual({ wget: undefined, nslookup: undefined })
  })
})

describe('wget from inside the pod to the API server', () => {
  it('the images that have it: busybox links in Alpine and busybox images, none in Debian nginx', async () => {
    expect((await run('kubectl -n sa-demo exec app -- which wget nslookup')).stdout).toBe('/usr/bin/wget\n/usr/bin/nslookup\n')
    expect((await run('kubectl -n sa-demo exec app -- ls -l /usr/bin/wget')).stdout).toContain('/usr/bin/wget -> /bin/busybox')
    expect((await run('kubectl -n sa-demo exec bb -- which wget nslookup')).stdout).toBe('/bin/wget\n/bin/nslookup\n')
    expect((await run('kubectl -n sa-demo exec web -- wget -q http://kubernetes.default.svc/')).stderr).toContain('executable file not found in $PATH')
  })

  it('Alpine checks the server against the system CAs: the cluster CA fails without --no-check-certificate', async () => {
    const r = await run(pods('-qO-'))
    expect(r.stderr).toBe('ssl_client: kubernetes.default.svc: handshake failed: error:0A000086:SSL routines::certificate verify failed\n' +
      'wget: error getting response: Connection reset by peer\ncommand terminated with exit code 1\n')
    expect(r.exitCode).toBe(1)
  })

  it('403 without a RoleBinding, as the pod\'s ServiceAccount in the audit record', async () => {
    const r = await run(pods('-O- --no-check-certificate'))
    expect(r).toEqual({ stdout: '', stderr: 'Connecting to kubernetes.default.svc (10.32.0.1:443)\nwget: server returned error: HTTP/1.1 403 Forbidden\ncommand terminated with exit code 1\n', exitCode: 1 })
    const audit = (await run('lab audit 2')).stdout
    expect(audit).toMatch(/403 +system:serviceaccount:sa-demo:default +list \/api\/v1\/namespaces\/sa-demo\/pods .*pod app/)
  })

  it('200 with a RoleBinding: the list on stdout with -O-, the lines of a download on stderr', async () => {
    await run('kubectl -n sa-demo create role pod-reader --verb=get,list --resource=pods')
    await run('kubectl -n sa-demo create rolebinding app-reads-pods --role=pod-reader --serviceaccount=sa-demo:default')
    const r = await run(pods('-O- --no-check-certificate'))
    expect(r.exitCode).toBe(0)
    expect(JSON.parse(r.stdout).kind).toBe('PodList')
    const size = new TextEncoder().encode(r.stdout).length
    // real: `Connecting to …`, `writing to stdout`, the bar named `-`, `written to stdout`
    expect(r.stderr).toBe(`Connecting to kubernetes.default.svc (10.32.0.1:443)\nwriting to stdout\n${statusBar('-', size)}written to stdout\n`)
    expect((await run('lab audit 2')).stdout).toMatch(/200 +system:serviceaccount:sa-demo:default +list \/api\/v1\/namespaces\/sa-demo\/pods +RBAC: allowed by RoleBinding "app-reads-pods\/sa-demo"/)
  })

  it('saves to the last part of the path, refuses to overwrite it, -S shows the response headers', async () => {
    const r = await run(`kubectl -n sa-demo exec app -- sh -c 'cd /tmp; wget --no-check-certificate https://kubernetes.default.svc/version; grep -c gitVersion version; wget --no-check-certificate https://kubernetes.default.svc/version'`)
    const size = (await run(`kubectl -n sa-demo exec app -- sh -c 'wget -qO- --no-check-certificate https://kubernetes.default.svc/version | wc -c'`)).stdout.trim()
    expect(r.stdout).toBe('1\n')
    // real: `saving to 'hello.txt'`, bar, `'hello.txt' saved`; then `wget: can't open 'hello.txt': File exists`
    expect(r.stderr).toBe(`Connecting to kubernetes.default.svc (10.32.0.1:443)\nsaving to 'version'\n${statusBar('version', Number(size))}'version' saved\n` +
      "Connecting to kubernetes.default.svc (10.32.0.1:443)\nwget: can't open 'version': File exists\ncommand terminated with exit code 1\n")
    const s = await run('kubectl -n sa-demo exec app -- wget -S -O /dev/null --no-check-certificate https://kubernetes.default.svc/version')
    const lines = s.stderr.split('\n')
    expect(lines[1]).toBe('  HTTP/1.1 200 OK')
    expect(lines.slice(2, 4)).toEqual([expect.stringMatching(/^ {2}Audit-Id: [0-9a-f-]{36}$/), '  Cache-Control: no-cache, private'])
    expect(lines).toContain(`  Content-Length: ${size}`)
    expect(lines[lines.indexOf('  Connection: close') + 1]).toBe('  ')
  })

  it('names, addresses and usage as busybox reports them', async () => {
    expect((await run('kubectl -n sa-demo exec app -- wget http://nope/')).stderr).toBe("wget: bad address 'nope'\ncommand terminated with exit code 1\n")
    expect((await run('kubectl -n sa-demo exec app -- wget -q http://nope:81/')).stderr).toBe("wget: bad address 'nope:81'\ncommand terminated with exit code 1\n")
    expect((await run('kubectl -n sa-demo exec app -- wget http://127.0.0.1:8089/')).stderr)
      .toBe("Connecting to 127.0.0.1:8089 (127.0.0.1:8089)\nwget: can't connect to remote host (127.0.0.1): Connection refused\ncommand terminated with exit code 1\n")
    expect((await run('kubectl -n sa-demo exec app -- wget -O- gopher://h/x')).stderr).toBe('wget: not an http or ftp url: gopher://h/x\ncommand terminated with exit code 1\n')
    expect((await run('kubectl -n sa-demo exec app -- wget')).stderr).toBe(`${WGET_USAGE}command terminated with exit code 1\n`)
    // Go answers plain HTTP on the TLS port with a fixed HTTP/1.0 400
    expect((await run('kubectl -n sa-demo exec app -- wget -q http://kubernetes.default.svc:443/')).stderr).toBe('wget: server returned error: HTTP/1.0 400 Bad Request\ncommand terminated with exit code 1\n')
    expect(await run('kubectl -n sa-demo exec app -- wget --spider --no-check-certificate https://kubernetes.default.svc/version'))
      .toEqual({ stdout: '', stderr: 'Connecting to kubernetes.default.svc (10.32.0.1:443)\nremote file exists\n', exitCode: 0 })
  })

  it('the busybox image\'s wget does not check certificates: it says so and goes on', async () => {
    const r = await run('kubectl -n sa-demo exec bb -- wget -qO- https://kubernetes.default.svc.cluster.local/version')
    expect(r.stderr).toBe('wget: note: TLS certificate validation not implemented\n')
    expect(JSON.parse(r.stdout).gitVersion).toBe('v1.35.0')
  })
})

describe('nslookup in the pods', () => {
  it('BIND in agnhost finds the Service through the search list; busybox asks a dotted name as it is', async () => {
    expect(await run('kubectl -n sa-demo exec app -- nslookup kubernetes.default')).toEqual({
      stdout: 'Server:\t\t10.32.0.10\nAddress:\t10.32.0.10#53\n\nName:\tkubernetes.default.svc.cluster.local\nAddress: 10.32.0.1\n\n', stderr: '', exitCode: 0,
    })
    const bb = await run('kubectl -n sa-demo exec bb -- nslookup kubernetes.default')
    expect(bb.stdout).toBe("Server:\t\t10.32.0.10\nAddress:\t10.32.0.10:53\n\n** server can't find kubernetes.default: NXDOMAIN\n\n** server can't find kubernetes.default: NXDOMAIN\n\n")
    expect(bb.exitCode).toBe(1)
    expect((await run('kubectl -n sa-demo exec bb -- nslookup kubernetes.default.svc.cluster.local')).stdout).toContain('Name:\tkubernetes.default.svc.cluster.local\nAddress: 10.32.0.1\n')
    expect((await run('kubectl -n sa-demo exec web -- nslookup kubernetes.default')).stderr).toContain('executable file not found in $PATH')
    // the cluster DNS answers PTR for a Service's ClusterIP (BIND prints no Server lines for it)
    expect((await run('kubectl -n sa-demo exec app -- nslookup 10.32.0.1')).stdout).toBe('1.0.32.10.in-addr.arpa\tname = kubernetes.default.svc.cluster.local.\n\n')
    expect((await run('kubectl -n sa-demo exec app -- nslookup 10.32.0.99')).stdout).toBe("** server can't find 99.0.32.10.in-addr.arpa: NXDOMAIN\n\n")
  })
})
