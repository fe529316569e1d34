// hostname in a pod: the pod's name and IP (its /etc/hosts line), as busybox 1.36.1's hostname.c and
// Debian's hostname 3.23 print them (the expected lines follow their sources; the usage text and the
// version are those of this machine's hostname 3.23, Debian 12's); setting a name is refused.
import { beforeAll, describe, expect, it } from 'vitest'
import type { Lab } from './lab'
import { labWithApp, shIn } from './testing'
import { BUSYBOX_USAGE } from './busyboxUsage'

let lab: Lab
let appIP = ''
let debIP = ''

beforeAll(async () => {
  lab = await labWithApp('1', ['kubectl -n sa-demo run deb --image=debian:12 --command -- sleep 100000', 'kubectl -n sa-demo wait --for=condition=Ready pod/deb'])
  const ip = async (pod: string) => (await lab.run(`kubectl -n sa-demo get pod ${pod} -o jsonpath={.status.podIP}`)).stdout
  appIP = await ip('app')
  debIP = await ip('deb')
}, 60_000)

describe('busybox hostname', () => {
  it('prints the name, its address, its short and full forms; the domain of a name without one is nothing', async () => {
    expect(await shIn(lab, 'app', 'hostname; hostname -i; hostname -s; hostname -f; hostname -d; hostname -si; hostname --fqdn')).toEqual({
      stdout: `app\n${appIP}\napp\napp\napp\napp\n`, stderr: '', exitCode: 0,
    })
    expect(appIP).toMatch(/^10\.200\.\d+\.\d+$/)
  })

  it('cannot set a name (sethostname: EPERM) and words a bad option as musl does', async () => {
    expect(await shIn(lab, 'app', 'hostname new')).toEqual({ stdout: '', stderr: 'hostname: sethostname: Operation not permitted\n', exitCode: 1 })
    expect(await shIn(lab, 'app', 'hostname -F nope')).toEqual({ stdout: '', stderr: "hostname: can't open 'nope': No such file or directory\n", exitCode: 1 })
    expect(await shIn(lab, 'app', 'hostname -x')).toEqual({ stdout: '', stderr: `hostname: unrecognized option: x\n${BUSYBOX_USAGE.hostname}`, exitCode: 1 })
  })
})

describe("Debian's hostname", () => {
  it('the last display option counts; -I ends each address with a space', async () => {
    expect(await shIn(lab, 'deb', 'hostname; hostname -i; hostname -I; hostname -s -i; hostname -i -s; hostname --ip-address; hostname -V')).toEqual({
      stdout: `deb\n${debIP}\n${debIP} \n${debIP}\ndeb\n${debIP}\nhostname 3.23\n`, stderr: '', exitCode: 0,
    })
  })

  it('cannot set a name, and prints its usage for a bad option (status 255)', async () => {
    expect(await shIn(lab, 'deb', 'hostname new')).toEqual({ stdout: '', stderr: 'hostname: you must be root to change the host name\n', exitCode: 1 })
    const bad = await shIn(lab, 'deb', 'hostname -x')
    expect(bad.exitCode).toBe(255)
    expect(bad.stderr).toMatch(/^hostname: invalid option -- 'x'\nUsage: hostname \[-b\] \{hostname\|-F file\} {9}set host name \(from file\)\n/)
  })
})
