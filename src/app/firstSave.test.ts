// The lab's first save writes the whole lab. It waits a moment after the start, and for the page's
// calls to end, unless another save comes first: a line typed as the lab starts runs at once, and
// the save after it saves the lab with it.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { IDBFactory, IDBKeyRange, IDBObjectStore } from 'fake-indexeddb'
import { serveLab, type Port } from './labServer'
import { WorkerSaves } from './savesServer'
import type { FromWorker, ToWorker } from './protocol'

afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

describe('WorkerSaves.firstSave', () => {
  const saves = () => {
    const s = new WorkerSaves(() => {}, async () => {})
    return { s, save: vi.spyOn(s, 'save') }
  }

  it('saves once the time has passed', () => {
    vi.useFakeTimers()
    const { s, save } = saves()
    s.firstSave(() => false, 300)
    vi.advanceTimersByTime(299)
    expect(save).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(save).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(5000)
    expect(save).toHaveBeenCalledTimes(1)
  })

  it('stands down when another save comes first (the one after a command)', () => {
    vi.useFakeTimers()
    const { s, save } = saves()
    s.firstSave(() => false, 300)
    s.save('kubectl get ns')
    vi.advanceTimersByTime(5000)
    expect(save.mock.calls).toEqual([['kubectl get ns']])
  })

  it('waits while the page has calls in progress', () => {
    vi.useFakeTimers()
    const { s, save } = saves()
    let busy = true
    s.firstSave(() => busy, 300)
    vi.advanceTimersByTime(1000)
    expect(save).not.toHaveBeenCalled()
    busy = false
    vi.advanceTimersByTime(300)
    expect(save).toHaveBeenCalledTimes(1)
  })
})

describe('the worker', () => {
  /** serveLab over a fresh fake IndexedDB; `order` records the first output and the first write of the lab's parts. */
  async function withWorker(body: (w: { send: (m: ToWorker) => void; until: (p: (m: FromWorker) => boolean) => Promise<void>; order: string[] }) => Promise<void>) {
    const g = globalThis as { indexedDB?: unknown; IDBKeyRange?: unknown }
    const before = { indexedDB: g.indexedDB, IDBKeyRange: g.IDBKeyRange }
    g.indexedDB = new IDBFactory()
    g.IDBKeyRange = IDBKeyRange
    const order: string[] = []
    const put = IDBObjectStore.prototype.put
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...a: Parameters<IDBObjectStore['put']>) {
      if (a[1] !== 'attempt' && !order.includes('write')) order.push('write')
      return put.apply(this, a)
    })
    try {
      const out: FromWorker[] = []
      const waiters: (() => void)[] = []
      const port: Port = {
        onmessage: null,
        postMessage: (m) => {
          out.push(m)
          if (m.kind === 'chunk' && !order.includes('output')) order.push('output')
          waiters.splice(0).forEach((w) => w())
        },
      }
      serveLab(port)
      const send = (m: ToWorker) => port.onmessage?.({ data: m })
      const until = async (p: (m: FromWorker) => boolean) => {
        while (!out.some(p)) await new Promise<void>((r) => waiters.push(r))
      }
      send({ kind: 'startSaved', opts: { seed: '1' }, saves: { request: { seed: '1' }, role: 'owner' } })
      await until((m) => m.kind === 'started')
      await body({ send, until, order })
    } finally {
      g.indexedDB = before.indexedDB
      g.IDBKeyRange = before.IDBKeyRange
    }
  }

  it("runs a line sent as the lab starts before the lab's first write to IndexedDB", async () => {
    await withWorker(async ({ send, until, order }) => {
      send({ kind: 'call', id: 1, call: { op: 'enter', text: 'kubectl get ns', owedMs: 0 } })
      await until((m) => m.kind === 'result' && m.id === 1)
      // the command's own save wrote the lab, after its output
      expect(order).toEqual(['output', 'write'])
    })
  }, 30_000)

  it('saves a lab nobody types into, soon after it started', async () => {
    await withWorker(async ({ until, order }) => {
      expect(order).toEqual([])
      await until((m) => m.kind === 'saveStatus')
      expect(order).toEqual(['write'])
    })
  }, 30_000)
})
