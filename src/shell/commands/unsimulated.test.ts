// The programs of a Debian 12 system that the lab does not run: there (which, type, a Debian image's
// /usr/bin), and saying so, where bash's `command not found` would deny them. The list is checked
// against dpkg on this machine (Debian 12).

import { describe, expect, it } from 'vitest'
import { DEBIAN_PROGRAMS } from '../../cluster/kubelet/exec/debianPrograms'
import { requireTools, runBatch } from '../testing/realTools'
import { newShell } from '../testSupport'
import { labWithApp } from '../../app/testing'

describe("a Debian 12 system's programs", () => {
  it("are its Essential packages' programs, as dpkg lists them", async () => {
    requireTools('dpkg-query')
    const [r] = await runBatch([{ shell: `for p in $(dpkg-query -Wf '\${Package} \${Essential}\\n' | awk '$2=="yes"{print $1}'); do dpkg -L $p; done | grep -E '^/(usr/)?bin/[^/.]+$' | sed 's,.*/,,' | LC_ALL=C sort -u` }])
    expect(DEBIAN_PROGRAMS.join(' ')).toBe(r.stdout.trim().split('\n').join(' '))
  })

  it('on the workstation, one the lab does not run says so; which and type find it; help leaves it out', async () => {
    const sh = newShell()
    expect(await sh.run('shred /root/x')).toEqual({ stdout: '', stderr: "shred: this program is not simulated in the lab; 'help' lists the commands it has\n", exitCode: 126 })
    expect((await sh.run('which diff shred; type -t tar')).stdout).toBe('/usr/bin/diff\n/usr/bin/shred\nfile\n')
    expect((await sh.run('help')).stdout).not.toMatch(/^ {2}shred /m)
    // a name with a hint of its own keeps bash's line and the hint
    expect((await sh.run('more notes')).stderr).toMatch(/^bash: more: command not found\nlab: there is no pager/)
  })

  it('in a Debian image, they are in /usr/bin and say the lab does not simulate them; ls to a pipe prints one name a line', async () => {
    const lab = await labWithApp('1', ['kubectl -n sa-demo run deb --image=debian:12 --command -- sleep 100000', 'kubectl -n sa-demo wait --for=condition=Ready pod/deb'])
    const ls = await lab.run('kubectl -n sa-demo exec deb -- ls /usr/bin')
    expect(ls.stdout.split('\n').filter(Boolean)).toEqual(expect.arrayContaining(DEBIAN_PROGRAMS.filter((n) => n !== 'sh')))
    expect(await lab.run('kubectl -n sa-demo exec deb -- stat /etc/hostname')).toMatchObject({ stdout: '', stderr: 'stat: this program is not simulated in the lab\ncommand terminated with exit code 126\n' })
    expect((await lab.run('kubectl -n sa-demo exec deb -- ls /etc')).stdout).toBe('debian_version\nhostname\nhosts\nos-release\npasswd\nresolv.conf\n')
  })
})
