// The token's volume is mounted read-only (the ServiceAccount admission marks its mount so, and the
// kubelet mounts every projected, secret, configMap and downwardAPI volume read-only): writing
// there fails with EROFS. The expected lines are those of the real tools on a read-only bind mount:
// busybox 1.36.1 (the busybox image's, and Alpine's busybox speaks alike), and Debian 12's dash and
// coreutils (C locale, as a container without LANG has; the mount another device, as a volume is).
import { beforeAll, describe, expect, it } from 'vitest'
import { createLab, type Lab } from './lab'

let lab: Lab
const run = (line: string) => lab.run(line)
const SA = '/var/run/secrets/kubernetes.io/serviceaccount'

beforeAll(async () => {
  lab = await createLab({ seed: '1' })
  await run('kubectl run bb --image=busybox:1.36 -- sleep 100000')
  await run('kubectl run deb --image=debian:12 -- sleep 100000')
  await run('lab advance 30s')
}, 60_000)

describe("the token's volume is read-only", () => {
  it('busybox: the shell, touch, rm, mkdir and tee refuse, and the token stays', async () => {
    const r = await run(`kubectl exec bb -- sh -c 'cd ${SA}; echo x > f; echo x >> token; touch f; touch -c token; touch -c nope; rm -f token; mkdir d; mkdir -p d/e; echo x | tee f; echo rc=$?'`)
    expect(r.stderr).toBe(
      "sh: can't create f: Read-only file system\n" +
      "sh: can't create token: Read-only file system\n" +
      'touch: f: Read-only file system\n' +
      'touch: token: Read-only file system\n' +
      "rm: can't remove 'token': Read-only file system\n" +
      "mkdir: can't create directory 'd': Read-only file system\n" +
      // -p names a folder made on the way with its slash
      "mkdir: can't create directory 'd/': Read-only file system\n" +
      'tee: f: Read-only file system\n',
    )
    expect(r.stdout).toBe('x\nrc=1\n')
    expect((await run(`kubectl exec bb -- ls ${SA}`)).stdout).toBe('ca.crt\nnamespace\ntoken\n')
    expect((await run(`kubectl exec bb -- head -c 3 ${SA}/token`)).stdout).toBe('eyJ')
  })

  it('Debian: dash and coreutils say it in their words', async () => {
    const r = await run(`kubectl exec deb -- sh -c 'cd ${SA}; echo x > f; touch f; touch -c token; rm token; mkdir -p d/e; echo x | tee f; echo rc=$?'`)
    expect(r.stderr).toBe(
      'sh: 1: cannot create f: Read-only file system\n' +
      "touch: cannot touch 'f': Read-only file system\n" +
      "touch: setting times of 'token': Read-only file system\n" +
      "rm: cannot remove 'token': Read-only file system\n" +
      "mkdir: cannot create directory 'd': Read-only file system\n" +
      'tee: f: Read-only file system\n',
    )
    expect(r.stdout).toBe('x\nrc=1\n')
  })

  it('Debian: cp and mv into it, within it and out of it, as coreutils fail there', async () => {
    const r = await run(`kubectl exec deb -- sh -c 'cd ${SA}; echo a > /tmp/a; mkdir /tmp/src; cp /tmp/a t2; cp /tmp/a .; cp -r /tmp/src .; mv token t3; mv /tmp/a .; mv token /tmp/moved; ls /tmp'`)
    expect(r.stderr).toBe(
      "cp: cannot create regular file 't2': Read-only file system\n" +
      "cp: cannot create regular file './a': Read-only file system\n" +
      "cp: cannot create directory './src': Read-only file system\n" +
      "mv: cannot move 'token' to 't3': Read-only file system\n" +
      "mv: inter-device move failed: '/tmp/a' to './a'; unable to remove target: Read-only file system\n" +
      // out of it: the copy is made, the token stays
      "mv: cannot remove 'token': Read-only file system\n",
    )
    expect(r.stdout).toBe('a\nmoved\nsrc\n')
    expect((await run(`kubectl exec deb -- ls ${SA}`)).stdout).toBe('ca.crt\nnamespace\ntoken\n')
  })

  it('sed -i fails at its temporary file, named as each sed names it (six random characters)', async () => {
    const bb = await run(`kubectl exec bb -- sh -c 'cd ${SA}; sed -i s/a/b/ token; echo rc=$?'`)
    expect(bb.stderr).toMatch(/^sed: can't create temp file 'token[A-Za-z0-9]{6}': Read-only file system\n$/)
    expect(bb.stdout).toBe('rc=1\n')
    const deb = await run(`kubectl exec deb -- sh -c 'sed -i s/a/b/ ${SA}/token; echo rc=$?'`)
    expect(deb.stderr).toMatch(new RegExp(`^sed: couldn't open temporary file ${SA}/sed[A-Za-z0-9]{6}: Read-only file system\\n$`))
    expect(deb.stdout).toBe('rc=4\n')
  })

  it('the rest of the container stays writable', async () => {
    expect((await run("kubectl exec bb -- sh -c 'echo ok > /tmp/w; touch /tmp/t; mkdir /tmp/d; sed -i s/o/O/ /tmp/w; cat /tmp/w'")).stdout).toBe('Ok\n')
  })
})
