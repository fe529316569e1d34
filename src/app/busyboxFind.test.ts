// busybox find's actions the differential test cannot run against this machine's busybox:
// -delete (Debian builds busybox without it; find.c 1.36.1: depth first, "." left alone, each
// failure named with its path), and the times, which are the lab clock's (-mmin, -mtime, -newer).
import { beforeAll, describe, expect, it } from 'vitest'
import type { Lab } from './lab'
import { labWithApp } from './testing'

let lab: Lab
const sh = async (script: string) => {
  const r = await lab.run(`kubectl -n sa-demo exec app -- sh -c '${script}'`)
  return { stdout: r.stdout, stderr: r.stderr }
}

beforeAll(async () => {
  lab = await labWithApp()
}, 60_000)

describe('busybox find -delete', () => {
  it('removes a tree depth first, leaves "." alone, and the next exec sees it gone', async () => {
    expect(await sh('cd /tmp && mkdir -p d/e && touch d/f d/e/g && find d -print -delete; ls -A /tmp')).toEqual({ stdout: 'd/e/g\nd/e\nd/f\nd\n', stderr: '' })
    expect(await sh('mkdir /tmp/k && cd /tmp/k && touch a b && find . -delete && ls -A . && pwd')).toEqual({ stdout: '/tmp/k\n', stderr: '' })
    expect((await lab.run('kubectl -n sa-demo exec app -- ls -A /tmp')).stdout).toBe('k\n')
  })

  it("in the token's read-only volume: each entry is refused, and the volume's own folder is busy (a mount point)", async () => {
    const SA = '/var/run/secrets/kubernetes.io/serviceaccount'
    const r = await sh(`find ${SA} -maxdepth 1 -name token -delete; find ${SA} -maxdepth 0 -delete`)
    expect(r.stderr).toBe(`find: ${SA}/token: Read-only file system\nfind: ${SA}: Resource busy\n`)
    expect((await lab.run(`kubectl -n sa-demo exec app -- ls ${SA}`)).stdout).toBe('ca.crt\nnamespace\ntoken\n')
  })
})

describe('busybox find and the lab clock', () => {
  it('-mmin, -mtime and -newer read the files’ times against the lab time', async () => {
    await sh('mkdir /tmp/t && cd /tmp/t && touch old')
    await lab.run('lab advance 10m')
    await sh('cd /tmp/t && touch new')
    expect((await sh('cd /tmp/t && find . -type f -mmin +5')).stdout).toBe('./old\n')
    expect((await sh('cd /tmp/t && find . -type f -mmin -5')).stdout).toBe('./new\n')
    // exactly 10: the 10th minute back (age in [10, 11) minutes)
    expect((await sh('cd /tmp/t && find . -type f -mmin 10')).stdout).toBe('./old\n')
    expect((await sh('cd /tmp/t && find . -type f -mtime 0')).stdout).toBe('./new\n./old\n')
    expect((await sh('cd /tmp/t && find . -newer old')).stdout).toBe('.\n./new\n')
    expect(await sh('cd /tmp/t && find . -newer nope')).toEqual({ stdout: '', stderr: "find: can't stat 'nope': No such file or directory\ncommand terminated with exit code 1\n" })
  })
})
