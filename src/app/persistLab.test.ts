import { beforeAll, describe, expect, it } from 'vitest'
import { createLab, type Lab, type LabSnapshot } from './lab'
import { ASIDE, LAB } from './idb'
import { readAside } from './labStore'
import { STATE_KEY } from './persist'
import { LabPersistence, restoredNotice, statusText } from './persistLab'
import { FakeLocks, MemoryStorage, quotaError, testBackend } from './persistTesting'
import { claimLab } from './tabLock'
import { META } from './saveParts'

const ISO = () => '2026-05-24T08:00:00.000Z'
const input = (lab: Lab) => () => ({ snapshot: lab.snapshot(), lines: [[['out', 'hello']]], seed: lab.seed })

async function open(kv: Awaited<ReturnType<typeof testBackend>>, legacy?: MemoryStorage) {
  return LabPersistence.open({ kv, legacy, iso: ISO, lock: await claimLab(undefined) })
}

let base: LabSnapshot
beforeAll(async () => {
  const lab = await createLab({ seed: 'persist' })
  await lab.run('kubectl create serviceaccount demo')
  await lab.run('echo hi > note.txt')
  base = JSON.parse(JSON.stringify(lab.snapshot()))
})

describe('saving in IndexedDB', () => {
  it('restores the last command after a reload, and says so', async () => {
    const kv = await testBackend()
    const lab = await createLab({ state: base })
    const p = await open(kv)
    await p.planStart({})
    await lab.run('kubectl create serviceaccount last-one')
    p.save(input(lab), 'kubectl create serviceaccount last-one')
    await p.flush()
    expect(p.saver.getStatus().state).toBe('saved')

    const plan = await (await open(kv)).planStart({})
    expect(plan.lost).toEqual([])
    expect(plan.restore?.snapshot).toEqual(JSON.parse(JSON.stringify(lab.snapshot())))
    expect(plan.restore?.lines).toEqual([[['out', 'hello']]])
    const again = await createLab({ state: plan.restore!.snapshot })
    expect((await again.run('kubectl get sa last-one -o name')).stdout).toBe('serviceaccount/last-one\n')
    expect(restoredNotice(plan.restore!, plan.lost, again.now()).text).toContain('as you left it')
  })

  it('writes only the parts that changed', async () => {
    const kv = await testBackend()
    const lab = await createLab({ state: base })
    const p = await open(kv)
    p.save(input(lab))
    await p.flush()
    expect(kv.writes.at(-1)?.clear).toBe(true)
    await lab.run('echo more > other.txt')
    p.save(input(lab), 'echo more > other.txt')
    await p.flush()
    const keys = (kv.writes.at(-1)?.put ?? []).map(([k]) => k)
    expect(keys).toContain('file:/root/other.txt')
    expect(keys).toContain(META)
    expect(keys.some((k) => k.startsWith('obj:'))).toBe(false) // no object changed
    expect(keys).not.toContain('file:/root/note.txt')
    expect(keys.filter((k) => k.startsWith('history#'))).toHaveLength(1)
    // one new object rewrites one of its resource's parts, not the resource
    await lab.run('kubectl create serviceaccount one-more')
    p.save(input(lab), 'kubectl create serviceaccount one-more')
    await p.flush()
    const objs = (kv.writes.at(-1)?.put ?? []).map(([k]) => k).filter((k) => k.startsWith('obj:'))
    expect(objs).toHaveLength(1)
    expect(objs[0]).toMatch(/^obj:serviceaccounts#\d+$/)
    const plan = await (await open(kv)).planStart({})
    expect(plan.restore?.snapshot).toEqual(JSON.parse(JSON.stringify(lab.snapshot())))
  })

  it('bounds facts, audit and history (a week-long lab stays small)', async () => {
    const kv = await testBackend()
    const lab = await createLab({ state: base })
    const p = await open(kv)
    const snap = lab.snapshot()
    const fact = snap.cluster.facts[0]
    const big = () => ({
      ...snap,
      cluster: { ...snap.cluster, facts: Array.from({ length: 12_345 }, (_, i) => ({ ...fact, at: i })), audit: Array.from({ length: 3_000 }, (_, i) => ({ ...snap.cluster.audit![0], at: i })) },
      shell: { ...snap.shell, history: Array.from({ length: 2_500 }, (_, i) => `echo ${i}`) },
    })
    p.save(() => ({ snapshot: big(), lines: [] }))
    await p.flush()
    const plan = await (await open(kv)).planStart({})
    const s = plan.restore!.snapshot
    expect(s.cluster.facts).toHaveLength(5_000)
    expect(s.cluster.facts.at(-1)?.at).toBe(12_344)
    expect(s.cluster.audit).toHaveLength(2_000)
    expect(s.shell.history).toHaveLength(1_000)
    expect(s.shell.history.at(-1)).toBe('echo 2499')
    // appended entries go to the last chunk; chunks that fall out of the bound are deleted
    const grown = big()
    grown.cluster.facts.push(...Array.from({ length: 450 }, (_, i) => ({ ...fact, at: 20_000 + i })))
    const p2 = await open(kv)
    p2.save(() => ({ snapshot: big(), lines: [] }))
    await p2.flush()
    p2.save(() => ({ snapshot: grown, lines: [] }))
    await p2.flush()
    expect(p2.saver.getStatus().state).toBe('saved')
    const last = kv.writes.at(-1)!
    expect(last.put!.filter(([k]) => k.startsWith('facts#')).length).toBeLessThanOrEqual(4)
    expect(last.delRange!.some(([from]) => from.startsWith('facts#'))).toBe(true)
    const all = await kv.readAll(LAB)
    expect([...all.keys()].filter((k) => k.startsWith('facts#')).length).toBeLessThanOrEqual(26)
    const after = (await (await open(kv)).planStart({})).restore!.snapshot
    expect(after.cluster.facts.at(-1)?.at).toBe(20_449)
    expect(after.cluster.facts).toHaveLength(5_000)
  })

  it('reports a full disk until a save succeeds, and a reload says what was lost', async () => {
    const kv = await testBackend()
    const lab = await createLab({ state: base })
    const p = await open(kv)
    p.save(input(lab), 'echo hi > note.txt')
    await p.flush()
    kv.failWith = quotaError()
    await lab.run('kubectl create serviceaccount unsaved')
    p.save(input(lab), 'kubectl create serviceaccount unsaved')
    await p.flush()
    const st = p.saver.getStatus()
    expect(st.state).toBe('failing')
    expect(statusText(st)).toBe("Not saved since 08:00:00 UTC: this browser's storage for the lab is full.")

    const plan = await (await open(kv)).planStart({})
    expect(plan.lost).toEqual(['kubectl create serviceaccount unsaved'])
    const restored = await createLab({ state: plan.restore!.snapshot })
    expect((await restored.run('kubectl get sa unsaved')).exitCode).toBe(1)
    const notice = restoredNotice(plan.restore!, plan.lost, restored.now())
    expect(notice.text).not.toContain('as you left it')
    expect(notice.text).toContain('not saved and is lost: "kubectl create serviceaccount unsaved"')

    kv.failWith = undefined
    p.save(input(lab), 'true')
    await p.flush()
    expect(p.saver.getStatus().state).toBe('saved')
    const later = await (await open(kv)).planStart({})
    expect(later.lost).toEqual([])
    expect(later.restore?.snapshot.cluster.store.objects.serviceaccounts?.['default/unsaved']).toBeDefined()
  })

  it('moves an old localStorage save over once', async () => {
    const kv = await testBackend()
    const legacy = new MemoryStorage()
    legacy.setItem(STATE_KEY, JSON.stringify({ v: 1, savedAt: 'then', seed: 'persist', snapshot: base, lines: [[['out', 'old']]] }))
    legacy.setItem('tokenlab:broken:2026-01-01T00:00:00.000Z', '{x')
    const plan = await (await open(kv, legacy)).planStart({})
    expect(plan.restore?.snapshot).toEqual(base)
    expect(legacy.getItem(STATE_KEY)).toBeNull()
    expect(legacy.length).toBe(0)
    expect((await kv.readAll(LAB)).has(META)).toBe(true)
    expect((await kv.readAll(ASIDE)).get('broken:2026-01-01T00:00:00.000Z')).toMatchObject({ raw: '{x' })
    const again = await (await open(kv, legacy)).planStart({})
    expect(again.restore?.lines).toEqual([[['out', 'old']]])
  })

  it('sets the saved lab aside when a link asks for another seed', async () => {
    const kv = await testBackend()
    const p = await open(kv)
    const lab = await createLab({ state: base })
    p.save(input(lab))
    await p.flush()
    const plan = await (await open(kv)).planStart({ seed: 'other' })
    expect(plan.restore).toBeUndefined()
    expect(plan.notices[0].text).toContain('fresh lab with seed other')
    const p3 = await open(kv)
    await p3.planStart({})
    const [key] = p3.savedStates()
    expect(key).toMatch(/^previous:/)
    expect((await p3.readSaved(key)).snapshot).toEqual(JSON.parse(JSON.stringify(lab.snapshot())))
  })
})

describe('two tabs', () => {
  it('the second tab follows without saving until it takes over; the first then stops', async () => {
    const locks = new FakeLocks()
    const kv = await testBackend()
    const a = await LabPersistence.open({ kv, iso: ISO, lock: await claimLab(locks) })
    const b = await LabPersistence.open({ kv, iso: ISO, lock: await claimLab(locks) })
    expect(a.lock.role()).toBe('owner')
    expect(b.lock.role()).toBe('follower')
    expect(statusText(b.saver.getStatus())).toBe('Not saving: another tab has this lab open.')
    const lab = await createLab({ state: base })
    const before = kv.writes.length
    b.save(input(lab), 'echo from b')
    await b.flush()
    expect(kv.writes.length).toBe(before)
    await b.lock.takeOver()
    await new Promise((r) => setTimeout(r, 0))
    expect(b.lock.role()).toBe('owner')
    expect(a.lock.role()).toBe('follower')
    a.save(input(lab), 'echo from a')
    await a.flush()
    expect(kv.writes.length).toBe(before)
    b.save(input(lab), 'echo from b')
    await b.flush()
    expect(b.saver.getStatus().state).toBe('saved')
  })
})

describe('what a reload says', () => {
  it('a failed save of the clock alone: restored as last saved, with the clock not saved', async () => {
    const kv = await testBackend()
    const lab = await createLab({ state: base })
    const p = await open(kv)
    p.save(input(lab))
    await p.flush()
    kv.failWith = quotaError()
    await lab.advance('1h')
    p.save(input(lab))
    await p.flush()
    const plan = await (await open(kv)).planStart({})
    expect(plan.lost).toEqual([])
    expect(plan.behind).toBe(true)
    expect(restoredNotice(plan.restore!, plan.lost, 'T', plan.behind).text).toBe(
      'Restored your lab as it was last saved (2026-05-24T08:00:00.000Z; lab time T); the lab clock had moved on since, and that was not saved.',
    )
  })

  it('a tab that follows leaves a broken save alone (the owner decides)', async () => {
    const locks = new FakeLocks()
    const kv = await testBackend()
    const owner = await LabPersistence.open({ kv, iso: ISO, lock: await claimLab(locks) })
    const lab = await createLab({ state: base })
    owner.save(input(lab))
    await owner.flush()
    await kv.write(LAB, { put: [['clock', 'x']] })
    const follower = await LabPersistence.open({ kv, iso: ISO, lock: await claimLab(locks) })
    const plan = await follower.planStart({})
    expect(plan.restore).toBeUndefined()
    expect(plan.notices[0].text).toContain('leaves the saved one to the tab that has it open')
    expect((await kv.readAll(LAB)).get('clock')).toBe('x')
    expect((await kv.readAll(ASIDE)).size).toBe(0)
  })
})

describe('set-aside data', () => {
  it('gives the raw data back as a download', async () => {
    const kv = await testBackend()
    const legacy = new MemoryStorage()
    legacy.setItem(STATE_KEY, '{"v":1,"snapshot":')
    const p = await open(kv, legacy)
    const plan = await p.planStart({})
    expect(plan.notices[0].text).toContain('could not be read (it is not valid JSON)')
    const [key] = p.savedStates()
    expect((await readAside(kv, key))?.raw).toBe('{"v":1,"snapshot":')
    expect(await (await p.download(key))!.text()).toBe('{"v":1,"snapshot":')
  })
})
