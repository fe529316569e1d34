import { describe, expect, it } from 'vitest'
import { applyLabEvent } from '../state/labEvents'
import type { LabEvent } from '../state/labPort'
import { createAppStore } from '../state/store'
import { TimelineModel } from '../state/timeline/model'
import { HOUR } from '../state/timeline/scale'
import { createLab, type Lab } from './lab'
import { LabHost } from './labHost'
import { createLocalClient } from './localClient'

const ARTICLE = [
  'kubectl create namespace sa-demo',
  'kubectl -n sa-demo run app --image=registry.k8s.io/e2e-test-images/agnhost:2.45 --command -- sleep 100000',
  'kubectl -n sa-demo wait --for=condition=Ready pod/app',
  'TOK=$(kubectl -n sa-demo exec app -- cat /var/run/secrets/kubernetes.io/serviceaccount/token)',
  'kubectl -n sa-demo create token default',
]

async function connected() {
  const lab = await createLab({ seed: '1' })
  const store = createAppStore()
  const events: LabEvent[] = []
  const { client } = createLocalClient(lab, (e) => {
    events.push(e)
    applyLabEvent(store, e)
  })
  return { lab, store, client, events, proj: () => store.getState().lab }
}

describe('the lab host: the page sees the lab only through its updates', () => {
  it('projects facts, audit, history, variables, cwd, keys and time as the lab has them', async () => {
    const { lab, client, proj, store } = await connected()
    for (const c of ARTICLE) await client.run(c)
    await client.run('cd /tmp')
    expect(proj().facts).toEqual(lab.facts())
    expect(proj().audit).toEqual(lab.audit())
    expect(proj().history).toEqual(lab.history())
    expect(proj().variables.TOK).toBe(lab.variables().TOK)
    expect(proj().seenTokens).toEqual(lab.seenTokens())
    expect(proj().cwd).toBe('/tmp')
    expect(proj().kids).toEqual(lab.jwks().keys.map((k) => k.kid))
    expect(store.getState().clock.labMs).toBe(lab.nowMs())
    expect(proj().nextDueAt).toBe(lab.nextDueAt())
  })

  it('sends only what changed: a second update after a command carries the new entries only', async () => {
    const { client, events, lab } = await connected()
    await client.run('kubectl get ns')
    const n = events.length
    const audited = lab.audit().length
    await client.run('kubectl get ns')
    const u = events.slice(n).find((e) => e.type === 'update')
    const d = u?.type === 'update' ? u.update.audit : undefined
    expect(d).toMatchObject({ drop: 0 })
    expect(d?.items).toEqual(lab.audit().slice(audited))
    expect(d?.items.at(-1)?.verb).toBe('list')
    expect(u?.type === 'update' && u.update.kids).toBeUndefined()
    expect(u?.type === 'update' && u.update.epoch).toBeUndefined()
  })

  it('gives the timeline the same lanes as the lab itself, schedules included', async () => {
    const { lab, client, proj, store } = await connected()
    for (const c of ARTICLE) await client.run(c)
    await client.advance('2h')
    const direct = new TimelineModel().update(lab, lab.nowMs() + HOUR)
    const p = proj()
    const viaPage = new TimelineModel().update(
      { facts: () => p.facts, audit: () => p.audit, tokenSchedules: () => p.schedules.list, nowMs: () => store.getState().clock.labMs, epoch: p.epoch, schedules: p.schedules },
      lab.nowMs() + HOUR,
    )
    // The page holds the schedules the lab computed when the pod's token appeared (30 days ahead);
    // the direct model fetched them later: compare what both cover.
    const upTo = lab.nowMs() + 20 * 24 * HOUR
    const within = (lanes: typeof direct) => lanes.map((l) => ({ ...l, refreshes: l.refreshes.filter((t) => t < upTo) }))
    expect(within(viaPage)).toEqual(within(direct))
    expect(viaPage[0].refreshes.length).toBeGreaterThan(0)
  })

  it('computes the jump targets where the lab is, for any token and for the focused one', async () => {
    const { client, proj, lab } = await connected()
    for (const c of ARTICLE) await client.run(c)
    const tok = lab.variables().TOK
    client.focusToken(tok)
    const t = proj().targets
    expect(t.token).toBe(tok)
    expect(t.selected?.exp).toBeGreaterThan(lab.nowMs())
    expect(t.any.refresh).toBeGreaterThan(lab.nowMs())
    const reached = await client.jump('refresh', tok)
    expect(reached).toBe(t.selected?.refresh)
    expect(lab.nowMs()).toBe(reached)
  })

  it('starts the lists afresh after a restore', async () => {
    const { client, proj } = await connected()
    const before = await client.snapshot()
    const epoch = proj().epoch
    await client.run('kubectl create ns extra')
    expect(proj().audit.length).toBeGreaterThan(0)
    await client.restore(before)
    expect(proj().epoch).toBe(epoch + 1)
    // The restored lab's record: the components' requests from before, nothing of the undone command.
    const saved = (before as { cluster: { audit?: unknown[] } }).cluster.audit ?? []
    expect(proj().audit).toHaveLength(saved.length)
    expect(JSON.stringify(proj().audit)).not.toContain('extra')
    expect(proj().history).toEqual([])
  })
})

