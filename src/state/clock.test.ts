import { advanceLine } from './clockController'
import { describe, expect, it } from 'vitest'
import { RateClock, shortDuration, speedLabel, startClockTicker } from './clock'
import { jumpTargets, tokenTimes, type JumpSource } from './timeline/clockTargets'
import { setupPage } from './testing'

const settle = () => new Promise((r) => setTimeout(r, 0))

function setup(mode: 'realtime' | 'still') {
  const page = setupPage(mode)
  page.attach()
  return { ...page, start: page.lab.nowMs() }
}

describe('RateClock', () => {
  it('owes wall time times the speed while playing, nothing while paused', () => {
    const wall = { t: 0 }
    const c = new RateClock(() => wall.t)
    c.reset(true, 1)
    wall.t = 1_500
    expect(c.take()).toBe(1_500)
    c.set(true, 60)
    wall.t += 1_000
    c.set(false, 60)
    wall.t += 50_000
    expect(c.take()).toBe(60_000)
    c.set(true, 10)
    wall.t += 0.25
    expect(c.take()).toBe(2)
    wall.t += 0.05
    expect(c.take()).toBe(1) // the half millisecond left over is not lost
  })

  it("owes no more what a live command's rounds moved the lab for the wall time that passed", () => {
    const wall = { t: 0 }
    const c = new RateClock(() => wall.t)
    c.reset(true, 1)
    // `kubectl get -w` at 1x: five rounds of a second, each moving the lab a second, in 5.3 s
    for (let i = 0; i < 5; i++) {
      wall.t += 1_000
      c.pay(1_000)
    }
    wall.t += 300
    expect(c.take()).toBe(300)
    // at 60x a round pays one second of the minute the wall second owes
    c.set(true, 60)
    wall.t += 1_000
    c.pay(1_000)
    expect(c.take()).toBe(59_000)
    // paused (or seeded): rounds move the lab, and nothing becomes owed
    c.set(false, 1)
    c.pay(1_000)
    wall.t += 1_000
    c.pay(1_000)
    expect(c.take()).toBe(0)
  })
})

describe('ClockController', () => {
  it('starts playing at 1× without a seed and paused with one', () => {
    expect(setup('realtime').store.getState().clock).toMatchObject({ playing: true, speed: 1 })
    expect(setup('still').store.getState().clock).toMatchObject({ playing: false, speed: 1 })
  })

  it('paused: no elapsed time is applied before a command; playing at 60×: sixty times the wall time', async () => {
    const { wall, ctl, clock, lab, start, store } = setup('realtime')
    clock.set(false)
    wall.t += 10_000
    await ctl.runFromApi('echo a')
    expect(lab.nowMs()).toBe(start)
    clock.set(true, 60)
    wall.t += 2_000
    await ctl.runFromApi('echo b')
    expect(lab.nowMs()).toBe(start + 120_000)
    expect(store.getState().clock).toMatchObject({ labMs: start + 120_000, playing: true, speed: 60 })
  })

  it('a tick applies the time owed, but not while a command runs', async () => {
    const { wall, ctl, clock, lab, start } = setup('realtime')
    wall.t += 1_000
    clock.tick()
    await settle()
    expect(lab.nowMs()).toBe(start + 1_000)
    const running = ctl.runFromApi('sleepy 20')
    await settle()
    wall.t += 500
    clock.tick() // skipped: the command runs
    expect(lab.advanced).toEqual([1_000])
    await running
    wall.t += 250
    clock.tick()
    await settle()
    expect(lab.nowMs()).toBe(start + 1_750)
  })

  it('a pause while the last tick is still being applied: the time owed up to the pause is applied once it is done', async () => {
    const { wall, clock, lab, start } = setup('realtime')
    const plain = lab.advance.bind(lab)
    let release = () => {}
    lab.advance = async (d) => {
      await new Promise<void>((r) => (release = r))
      return plain(d)
    }
    wall.t += 250
    clock.tick() // the lab is busy: this tick's advance waits
    await settle()
    wall.t += 1_000
    clock.tick() // skipped: one is being applied
    clock.set(false)
    lab.advance = plain
    release()
    for (let i = 0; i < 5; i++) await settle()
    expect(lab.advanced).toEqual([250, 1_000])
    expect(lab.nowMs()).toBe(start + 1_250)
    wall.t += 60_000 // paused: nothing more
    clock.tick()
    await settle()
    expect(lab.nowMs()).toBe(start + 1_250)
  })

  it('jumps through the lab, queued behind a running command; the lab time comes with the update', async () => {
    const { ctl, clock, lab, start, store } = setup('still')
    const running = ctl.runFromApi('sleepy 10')
    const jumped = clock.jump('exp', 'tok')
    await settle()
    expect(lab.jumps).toEqual([])
    await running
    expect(await jumped).toBe(start + 3_600_000)
    expect(lab.jumps).toEqual([{ kind: 'exp', token: 'tok' }])
    expect(store.getState().clock.labMs).toBe(start + 3_600_000)
  })

  it('keeps the lab time once: the clock slice, set from the lab updates with the wall time it counts from', async () => {
    const { wall, clock, lab, start, store } = setup('realtime')
    wall.t += 2_000
    clock.tick()
    await settle()
    expect(store.getState().clock).toMatchObject({ labMs: start + 2_000, wallAnchor: wall.t, started: true })
    expect(lab.advanced).toEqual([2_000])
  })

  it('the ticker ticks every 250 ms while playing, and restarts on a change', async () => {
    const { store, clock } = setup('still')
    let ticks = 0
    const stop = startClockTicker({ getState: () => store.getState(), subscribe: (l) => store.subscribe(l) }, { tick: () => ticks++ }, 5)
    await new Promise((r) => setTimeout(r, 30))
    expect(ticks).toBe(0)
    clock.set(true, 10)
    // (a loaded machine may slip timers: wait up to a second for three ticks)
    for (let i = 0; i < 100 && ticks <= 2; i++) await new Promise((r) => setTimeout(r, 10))
    expect(ticks).toBeGreaterThan(2)
    stop()
    const after = ticks
    await new Promise((r) => setTimeout(r, 20))
    expect(ticks).toBe(after)
  })
})

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url')
const jwt = (payload: unknown) => `${b64({ alg: 'RS256' })}.${b64(payload)}.sig`

