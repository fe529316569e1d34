// Each image as it is: Debian-based images (debian, nginx) answer with dash and GNU's tools, the
// busybox image keeps every applet in /bin (those the lab does not run say so; its tree: busyboxImage.test.ts) and has no
// os-release, curlimages/curl has no bash, and pause holds nothing to run. Debian's messages are
// checked against this machine's dash and coreutils (Debian 12, as the images of nginx 1.27 are).
import { execFileSync, spawnSync } from 'node:child_process'
import { beforeAll, describe, expect, it } from 'vitest'
import { createLab, type Lab } from './lab'

let lab: Lab
const run = (line: string) => lab.run(line)

/** What the real program prints on stderr, and its status (this machine is Debian 12: /bin/sh is dash). */
function real(argv: string[]): { stderr: string; exitCode: number } {
  const r = spawnSync(argv[0], argv.slice(1), { encoding: 'utf8' })
  return { stderr: r.stderr, exitCode: r.status ?? -1 }
}

const NOT_IN_PATH = (cmd: string) => new RegExp(`OCI runtime exec failed: exec failed: unable to start container process: exec: "${cmd}": executable file not found in \\$PATH: unknown\\ncommand terminated with exit code 126\\n$`)

beforeAll(async () => {
  lab = await createLab({ seed: '1' })
  for (const [name, image] of [['d', 'debian:12'], ['n', 'nginx:1.27'], ['b', 'busybox:1.36'], ['c', 'curlimages/curl:8.11.1'], ['p', 'registry.k8s.io/pause:3.10']]) {
    await run(`kubectl run ${name} --image=${image} -- sleep 100000`)
  }
  await run('lab advance 30s')
}, 60_000)

describe('Debian-based images: dash and GNU tools', () => {
  it('sh is dash, with its messages', async () => {
    expect(execFileSync('readlink', ['-f', '/bin/sh'], { encoding: 'utf8' })).toBe('/usr/bin/dash\n')
    const want = real(['sh', '-c', 'nosuchcmd'])
    for (const pod of ['d', 'n']) {
      expect(await run(`kubectl exec ${pod} -- sh -c nosuchcmd`)).toEqual({ stdout: '', stderr: `${want.stderr}command terminated with exit code ${want.exitCode}\n`, exitCode: want.exitCode })
    }
  })

  it('GNU cat and ls speak as coreutils, and id is root alone', async () => {
    const cat = real(['cat', '/nope'])
    expect((await run('kubectl exec d -- cat /nope')).stderr).toBe(`${cat.stderr}command terminated with exit code ${cat.exitCode}\n`)
    const ls = real(['ls', '/nope'])
    expect((await run('kubectl exec d -- ls /nope')).stderr).toBe(`${ls.stderr}command terminated with exit code ${ls.exitCode}\n`)
    expect((await run('kubectl exec d -- ls /bin/busybox')).exitCode).toBe(2)
    expect((await run('kubectl exec d -- id')).stdout).toBe('uid=0(root) gid=0(root) groups=0(root)\n')
    expect((await run('kubectl exec d -- which ls sh bash')).stdout).toBe('/usr/bin/ls\n/usr/bin/sh\n/usr/bin/bash\n')
  })

  it('names its release, and has no busybox, ps or curl (nginx adds curl)', async () => {
    expect((await run('kubectl exec d -- cat /etc/os-release')).stdout).toContain('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\n')
    expect((await run('kubectl exec d -- ps')).stderr).toMatch(NOT_IN_PATH('ps'))
    expect((await run('kubectl exec d -- curl -s x')).stderr).toMatch(NOT_IN_PATH('curl'))
    expect((await run('kubectl exec n -- which curl')).stdout).toBe('/usr/bin/curl\n')
  })

  it('an interactive sh shows dash’s prompt', async () => {
    await run('kubectl exec -it d -- sh')
    expect(lab.prompt()).toBe('# ')
    expect((await run('nosuchcmd')).stderr).toBe('sh: 1: nosuchcmd: not found\n')
    await run('exit')
  })
})

describe('busybox, curl and pause images', () => {
  it('busybox: every applet in /bin, no os-release', async () => {
    // the applets the lab does not run are there too (in /bin, not where Alpine puts them), and say so
    expect((await run('kubectl exec b -- which df mount nc ip top')).stdout).toBe('/bin/df\n/bin/mount\n/bin/nc\n/bin/ip\n/bin/top\n')
    expect(await run('kubectl exec b -- free -m')).toMatchObject({ stderr: 'free: this program is not simulated in the lab\ncommand terminated with exit code 126\n', exitCode: 126 })
    // busybox's mktemp and rmdir speak otherwise than GNU's: not simulated there; a Debian image has GNU's
    for (const cmd of ['mktemp -u', 'rmdir x']) expect(await run(`kubectl exec b -- ${cmd}`)).toMatchObject({ stderr: `${cmd.split(' ')[0]}: this program is not simulated in the lab\ncommand terminated with exit code 126\n`, exitCode: 126 })
    expect(await run('kubectl exec d -- rmdir nope')).toMatchObject({ stderr: "rmdir: failed to remove 'nope': No such file or directory\ncommand terminated with exit code 1\n", exitCode: 1 })
    expect((await run('kubectl exec b -- cat /etc/os-release')).stderr).toBe("cat: can't open '/etc/os-release': No such file or directory\ncommand terminated with exit code 1\n")
  })

  it('curlimages/curl: curl and busybox, no bash', async () => {
    expect((await run('kubectl exec c -- which curl')).stdout).toBe('/usr/bin/curl\n')
    expect((await run('kubectl exec c -- bash -c true')).stderr).toMatch(NOT_IN_PATH('bash'))
  })

  it('pause: nothing to run but /pause', async () => {
    for (const cmd of ['sh -c true', 'ls', 'cat']) expect((await run(`kubectl exec p -- ${cmd}`)).stderr).toMatch(NOT_IN_PATH(cmd.split(' ')[0]))
    expect((await run('kubectl exec p -- /pause')).stderr).toBe('/pause: this program is not simulated in the lab\ncommand terminated with exit code 126\n')
  })
})
