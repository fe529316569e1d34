// The worker's first save waits for the page: a line typed while the lab started runs first (its
// save is then the lab's first), instead of waiting behind the save of the whole lab.

import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { openIdb, LAB } from './idb'
import { serveLab, type Port } from './labServer'
import type { FromWorker, ToWorker } from './protocol'
import { META } from './saveParts'

/** A lab served on a fake port; `seen` holds what it posted, in order. */
function served() {
  const seen: FromWorker[] = []
  const waiters: { test: (m: FromWorker) => boolean; resolve: (m: FromWorker) => void }[] = []
  const port: Port = {
    onmessage: null,
    postMessage(m) {
      seen.push(m)
      for (const w of waiters.splice(0)) {
        if (w.test(m)) w.resolve(m)
        else waiters.push(w)
      }
    },
  }
  serveLab(port)
  const send = (m: ToWorker) => port.onmessage!({ data: m })
  const next = (test: (m: FromWorker) => boolean) => {
    const found = seen.find(test)
    return found ? Promise.resolve(found) : new Promise<FromWorker>((resolve) => waiters.push({ test, resolve }))
  }
  return { seen, send, next }
}

const savedMeta = async () => (await (await openIdb()).readAll(LAB)).get(META) as { seq: number } | undefined
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))

afterEach(async () => {
  await (await openIdb()).write(LAB, { clear: true })
})

describe("the lab's first save", () => {
  it('waits for the page to catch up, then saves the lab', async () => {
    const lab = served()
    lab.send({ kind: 'startSaved', opts: { seed: 'first-save' }, saves: { request: { seed: 'first-save' }, role: 'owner' } })
    await lab.next((m) => m.kind === 'started')
    await pause(50)
    expect(await savedMeta()).toBeUndefined()
    expect(lab.seen.some((m) => m.kind === 'saveStatus')).toBe(false)
    lab.send({ kind: 'caughtUp' })
    await lab.next((m) => m.kind === 'saveStatus' && m.text === undefined)
    expect((await savedMeta())?.seq).toBe(1)
  })

  it('a line the page held runs first, and its save is the first', async () => {
    const lab = served()
    lab.send({ kind: 'startSaved', opts: { seed: 'first-save' }, saves: { request: { seed: 'first-save' }, role: 'owner' } })
    await lab.next((m) => m.kind === 'started')
    lab.send({ kind: 'call', id: 1, call: { op: 'enter', text: 'kubectl create namespace early', owedMs: 0 } })
    lab.send({ kind: 'caughtUp' })
    const result = await lab.next((m) => m.kind === 'result' && m.id === 1)
    expect(result).toMatchObject({ ok: true, value: { more: false, result: { exitCode: 0, stdout: 'namespace/early created\n' } } })
    // one save, the command's, with the whole lab in it (the old first save made it seq 2)
    expect((await savedMeta())?.seq).toBe(1)
    const firstStatus = lab.seen.findIndex((m) => m.kind === 'saveStatus')
    const output = lab.seen.findIndex((m) => m.kind === 'chunk' && m.id === 1)
    expect(output).toBeGreaterThanOrEqual(0)
    expect(output).toBeLessThan(firstStatus)
  })
})