describe('jump targets', () => {
  const now = 1_000_000_000
  const issued = (jti: string, pod: string, iat: number) => ({
    at: iat * 1000, type: 'token.issued' as const, namespace: 'sa-demo', serviceAccount: 'default',
    jti, iat, exp: iat + 365 * 86_400, warnafter: iat + 3_607, pod: { name: pod, uid: pod }, source: 'kubelet' as const,
  })
  const lab = {
    nextDueAt: () => now + 5_000,
    facts: () => [issued('a', 'app', now / 1000 - 100), issued('b', 'other', now / 1000 - 10)],
    tokenSchedules: () => [
      { namespace: 'sa-demo', pod: 'app', podUID: 'app', serviceAccount: 'default', volume: 'v', expirationSeconds: 3607, refreshes: [now + 2_000_000] },
      { namespace: 'sa-demo', pod: 'other', podUID: 'other', serviceAccount: 'default', volume: 'v', expirationSeconds: 3607, refreshes: [now + 2_500_000] },
    ],
  } as unknown as JumpSource

  it('of any token: the earliest, and whose it is (the timeline names tokens so too)', () => {
    expect(jumpTargets(lab, now)).toEqual({
      event: now + 5_000,
      refresh: now + 2_000_000,
      warnafter: now + 3_507_000,
      exp: now - 100_000 + 365 * 86_400_000,
      whose: { refresh: 'the token file of pod sa-demo/app', warnafter: 'token a… of pod sa-demo/app', exp: 'token a… of pod sa-demo/app' },
    })
  })

  it('of the selected token: its own', () => {
    const t = jwt({ jti: 'b', exp: now / 1000 + 50, 'kubernetes.io': { namespace: 'sa-demo', pod: { name: 'other' }, warnafter: now / 1000 + 20 } })
    expect(tokenTimes(t)).toMatchObject({ jti: 'b', pod: 'other', namespace: 'sa-demo' })
    expect(jumpTargets(lab, now, t)).toEqual({ event: now + 5_000, refresh: now + 2_500_000, warnafter: now + 20_000, exp: now + 50_000 })
    expect(jumpTargets(lab, now, 'not a token')).toEqual({ event: now + 5_000 })
  })
})

describe('jump targets of tokens whose pod is gone', () => {
  const now = 1_000_000_000
  const issued = (jti: string, pod: string, iat: number) => ({
    at: iat * 1000, type: 'token.issued' as const, namespace: 'sa-demo', serviceAccount: 'default',
    jti, iat, exp: iat + 365 * 86_400, warnafter: iat + 3_607, pod: { name: pod, uid: `uid-${pod}` }, source: 'kubelet' as const,
  })
  const facts = [
    issued('a', 'app', now / 1000 - 100),
    issued('b', 'other', now / 1000 - 10),
    { at: now - 50, type: 'pod.deleted' as const, namespace: 'sa-demo', name: 'app', uid: 'uid-app' },
  ]
  const lab = { nextDueAt: () => undefined, facts: () => facts, tokenSchedules: () => [] } as unknown as JumpSource

  it('a dead token offers no warnafter or exp; "any token" skips it', () => {
    const dead = jwt({ jti: 'a', exp: now / 1000 + 50, 'kubernetes.io': { namespace: 'sa-demo', pod: { name: 'app', uid: 'uid-app' }, warnafter: now / 1000 + 20 } })
    expect(jumpTargets(lab, now, dead)).toEqual({ event: undefined })
    // token b (issued 10 s before now) is the one still alive
    expect(jumpTargets(lab, now).warnafter).toBe(now + 3_597_000)
    expect(jumpTargets(lab, now).whose?.warnafter).toBe('token b… of pod sa-demo/other')
  })

  it('a jump is a lab advance line that lands exactly on the target', () => {
    expect(advanceLine(now, now + 2_878_000)).toBe('lab advance 47m58s')
    expect(advanceLine(now, now + 2_878_200)).toBe('lab advance 47m58s200ms')
    expect(advanceLine(now, now + 3_607_000)).toBe('lab advance 1h7s')
    expect(advanceLine(now, now + 365 * 86_400_000)).toBe('lab advance 365d')
    expect(advanceLine(now, now - 1)).toBeUndefined()
  })
})

describe('labels', () => {
  it('reads durations and speeds', () => {
    expect(shortDuration(3_607_000)).toBe('1h7s')
    expect(shortDuration(2_878_000)).toBe('47m58s')
    expect(shortDuration(365 * 86_400_000)).toBe('365d')
    expect(shortDuration(0)).toBe('0s')
    expect(speedLabel(3600)).toBe('3600× (1 h/s)')
    expect(speedLabel(600)).toBe('600× (10 min/s)')
  })
})
