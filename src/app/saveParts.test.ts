import { describe, expect, it } from 'vitest'
import type { Batch } from './idb'
import type { LabSnapshot } from './lab'
import { assemble, META, PartWriter, type Meta } from './saveParts'

/** Apply batches as IndexedDB does (clear, deletes, then puts), on a sorted map of parts. */
function applyTo(parts: Map<string, unknown>, b: Batch) {
  if (b.clear) parts.clear()
  for (const [from, to] of b.delRange ?? []) for (const k of Array.from(parts.keys())) if (k >= from && k <= to) parts.delete(k)
  for (const k of b.del ?? []) parts.delete(k)
  for (const [k, v] of b.put ?? []) parts.set(k, structuredClone(v))
}

const snapshotWith = (audit: unknown[]): LabSnapshot =>
  ({
    version: 1,
    startMs: 0,
    cluster: { version: 1, store: { resourceVersion: 1, objects: {} }, clock: { now: 0, seq: 0, due: [] }, facts: [], audit, kubelets: {} },
    shell: { env: { vars: {}, exported: [] }, lastStatus: 0, history: [], files: {} },
  }) as unknown as LabSnapshot

describe('logs that slide (the audit record at its live bound)', () => {
  it.each([
    ['distinct entries', (i: number) => ({ at: i })],
    ['a repeating pattern', (i: number) => ({ at: i % 2 })],
    ['identical entries', () => ({ at: 7 })],
    ['a pattern longer than the context', (i: number) => ({ at: i % 40 })],
    ['the newest entry like the last saved one', (i: number) => ({ at: i % 3 === 2 ? 0 : i })],
  ])('%s: what is saved is always the list as it stands', (_, entry) => {
    const all = Array.from({ length: 400 }, (_, i) => entry(i))
    const w = new PartWriter()
    const parts = new Map<string, unknown>()
    // the live list keeps its latest 150; commands add 1, 2 or 3 entries
    for (let n = 120, step = 1; n <= 400; n += step, step = (step % 3) + 1) {
      const live = all.slice(Math.max(0, n - 150), n)
      const plan = w.plan({ snapshot: snapshotWith(live), lines: [] }, { savedAt: 't', seq: n })
      applyTo(parts, plan.batch)
      plan.commit()
      const back = assemble(parts, parts.get(META) as Meta).snapshot as LabSnapshot
      expect(back.cluster.audit?.slice(-150)).toEqual(live)
    }
  })
})

describe("the store's parts", () => {
  const ns = (name: string, rv: number) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, resourceVersion: String(rv) } })
  const withObjects = (objects: Record<string, Record<string, unknown>>, rv: number): LabSnapshot => {
    const s = snapshotWith([]) as unknown as { cluster: { store: unknown } }
    s.cluster.store = { resourceVersion: rv, objects }
    return s as unknown as LabSnapshot
  }

  it("are read again from a record that no store's view handed out, even the same record changed", () => {
    const w = new PartWriter()
    const parts = new Map<string, unknown>()
    const namespaces: Record<string, unknown> = { '/a': ns('a', 2) }
    const save = (n: number, rv: number) => {
      const p = w.plan({ snapshot: withObjects({ namespaces }, rv), lines: [] }, { savedAt: 't', seq: n })
      applyTo(parts, p.batch)
      p.commit()
    }
    save(1, 2)
    namespaces['/b'] = ns('b', 3)
    save(2, 3)
    const saved = [...parts.entries()].filter(([k]) => k.startsWith('obj:namespaces#')).map(([, v]) => Object.keys(v as object))
    expect(saved.flat().sort()).toEqual(['/a', '/b'])
  })

  it("from a store's view are those of the store as it was, each resource as it changed", async () => {
    const { ObjectStore } = await import('../cluster/store/store')
    const store = new ObjectStore()
    const w = new PartWriter()
    const parts = new Map<string, unknown>()
    const save = (n: number) => {
      const s = snapshotWith([]) as unknown as { cluster: { store: unknown } }
      s.cluster.store = store.view()
      const p = w.plan({ snapshot: s as unknown as LabSnapshot, lines: [] }, { savedAt: 't', seq: n })
      applyTo(parts, p.batch)
      p.commit()
    }
    const kinds = () => [...parts.entries()].filter(([k]) => k.startsWith('obj:')).flatMap(([, v]) => Object.keys(v as object)).sort()
    store.create('namespaces', ns('a', 0) as never)
    save(1)
    store.create('serviceaccounts', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 's', namespace: 'a' } } as never)
    save(2)
    store.delete('namespaces', undefined, 'a')
    save(3)
    expect(kinds()).toEqual(['a/s'])
  })
})
