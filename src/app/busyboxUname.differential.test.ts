// busybox uname and arch in the lab's pods against the real busybox on this machine (Debian's
// 1.35, whose uname.c is 1.36.1's). The busybox image keeps defconfig's OS name, GNU/Linux, as
// Debian's busybox does; the host's name and the kernel's release and version become `[n]`, `[r]`
// and `[v]` on both sides. Debian's busybox is glibc's: its getopt's words are turned into musl's,
// which the lab's busybox applets speak (Alpine's).
import { spawnSync } from 'node:child_process'
import { beforeAll, describe, expect, it } from 'vitest'
import { KERNEL } from '../cluster/kernel'
import type { Lab } from './lab'
import { labWithApp, shIn } from './testing'
import { requireTools, runBatch } from '../shell/testing/realTools'

const LINES = [
  'uname', 'uname -a', 'uname -s', 'uname -n', 'uname -r', 'uname -v', 'uname -m', 'uname -p', 'uname -i', 'uname -o', 'uname -snrvmpio', 'uname -ap',
  'uname -pi', 'uname -mrs', 'uname -o -s', 'uname --all', 'uname --kernel-name', 'uname --release', 'uname --rel', 'uname --operating-system', 'uname --proc',
  'uname --kernel', 'uname --bogus', 'uname -x', 'uname x', 'uname -a x', 'uname -- -a', 'uname -a --', 'uname --help; echo "status $?"', 'uname --version',
  'arch', 'arch x', 'arch -x', 'arch --help; echo "status $?"',
]

let lab: Lab

beforeAll(async () => {
  lab = await labWithApp('1', ['kubectl -n sa-demo run bb --image=busybox:1.36 --command -- sleep 100000', 'kubectl -n sa-demo wait --for=condition=Ready pod/bb'])
}, 60_000)

/** Debian's glibc getopt's complaints in musl's words. */
const musl = (stderr: string) =>
  stderr
    .replace(/^(\w+): unrecognized option '--(.+)'$/gm, '$1: unrecognized option: $2')
    .replace(/^(\w+): option '--(.+)' is ambiguous; possibilities:.*$/gm, '$1: option is ambiguous: $2')
    .replace(/^(\w+): invalid option -- '(.)'$/gm, '$1: unrecognized option: $2')

const placeholders = (stdout: string, f: { n: string; r: string; v: string }) =>
  stdout.split('\n').map((l) => l.replace(f.v, '[v]').replace(f.r, '[r]').split(' ').map((w) => (w === f.n ? '[n]' : w)).join(' ')).join('\n')

describe('busybox uname and arch agree with busybox', () => {
  it('in the busybox image: stdout, stderr and status of each line', async () => {
    requireTools('/usr/bin/busybox')
    const field = (f: string) => spawnSync('uname', [`-${f}`], { encoding: 'utf8' }).stdout.replace(/\n$/, '')
    const here = { n: field('n'), r: field('r'), v: field('v') }
    const real = await runBatch(LINES.map((l) => ({ argv: ['/usr/bin/busybox', 'sh', '-c', l.replace(/^(uname|arch)/, '/usr/bin/busybox $1')] })))
    for (const [i, line] of LINES.entries()) {
      const r = await shIn(lab, 'bb', line)
      const ours = { ...r, stdout: placeholders(r.stdout, { n: 'bb', r: KERNEL.release, v: KERNEL.version }) }
      expect.soft({ line, ...ours }).toEqual({ line, stdout: placeholders(real[i].stdout, here), stderr: musl(real[i].stderr), exitCode: real[i].exitCode })
    }
  }, 60_000)

  it("in an Alpine image, -o says Linux: Alpine builds busybox with CONFIG_UNAME_OSNAME=\"Linux\"", async () => {
    expect((await lab.run('kubectl -n sa-demo exec app -- uname -a')).stdout).toBe(`Linux app ${KERNEL.release} ${KERNEL.version} x86_64 Linux\n`)
    expect((await lab.run('kubectl -n sa-demo exec app -- uname -o')).stdout).toBe('Linux\n')
    expect((await lab.run('kubectl -n sa-demo exec bb -- uname -o')).stdout).toBe('GNU/Linux\n')
  })

  it('a Debian image has GNU uname, with the container as host', async () => {
    await lab.run('kubectl -n sa-demo run deb --image=debian:12 --command -- sleep 100000')
    await lab.run('kubectl -n sa-demo wait --for=condition=Ready pod/deb')
    expect((await lab.run('kubectl -n sa-demo exec deb -- uname -a')).stdout).toBe(`Linux deb ${KERNEL.release} ${KERNEL.version} x86_64 GNU/Linux\n`)
    expect((await lab.run('kubectl -n sa-demo exec deb -- uname -x')).stderr).toBe("uname: invalid option -- 'x'\nTry 'uname --help' for more information.\ncommand terminated with exit code 1\n")
  })
})
