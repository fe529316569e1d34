import { describe, expect, test } from 'vitest'
import type { CommandSpec, OutputChunk } from './types'
import { Shell } from './shell'
import { createWorkstation, adminKubeconfig } from './workstation'
import { fakeLab, newShell } from './testSupport'
import { ADMIN_CERT_PEM, CLUSTER_CA_PEM } from '../cluster/pki/fixed'

const probe: CommandSpec = {
  name: 'probe',
  summary: 'test probe',
  usage: 'probe',
  flags: [{ name: 'namespace', short: 'n', takesValue: true, help: 'ns' }],
  subcommands: ['get', 'describe'],
  async run(ctx) {
    ctx.stdout(`in=${ctx.stdinIsTTY ? 'tty' : 'pipe'} out=${ctx.stdoutIsTTY ? 'tty' : 'pipe'} stdin=${JSON.stringify(ctx.stdin)} X=${ctx.env.get('X') ?? ''} exported=${ctx.env.isExported('X')}\n`)
    return 0
  },
}

describe('Shell', () => {
  test('variables and $? persist between inputs', async () => {
    const sh = newShell()
    await sh.run('A=hello')
    await sh.run('false')
    expect((await sh.run('echo $? $A')).stdout).toBe('1 hello\n')
  })

  test('a syntax error sets $? to 2', async () => {
    const sh = newShell()
    expect((await sh.run('echo &&')).exitCode).toBe(2)
    expect((await sh.run('echo $?')).stdout).toBe('2\n')
  })

  test('chunks arrive in write order, interleaving stdout and stderr', async () => {
    const sh = newShell()
    const chunks: OutputChunk[] = []
    const r = await sh.run('echo a; echo b >&2; echo c', (c) => chunks.push(c))
    expect(chunks).toEqual([
      { stream: 'stdout', text: 'a\n' },
      { stream: 'stderr', text: 'b\n' },
      { stream: 'stdout', text: 'c\n' },
    ])
    expect(r).toEqual({ stdout: 'a\nc\n', stderr: 'b\n', exitCode: 0 })
  })

  test('TTY flags for terminals, pipes, files and substitutions', async () => {
    const { fs, env } = createWorkstation()
    const sh = new Shell({ fs, env, lab: fakeLab(), commands: [probe] })
    expect((await sh.run('probe')).stdout).toBe('in=tty out=tty stdin="" X= exported=false\n')
    expect((await sh.run('echo hi | probe | cat')).stdout).toBe('in=pipe out=pipe stdin="hi\\n" X= exported=false\n')
    await sh.run('probe > f; X=$(probe)')
    expect(fs.readFile('/root/f')).toBe('in=tty out=pipe stdin="" X= exported=false\n')
    expect((await sh.run('echo "$X"')).stdout).toBe('in=tty out=pipe stdin="" X= exported=false\n')
    expect((await sh.run('X=1 probe')).stdout).toContain('X=1 exported=true')
    expect((await sh.run('echo "[$X]"')).stdout).toBe('[in=tty out=pipe stdin="" X= exported=false]\n')
  })

  test('prefix assignments and subshells do not leak', async () => {
    const sh = newShell()
    await sh.run('A=1 true; (B=2; cd /tmp); C=$(D=4; echo 3)')
    expect((await sh.run('echo "[$A][$B][$C][$D]"; pwd')).stdout).toBe('[][][3][]\n/root\n')
  })

  test('needsMoreInput: open quotes, trailing operators, backslash and here-documents', () => {
    const sh = newShell()
    for (const t of ["echo 'a", 'echo "a', 'echo a |', 'echo a &&', 'echo a ||', 'echo a \\', 'cat <<EOF', 'cat <<EOF\nline', 'echo $(ls', '(echo a'])
      expect(sh.needsMoreInput(t), t).toBe(true)
    for (const t of ['echo a', 'cat <<EOF\nx\nEOF', 'echo a && b', '&& x', 'echo "a\nb"', ''])
      expect(sh.needsMoreInput(t), t).toBe(false)
  })

  test('complete: commands, subcommands, flags, paths', () => {
    const { fs, env } = createWorkstation()
    const sh = new Shell({ fs, env, lab: fakeLab(), commands: [probe] })
    expect(sh.complete('pro', 3)).toEqual({ from: 0, candidates: ['probe'] })
    // every program of the system, run by the lab or not, as bash's `compgen -c ba` lists them on Debian 12
    expect(sh.complete('ba', 2).candidates).toEqual(['base32', 'base64', 'basename', 'basenc', 'bash', 'bashbug'])
    expect(sh.complete('probe d', 7)).toEqual({ from: 6, candidates: ['describe'] })
    expect(sh.complete('probe get --na', 14)).toEqual({ from: 10, candidates: ['--namespace'] })
    // after a namespace flag and its value comes the verb, not a file
    expect(sh.complete('probe -n sa-demo ', 17)).toEqual({ from: 17, candidates: ['describe', 'get'] })
    expect(sh.complete('probe --namespace sa-demo g', 27)).toEqual({ from: 26, candidates: ['get'] })
    expect(sh.complete('probe --namespace=sa-demo d', 27)).toEqual({ from: 26, candidates: ['describe'] })
    expect(sh.complete('cat c', 5)).toEqual({ from: 4, candidates: ['ca.pem'] })
    expect(sh.complete('cat .k', 6)).toEqual({ from: 4, candidates: ['.kube/'] })
    expect(sh.complete('cat .kube/c', 11)).toEqual({ from: 4, candidates: ['.kube/config'] })
    expect(sh.complete('echo x | he', 11)).toEqual({ from: 9, candidates: ['head', 'help'] })
    expect(sh.complete('echo $APIS', 10)).toEqual({ from: 5, candidates: ['$APISERVER'] })
  })

  test('history, help, clear', async () => {
    let cleared = 0
    const { fs, env } = createWorkstation()
    const sh = new Shell({ fs, env, lab: fakeLab(), history: ['old'], onClear: () => cleared++ })
    await sh.run('echo one')
    expect((await sh.run('history')).stdout).toBe('    1  old\n    2  echo one\n    3  history\n')
    await sh.run('clear')
    expect(cleared).toBe(1)
    expect(sh.clearRequested).toBe(true)
    expect((await sh.run('help')).stdout).toContain('base64')
    expect((await sh.run('help cut')).stdout).toContain('--delimiter')
  })

  test("help lists the builtins the shell runs itself, with bash's synopsis", async () => {
    const sh = newShell()
    const listing = (await sh.run('help')).stdout
    for (const name of ['declare', 'getopts', 'mapfile', 'read', 'shopt', 'local', 'return']) expect(listing).toMatch(new RegExp(`^  ${name} +\\S`, 'm'))
    // (bash 5.2's `help -s getopts`)
    expect((await sh.run('help getopts')).stdout).toMatch(/^getopts: getopts optstring name \[arg \.\.\.\]\n/)
    expect((await sh.run('help nosuch')).exitCode).toBe(1)
  })

  test('register adds and replaces commands', async () => {
    const sh = newShell()
    expect((await sh.run('probe')).exitCode).toBe(127)
    sh.register(probe)
    expect((await sh.run('probe')).exitCode).toBe(0)
    sh.register({ ...probe, name: 'echo', run: async (ctx) => (ctx.stdout('replaced\n'), 0) })
    expect((await sh.run('echo x')).stdout).toBe('replaced\n')
  })

  test('snapshot and restore', async () => {
    const sh = newShell()
    await sh.run('export K=v; L=w; mkdir -p d/e; echo data > d/e/f; cd d; false')
    const state = JSON.parse(JSON.stringify(sh.snapshot()))
    const other = newShell()
    other.restore(state)
    expect((await other.run('echo $? $K $L; pwd; cat e/f; env | grep ^K=')).stdout).toBe('1 v w\n/root/d\ndata\nK=v\n')
    expect(other.history()).toEqual(sh.history().concat('echo $? $K $L; pwd; cat e/f; env | grep ^K='))
  })

  test("a file's mode (chmod) is kept in the snapshot, and only where it is not the default", async () => {
    const sh = newShell()
    await sh.run('printf "echo ran\\n" > s.sh; chmod 750 s.sh; touch plain; mkdir -p d; chmod +t d; touch d/x; chmod 600 d/x; rm d/x')
    const state = JSON.parse(JSON.stringify(sh.snapshot()))
    expect(state.modes).toEqual({ '/root/d': 0o1755, '/root/s.sh': 0o750 })
    const other = newShell()
    other.restore(state)
    expect((await other.run('./s.sh; ls -ld s.sh plain d | cut -c1-10')).stdout).toBe('ran\ndrwxr-xr-t\n-rw-r--r--\n-rwxr-x---\n')
    expect(newShell().snapshot().modes).toBeUndefined()
  })

  test('inputs run one at a time even when called concurrently', async () => {
    const sh = newShell()
    const [a, b] = await Promise.all([sh.run('A=1; echo first'), sh.run('echo second $A')])
    expect([a.stdout, b.stdout]).toEqual(['first\n', 'second 1\n'])
  })

  test('ls shows columns on a terminal and one name per line in a pipe', async () => {
    const sh = newShell({ '/root/a': '', '/root/bb': '', '/root/ccc': '' })
    expect((await sh.run('ls')).stdout).toBe('a  bb  ca.pem  ccc\n')
    expect((await sh.run('ls | cat')).stdout).toBe('a\nbb\nca.pem\nccc\n')
  })

  test('python3 other than -m json.tool says what is available', async () => {
    const r = await newShell().run('python3 -c "print(1)"')
    expect(r.exitCode).toBe(2)
    expect(r.stderr).toContain('python3 -m json.tool')
  })
})

