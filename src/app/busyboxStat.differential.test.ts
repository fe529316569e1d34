// stat in an Alpine container against the real busybox on this machine, in the projected
// service-account volume. The real side lays out the same volume in a temporary folder, with the
// lab's own file contents and modes: `..<timestamp>/` with the files, `..data` and the files as links
// into it. Lines run in the volume's folder. What a folder of the disk here cannot share with the
// lab's tmpfs (a directory's size; device and inode numbers; the times) is left out of the formats,
// or, in the default display, put in placeholders on both sides.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Lab } from './lab'
import { labWithApp } from './testing'
import { q, requireTools, runBatch } from '../shell/testing/realTools'
import { bytesOf } from '../common/bytes'

const VOLUME = '/var/run/secrets/kubernetes.io/serviceaccount'
const FIELDS = '%n|%s|%b|%B|%a|%A|%f|%F|%h|%u|%U|%g|%G|%o|%t|%T|%N'

const LINES = [
  // every field of a file's stat that does not depend on the disk, for the links and for the files
  `stat -c '${FIELDS}' token namespace ca.crt ..data`,
  `stat -L -c '${FIELDS}' token namespace ..data/token`,
  `stat -c '%n|%a|%A|%f|%F|%h|%N' . ..data/ ..data/. "$(readlink ..data)"`,
  // printf's modifiers, %% and a letter that is no field, and a lone % at the end (no newline)
  "stat -c '[%-8n][%8s][%.3n][%05a][%#a][%-6h][%x0]|%%|%q|%5q' token",
  "stat -c 'end %' token; echo",
  "stat -c '%s' -- token; stat -c%a token",
  // terse: the fields that do not depend on the disk
  "stat -t token ..data/token | cut -d' ' -f1-6,9-11,15",
  // the default display, numbers of the disk and times in placeholders
  'stat token ..data/token', 'stat -L namespace', 'stat -L ..data/namespace token',
  // not there, not a directory
  "stat nope token; echo $?", 'stat token/x', 'stat ""', "stat -c '%n' nope",
  // usage
  'stat', 'stat -x token', 'stat -c', 'stat --help',
]

/** The disk's numbers and the times, on either side. */
const placeholders = (s: string) =>
  s
    .replace(/Device: [0-9a-f]+h\/\d+d\tInode: \d+ +Links:/g, 'Device: DEVh/DEVd\tInode: INO  Links:')
    .replace(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{9} [+-]\d{4}/g, 'TIME')

let lab: Lab
let base = ''
let stamp = ''
const files: Record<string, string> = {}

beforeAll(async () => {
  lab = await labWithApp()
  base = mkdtempSync(join(tmpdir(), 'bbstat-'))
  stamp = (await lab.run(`kubectl -n sa-demo exec app -- ls -a ${VOLUME}`)).stdout.split('\n').find((n) => n.startsWith('..20')) ?? ''
  for (const f of ['ca.crt', 'namespace', 'token']) files[f] = (await lab.run(`kubectl -n sa-demo exec app -- cat ${VOLUME}/${f}`)).stdout
}, 60_000)
afterAll(() => rmSync(base, { recursive: true, force: true }))

describe('stat in an Alpine container agrees with busybox', () => {
  it('stdout, stderr and status of each line, in the projected volume', async () => {
    requireTools('/usr/bin/busybox')
    expect(stamp).toMatch(/^\.\.\d{4}_\d\d_\d\d_\d\d_\d\d_\d\d\.\d+$/)
    expect(files.token).toMatch(/^eyJ/)
    const bin = join(base, 'bin')
    mkdirSync(bin)
    for (const a of ['sh', 'stat', 'echo', 'cut', 'readlink']) symlinkSync('/usr/bin/busybox', join(bin, a))
    // the kubelet's volume: a tmpfs with the sticky bit (drwxrwxrwt), a timestamped folder, links
    const volume = join(base, 'volume')
    mkdirSync(join(volume, stamp), { recursive: true })
    chmodSync(volume, 0o1777)
    chmodSync(join(volume, stamp), 0o755)
    for (const [f, text] of Object.entries(files)) {
      writeFileSync(join(volume, stamp, f), bytesOf(text), { mode: 0o644 })
      symlinkSync(`..data/${f}`, join(volume, f))
    }
    symlinkSync(stamp, join(volume, '..data'))
    const real = await runBatch(LINES.map((l) => ({ argv: ['/usr/bin/busybox', 'sh', '-c', l], cwd: volume, env: { HOME: '/root', PATH: bin, TZ: 'UTC' } })))
    for (const [i, line] of LINES.entries()) {
      const r = await lab.run(`kubectl -n sa-demo exec app -- sh -c ${q(`cd ${VOLUME} && ${line}`)}`)
      const m = /command terminated with exit code (\d+)\n$/.exec(r.stderr)
      const ours = { stdout: placeholders(r.stdout), stderr: m ? r.stderr.slice(0, m.index) : r.stderr, exitCode: m ? Number(m[1]) : r.exitCode }
      const theirs = { stdout: placeholders(real[i].stdout), stderr: alpine(real[i].stderr), exitCode: real[i].exitCode }
      expect.soft({ line, ...ours }).toEqual({ line, ...theirs })
    }
  }, 60_000)

  it('a refresh of the token shows as a new file behind the same link: stat -L names another inode', async () => {
    const inode = async () => (await lab.run(`kubectl -n sa-demo exec app -- stat -L -c '%i %Y' ${VOLUME}/token`)).stdout
    const link = async () => (await lab.run(`kubectl -n sa-demo exec app -- stat -c '%i %N' ${VOLUME}/token`)).stdout
    const [before, linkBefore] = [await inode(), await link()]
    expect(await inode()).toBe(before)
    // the kubelet refreshes a token at 80 % of its life (an hour for the default 3607 s token)
    await lab.advance('1h')
    const after = await inode()
    expect(after.split(' ')[0]).not.toBe(before.split(' ')[0])
    expect(Number(after.split(' ')[1])).toBeGreaterThan(Number(before.split(' ')[1]))
    expect(await link()).toBe(linkBefore)
  })

  it('-f is said not to be simulated', async () => {
    const r = await lab.run(`kubectl -n sa-demo exec app -- stat -f ${VOLUME}`)
    expect(r.stderr).toBe('stat: -f (file system status) is not simulated in the lab; stat FILE shows the file\ncommand terminated with exit code 1\n')
  })
})

/** Alpine's musl getopt words its complaints otherwise than glibc's. */
const alpine = (stderr: string) =>
  stderr.replace(/^(\w+): invalid option -- '(.)'$/gm, '$1: unrecognized option: $2').replace(/^(\w+): option requires an argument -- '(.)'$/gm, '$1: option requires an argument: $2')
