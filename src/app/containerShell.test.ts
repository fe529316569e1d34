// The containers' shell through the whole lab: kubectl exec -i forwards stdin, kubectl exec -it
// opens the container's shell in the foreground, and `sh -c` lines answer as the real busybox
// sh does (differential: all lines in one batch of `busybox sh -c`).
import { beforeAll, describe, expect, it } from 'vitest'
import { createLab, type Lab } from './lab'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { q, requireTools, runBatch } from '../shell/testing/realTools'

let lab: Lab
const run = (line: string) => lab.run(line)

beforeAll(async () => {
  lab = await createLab({ seed: '1' })
  await run('kubectl create namespace sa-demo')
  await run('kubectl -n sa-demo run app --image=registry.k8s.io/e2e-test-images/agnhost:2.45 --command -- sleep 100000')
  await run('kubectl -n sa-demo wait --for=condition=Ready pod/app')
}, 60_000)

describe('kubectl exec -i', () => {
  it('forwards a pipe and a redirected file to the process', async () => {
    expect(await run('echo hello | kubectl -n sa-demo exec -i app -- cat')).toEqual({ stdout: 'hello\n', stderr: '', exitCode: 0 })
    // ca.pem is 19 lines (the cluster CA in PEM)
    expect((await run('kubectl -n sa-demo exec -i app -- wc -l < ca.pem')).stdout).toBe('19\n')
    expect((await run('echo hello | kubectl -n sa-demo exec app -- cat')).stdout).toBe('')
  })

  it('without -t, sh reads its script from stdin', async () => {
    const r = await run(`printf 'echo $HOSTNAME\\nnosuch\\n' | kubectl -n sa-demo exec -i app -- sh`)
    expect(r).toEqual({ stdout: 'app\n', stderr: 'sh: nosuch: not found\ncommand terminated with exit code 127\n', exitCode: 127 })
  })
})

describe('kubectl exec -it POD -- sh', () => {
  it('opens the container shell with its prompt until exit, keeping its state between lines', async () => {
    expect(await run('kubectl -n sa-demo exec -it app -- sh')).toEqual({ stdout: '', stderr: '', exitCode: 0 })
    expect(lab.prompt()).toBe('/ # ')
    await run('cd /tmp')
    expect(lab.prompt()).toBe('/tmp # ')
    expect((await run('echo hi > note; cat note; hostname; kubectl version')).stdout).toBe('hi\napp\n')
    expect((await run('kubectl get pods')).stderr).toBe('sh: kubectl: not found\n')
    expect(lab.needsMoreInput('echo "open')).toBe(true)
    expect(await run('exit 3')).toEqual({ stdout: '', stderr: 'command terminated with exit code 3\n', exitCode: 3 })
    expect(lab.prompt()).toBeUndefined()
    expect((await run('pwd')).stdout).toBe('/root\n')
  })

  it('Ctrl+D ends it; bash in the image gives bash prompt and messages', async () => {
    await run('kubectl -n sa-demo exec -it app -- bash')
    expect(lab.prompt()).toBe('root@app:/# ')
    expect((await run('nosuch')).stderr).toBe('bash: nosuch: command not found\n')
    expect(lab.endOfInput()).toBe(true)
    expect(lab.prompt()).toBeUndefined()
    expect(lab.endOfInput()).toBe(false)
  })
})

describe('sh -c in the agnhost container agrees with busybox sh', () => {
  const lines = [
    'echo hi; echo $((6*7))',
    'TOKEN=abcdef; echo ${#TOKEN}',
    'false; echo $?',
    'nosuch; echo $?',
    'printf "a\\nb\\nc\\n" | head -n 2',
    'printf "a\\nb\\nc\\n" | tail -n 1',
    'echo a:b:c | cut -d: -f2',
    'echo abc | tr a-c A-C',
    'echo hello | wc -c',
    'X=1 && echo yes || echo no',
    'echo "$HOME"',
    'cat /nope; echo $?',
    'rm /nope',
    'mkdir /tmp',
    'head /nope',
    'wc -l /nope',
  ]
  it('stdout, stderr and status of each line', async () => {
    requireTools('/usr/bin/busybox')
    // the applets forced through a directory of links, so no GNU tool answers (as in an Alpine image)
    const bin = mkdtempSync(join(tmpdir(), 'bb-'))
    for (const a of ['cat', 'rm', 'mkdir', 'head', 'tail', 'wc', 'cut', 'tr', 'printf', 'echo']) symlinkSync('/usr/bin/busybox', join(bin, a))
    const real = await runBatch(lines.map((l) => ({ argv: ['/usr/bin/busybox', 'sh', '-c', l], env: { HOME: '/root', PATH: bin } })))
    rmSync(bin, { recursive: true })
    for (const [i, line] of lines.entries()) {
      const r = await run(`kubectl -n sa-demo exec app -- sh -c ${q(line)}`)
      const m = /command terminated with exit code (\d+)\n$/.exec(r.stderr)
      const lab = { stdout: r.stdout, stderr: m ? r.stderr.slice(0, m.index) : r.stderr, exitCode: m ? Number(m[1]) : r.exitCode }
      expect({ line, ...lab }).toEqual({ line, ...real[i] })
    }
  })
})

describe('which in the container', () => {
  it('finds the first match on the image PATH, as busybox which does over the same layout', async () => {
    requireTools('/usr/bin/busybox')
    // a root with Alpine's links (sed in /bin, awk in /usr/bin) and the container's PATH under it
    const root = mkdtempSync(join(tmpdir(), 'bbroot-'))
    for (const d of ['bin', 'usr/bin', 'usr/sbin', 'sbin', 'usr/local/bin', 'usr/local/sbin']) mkdirSync(join(root, d), { recursive: true })
    for (const [d, a] of [['bin', 'sed'], ['bin', 'sh'], ['usr/bin', 'awk'], ['usr/bin', 'curl']]) symlinkSync('/usr/bin/busybox', join(root, d, a))
    const PATH = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'].map((d) => root + d).join(':')
    const lines = ['which sed awk', 'which curl nosuch sh', 'which -a sh', 'which nosuch']
    const real = await runBatch(lines.map((l) => ({ argv: ['/usr/bin/busybox', ...l.split(' ')], env: { PATH } })))
    rmSync(root, { recursive: true })
    for (const [i, line] of lines.entries()) {
      const r = await run(`kubectl -n sa-demo exec app -- ${line}`)
      const m = /command terminated with exit code (\d+)\n$/.exec(r.stderr)
      const ours = { stdout: r.stdout, stderr: m ? r.stderr.slice(0, m.index) : r.stderr, exitCode: m ? Number(m[1]) : r.exitCode }
      expect({ line, ...ours }).toEqual({ line, ...real[i], stdout: real[i].stdout.replaceAll(root, '') })
    }
  })
})