describe('the lab host: the lesson panel part of the projection', () => {
  it('sends the lessons and the welcome first, then the step after every command that changed it', async () => {
    const { lab, client, store } = await connected()
    const l = () => store.getState().lesson
    expect(l().known).toBe(true)
    expect(l().current).toBeUndefined()
    expect(l().list.map((x) => x.id)).toEqual(lab.lessons().map((x) => x.id))
    expect(l().welcome[0]).toMatchObject({ type: 'paragraph' })
    await client.run('lab lesson article')
    const status = lab.lesson()!
    expect(l().current).toMatchObject({ id: 'article', step: 1, steps: status.steps, stepTitle: status.stepTitle, checks: status.checks, remaining: status.remaining })
    expect(l().current!.blocks.length).toBeGreaterThan(0)
    // A command that makes a check true ticks it in the projection.
    const failing = status.checks.filter((c) => !c.ok).length
    for (const c of status.remaining) await client.run(c)
    expect(lab.lesson()!.passed).toBe(true)
    expect(l().current!.passed).toBe(true)
    expect(l().current!.checks.every((c) => c.ok)).toBe(true)
    expect(failing).toBeGreaterThan(0)
    await client.run('lab hint')
    expect(l().current!.hintsShown).toEqual(lab.lesson()!.hintsShown)
    await client.run('lab next')
    expect(l().current!.step).toBe(2)
  })

  it('answers the lessons call with the outline', async () => {
    const { lab, client } = await connected()
    expect(await client.lessons!()).toEqual(lab.lessons())
  })

  it('a typed line: its output goes first, then one update with the clock moved by the owed time', async () => {
    const lab = await createLab({ seed: '1' })
    const order: string[] = []
    const host = new LabHost(lab, (e) => order.push(e.type === 'update' ? `update@${e.update.nowMs}` : e.type))
    host.publishAll()
    order.length = 0
    const before = lab.nowMs()
    await host.handle({ op: 'enter', text: 'kubectl get ns', owedMs: 5_000 }, (c) => order.push(`chunk:${c.text.split('\n')[0]}`))
    expect(lab.nowMs()).toBe(before + 5_000)
    expect(order).toEqual([expect.stringMatching(/^chunk:NAME +STATUS +AGE$/), `update@${before + 5_000}`])
    // a blank line with owed time: the clock's move is still told
    order.length = 0
    await host.handle({ op: 'enter', text: '', owedMs: 1_000 })
    expect(order).toEqual([`update@${before + 6_000}`])
  })
})

describe("a live command's rounds", () => {
  it('each tell the page how far the lab moved for the wall time waited, and to when (the header moves with them), and update its panels', async () => {
    const { lab, store, client, events } = await connected()
    const start = lab.nowMs()
    let waits = 0
    const host = lab as Lab & { pace?: (ms: number) => Promise<boolean> }
    host.pace = async () => ++waits < 4
    const r = await client.run('kubectl get ns -w')
    expect(r.exitCode).toBe(1) // Ctrl+C in the fourth wait: kubectl's handler
    const paced = events.filter((e) => e.type === 'paced')
    expect(paced).toEqual([1, 2, 3].map(() => ({ type: 'paced', ms: 1000 })))
    // each followed at once by the round's update, which brings its lab time to the header
    const next = events.flatMap((e, i) => (e.type === 'paced' ? [events[i + 1]] : [])).map((e) => (e?.type === 'update' ? e.update.nowMs : undefined))
    expect(next).toEqual([1, 2, 3].map((i) => start + i * 1000))
    // and the panels' projection follows round by round: an update at each round's lab time, before the command ends
    const rounds = events.filter((e) => e.type === 'update' && e.update.nowMs > start).map((e) => (e.type === 'update' ? e.update.nowMs : 0))
    expect(rounds.slice(0, 3)).toEqual([1, 2, 3].map((i) => start + i * 1000))
    expect(store.getState().clock.labMs).toBe(start + 3000)
    // moving the clock by a command is no round: `lab advance`, `sleep`
    events.length = 0
    await client.run('lab advance 5s')
    await client.run('sleep 2')
    host.pace = undefined
    await client.run('kubectl get ns -w')
    expect(events.some((e) => e.type === 'paced')).toBe(false)
  })
})
