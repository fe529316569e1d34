// busybox cp and mv where the differential test cannot take them: the token's read-only volume
// (rename(2) within it is EROFS; across its edge EXDEV, so mv copies, then cannot remove the
// source, or cannot make the copy: libbb's remove_file and copy_file name the path), and the links
// the lab's shell files cannot hold (-l, -s).
import { beforeAll, describe, expect, it } from 'vitest'
import type { Lab } from './lab'
import { labWithApp, shIn } from './testing'

const SA = '/var/run/secrets/kubernetes.io/serviceaccount'
let lab: Lab

beforeAll(async () => {
  lab = await labWithApp()
}, 60_000)

describe("busybox cp and mv and the token's read-only volume", () => {
  it('refuses writes into it, in busybox words', async () => {
    expect(await shIn(lab, 'app', `cp /etc/hostname ${SA}/`)).toEqual({ stdout: '', stderr: `cp: can't create '${SA}/hostname': Read-only file system\n`, exitCode: 1 })
    expect(await shIn(lab, 'app', `echo x > /tmp/x; mv /tmp/x ${SA}/`)).toEqual({ stdout: '', stderr: `mv: can't create '${SA}/x': Read-only file system\n`, exitCode: 1 })
    expect(await shIn(lab, 'app', `mv ${SA}/token ${SA}/t2`)).toEqual({ stdout: '', stderr: `mv: can't rename '${SA}/token': Read-only file system\n`, exitCode: 1 })
  })

  it('a copy out of it works; a move out of it copies, then cannot remove the source', async () => {
    expect(await shIn(lab, 'app', `cp ${SA}/namespace /tmp/ns && cat /tmp/ns`)).toEqual({ stdout: 'sa-demo', stderr: '', exitCode: 0 })
    expect(await shIn(lab, 'app', `mv ${SA}/namespace /tmp/ns2; ls ${SA}`)).toEqual({ stdout: 'ca.crt\nnamespace\ntoken\n', stderr: `mv: can't remove '${SA}/namespace': Read-only file system\n`, exitCode: 0 })
  })

  it('says that making links is not simulated', async () => {
    expect(await shIn(lab, 'app', 'cp -s /etc/hostname /tmp/h')).toEqual({ stdout: '', stderr: "cp: -l and -s (making links) are not simulated in the lab; cp copies the files' contents\n", exitCode: 1 })
  })
})
