// Each exec works on its own copy of the container's files, though the kubelet keeps a container's
// tree from one exec to the next (exec.ts) and the shells copy one MemoryFs made from it
// (containerShell.ts): what one exec changes reaches the next only through the container's
// writable layer (writableLayer.ts), never through the shared tree, and a tree is built again
// whenever anything it is built from changes.
import { beforeAll, describe, expect, it } from 'vitest'
import type { Lab } from './lab'
import { labWithApp } from './testing'
import { flatten } from './containerShell'
import { buildRootfs, rootfsKey, type RootfsInput } from '../cluster/kubelet/exec/rootfs'
import type { KObject } from '../cluster/api/meta'
import type { PodRecord } from '../cluster/kubelet/state'
import type { Cluster } from '../cluster/cluster'
import type { ContainerProcess } from '../cluster/kubelet/exec/containerShell'

let lab: Lab
const run = (line: string) => lab.run(line)
const DIR = '/var/run/secrets/kubernetes.io/serviceaccount'

beforeAll(async () => {
  lab = await labWithApp('1', ['kubectl -n sa-demo run deb --image=debian:12 -- sleep 100000', 'kubectl -n sa-demo wait --for=condition=Ready pod/deb'])
}, 60_000)

describe('each exec starts from the container as it is', () => {
  for (const pod of ['app', 'deb']) {
    it(`${pod}: what one exec wrote or removed is there in the next, in that container only`, async () => {
      const change = `echo mine > /tmp/x; mkdir /tmp/d; rm /etc/hostname; ls /tmp; cat /etc/hostname`
      const first = await run(`kubectl -n sa-demo exec ${pod} -- sh -c '${change}'`)
      expect(first.stdout).toBe('d\nx\n')
      expect(first.stderr).toMatch(/\/etc\/hostname'?: No such file or directory/)
      for (let i = 0; i < 2; i++) {
        expect((await run(`kubectl -n sa-demo exec ${pod} -- ls /tmp`)).stdout).toBe('d\nx\n')
        expect((await run(`kubectl -n sa-demo exec ${pod} -- cat /tmp/x`)).stdout).toBe('mine\n')
        expect((await run(`kubectl -n sa-demo exec ${pod} -- cat /etc/hostname`)).exitCode).toBe(1)
      }
      // undone by the next exec, and so for the one after
      await run(`kubectl -n sa-demo exec ${pod} -- sh -c 'rm -r /tmp/x /tmp/d; echo ${pod} > /etc/hostname'`)
      expect((await run(`kubectl -n sa-demo exec ${pod} -- ls /tmp`)).stdout).toBe('')
      expect((await run(`kubectl -n sa-demo exec ${pod} -- cat /etc/hostname`)).stdout).toBe(`${pod}\n`)
    })
  }

  it("one container's files are not another's, though they share an image", async () => {
    await run('kubectl -n sa-demo run other --image=registry.k8s.io/e2e-test-images/agnhost:2.45 --command -- sleep 100000')
    await run('kubectl -n sa-demo wait --for=condition=Ready pod/other')
    await run("kubectl -n sa-demo exec app -- sh -c 'echo app > /tmp/only-app'")
    expect((await run('kubectl -n sa-demo exec other -- ls /tmp')).stdout).toBe('')
    expect((await run('kubectl -n sa-demo exec app -- ls /tmp')).stdout).toBe('only-app\n')
    await run('kubectl -n sa-demo exec app -- rm /tmp/only-app')
  })

  it('what an interactive shell changes stays in the container after it exits', async () => {
    await run('kubectl -n sa-demo exec -it app -- sh')
    await run('echo mine > /tmp/x')
    await run('exit')
    expect((await run('kubectl -n sa-demo exec app -- cat /tmp/x')).stdout).toBe('mine\n')
    await run('kubectl -n sa-demo exec app -- rm /tmp/x')
  })

  it('a token the kubelet refreshed reads new in the next exec', async () => {
    const before = (await run(`kubectl -n sa-demo exec app -- cat ${DIR}/token`)).stdout
    expect((await run(`kubectl -n sa-demo exec app -- cat ${DIR}/token`)).stdout).toBe(before)
    await lab.advance('50m')
    const after = (await run(`kubectl -n sa-demo exec app -- cat ${DIR}/token`)).stdout
    expect(after).not.toBe(before)
    const iat = (t: string) => JSON.parse(Buffer.from(t.split('.')[1], 'base64url').toString()).iat
    expect(iat(after)).toBeGreaterThan(iat(before))
  })
})

describe('rootfsKey', () => {
  const pod = (over: { hostname?: string; image?: string; mountPath?: string; name?: string; namespace?: string; memory?: string; readOnly?: boolean; termination?: string } = {}): KObject =>
    ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: over.name ?? 'app', namespace: over.namespace ?? 'sa-demo' },
      spec: {
        ...(over.hostname ? { hostname: over.hostname } : {}),
        containers: [{
          name: 'app', image: over.image ?? 'alpine', volumeMounts: [{ name: 'v', mountPath: over.mountPath ?? '/var/run/x', ...(over.readOnly ? { readOnly: true } : {}) }],
          ...(over.memory ? { resources: { limits: { memory: over.memory } } } : {}), ...(over.termination !== undefined ? { terminationMessagePath: over.termination } : {}),
        }],
      },
    }) as unknown as KObject
  const rec = (over: { ip?: string; seenAt?: number; writtenAt?: number; tsSuffix?: string; mode?: number; text?: string; medium?: 'tmpfs' | 'dir'; containerID?: string } = {}): PodRecord =>
    ({
      containers: [{ name: 'app', containerID: over.containerID ?? 'containerd://aa' }],
      seenAt: over.seenAt ?? 1000,
      ip: over.ip ?? '10.200.0.5',
      volumes: { v: { medium: over.medium ?? 'tmpfs', tsSuffix: over.tsSuffix ?? '123', writtenAt: over.writtenAt ?? 2000, mode: over.mode ?? 0o644, files: { namespace: { text: over.text ?? 'sa-demo' }, token: { tokenId: 't' } } } },
    }) as unknown as PodRecord
  const input = (p: KObject, r: PodRecord, token = 'tok', clusterDNS = '10.32.0.10'): RootfsInput => ({ pod: p, rec: r, container: 'app', token: () => token, clusterDNS })
  /** What a tree holds, as ls -l would see it: every path with its kind, mode, time and content. */
  const seen = (i: RootfsInput) => JSON.stringify(Object.entries(flatten(buildRootfs(i), true))) + JSON.stringify(modesAndTimes(buildRootfs(i)))
  const modesAndTimes = (d: ReturnType<typeof buildRootfs>, at = ''): unknown[] =>
    [...d.children].flatMap(([name, n]) => [[`${at}/${name}`, n.kind, 'mode' in n ? n.mode : 0, n.mtime], ...(n.kind === 'dir' ? modesAndTimes(n, `${at}/${name}`) : [])])

  it('differs whenever the tree would: each input buildRootfs reads changes both', () => {
    const base = input(pod(), rec())
    const variants: [string, RootfsInput][] = [
      ['hostname', input(pod({ hostname: 'h' }), rec())],
      ['pod name', input(pod({ name: 'other' }), rec())],
      ['namespace', input(pod({ namespace: 'ns2' }), rec())],
      ['image', input(pod({ image: 'debian:12' }), rec())],
      ['mount path', input(pod({ mountPath: '/etc/x' }), rec())],
      ['ip', input(pod(), rec({ ip: '10.200.0.6' }))],
      ['start', input(pod(), rec({ seenAt: 5000 }))],
      ['written at', input(pod(), rec({ writtenAt: 9000 }))],
      ['payload suffix', input(pod(), rec({ tsSuffix: '456' }))],
      ['file mode', input(pod(), rec({ mode: 0o600 }))],
      ['medium', input(pod(), rec({ medium: 'dir' }))],
      ['file text', input(pod(), rec({ text: 'other' }))],
      ['token', input(pod(), rec(), 'tok2')],
      ['cluster DNS', input(pod(), rec(), 'tok', '10.96.0.10')],
      // the mount table in /proc/mounts
      ['memory limit', input(pod({ memory: '64Mi' }), rec())],
      ['termination log', input(pod({ termination: '/tmp/log' }), rec())],
      ['container id', input(pod(), rec({ containerID: 'containerd://bb' }))],
    ]
    expect(rootfsKey(input(pod(), rec()))).toBe(rootfsKey(base))
    for (const [what, v] of variants) {
      expect(seen(v), what).not.toBe(seen(base))
      expect(rootfsKey(v), what).not.toBe(rootfsKey(base))
    }
    // an emptyDir (no payload) is read-only only when its mount says so
    const emptyDir = input(pod(), rec({ tsSuffix: '' }))
    const readOnly = input(pod({ readOnly: true }), rec({ tsSuffix: '' }))
    expect(seen(readOnly)).not.toBe(seen(emptyDir))
    expect(rootfsKey(readOnly)).not.toBe(rootfsKey(emptyDir))
  })
})

