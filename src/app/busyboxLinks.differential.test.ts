// readlink and realpath in an Alpine container against the real busybox on this machine, in the
// projected service-account volume. The real side lays out the same volume in a temporary folder:
// `..<timestamp>/` with the files, `..data` and the files as links into it, and `var/run` as a link
// to `run` (the image's /var/run is a link to /run, where the volume really is). Lines run in the
// volume's folder; the temporary folder's path is taken out of what busybox prints.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Lab } from './lab'
import { labWithApp } from './testing'
import { q, requireTools, runBatch } from '../shell/testing/realTools'
import { ALPINE_APPLETS } from '../cluster/kubelet/exec/alpineApplets'

const VOLUME = '/var/run/secrets/kubernetes.io/serviceaccount'

const LINES = [
  // the links as the kubelet writes them
  'readlink token', 'readlink ..data', 'readlink namespace', 'readlink ca.crt', 'readlink -- token', 'readlink -s -q token',
  // where they lead
  'readlink -f token', 'readlink -fn token; echo', 'readlink -f ..data', 'readlink -f ..data/', 'readlink -f .', 'realpath token', 'realpath ..data namespace',
  'realpath . ..', 'realpath ../..', 'cd ..data && realpath token && readlink -f ../token',
  // not links, not there
  'readlink ..data/token; echo $?', 'readlink -v ..data/token', 'readlink nope; echo $?', 'readlink -v nope', 'readlink -v token/x', 'readlink -v ""', 'readlink -f ""; echo $?',
  'readlink -f nope; echo $?', 'readlink -f ..data/nope', 'readlink -f /nonexist', 'readlink -f /nonexist/x; echo $?', 'readlink -f ..data/nope/x; echo $?',
  'realpath nope ..data/nope token', 'realpath token/', 'realpath ""', 'realpath //nonexist', 'realpath -x', 'realpath /nonexist/', 'realpath ./..data/../token',
  // usage
  'readlink', 'readlink a b', 'readlink -x token', 'readlink --help', 'realpath', 'realpath --help',
]

let lab: Lab
let base = ''
let stamp = ''

beforeAll(async () => {
  lab = await labWithApp()
  base = mkdtempSync(join(tmpdir(), 'bblinks-'))
  stamp = (await lab.run(`kubectl -n sa-demo exec app -- ls -a ${VOLUME}`)).stdout.split('\n').find((n) => n.startsWith('..20')) ?? ''
}, 60_000)
afterAll(() => rmSync(base, { recursive: true, force: true }))

describe('readlink and realpath in an Alpine container agree with busybox', () => {
  it('stdout, stderr and status of each line, in the projected volume', async () => {
    requireTools('/usr/bin/busybox')
    expect(stamp).toMatch(/^\.\.\d{4}_\d\d_\d\d_\d\d_\d\d_\d\d\.\d+$/)
    const bin = join(base, 'bin')
    mkdirSync(bin)
    for (const a of ['sh', 'readlink', 'realpath', 'echo']) symlinkSync('/usr/bin/busybox', join(bin, a))
    const volume = join(base, 'run/secrets/kubernetes.io/serviceaccount')
    mkdirSync(join(volume, stamp), { recursive: true })
    for (const f of ['ca.crt', 'namespace', 'token']) {
      writeFileSync(join(volume, stamp, f), 'x')
      symlinkSync(`..data/${f}`, join(volume, f))
    }
    symlinkSync(stamp, join(volume, '..data'))
    mkdirSync(join(base, 'var'))
    symlinkSync('../run', join(base, 'var/run'))
    const real = await runBatch(LINES.map((l) => ({ argv: ['/usr/bin/busybox', 'sh', '-c', l], cwd: volume, env: { HOME: '/root', PATH: bin } })))
    for (const [i, line] of LINES.entries()) {
      const r = await lab.run(`kubectl -n sa-demo exec app -- sh -c ${q(`cd ${VOLUME} && ${line}`)}`)
      const m = /command terminated with exit code (\d+)\n$/.exec(r.stderr)
      const ours = { stdout: r.stdout, stderr: m ? r.stderr.slice(0, m.index) : r.stderr, exitCode: m ? Number(m[1]) : r.exitCode }
      const theirs = { stdout: real[i].stdout.replaceAll(base, ''), stderr: alpine(real[i].stderr), exitCode: real[i].exitCode }
      expect.soft({ line, ...ours }).toEqual({ line, ...theirs })
    }
  }, 60_000)

  it('a direct exec finds both where Alpine links them, and the other applets say they are not simulated', async () => {
    const r = await lab.run('kubectl -n sa-demo exec app -- which readlink realpath stat mountpoint free')
    expect(r.stdout).toBe('/usr/bin/readlink\n/usr/bin/realpath\n/bin/stat\n/bin/mountpoint\n/usr/bin/free\n')
    const direct = await lab.run(`kubectl -n sa-demo exec app -- readlink ${VOLUME}/token`)
    expect(direct.stdout).toBe('..data/token\n')
    const mount = await lab.run('kubectl -n sa-demo exec app -- mountpoint /')
    expect(mount.stderr).toBe('mountpoint: this program is not simulated in the lab\ncommand terminated with exit code 126\n')
    const inShell = await lab.run(`kubectl -n sa-demo exec app -- sh -c 'free; echo $?'`)
    expect(inShell).toMatchObject({ stdout: '126\n', stderr: 'free: this program is not simulated in the lab\n' })
  })
})

describe("an Alpine image's applets", () => {
  it('are linked where busybox installs them (as Debian\'s busybox --list-full says for those it has too)', async () => {
    requireTools('/usr/bin/busybox')
    const [real] = await runBatch([{ argv: ['/usr/bin/busybox', '--list-full'] }])
    const debian = new Map(real.stdout.trim().split('\n').filter((l) => l.includes('/')).map((l) => [l.slice(l.lastIndexOf('/') + 1), `/${l.slice(0, l.lastIndexOf('/'))}`]))
    const shared = [...ALPINE_APPLETS].filter(([name]) => debian.has(name))
    expect(shared.length).toBeGreaterThan(200)
    // Debian's package moves readlink to /bin; busybox's own applet line (and Alpine) keep it in /usr/bin
    for (const [name, where] of shared) expect.soft([name, where]).toEqual([name, name === 'readlink' ? '/usr/bin' : debian.get(name)])
    expect(debian.get('readlink')).toBe('/bin')
  })

  it('are all in the agnhost container, each a link to /bin/busybox', async () => {
    const r = await lab.run('kubectl -n sa-demo exec app -- ls -l /bin /sbin /usr/bin /usr/sbin')
    const links = new Map<string, string>()
    let at = ''
    for (const line of r.stdout.split('\n')) {
      if (line.endsWith(':')) at = line.slice(0, -1)
      const m = / (\S+) -> \/bin\/busybox$/.exec(line)
      if (m) links.set(m[1], at)
    }
    // agnhost's own programs (bash, curl, nslookup) stand where Alpine's busybox would have its links
    for (const [name, where] of ALPINE_APPLETS) if (!['nslookup'].includes(name)) expect.soft([name, links.get(name)]).toEqual([name, where])
    expect(links.size).toBe(ALPINE_APPLETS.size - 1)
  })
})

/** Alpine's musl getopt words a bad option `unrecognized option: x` where glibc's says `invalid option -- 'x'`. */
const alpine = (stderr: string) => stderr.replace(/^(\w+): invalid option -- '(.)'$/gm, '$1: unrecognized option: $2')
