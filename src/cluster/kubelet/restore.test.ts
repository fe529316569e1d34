import { describe, expect, it } from 'vitest'
import { Kubelet } from './kubelet'
import { createSigner, restoreSigner } from '../serviceaccount/signer'
import { T0, makeContext, podObject, seedCluster, type TestContext, nodeClient } from './testing'
import { ObjectStore } from '../store/store'
import { VirtualClock } from '../clock/clock'
import { Random } from '../random'
import type { ExecResult } from '../apiserver/types'

const TOKEN = '/var/run/secrets/kubernetes.io/serviceaccount/token'

describe('kubelet snapshot and restore', () => {
  it('a restored lab refreshes and reads the same tokens as the original', async () => {
    const a = makeContext('restore')
    seedCluster(a)
    const signer = await createSigner({ deterministic: true })
    const ka = new Kubelet(a, nodeClient(a, signer, a.config.nodes[0].name), a.config.nodes[0])
    a.store.create('pods', podObject(a))
    await a.runDue(T0 + 5000)

    // save everything as plain JSON, then build a second cluster from it
    const saved = JSON.parse(JSON.stringify({ store: a.store.snapshot(), clock: a.clock.snapshot(), random: a.random.state(), kubelet: ka.snapshot(), signer: signer.snapshot() }))
    const b = makeContext('other') as TestContext
    b.store = new ObjectStore(saved.store)
    b.clock = new VirtualClock(saved.clock)
    b.random = new Random(saved.random)
    const kb = new Kubelet(b, nodeClient(b, await restoreSigner(saved.signer), b.config.nodes[0].name), b.config.nodes[0])
    kb.restore(saved.kubelet)

    const until = T0 + 3 * 3600_000
    await a.runDue(until)
    await b.runDue(until)
    // three refreshes fell due in those hours; nobody has looked yet, so none was issued
    expect(kb.refreshesBetween(T0 + 5000, until)).toBe(3)
    const read = async (k: Kubelet) => ((await k.exec('sa-demo', 'app', 'app', ['cat', TOKEN])) as ExecResult).stdout
    expect(await read(kb)).toBe(await read(ka))
    expect(kb.snapshot()).toEqual(ka.snapshot())
    expect(b.facts.map((f) => f.type)).toEqual(a.facts.slice(a.facts.length - b.facts.length).map((f) => f.type))
    // reading the file issued only the latest of them
    expect(b.facts.filter((f) => f.type === 'token.issued')).toHaveLength(1)

    // deletion still works after restore
    const pod = b.store.get('pods', 'sa-demo', 'app')!
    b.store.update('pods', { ...pod, metadata: { ...pod.metadata, deletionTimestamp: new Date(until + 30_000).toISOString().replace(/\.\d{3}Z$/, 'Z'), deletionGracePeriodSeconds: 30 } })
    await b.runDue(until + 30_000)
    expect(b.store.get('pods', 'sa-demo', 'app')).toBeUndefined()
  })

  it('refuses state of another node', async () => {
    const a = makeContext('r2')
    const k = new Kubelet(a, nodeClient(a, await createSigner({ deterministic: true }), a.config.nodes[0].name), a.config.nodes[0])
    expect(() => k.restore({ node: 'worker-1' })).toThrow('kubelet state is not for node worker-0')
  })
})