describe('Lab.prepareExecs: a first exec made ahead', () => {
  const LOOK = [
    `kubectl -n sa-demo exec app -- ls ${DIR}/`,
    `kubectl -n sa-demo exec app -- cat ${DIR}/namespace`,
    `kubectl -n sa-demo exec app -- cat ${DIR}/token`,
    'kubectl -n sa-demo exec app -- ps',
    'kubectl -n sa-demo exec -i app -- sh -c "cat; echo \\$\\$"',
  ]

  it('changes nothing a student sees: the same answers and the same lab as without it', async () => {
    const [ahead, plain] = await Promise.all([labWithApp('7'), labWithApp('7')])
    ahead.prepareExecs()
    ahead.prepareExecs()
    for (const line of LOOK) expect(await ahead.run(line), line).toEqual(await plain.run(line))
    const state = (l: Lab) => JSON.stringify({ ...l.snapshot(), startMs: 0 })
    expect(state(ahead)).toBe(state(plain))
  })

  it('hands the container shell each running container once, with the tree and environment its execs then get', async () => {
    const l = await labWithApp('8')
    const cluster = (l as unknown as { cluster: Cluster }).cluster
    const prepared: Pick<ContainerProcess, 'root' | 'env'>[] = []
    const ran: ContainerProcess[] = []
    cluster.setContainerShell({ run: async (_argv, p) => (ran.push(p), { stdout: '', stderr: '', exitCode: 0 }), prepare: (p) => prepared.push(p) })
    cluster.prepareExecs(4)
    cluster.prepareExecs(4)
    expect(prepared).toHaveLength(1)
    expect((await l.run('kubectl -n sa-demo exec app -- sh -c true')).exitCode).toBe(0)
    expect(ran).toHaveLength(1)
    expect(ran[0].root).toBe(prepared[0].root)
    expect(ran[0].env).toEqual(prepared[0].env)
  })
})
