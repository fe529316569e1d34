import { describe, expect, it } from 'vitest'
import { serveLab, type Port } from './labServer'
import { prepareLab, takePreparedLab } from './labPrepare'
import type { Lab, LabOptions } from './labTypes'
import type { FromWorker, ToWorker } from './protocol'

const fakeLab = (o: LabOptions) => ({ opts: o }) as unknown as Lab

describe('a fresh lab prepared ahead of the start', () => {
  it('is taken by a start that asks for the same fresh lab, once', async () => {
    const made: LabOptions[] = []
    prepareLab({ seed: '1' }, async (o) => (made.push(o), fakeLab(o)))
    const p = takePreparedLab({ seed: 1, pause: async () => {} })
    expect(p).toBeDefined()
    expect(await p).toEqual({ opts: { seed: '1' } })
    expect(takePreparedLab({ seed: '1' })).toBeUndefined()
    expect(made).toHaveLength(1)
  })

  it('is not taken by another lab: other seed, other start time, a saved lab', () => {
    const create = async (o: LabOptions) => fakeLab(o)
    prepareLab({ seed: '1' }, create)
    expect(takePreparedLab({ seed: '2' })).toBeUndefined()
    prepareLab({}, create)
    expect(takePreparedLab({ seed: '1' })).toBeUndefined()
    prepareLab({ seed: 'a', now: '2026-05-23T23:25:00Z' }, create)
    expect(takePreparedLab({ seed: 'a' })).toBeUndefined()
    prepareLab({ now: 1000 }, create)
    expect(takePreparedLab({ now: '1000' })).toBeUndefined()
    prepareLab({}, create)
    expect(takePreparedLab({ state: {} as never })).toBeUndefined()
    // a seedless prepared lab serves a seedless start (an empty seed is no seed, as in createLab)
    prepareLab({ seed: '' }, create)
    expect(takePreparedLab({})).toBeDefined()
  })

  it('a failing preparation fails only the start that takes it', async () => {
    prepareLab({ now: 'bad' }, async () => {
      throw new Error('invalid start time')
    })
    await expect(takePreparedLab({ now: 'bad' })).rejects.toThrow('invalid start time')
  })
})

/** The worker's side in this thread; returns what it posted and a way to send it messages. */
function worker() {
  const out: FromWorker[] = []
  const waiters: (() => void)[] = []
  const port: Port = {
    onmessage: null,
    postMessage: (m) => {
      out.push(structuredClone(m))
      waiters.splice(0).forEach((w) => w())
    },
  }
  serveLab(port)
  const send = (m: ToWorker) => port.onmessage?.({ data: structuredClone(m) })
  const until = async <K extends FromWorker['kind']>(kind: K, id?: number) => {
    const find = () => out.find((m) => m.kind === kind && (id === undefined || (m as { id?: number }).id === id)) as Extract<FromWorker, { kind: K }> | undefined
    while (!find()) await new Promise<void>((r) => waiters.push(r))
    return find()!
  }
  return { send, until }
}

async function tokenOf(prepare: ToWorker | undefined, start: LabOptions): Promise<{ started: FromWorker; token: unknown }> {
  const w = worker()
  if (prepare) w.send(prepare)
  w.send({ kind: 'start', opts: start })
  const started = await w.until('started')
  w.send({ kind: 'call', id: 1, call: { op: 'run', line: 'kubectl create token default --duration=1h' } })
  const r = await w.until('result', 1)
  return { started, token: r.ok ? (r.value as { stdout: string }).stdout : r.message }
}

describe('the worker with a prepared lab', () => {
  it('answers as a lab made at the start would, byte for byte (deterministic mode)', async () => {
    const plain = await tokenOf(undefined, { seed: '7' })
    const prepared = await tokenOf({ kind: 'prepare', opts: { seed: '7' } }, { seed: '7' })
    expect(plain.started).toMatchObject({ kind: 'started', seed: '7' })
    expect(prepared.started).toEqual(plain.started)
    expect(String(prepared.token)).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+\n$/)
    expect(prepared.token).toBe(plain.token)
  })

  it('starts the lab asked for when the prepared one is another', async () => {
    const r = await tokenOf({ kind: 'prepare', opts: { seed: '8' } }, { seed: '7' })
    const plain = await tokenOf(undefined, { seed: '7' })
    expect(r.started).toMatchObject({ seed: '7' })
    expect(r.token).toBe(plain.token)
  })
})
