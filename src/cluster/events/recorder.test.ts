// nowNanos keeps, per namespace, the moments its events' names end with (watching the store)
// instead of reading every event's name each time. It must give the same moment, with the same
// random draws, as reading them all: the article's event names (and so the golden transcripts)
// depend on it.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { ObjectStore } from '../store/store'
import { VirtualClock } from '../clock/clock'
import { Random } from '../random'
import type { ClusterContext } from '../context'
import type { KObject } from '../api/meta'
import { nowNanos } from './recorder'

/** nowNanos as it was: every event name of the namespace, read at every call. */
function readingAll(ctx: ClusterContext, namespace: string): bigint {
  let next = BigInt(ctx.clock.now()) * 1_000_000n + BigInt(ctx.random.int(1_000_000))
  for (const name of ctx.store.names('events', namespace)) {
    const hex = name.slice(name.lastIndexOf('.') + 1)
    if (!/^[0-9a-f]+$/.test(hex)) continue
    const seen = BigInt(`0x${hex}`)
    if (seen >= next) next = seen + 1n + BigInt(ctx.random.int(1000))
  }
  return next
}

const T0 = Date.UTC(2026, 4, 23, 23, 25)
const NAMESPACES = ['sa-demo', 'default', 'kube-system']

type Op =
  | { kind: 'event'; ns: number; obj: string; at: 'now' | 'before' | 'after' | 'plain'; offset: number }
  | { kind: 'delete'; pick: number }
  | { kind: 'update'; pick: number }
  | { kind: 'tick'; ms: number }
  | { kind: 'name'; ns: number; record: boolean }

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('event' as const), ns: fc.nat(2), obj: fc.constantFrom('app', 'p1', 'a.b'), at: fc.constantFrom('now' as const, 'before' as const, 'after' as const, 'plain' as const), offset: fc.nat(2_000_000) }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('update' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('tick' as const), ms: fc.constantFrom(0, 1, 1000) }),
  fc.record({ kind: fc.constant('name' as const), ns: fc.nat(2), record: fc.boolean() }),
)

const event = (namespace: string, name: string): KObject => ({ apiVersion: 'v1', kind: 'Event', metadata: { namespace, name } }) as KObject

describe('nowNanos', () => {
  it('gives the moment and makes the random draws that reading every event name gives', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), fc.string(), (ops, seed) => {
        const store = new ObjectStore()
        const clock = new VirtualClock(T0)
        const random = Random.fromSeed(seed)
        const ctx = { store, clock, random } as unknown as ClusterContext
        for (const o of ops) {
          const now = BigInt(clock.now()) * 1_000_000n
          if (o.kind === 'event') {
            const ns = NAMESPACES[o.ns]!
            const nanos = o.at === 'now' ? now + BigInt(o.offset % 1_000_000) : o.at === 'before' ? now - BigInt(o.offset + 1) : now + 1_000_000n + BigInt(o.offset)
            store.create('events', event(ns, o.at === 'plain' ? `${o.obj}.x${o.offset}` : `${o.obj}.${nanos.toString(16)}`))
          } else if (o.kind === 'delete' || o.kind === 'update') {
            const all = store.read('events')
            const victim = all[o.pick % Math.max(1, all.length)]
            if (!victim) continue
            if (o.kind === 'delete') store.delete('events', victim.metadata.namespace, victim.metadata.name)
            else store.update('events', { ...victim, metadata: { ...victim.metadata, resourceVersion: '' } } as unknown as KObject)
          } else if (o.kind === 'tick') clock.set(clock.now() + o.ms)
          else {
            const ns = NAMESPACES[o.ns]!
            const twin = new Random(random.state())
            const expected = readingAll({ ...ctx, random: twin } as ClusterContext, ns)
            expect(nowNanos(ctx, ns)).toBe(expected)
            expect(random.state()).toEqual(twin.state())
            if (o.record) store.create('events', event(ns, `app.${expected.toString(16)}`))
          }
        }
      }),
      { numRuns: 300 },
    )
  })

  it('reads the names again only when one may be as late as the moment drawn', () => {
    const store = new ObjectStore()
    const clock = new VirtualClock(T0)
    const ctx = { store, clock, random: Random.fromSeed('x') } as unknown as ClusterContext
    const first = nowNanos(ctx, 'sa-demo')
    store.create('events', event('sa-demo', `app.${first.toString(16)}`))
    let reads = 0
    const names = store.names.bind(store)
    store.names = (...a: Parameters<typeof names>) => (reads++, names(...a))
    clock.set(T0 + 1000)
    const later = nowNanos(ctx, 'sa-demo')
    expect(later).toBeGreaterThan(first)
    expect(reads).toBe(0)
  })

  it("follows the store's order of names, which an update keeps and a re-creation changes", () => {
    for (const change of ['update', 'recreate', 'none'] as const) {
      const store = new ObjectStore()
      const clock = new VirtualClock(T0)
      const random = Random.fromSeed('order')
      const ctx = { store, clock, random } as unknown as ClusterContext
      nowNanos(ctx, 'sa-demo') // read the (empty) namespace first: from here on it is kept by watching
      // two events of a moment later than now: which is read first decides how many draws are made
      const later = BigInt(T0) * 1_000_000n + 5_000_000n
      const a = event('sa-demo', `a.${later.toString(16)}`)
      store.create('events', a)
      store.create('events', event('sa-demo', `b.${(later + 7n).toString(16)}`))
      if (change === 'update') store.update('events', a)
      if (change === 'recreate') {
        store.delete('events', 'sa-demo', a.metadata.name)
        store.create('events', a)
      }
      const twin = new Random(random.state())
      expect(nowNanos(ctx, 'sa-demo'), change).toBe(readingAll({ ...ctx, random: twin } as ClusterContext, 'sa-demo'))
      expect(random.state(), change).toEqual(twin.state())
    }
  })
})
