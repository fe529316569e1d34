// The containers' shell through the whole lab: kubectl exec -i forwards stdin, kubectl exec -it
// opens the container's shell in the foreground, and `sh -c` lines answer as the real busybox
// sh does (differential: all lines in one batch of `busybox sh -c`).
import { beforeAll, describe, expect, it } from 'vitest'
import { createLab, type Lab } from './lab'
import { labWithApp } from './testing'
import { checkSnapshot } from './schema'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { q, requireTools, runBatch } from '../shell/testing/realTools'

let lab: Lab
const run = (line: string) => lab.run(line)

beforeAll(async () => {
  lab = await labWithApp()
}, 60_000)

describe('kubectl exec -i', () => {
  it('forwards a pipe and a redirected file to the process', async () => {
    expect(await run('echo hello | kubectl -n sa-demo exec -i app -- cat')).toEqual({ stdout: 'hello\n', stderr: '', exitCode: 0 })
    // ca.pem is 19 lines (the cluster CA in PEM)
    expect((await run('kubectl -n sa-demo exec -i app -- wc -l < ca.pem')).stdout).toBe('19\n')
    expect((await run('echo hello | kubectl -n sa-demo exec app -- cat')).stdout).toBe('')
  })

  it('without -i, sh gets no input: it ends at once with status 0, printing nothing (-t alone changes nothing)', async () => {
    for (const line of ['kubectl -n sa-demo exec app -- sh', 'kubectl -n sa-demo exec -t app -- sh']) {
      expect(await run(line), line).toEqual({ stdout: '', stderr: '', exitCode: 0 })
      expect(lab.prompt()).toBeUndefined()
    }
  })

  it('a program exec\'d without a shell takes its options (busybox env, cat, id), and gets no PWD a shell would export', async () => {
    requireTools('/usr/bin/busybox')
    const [env, cat] = await runBatch([
      { argv: ['/usr/bin/busybox', 'env', '-i', 'A=1', '/usr/bin/busybox', 'env'] },
      { shell: 'D=$(mktemp -d); echo app > $D/hostname; /usr/bin/busybox cat -n $D/hostname; rm -r $D' },
    ])
    expect((await run('kubectl -n sa-demo exec app -- env -i A=1 env')).stdout).toBe(env.stdout)
    expect((await run('kubectl -n sa-demo exec app -- cat -n /etc/hostname')).stdout).toBe(cat.stdout)
    expect((await run('kubectl -n sa-demo exec app -- id -u')).stdout).toBe('0\n')
    const plain = (await run('kubectl -n sa-demo exec app -- env')).stdout
    expect(plain).toMatch(/^PATH=.*\nHOME=\/root\n$/s)
    expect(plain).not.toContain('PWD=')
    expect((await run('kubectl -n sa-demo exec app -- env -u HOME env')).stdout).toBe(plain.replace('HOME=/root\n', ''))
    // a shell exports it
    expect((await run(`kubectl -n sa-demo exec app -- sh -c 'echo $PWD; env | grep -c PWD='`)).stdout).toBe('/\n1\n')
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
    // an interactive ash names no line (busybox 1.35 `sh -i` on a terminal says the same)
    expect((await run('cd /nope')).stderr).toBe("sh: cd: can't cd to /nope: No such file or directory\n")
    expect((await run('echo hi > note; cat note; hostname; kubectl version')).stdout).toBe('hi\napp\n')
    expect((await run('kubectl get pods')).stderr).toBe('sh: kubectl: not found\n')
    expect(lab.needsMoreInput('echo "open')).toBe(true)
    expect(await run('exit 3')).toEqual({ stdout: '', stderr: 'command terminated with exit code 3\n', exitCode: 3 })
    expect(lab.prompt()).toBeUndefined()
    expect((await run('pwd')).stdout).toBe('/root\n')
  })

  it('a token the kubelet refreshes while the shell is open reads new there too; what the shell wrote stays', async () => {
    const DIR = '/var/run/secrets/kubernetes.io/serviceaccount'
    await run('kubectl -n sa-demo exec -it app -- sh')
    const before = (await run(`cat ${DIR}/token`)).stdout
    await run('echo mine > /tmp/kept')
    // past the kubelet's refresh at about 80 % of the token's hour
    await lab.advance('50m')
    const after = (await run(`cat ${DIR}/token`)).stdout
    const listing = (await run(`ls -la ${DIR}/`)).stdout
    expect((await run('cat /tmp/kept')).stdout).toBe('mine\n')
    await run('exit')
    expect(after).not.toBe(before)
    expect(after).toBe((await run(`kubectl -n sa-demo exec app -- cat ${DIR}/token`)).stdout)
    // the AtomicWriter's new directory is named for the moment the kubelet wrote the token (its iat)
    const iat = new Date(JSON.parse(Buffer.from(after.split('.')[1], 'base64url').toString()).iat * 1000).toISOString()
    const stamp = `..${iat.slice(0, 19).replace(/[-T:]/g, '_')}`
    expect(listing).toMatch(new RegExp(` ${iat.slice(11, 16)} \\.\\.data -> ${stamp.replace(/\./g, '\\.')}\\.\\d+\n`))
    expect(listing.match(/ \.\.20\d\d_/g)).toHaveLength(2)
  })

  it('the container stopping kills the shell: the next line ends it with status 137, back at the workstation', async () => {
    await run('kubectl -n sa-demo run brief --image=alpine --command -- sleep 5')
    await run('kubectl -n sa-demo wait --for=condition=Ready pod/brief')
    await run('kubectl -n sa-demo exec -it brief -- sh')
    expect((await run('echo alive')).stdout).toBe('alive\n')
    // sleep 5 ends: the container stops (and restarts, as another container)
    await lab.advance('30s')
    expect(await run('echo too late')).toEqual({ stdout: '', stderr: 'command terminated with exit code 137\n', exitCode: 137 })
    expect(lab.prompt()).toBeUndefined()
    expect((await run('pwd')).stdout).toBe('/root\n')
  })

  it('Ctrl+D ends it; bash in the image gives bash prompt and messages', async () => {
    await run('kubectl -n sa-demo exec -it app -- bash')
    expect(lab.prompt()).toBe('root@app:/# ')
    expect((await run('nosuch')).stderr).toBe('bash: nosuch: command not found\n')
    expect(await lab.endOfInput()).toBe(true)
    expect(lab.prompt()).toBeUndefined()
    expect(await lab.endOfInput()).toBe(false)
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

describe('type, command -v and hash in the container agree with busybox sh and dash', () => {
  // Each line in the lab's agnhost container (busybox ash) and Debian container (dash), and in the
  // real shell over a root that has the image's programs where the image has them, on its PATH.
  const BOTH = [
    'type ls nosuch cd; echo $?',
    'command -v nosuch; echo $?; command -V nosuch; echo $?; command -v ls cat; command -V cd',
    'alias ll="ls -l"; type ll; command -v ll; command -V ll',
    'f(){ :; }; type f; command -v f; command -V f',
    'type if . echo hash export; command -v if exit',
    'type /bin/nosuch; echo $?; command -v /bin/nosuch; echo $?',
    'ls >/dev/null; cat </dev/null; hash; type ls; command -V ls; command -v ls; hash -r; hash; type ls',
    'type -p ls; echo $?',
    'hash ls cd; hash; wc </dev/null; hash; type; echo $?',
    'ls | cat >/dev/null; x=$(wc </dev/null); hash; echo end',
    // bash's own builtins are no commands in ash or dash
    'declare -p X; echo $?', 'typeset x=1; echo $?', 'shopt -s nullglob; echo $?', 'builtin echo hi; echo $?',
    'let x=1; echo $? $x', 'source /dev/null; echo $?', 'help >/dev/null; echo $?', 'history; echo $?',
    'umask; umask 077; umask; umask -S',
    // their own words for what fails, and their statuses
    'cd /nope; echo $?', 'cd /etc/hostname; echo $?', 'cat < /nope; echo $?', 'echo hi > /nope/x; echo $?', 'echo x > /etc; echo $?',
    'exit abc', 'echo ${x?}; echo no', 'echo ${x:?}; echo no', 'echo ${x:?gone}; echo no', 'echo $((1/0)); echo no', 'echo $((1%0)); echo no',
    'test 1 -eq a; echo $?', '[ x -gt 1 ]; echo $?',
    // a special builtin's error ends the shell with 2 (a subshell: that subshell); $- in their own order
    'export 1a=2; echo no', 'readonly 2b; echo no', 'unset -x a; echo no', 'set -Q; echo no', 'local y=1; echo no', 'f() { local x=1; echo $x; }; f',
    'shift 5; echo $?', '(export 1a=2); echo "after $?"', 'echo "[$-]"; set -e; echo "[$-]"; set -u; echo "[$-]"; set -f; echo "[$-]"',
    // a readonly variable: its assignment, unset, export and readonly end the shell with 2
    'readonly R=1; R=2; echo no', 'readonly R=1; unset R; echo no', 'readonly R=1; export R=3; echo no', 'readonly R=1; readonly R=2; echo no',
    'readonly R=1; (unset R); echo "after $? $R"',
    // without kubectl exec -i, standard input ends at once
    'read v; echo $?',
  ]

  it('$0 is the shell as kubectl exec names it, as busybox and dash started under that name say', async () => {
    requireTools('/usr/bin/busybox', '/usr/bin/dash')
    const names = ['sh', '/bin/sh']
    const real = await runBatch([
      ...names.map((n) => ({ shell: `exec -a ${n} /usr/bin/busybox -c 'echo $0'` })),
      ...names.map((n) => ({ shell: `exec -a ${n} /usr/bin/dash -c 'echo $0'` })),
    ])
    expect(real.map((r) => r.stdout)).toEqual(['sh\n', '/bin/sh\n', 'sh\n', '/bin/sh\n'])
    for (const [i, n] of names.entries()) expect((await run(`kubectl -n sa-demo exec app -- ${n} -c 'echo $0'`)).stdout).toBe(real[i].stdout)
  })
  it('sh -c SCRIPT NAME ARGS: NAME is $0 and names the shell in its messages, ARGS are $1 ...', async () => {
    requireTools('/usr/bin/busybox', '/usr/bin/dash')
    const script = 'echo "$0|$1|$#|$*"; nosuch; cd /nope; echo $?'
    const args = ['x', 'y', 'z w']
    const [ash, dash] = await runBatch([{ argv: ['/usr/bin/busybox', 'sh', '-c', script, ...args] }, { argv: ['/usr/bin/dash', '-c', script, ...args] }])
    const line = `-c ${q(script)} ${args.map(q).join(' ')}`
    await run('kubectl -n sa-demo run named --image=debian:12 --command -- sleep 100000')
    await run('kubectl -n sa-demo wait --for=condition=Ready pod/named')
    for (const [pod, real] of [['app', ash], ['named', dash]] as const) {
      const r = await run(`kubectl -n sa-demo exec ${pod} -- sh ${line}`)
      expect({ pod, stdout: r.stdout, stderr: r.stderr.replace(/command terminated with exit code \d+\n$/, '') }).toEqual({ pod, stdout: real.stdout, stderr: real.stderr })
    }
  })
  // (busybox names the line of its -c script, `sh: hash: line 0: ...`, where the lab's ash does not yet)
  const DASH_ONLY = ['hash nosuch; echo $?', 'hash -x; echo $?']
  const ASH_ONLY = ['trap "x" NOSIG; echo $?']
  const PATH_DIRS = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin']

  /** A root holding links to `target` at the given paths; the image's PATH under it. */
  function rootWith(links: [path: string, target: string][], symlinks: [path: string, to: string][] = []) {
    const root = mkdtempSync(join(tmpdir(), 'typeroot-'))
    for (const d of ['usr/bin', 'usr/sbin', 'usr/local/bin', 'usr/local/sbin']) mkdirSync(join(root, d), { recursive: true })
    for (const [path, to] of symlinks) symlinkSync(to, join(root, path))
    for (const d of ['bin', 'sbin']) if (!symlinks.some(([p]) => p === d)) mkdirSync(join(root, d))
    for (const [path, target] of links) symlinkSync(target, join(root, path))
    return { root, PATH: PATH_DIRS.map((d) => root + d).join(':') }
  }

  async function compare(pod: string, lines: string[], real: { stdout: string; stderr: string; exitCode: number }[], root: string) {
    for (const [i, line] of lines.entries()) {
      const r = await run(`kubectl -n sa-demo exec ${pod} -- sh -c ${q(line)}`)
      const m = /command terminated with exit code (\d+)\n$/.exec(r.stderr)
      const ours = { stdout: r.stdout, stderr: m ? r.stderr.slice(0, m.index) : r.stderr, exitCode: m ? Number(m[1]) : r.exitCode }
      const theirs = { stdout: real[i].stdout.replaceAll(root, ''), stderr: real[i].stderr.replace(/^\/usr\/bin\/dash: /gm, 'sh: '), exitCode: real[i].exitCode }
      expect({ line, ...ours }).toEqual({ line, ...theirs })
    }
  }

  it('busybox sh (the agnhost image: ls and cat in /bin, wc in /usr/bin)', async () => {
    requireTools('/usr/bin/busybox')
    const { root, PATH } = rootWith([['bin/sh', '/usr/bin/busybox'], ['bin/ls', '/usr/bin/busybox'], ['bin/cat', '/usr/bin/busybox'], ['usr/bin/wc', '/usr/bin/busybox']])
    const lines = [...BOTH, ...ASH_ONLY]
    const real = await runBatch(lines.map((l) => ({ argv: ['/usr/bin/busybox', 'sh', '-c', l], env: { PATH } })))
    rmSync(root, { recursive: true })
    await compare('app', lines, real, root)
  })

  it('dash (a Debian image: its programs in /usr/bin, /bin a link to it)', async () => {
    requireTools('/usr/bin/dash', '/usr/bin/ls', '/usr/bin/cat', '/usr/bin/wc')
    await run('kubectl -n sa-demo run deb --image=debian:12 --command -- sleep 100000')
    await run('kubectl -n sa-demo wait --for=condition=Ready pod/deb')
    const { root, PATH } = rootWith([['usr/bin/sh', '/usr/bin/dash'], ['usr/bin/ls', '/usr/bin/ls'], ['usr/bin/cat', '/usr/bin/cat'], ['usr/bin/wc', '/usr/bin/wc']], [['bin', 'usr/bin'], ['sbin', 'usr/sbin']])
    const lines = [...BOTH, ...DASH_ONLY]
    const real = await runBatch(lines.map((l) => ({ argv: ['/usr/bin/dash', '-c', l], env: { PATH } })))
    rmSync(root, { recursive: true })
    await compare('deb', lines, real, root)
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

describe('ps in the container', () => {
  const HEADER = 'PID   USER     TIME  COMMAND\n'
  it('PID 1 is the pod command; each exec, and each process a shell starts, takes the next PID; $$ is the shell PID ps shows', async () => {
    await run('kubectl -n sa-demo run procs --image=busybox:1.36 --command -- sleep 3600')
    await run('kubectl -n sa-demo wait --for=condition=Ready pod/procs')
    expect(await run('kubectl -n sa-demo exec procs -- ps')).toEqual({ stdout: `${HEADER}    1 root      0:00 sleep 3600\n    2 root      0:00 ps\n`, stderr: '', exitCode: 0 })
    // ash exec's the last command of a -c string (as busybox sh and bash 5.2 do on this machine): ps is the shell's process
    expect((await run(`kubectl -n sa-demo exec procs -- sh -c 'echo $$; ps -o pid,ppid,args'`)).stdout)
      .toBe('3\nPID   PPID  COMMAND\n    1     0 sleep 3600\n    3     0 ps -o pid,ppid,args\n')
    // otherwise the shell forks it
    expect((await run(`kubectl -n sa-demo exec procs -- sh -c 'ps -o pid,ppid,args; true'`)).stdout)
      .toBe("PID   PPID  COMMAND\n    1     0 sleep 3600\n    4     0 sh -c ps -o pid,ppid,args; true\n    5     4 ps -o pid,ppid,args\n")

    await run('kubectl -n sa-demo exec -it procs -- sh')
    expect((await run('echo $$')).stdout).toBe('6\n')
    expect((await run('ps')).stdout).toBe(`${HEADER}    1 root      0:00 sleep 3600\n    6 root      0:00 sh\n    7 root      0:00 ps\n`)
    await run('sleep 100 &')
    // the job's sleep leads its own process group (job control); the terminal is /dev/pts/0
    expect((await run('ps -o pid,ppid,pgid,tty,stat,args')).stdout).toBe([
      'PID   PPID  PGID  TT     STAT COMMAND',
      '    1     0     1 ?      S    sleep 3600',
      '    6     0     6 136,0  S    sh',
      '    8     6     8 136,0  S    sleep 100',
      '    9     6     9 136,0  R    ps -o pid,ppid,pgid,tty,stat,args', ''].join('\n'))
    // on the terminal (80 columns) ps cuts its lines at 79; into a pipe it does not
    const wide = 'ps -o user,group,comm,pid,ppid,pgid,nice,rgroup,ruser,time,tty,vsz'
    expect((await run(wide)).stdout.split('\n')[0]).toBe('USER     GROUP    COMMAND          PID   PPID  PGID  NI    RGROUP   RUSER    TI')
    expect((await run(`${wide} | head -1`)).stdout).toBe('USER     GROUP    COMMAND          PID   PPID  PGID  NI    RGROUP   RUSER    TIME  TT     VSZ\n')
    await run('exit')
    // the next exec goes on from the session's PIDs (in the lab only ps and background jobs take
    // one inside a shell: head above took none, where a real shell's fork would have)
    expect((await run('kubectl -n sa-demo exec procs -- ps')).stdout).toBe(`${HEADER}    1 root      0:00 sleep 3600\n   12 root      0:00 ps\n`)
  })

  it('the agnhost image: PID 1 from its entrypoint and cmd; nginx (Debian) has no ps', async () => {
    await run('kubectl -n sa-demo run plain --image=registry.k8s.io/e2e-test-images/agnhost:2.45')
    await run('kubectl -n sa-demo run web --image=nginx:1.27')
    await run('kubectl -n sa-demo wait --for=condition=Ready pod/plain pod/web')
    expect((await run('kubectl -n sa-demo exec plain -- ps')).stdout).toBe(`${HEADER}    1 root      0:00 /agnhost pause\n    2 root      0:00 ps\n`)
    expect((await run('kubectl -n sa-demo exec web -- ps')).stderr).toMatch(/exec: "ps": executable file not found in \$PATH: unknown\ncommand terminated with exit code 126\n$/)
    expect(await run(`kubectl -n sa-demo exec web -- sh -c 'ps; echo $?'`)).toEqual({ stdout: '127\n', stderr: 'sh: 1: ps: not found\n', exitCode: 0 })
  })

  it('a saved lab (through JSON and the schema check) goes on with the PIDs where they were', async () => {
    await run('kubectl -n sa-demo exec plain -- ps')
    const checked = checkSnapshot(JSON.parse(JSON.stringify(lab.snapshot())))
    if (!checked.ok) throw new Error(checked.reason)
    const again = await createLab({ state: checked.snapshot })
    expect((await again.run('kubectl -n sa-demo exec plain -- ps')).stdout).toBe(`${HEADER}    1 root      0:00 /agnhost pause\n    4 root      0:00 ps\n`)
  })

  it("an interactive shell's process table agrees with busybox sh on a terminal (PIDs relative to the shell's)", async () => {
    requireTools('/usr/bin/busybox', 'script')
    // busybox sh, sleep and ps by the names Alpine links them under, in a pseudo-terminal (script)
    const real = (await runBatch([{ shell: [
      'D=$(mktemp -d); for a in sh ps sleep; do ln -s /usr/bin/busybox $D/$a; done',
      // until the child has exec'd sleep and is asleep in it (a busy machine may run ps first, while it is
      // still a forked sh, or while sleep is still runnable, R, on its way to its first nanosleep): read
      // and [ are builtins of busybox sh, so the wait starts no process of its own
      `printf 'sleep 3 &\\nwhile read p c s r < /proc/$!/stat; [ "$c $s" != "(sleep) S" ]; do :; done\\nps -o pid,ppid,pgid,sid,tty,stat,args > %s/out\\nexit\\n' $D | PATH=$D:$PATH script -qc 'exec sh' /dev/null >/dev/null 2>&1`,
      'cat $D/out; rm -r $D',
    ].join('\n') }]))[0].stdout
      // STAT's N says a process runs at a lower priority (npm test may start the unit suite at nice 19):
      // the machine's state, not the shell's; the lab's processes have no niceness
      .replace(/^( *\S+ +\S+ +\S+ +\S+ +\S+ +[A-Z<+s]*)N/gm, '$1')
    const rows = (text: string) => text.trim().split('\n').slice(1).map((l) => l.trim().split(/ +/))
    // `at` numbers a PID of the shell's family: its offset from the shell's (the lab's PIDs, exact), or
    // its rank among the family's (the machine's: other processes started meanwhile take PIDs between)
    const family = (text: string, at: (pid: number, pids: number[], shell: number) => number) => {
      const all = rows(text)
      const shell = Number(all.find((r) => r[6] === 'ps')![1])
      const mine = all.filter((r) => Number(r[0]) === shell || Number(r[1]) === shell)
      const pids = mine.map((r) => Number(r[0])).sort((a, b) => a - b)
      const n = (v: string) => at(Number(v), pids, shell)
      return mine.map(([pid, ppid, pgid, sid, tty, ...rest]) => [
        n(pid), Number(pid) === shell ? 'parent' : n(ppid), n(pgid), n(sid), tty.replace(/,\d+$/, ',N'), ...rest,
      ])
    }
    const relative = (text: string) => family(text, (pid, _, shell) => pid - shell)
    const ranked = (text: string) => family(text, (pid, pids) => pids.indexOf(pid))
    await run('kubectl -n sa-demo run term --image=alpine --command -- sleep 3600')
    await run('kubectl -n sa-demo wait --for=condition=Ready pod/term')
    await run('kubectl -n sa-demo exec -it term -- sh')
    await run('sleep 3 &')
    const lab = (await run('ps -o pid,ppid,pgid,sid,tty,stat,args')).stdout
    await run('exit')
    // the real shell waits for ps in the kernel (S); a busy machine may catch it just woken (R)
    const calm = (text: string) => {
      const shell = rows(text).find((r) => r[6] === 'ps')![1]
      return text.replace(new RegExp(`^( *${shell} +\\S+ +\\S+ +\\S+ +\\S+ +)R`, 'm'), '$1S')
    }
    expect(ranked(lab)).toEqual(ranked(calm(real)))
    expect(relative(lab)).toEqual([
      [0, 'parent', 0, 0, '136,N', 'S', 'sh'], [1, 0, 1, 0, '136,N', 'S', 'sleep', '3'], [2, 0, 2, 0, '136,N', 'R', 'ps', '-o', 'pid,ppid,pgid,sid,tty,stat,args'],
    ])
  })

  it('sh -c ending in ps: busybox sh exec\'s it, so ps has the PID $$ named (as in the lab)', async () => {
    requireTools('/usr/bin/busybox')
    const script = 'echo $$; ps -o pid,args; true'
    const [exec, fork] = await runBatch([`echo $$; ps -o pid,args`, script].map((line) => ({ shell: [
      'D=$(mktemp -d); for a in sh ps; do ln -s /usr/bin/busybox $D/$a; done',
      `PATH=$D:$PATH sh -c ${q(line)}; rm -r $D`,
    ].join('\n') })))
    const own = (out: string) => {
      const [dollar, ...lines] = out.trim().split('\n')
      return lines.map((l) => l.trim().split(' ')).filter(([pid, ...args]) => pid === dollar || args.join(' ').startsWith('ps -o')).map(([pid, ...args]) => [pid === dollar ? '$$' : 'other', args.join(' ')])
    }
    expect(own(exec.stdout)).toEqual([['$$', 'ps -o pid,args']])
    expect(own(fork.stdout)).toEqual([['$$', `sh -c ${script}`], ['other', 'ps -o pid,args']])
    expect(own((await run(`kubectl -n sa-demo exec term -- sh -c 'echo $$; ps -o pid,args'`)).stdout)).toEqual(own(exec.stdout))
    expect(own((await run(`kubectl -n sa-demo exec term -- sh -c ${q(script)}`)).stdout)).toEqual(own(fork.stdout))
  })

  it('an unknown option: the message and busybox usage, status 1', async () => {
    const r = await run('kubectl -n sa-demo exec plain -- ps aux -x')
    expect(r.stderr).toMatch(/^ps: unrecognized option: x\nBusyBox v1\.35\.0 .*\n\nUsage: ps \[-o COL1,COL2=HEADER\]\n[\s\S]*command terminated with exit code 1\n$/)
  })
})
