import { describe, expect, it, vi } from 'vitest'
import { createLab, type Lab } from './lab'
import { LabHost } from './labHost'
import { serveLab, type Port } from './labServer'
import type { FromWorker, ToWorker } from './protocol'
import { WARM_UP_LINES, WARM_UP_SEED, warmUp } from './warmUp'

const tick = () => new Promise((r) => setTimeout(r, 0))

describe('the worker warm-up', () => {
  it('runs the article lesson solution, every line working in a fresh lab (one fails on purpose)', async () => {
    expect(WARM_UP_LINES[0]).toBe('kubectl create namespace sa-demo')
    expect(WARM_UP_LINES).toContain('kubectl -n sa-demo exec app -- ls /var/run/secrets/kubernetes.io/serviceaccount/')
    const lab = await createLab({ seed: WARM_UP_SEED })
    const failed: string[] = []
    for (const line of WARM_UP_LINES) if ((await lab.run(line)).exitCode !== 0) failed.push(line)
    // the whole solution, then a fresh lab whose pod the looking lines visit again and again;
    // the pod made without a token has no token folder: that line shows it
    expect(WARM_UP_LINES.filter((l) => l === 'lab reset')).toHaveLength(1)
    expect(WARM_UP_LINES.filter((l) => l.startsWith('TOK=$(kubectl -n sa-demo exec app -- cat '))).toHaveLength(9)
    expect(failed).toEqual(['kubectl -n sa-demo exec app-notoken -- ls /var/run/secrets/kubernetes.io/serviceaccount/'])
  })

  it('waits before each line until the student has no command running, and never throws', async () => {
    const ran: string[] = []
    let release: (() => void) | undefined
    let busy = true
    const idle = () => (busy ? new Promise<void>((r) => (release = r)) : Promise.resolve())
    const lab = {
      run: async (line: string) => {
        ran.push(line)
        busy = true // the student typed a command meanwhile
        if (line === 'b') throw new Error('broken')
        return { stdout: '', stderr: '', exitCode: 0 }
      },
    } as unknown as Lab
    const done = warmUp(async () => lab, idle, ['a', 'b', 'c'])
    await tick()
    expect(ran).toEqual([])
    for (const expected of [['a'], ['a', 'b'], ['a', 'b', 'c']]) {
      busy = false
      release?.()
      await tick()
      expect(ran).toEqual(expected)
    }
    await expect(done).resolves.toBeUndefined()
    await expect(warmUp(() => Promise.reject(new Error('no lab')), async () => {})).resolves.toBeUndefined()
  })

  it('in the worker: leaves the student lab alone, posts nothing of its own, and lets commands through', async () => {
    const posted: FromWorker[] = []
    const port: Port = { onmessage: null, postMessage: (m) => posted.push(structuredClone(m)) }
    serveLab(port)
    const send = (m: ToWorker) => port.onmessage?.({ data: structuredClone(m) })
    const heard = async (what: (m: FromWorker) => boolean) => {
      for (let i = 0; i < 2000; i++) {
        const m = posted.find(what)
        if (m) return m
        await new Promise((r) => setTimeout(r, 5))
      }
      throw new Error('no such message')
    }
    const answer = (id: number) => heard((m) => m.kind === 'result' && m.id === id)
    send({ kind: 'start', opts: { seed: '1' } })
    await heard((m) => m.kind === 'started')
    performance.clearMarks('lab-warm')
    // the warm-up types its lines as the page types the student's: through a LabHost (of its own)
    const handled = vi.spyOn(LabHost.prototype, 'handle')
    const before = posted.length
    send({ kind: 'warmUp' })
    send({ kind: 'call', id: 1, call: { op: 'run', line: 'kubectl get ns' } })
    const first = await answer(1)
    expect(first).toMatchObject({ ok: true, value: { exitCode: 0 } })
    for (let i = 0; i < 2000 && performance.getEntriesByName('lab-warm').length === 0; i++) await new Promise((r) => setTimeout(r, 5))
    expect(performance.getEntriesByName('lab-warm')).toHaveLength(1)
    const typed = handled.mock.calls.map(([c]) => c).filter((c) => c.op === 'enter')
    handled.mockRestore()
    expect(typed.map((c) => (c.op === 'enter' ? c.text : ''))).toEqual(WARM_UP_LINES)
    // the warm-up made namespace sa-demo in its own lab, and deleted it: the student's lab never had it
    send({ kind: 'call', id: 2, call: { op: 'run', line: 'lab audit --all 1000 | grep -c sa-demo; kubectl get ns sa-demo' } })
    expect(await answer(2)).toMatchObject({ ok: true, value: { stdout: '0\n', stderr: 'Error from server (NotFound): namespaces "sa-demo" not found\n' } })
    // everything posted since the warm-up began answers the page's two calls
    expect(posted.slice(before).every((m) => ('id' in m && (m.id === 1 || m.id === 2)) || m.kind === 'event' || m.kind === 'saveStatus')).toBe(true)
  })
})
