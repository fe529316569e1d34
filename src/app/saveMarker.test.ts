// The marker that names the commands not saved yet, written as a command starts (Saver.announce):
// a tab that dies while the command runs, or before its save commits, says on reload what was lost;
// the command's own save then writes no second marker.

import { beforeAll, describe, expect, it } from 'vitest'
import { createLab, type Lab, type LabSnapshot } from './lab'
import { LabPersistence, restoredNotice } from './persistLab'
import { quotaError, testBackend } from './persistTesting'
import { claimLab } from './tabLock'
import { ATTEMPT } from './saveParts'

const ISO = () => '2026-05-24T08:00:00.000Z'
const input = (lab: Lab) => () => ({ snapshot: lab.snapshot(), lines: [], seed: lab.seed })
type Kv = Awaited<ReturnType<typeof testBackend>>
const open = async (kv: Kv) => LabPersistence.open({ kv, iso: ISO, lock: await claimLab(undefined) })
/** The writes that put the marker, in order. */
const markers = (kv: Kv) => kv.writes.filter((b) => b.put?.some(([k]) => k === ATTEMPT)).map((b) => b.put!.find(([k]) => k === ATTEMPT)![1])

let base: LabSnapshot
beforeAll(async () => {
  const lab = await createLab({ seed: 'marker' })
  await lab.run('kubectl create serviceaccount demo')
  base = JSON.parse(JSON.stringify(lab.snapshot()))
})

/** A persistence with the lab saved once (seq 1). */
async function savedOnce() {
  const kv = await testBackend()
  const lab = await createLab({ state: base })
  const p = await open(kv)
  p.save(input(lab))
  await p.flush()
  return { kv, lab, p }
}

describe('the marker of a command', () => {
  it('a tab that dies while a command runs: the reload names the command as lost', async () => {
    const { kv, lab, p } = await savedOnce()
    p.announce('kubectl create serviceaccount running')
    await lab.run('kubectl create serviceaccount running')
    // the tab dies here: the command's save is never asked for
    const plan = await (await open(kv)).planStart({})
    expect(plan.lost).toEqual(['kubectl create serviceaccount running'])
    expect(restoredNotice(plan.restore!, plan.lost, 'T').text).toContain('not saved and is lost: "kubectl create serviceaccount running"')
    expect(plan.restore!.snapshot.cluster.store.objects.serviceaccounts?.['default/running']).toBeUndefined()
  })

  it("the command's save writes no second marker, and the reload says nothing was lost", async () => {
    const { kv, lab, p } = await savedOnce()
    const before = markers(kv).length
    p.announce('kubectl create serviceaccount quick')
    await lab.run('kubectl create serviceaccount quick')
    p.save(input(lab), 'kubectl create serviceaccount quick')
    await p.flush()
    expect(markers(kv).slice(before)).toEqual([{ seq: 2, at: ISO(), commands: ['kubectl create serviceaccount quick'] }])
    const plan = await (await open(kv)).planStart({})
    expect(plan.lost).toEqual([])
    expect(plan.restore!.snapshot.cluster.store.objects.serviceaccounts?.['default/quick']).toBeDefined()
  })

  it('a save that comes in between (the clock) keeps the command listed; its own save then writes its marker', async () => {
    const { kv, lab, p } = await savedOnce()
    const before = markers(kv).length
    p.announce('kubectl create serviceaccount slow')
    p.save(input(lab)) // the clock moved while the command ran: seq 2, the number the command was announced with
    await lab.run('kubectl create serviceaccount slow')
    p.save(input(lab), 'kubectl create serviceaccount slow')
    await p.flush()
    expect(markers(kv).slice(before)).toEqual([
      { seq: 2, at: ISO(), commands: ['kubectl create serviceaccount slow'] },
      { seq: 3, at: ISO(), commands: ['kubectl create serviceaccount slow'] },
    ])
    expect((await (await open(kv)).planStart({})).lost).toEqual([])
  })

  it("a failed save after an announced command: the reload names it (the marker went in as it started)", async () => {
    const { kv, lab, p } = await savedOnce()
    p.announce('kubectl create serviceaccount unsaved')
    await lab.run('kubectl create serviceaccount unsaved')
    kv.failWith = quotaError()
    p.save(input(lab), 'kubectl create serviceaccount unsaved')
    await p.flush()
    expect(p.saver.getStatus().state).toBe('failing')
    kv.failWith = undefined
    expect((await (await open(kv)).planStart({})).lost).toEqual(['kubectl create serviceaccount unsaved'])
  })

  it('a tab that gave the lab away announces nothing, and forgets the command it had announced', async () => {
    const { kv, lab, p } = await savedOnce()
    p.announce('echo mine once')
    p.saver.setEnabled(false)
    const before = kv.writes.length
    p.announce('echo not mine')
    expect(kv.writes.length).toBe(before)
    p.saver.setEnabled(true) // taken back
    p.save(input(lab), 'echo mine again')
    await p.flush()
    expect(markers(kv).at(-1)).toEqual({ seq: 2, at: ISO(), commands: ['echo mine again'] })
  })
})