describe('workstation', () => {
  test('home, CA, kubeconfig and environment', async () => {
    const sh = newShell()
    expect((await sh.run('pwd; echo $HOME $USER $APISERVER $HOSTNAME $SHELL $TERM')).stdout).toBe(
      '/root\n/root root 10.0.1.10:6443 workstation /bin/bash xterm-256color\n',
    )
    expect((await sh.run('cat ~/ca.pem')).stdout).toBe(CLUSTER_CA_PEM)
    expect((await sh.run('env | grep APISERVER')).stdout).toBe('APISERVER=10.0.1.10:6443\n')
    const config = (await sh.run('cat /root/.kube/config')).stdout
    expect(config).toBe(adminKubeconfig())
    expect(config).toMatch(/^apiVersion: v1\nclusters:\n- cluster:\n    certificate-authority-data: LS0t[A-Za-z0-9+/=]+\n    server: https:\/\/10\.0\.1\.10:6443\n  name: kubernetes\ncontexts:\n- context:\n    cluster: kubernetes\n    user: admin\n  name: admin@kubernetes\ncurrent-context: admin@kubernetes\nkind: Config\npreferences: \{\}\nusers:\n- name: admin\n  user:\n    client-certificate-data: [A-Za-z0-9+/=]+\n    client-key-data: [A-Za-z0-9+/=]+\n$/)
    const cert = await sh.run("grep client-certificate-data ~/.kube/config | cut -d: -f2 | tr -d ' ' | base64 -d")
    expect(cert.stdout).toBe(ADMIN_CERT_PEM)
  })
})

describe('the article\'s <apiserver> placeholder', () => {
  test('gets bash\'s redirection error, then a hint naming $APISERVER', async () => {
    const { fs, env } = createWorkstation()
    const shell = new Shell({ fs, env, lab: fakeLab() })
    const r = await shell.run('curl -s --cacert ca.pem https://<apiserver>/api/v1/namespaces/sa-demo/pods')
    expect(r.exitCode).toBe(1)
    expect(r.stderr).toBe('bash: apiserver: No such file or directory\nhint: <apiserver> in the article is a placeholder for the API server\'s address; in the lab it is in $APISERVER, so write https://$APISERVER/...\n')
  })
})
