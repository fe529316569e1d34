// The busybox image's own tree (src/cluster/kubelet/exec/busyboxImage.ts): every applet a hard link
// to one busybox, /usr/bin/env a symlink, buildroot's /etc files, glibc in /lib. The expected
// outputs are those of the real thing: busybox 1.36.1 built here with the image's config
// (`busybox --install DIR` makes hard links) listing such a tree, and, for the layout and the
// files, the rootfs of docker-library's busybox glibc image (1.37.0, built by the same builder),
// run with chroot.
import { beforeAll, describe, expect, it } from 'vitest'
import { createLab, type Lab } from './lab'

let lab: Lab
const run = (line: string) => lab.run(line)

beforeAll(async () => {
  lab = await createLab({ seed: '1' })
  await run('kubectl run b --image=busybox:1.36 -- sleep 100000')
  await run('lab advance 30s')
}, 60_000)

describe('the busybox image', () => {
  it('has every applet as a hard link to one busybox: one inode, 404 names', async () => {
    expect((await run('kubectl exec b -- ls -l /bin/sh /bin/busybox /usr/bin/env')).stdout).toBe(
      '-rwxr-xr-x  404 root     root       1021496 Jun 14  2023 /bin/busybox\n' +
      '-rwxr-xr-x  404 root     root       1021496 Jun 14  2023 /bin/sh\n' +
      'lrwxrwxrwx    1 root     root            13 Jun 14  2023 /usr/bin/env -> ../../bin/env\n',
    )
    // 403 applets, busybox and getconf, after the total
    expect((await run('kubectl exec b -- sh -c "ls -l /bin | wc -l"')).stdout).toBe('406\n')
    // a hard link is no symlink: readlink prints nothing and fails
    expect(await run('kubectl exec b -- readlink /bin/sh')).toMatchObject({ stdout: '', exitCode: 1 })
    const stat = (await run('kubectl exec b -- stat /bin/sh')).stdout
    expect(stat).toMatch(/^ {2}File: \/bin\/sh\n {2}Size: 1021496   \tBlocks: 2000       IO Block: 4096   regular file\n/)
    expect(stat).toMatch(/ Links: 404\n/)
    const [sh, ls, env] = (await run('kubectl exec b -- stat -c %i /bin/sh /bin/ls /usr/bin/env')).stdout.split('\n')
    expect(sh).toBe(ls)
    expect(env).not.toBe(sh)
  })

  it('finds env first in /usr/bin, as PATH orders it', async () => {
    expect((await run('kubectl exec b -- which env ls')).stdout).toBe('/usr/bin/env\n/bin/ls\n')
    expect((await run('kubectl exec b -- which -a env')).stdout).toBe('/usr/bin/env\n/bin/env\n')
    expect((await run('kubectl exec b -- /usr/bin/env -i FOO=1')).stdout).toBe('FOO=1\n')
  })

  it('runs printenv (busybox 1.36.1 prints these)', async () => {
    expect((await run('kubectl exec b -- printenv PATH')).stdout).toBe('/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n')
    expect(await run('kubectl exec b -- printenv HOSTNAME NOPE')).toMatchObject({ stdout: 'b\n', exitCode: 1 })
    // no options: -x is a name, and not set
    expect(await run('kubectl exec b -- printenv -x')).toMatchObject({ stdout: '', exitCode: 1 })
    expect((await run('kubectl exec b -- env -i A=1 B=2 printenv')).stdout).toBe('A=1\nB=2\n')
  })

  it('has the image layout and no Alpine directories', async () => {
    // the image's directories, and what the runtime adds (proc, sys; the token's mount under /var/run)
    expect((await run('kubectl exec b -- ls /')).stdout).toBe('bin\ndev\netc\nhome\nlib\nlib64\nproc\nroot\nsys\ntmp\nusr\nvar\n')
    expect((await run('kubectl exec b -- ls /usr /var /etc/network')).stdout).toBe(
      '/etc/network:\nif-down.d\nif-post-down.d\nif-pre-up.d\nif-up.d\n\n/usr:\nbin\nsbin\n\n/var:\nrun\nspool\nwww\n',
    )
    expect((await run('kubectl exec b -- ls /lib')).stdout).toBe(
      'ld-linux-x86-64.so.2\nlibc.so.6\nlibm.so.6\nlibnss_compat.so.2\nlibnss_dns.so.2\nlibnss_files.so.2\nlibnss_hesiod.so.2\nlibpthread.so.0\nlibresolv.so.2\n',
    )
    expect((await run('kubectl exec b -- ls -l /etc/shadow')).stdout).toBe('-rw-------    1 root     root           136 Jun 14  2023 /etc/shadow\n')
  })

  it("gives root its group and wheel, the one group buildroot's /etc/group lists root in", async () => {
    // containerd adds the image's groups that list the user (oci.WithAdditionalGIDs) to its own;
    // busybox 1.36.1's id under those groups (setpriv --groups 0,10) prints these
    expect((await run('kubectl exec b -- id')).stdout).toBe('uid=0(root) gid=0(root) groups=0(root),10(wheel)\n')
    expect((await run('kubectl exec b -- id -Gn')).stdout).toBe('root wheel\n')
  })

  it("has buildroot's passwd and group, and UTC as its localtime", async () => {
    expect((await run('kubectl exec b -- cat /etc/passwd')).stdout).toBe(
      'root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1:daemon:/usr/sbin:/bin/false\nbin:x:2:2:bin:/bin:/bin/false\n' +
      'sys:x:3:3:sys:/dev:/bin/false\nsync:x:4:100:sync:/bin:/bin/sync\nmail:x:8:8:mail:/var/spool/mail:/bin/false\n' +
      'www-data:x:33:33:www-data:/var/www:/bin/false\noperator:x:37:37:Operator:/var:/bin/false\nnobody:x:65534:65534:nobody:/home:/bin/false\n',
    )
    expect((await run('kubectl exec b -- wc -c /etc/group /etc/nsswitch.conf /etc/localtime')).stdout).toBe(
      '      306 /etc/group\n      494 /etc/nsswitch.conf\n      114 /etc/localtime\n      914 total\n',
    )
    // od -c of /usr/share/zoneinfo/UTC (tzdata on Debian 12 and 13 alike)
    expect((await run('kubectl exec b -- od -c /etc/localtime')).stdout).toBe(
      '0000000   T   Z   i   f   2  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0\n' +
      '0000020  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0\n' +
      '0000040  \\0  \\0  \\0  \\0  \\0  \\0  \\0 001  \\0  \\0  \\0 004  \\0  \\0  \\0  \\0\n' +
      '0000060  \\0  \\0   U   T   C  \\0   T   Z   i   f   2  \\0  \\0  \\0  \\0  \\0\n' +
      '0000100  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0\n' +
      '0000120  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0 001  \\0  \\0\n' +
      '0000140  \\0 004  \\0  \\0  \\0  \\0  \\0  \\0   U   T   C  \\0  \\n   U   T   C\n' +
      '0000160   0  \\n\n0000162\n',
    )
  })
})
