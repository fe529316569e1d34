import { describe, expect, it } from 'vitest'
import { T0, podObject, firstNodeKubelet } from '../testing'
import type { ExecResult, Status } from '../../apiserver/types'
import type { ContainerProcess } from './containerShell'
import { resolve } from './vfs'

const DIR = '/var/run/secrets/kubernetes.io/serviceaccount'

async function setup() {
  const { ctx, signer, kubelet } = await firstNodeKubelet('exec')
  ctx.store.create('pods', podObject(ctx))
  ctx.store.create('pods', podObject(ctx, { name: 'app-notoken', token: false }))
  await ctx.runDue(T0 + 5000)
  const run = async (...cmd: string[]) => (await kubelet.exec('sa-demo', 'app', undefined, cmd)) as ExecResult
  return { ctx, kubelet, run, signer }
}

describe('exec in a container', () => {
  it('ls of the token directory, cat namespace without a newline, cat ca.crt', async () => {
    const { run } = await setup()
    expect((await run('ls', `${DIR}/`))).toEqual({ kind: 'ExecResult', stdout: 'ca.crt\nnamespace\ntoken\n', stderr: '', exitCode: 0 })
    expect((await run('cat', `${DIR}/namespace`)).stdout).toBe('sa-demo')
    expect((await run('cat', `${DIR}/ca.crt`)).stdout).toBe('CA PEM\n')
    const tok = (await run('cat', `${DIR}/token`)).stdout
    expect(tok).toMatch(/^eyJhbGciOiJSUzI1NiIsImtpZCI6[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/)
  })

  it('the AtomicWriter layout: ..data -> ..<timestamp>.<digits>, visible names are symlinks', async () => {
    const { run } = await setup()
    const all = (await run('ls', '-a', DIR)).stdout.split('\n')
    expect(all[2]).toMatch(/^\.\.2026_11_29_15_31_58\.\d+$/)
    expect(all.slice(3)).toEqual(['..data', 'ca.crt', 'namespace', 'token', ''])
    const long = (await run('ls', '-la', DIR)).stdout
    const ts = all[2]
    expect(long).toBe([
      'total 4',
      'drwxrwxrwt    3 root     root           140 Nov 29 15:31 .',
      'drwxr-xr-x    3 root     root          4096 Nov 29 15:31 ..',
      `drwxr-xr-x    2 root     root           100 Nov 29 15:31 ${ts}`,
      `lrwxrwxrwx    1 root     root            ${String(ts.length).padStart(2)} Nov 29 15:31 ..data -> ${ts}`,
      'lrwxrwxrwx    1 root     root            13 Nov 29 15:31 ca.crt -> ..data/ca.crt',
      'lrwxrwxrwx    1 root     root            16 Nov 29 15:31 namespace -> ..data/namespace',
      'lrwxrwxrwx    1 root     root            12 Nov 29 15:31 token -> ..data/token',
      '',
    ].join('\n'))
    expect((await run('ls', `${DIR}/..data/`)).stdout).toBe('ca.crt\nnamespace\ntoken\n')
    expect((await run('cat', `${DIR}/..data/namespace`)).stdout).toBe('sa-demo')
  })

  it('a pod without the token volume has no such directory', async () => {
    const { kubelet } = await setup()
    expect(await kubelet.exec('sa-demo', 'app-notoken', 'app-notoken', ['ls', `${DIR}/`])).toEqual({
      kind: 'ExecResult', stdout: '', stderr: `ls: ${DIR}/: No such file or directory\n`, exitCode: 1,
    })
  })

  it('busybox messages and small commands', async () => {
    const { run } = await setup()
    expect((await run('cat', 'x'))).toMatchObject({ stdout: '', stderr: "cat: can't open 'x': No such file or directory\n", exitCode: 1 })
    expect((await run('cat', '/etc'))).toMatchObject({ stderr: 'cat: read error: Is a directory\n', exitCode: 1 })
    expect((await run('echo', 'hello', 'world')).stdout).toBe('hello world\n')
    expect((await run('echo', '-n', 'x')).stdout).toBe('x')
    expect((await run('hostname')).stdout).toBe('app\n')
    expect((await run('cat', '/etc/hostname')).stdout).toBe('app\n')
    expect((await run('pwd')).stdout).toBe('/\n')
    expect((await run('id')).stdout).toBe('uid=0(root) gid=0(root) groups=0(root),1(bin),2(daemon),3(sys),4(adm),6(disk),10(wheel),11(floppy),20(dialout),26(tape),27(video)\n')
    expect((await run('true')).exitCode).toBe(0)
    expect((await run('false')).exitCode).toBe(1)
    expect((await run('sleep', '1')).exitCode).toBe(0)
    expect((await run('/bin/ls', '/var/run/secrets')).stdout).toBe('kubernetes.io\n')
    expect((await run('cat', '/etc/hosts')).stdout).toBe('# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n10.200.0.2\tapp\n')
    expect((await run('cat', '/etc/os-release')).stdout).toContain('ID=alpine\n')
    const env = (await run('env')).stdout
    expect(env.startsWith('PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\nHOSTNAME=app\n')).toBe(true)
    expect(env).toContain('KUBERNETES_SERVICE_HOST=10.32.0.1\n')
    expect(env.endsWith('HOME=/root\n')).toBe(true)
    expect((await run('ls', '/nope', '/etc/hostname'))).toEqual({ kind: 'ExecResult', stdout: '/etc/hostname\n', stderr: 'ls: /nope: No such file or directory\n', exitCode: 1 })
  })

  it('sh -c runs simple command lines', async () => {
    const { run } = await setup()
    expect((await run('sh', '-c', `cat ${DIR}/namespace; echo`)).stdout).toBe('sa-demo\n')
    expect((await run('sh', '-c', 'echo "$HOSTNAME" && false || echo no')).stdout).toBe('app\nno\n')
    expect((await run('sh', '-c', 'cat /etc/hostname | cat')).stdout).toBe('app\n')
    expect((await run('sh', '-c', 'nope'))).toMatchObject({ stderr: 'sh: nope: not found\n', exitCode: 127 })
  })

  it('an unknown binary: the runtime says so on stderr and the exec ends with 126', async () => {
    const { run } = await setup()
    expect(await run('python3')).toEqual({
      kind: 'ExecResult',
      stdout: '',
      stderr: 'OCI runtime exec failed: exec failed: unable to start container process: exec: "python3": executable file not found in $PATH: unknown\n',
      exitCode: 126,
    })
    expect(await run('/bin/zsh')).toMatchObject({
      stderr: 'OCI runtime exec failed: exec failed: unable to start container process: exec: "/bin/zsh": stat /bin/zsh: no such file or directory: unknown\n',
      exitCode: 126,
    })
  })

  it('stdin (kubectl exec -i) reaches the process; programs beyond the built-in applets go to the injected container shell', async () => {
    const { kubelet } = await setup()
    const cat = (await kubelet.exec('sa-demo', 'app', undefined, ['cat'], { stdin: 'hello\n' })) as ExecResult
    expect(cat.stdout).toBe('hello\n')
    const seen: { argv: string[]; stdin: string; resolved: (string | undefined)[]; token: boolean }[] = []
    const shell = {
      async run(argv: string[], p: ContainerProcess) {
        const tok = resolve(p.root, `${DIR}/token`)
        seen.push({ argv, stdin: p.stdin, resolved: ['kubernetes.default.svc', 'kubernetes.default', 'kubernetes', 'kubernetes.default.svc.cluster.local', 'nosuch.default.svc'].map(p.resolve), token: typeof tok !== 'string' })
        return { stdout: 'ran\n', stderr: '', exitCode: 3 }
      },
    }
    const out = (await kubelet.exec('sa-demo', 'app', undefined, ['curl', '-s', 'https://kubernetes.default.svc/'], { stdin: 'x', shell })) as ExecResult
    expect(out).toEqual({ kind: 'ExecResult', stdout: 'ran\n', stderr: '', exitCode: 3 })
    // the pod is in sa-demo: `kubernetes` alone would need default in the search path
    expect(seen).toEqual([{ argv: ['curl', '-s', 'https://kubernetes.default.svc/'], stdin: 'x', resolved: ['10.32.0.1', '10.32.0.1', undefined, '10.32.0.1', undefined], token: true }])
    // ls goes there too (options and all); ps stays with the built-in applet (the exec's own PID)
    expect(((await kubelet.exec('sa-demo', 'app', undefined, ['ls', '-l', '/'], { shell })) as ExecResult).stdout).toBe('ran\n')
    expect(seen.at(-1)?.argv).toEqual(['ls', '-l', '/'])
    expect(((await kubelet.exec('sa-demo', 'app', undefined, ['ps'], { shell })) as ExecResult).stdout).toMatch(/^PID {3}USER {5}TIME {2}COMMAND\n/)
  })

  it('container checks: not running yet, wrong name, missing pod', async () => {
    const { ctx, kubelet } = await setup()
    ctx.store.create('pods', podObject(ctx, { name: 'late' }))
    const notRunning = (await kubelet.exec('sa-demo', 'late', undefined, ['ls'])) as Status
    expect(notRunning).toMatchObject({ kind: 'Status', code: 404, message: 'unable to upgrade connection: container not found ("late")' })
    const bad = (await kubelet.exec('sa-demo', 'app', 'nope', ['ls'])) as Status
    expect(bad).toMatchObject({ code: 400, reason: 'BadRequest', message: 'container nope is not valid for pod app' })
    expect(await kubelet.exec('sa-demo', 'ghost', undefined, ['ls'])).toMatchObject({ code: 404, message: 'pods "ghost" not found' })
  })

  it('reading the token does not change the lab state beyond caching the signature', async () => {
    const { kubelet, run } = await setup()
    const before = kubelet.snapshot() as any
    (await run('cat', `${DIR}/token`))
    const after = kubelet.snapshot() as any
    expect(Object.keys(after.tokens)).toEqual(Object.keys(before.tokens))
  })
})

describe('what the images hold', () => {
  it('agnhost has bash, curl and BIND nslookup; Debian nginx bash, curl and nginx; alpine and busybox neither; nginx:alpine curl', async () => {
    const { imagePrograms } = await import('./rootfs')
    expect(Object.keys(imagePrograms('registry.k8s.io/e2e-test-images/agnhost:2.45')).sort()).toEqual(['bash', 'curl', 'nslookup'])
    expect(Object.keys(imagePrograms('nginx:1.27')).sort()).toEqual(['bash', 'curl', 'nginx'])
    expect(imagePrograms('busybox:1.36')).toEqual({})
    expect(imagePrograms('docker.io/library/alpine:3.21')).toEqual({})
    expect(Object.keys(imagePrograms('nginx:1.27-alpine')).sort()).toEqual(['curl', 'nginx'])
    expect(imagePrograms('curlimages/curl:8.11.1')).toEqual({ curl: '/usr/bin' })
  })
})
