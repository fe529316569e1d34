// A container's writable layer (src/cluster/kubelet/exec/writableLayer.ts): what its processes
// write outside its volumes stays until the container ends, as overlayfs's upper directory does
// on a real node; a restarted container starts from its image again; a saved lab keeps it.
import { beforeAll, describe, expect, it } from 'vitest'
import { createLab, type Lab } from './lab'
import { LAYER_MAX } from '../cluster/kubelet/exec/writableLayer'

let lab: Lab
const run = (line: string) => lab.run(line)

beforeAll(async () => {
  lab = await createLab({ seed: '1' })
  await run('kubectl run b --image=busybox:1.36 -- sleep 100000')
  // its main script writes a file, then sleeps
  await run("kubectl run w --image=busybox:1.36 -- sh -c 'echo from-main > /tmp/main; sleep 100000'")
  await run('lab advance 5s')
}, 60_000)

describe("a container's writable layer", () => {
  it('keeps a file with the time it was written', async () => {
    await run("kubectl exec b -- sh -c 'echo hello > /tmp/note'")
    const written = (await run("kubectl exec b -- date -u '+%b %e %H:%M'")).stdout.trim()
    await run('lab advance 2h')
    expect((await run('kubectl exec b -- cat /tmp/note')).stdout).toBe('hello\n')
    // ls -l: the time of the write, not of this exec
    expect((await run('kubectl exec b -- ls -l /tmp/note')).stdout).toMatch(new RegExp(` 6 ${written.replace(/ +/g, ' +')} /tmp/note\\n$`))
  })

  it("has what the container's main process wrote", async () => {
    expect((await run('kubectl exec w -- cat /tmp/main')).stdout).toBe('from-main\n')
  })

  it('is gone when the container restarts', async () => {
    // ends after 30 s with status 1: restarted (restartPolicy Always) after a 10 s back-off
    await run("kubectl run r --image=busybox:1.36 -- sh -c 'sleep 30; exit 1'")
    await run('lab advance 5s')
    await run("kubectl exec r -- sh -c 'echo before > /tmp/r'")
    expect((await run('kubectl exec r -- cat /tmp/r')).stdout).toBe('before\n')
    await run('lab advance 1m')
    expect((await run('kubectl get pod r -o jsonpath={.status.containerStatuses[0].restartCount}')).stdout).toBe('1')
    expect(await run('kubectl exec r -- cat /tmp/r')).toMatchObject({ stdout: '', exitCode: 1 })
  })

  it('comes back with a saved lab', async () => {
    await run("kubectl exec b -- sh -c 'mkdir -p /srv/data && echo kept > /srv/data/f && rm /etc/shadow'")
    const again = await createLab({ state: JSON.parse(JSON.stringify(lab.snapshot())) })
    expect((await again.run('kubectl exec b -- cat /srv/data/f')).stdout).toBe('kept\n')
    expect((await again.run('kubectl exec b -- ls /etc/shadow')).exitCode).toBe(1)
  })

  it("puts what is written in an emptyDir in the pod's volume: the pod's other container sees it", async () => {
    await run(
      "printf 'apiVersion: v1\\nkind: Pod\\nmetadata:\\n  name: two\\nspec:\\n  containers:\\n" +
      "  - {name: a, image: busybox:1.36, command: [sleep, \"100000\"], volumeMounts: [{name: cache, mountPath: /cache}]}\\n" +
      "  - {name: b, image: busybox:1.36, command: [sleep, \"100000\"], volumeMounts: [{name: cache, mountPath: /cache}]}\\n" +
      "  volumes:\\n  - {name: cache, emptyDir: {}}\\n' > two.yaml",
    )
    expect((await run('kubectl apply -f two.yaml')).stdout).toBe('pod/two created\n')
    await run('lab advance 10s')
    await run("kubectl exec two -c a -- sh -c 'echo shared > /cache/f; mkdir /cache/d; echo in-d > /cache/d/g; echo mine > /tmp/a'")
    expect((await run("kubectl exec two -c b -- sh -c 'cat /cache/f /cache/d/g; ls /tmp'")).stdout).toBe('shared\nin-d\n')
    await run('kubectl exec two -c b -- rm -r /cache/d')
    expect((await run('kubectl exec two -c a -- ls /cache')).stdout).toBe('f\n')
    // the container's own files stay its own
    expect((await run('kubectl exec two -c a -- cat /tmp/a')).stdout).toBe('mine\n')
  })

  it('keeps at most LAYER_MAX characters, and says which files it left out', async () => {
    const big = LAYER_MAX + 1000
    const r = await run(`kubectl exec b -- sh -c 'head -c ${big} /dev/zero | tr "\\\\0" a > /tmp/big; echo small > /tmp/small'`)
    expect(r.stderr).toBe(`lab: a container keeps at most ${LAYER_MAX / 1024} KiB of the files written in it; not kept: /tmp/big\n`)
    expect((await run('kubectl exec b -- ls /tmp')).stdout).toBe('note\nsmall\n')
  })
})
