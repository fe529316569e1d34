import { describe, expect, it } from 'vitest'
import type { CommandContext, LabServices } from '../types'
import { labCommand } from './lab'
import { formatLabDuration, parseLabDuration } from './duration'

function ctxFor(argv: string[], lab: Partial<LabServices> = {}) {
  let out = ''
  let err = ''
  const advanced: number[] = []
  const services: LabServices = {
    api: async () => ({ status: 200, headers: {}, body: {} }),
    now: () => Date.UTC(2026, 4, 23, 23, 27, 30),
    advance: async (ms) => { advanced.push(ms); return `Advanced ${formatLabDuration(ms)}.` },
    waitUntil: async () => true,
    reset: async () => {},
    ...lab,
  }
  const ctx = { argv: ['lab', ...argv], stdout: (t: string) => { out += t }, stderr: (t: string) => { err += t }, lab: services } as unknown as CommandContext
  return { ctx, get out() { return out }, get err() { return err }, advanced }
}

describe('lab durations', () => {
  it.each([['30s', 30_000], ['48m', 2_880_000], ['24h', 86_400_000], ['365d', 31_536_000_000], ['1h30m', 5_400_000], ['1.5h', 5_400_000], ['250ms', 250]])('%s', (text, ms) => {
    expect(parseLabDuration(text)).toBe(ms)
  })
  it.each(['', '10', 'abc', '-5m', '5 m', '1y', 'm5'])('refuses %j', (text) => {
    expect(parseLabDuration(text)).toBeUndefined()
  })
  it('formats as the summary prints them', () => {
    expect(formatLabDuration(31_536_000_000)).toBe('365d')
    expect(formatLabDuration(5_400_000)).toBe('1h30m')
    expect(formatLabDuration(0)).toBe('0s')
  })
})

describe('the lab command', () => {
  it('advance moves the clock by the duration and prints one line', async () => {
    const c = ctxFor(['advance', '48m'])
    expect(await labCommand.run(c.ctx)).toBe(0)
    expect(c.advanced).toEqual([2_880_000])
    expect(c.out).toBe('Advanced 48m.\n')
  })
  it('advance refuses what is not a duration, with an example', async () => {
    const c = ctxFor(['advance', 'soon'])
    expect(await labCommand.run(c.ctx)).toBe(2)
    expect(c.err).toBe('lab advance: invalid duration "soon": use a number followed by s, m, h or d (30s, 48m, 24h, 365d)\n')
    expect(c.advanced).toEqual([])
    const missing = ctxFor(['advance'])
    expect(await labCommand.run(missing.ctx)).toBe(2)
    expect(missing.err).toContain('missing DURATION')
  })
  it('now prints RFC 3339 UTC', async () => {
    const c = ctxFor(['now'])
    await labCommand.run(c.ctx)
    expect(c.out).toBe('2026-05-23T23:27:30Z\n')
  })
  it('audit prints the table, or says there is nothing yet', async () => {
    const empty = ctxFor(['audit'], { audit: () => [] })
    expect(await labCommand.run(empty.ctx)).toBe(0)
    expect(empty.out).toBe('No requests recorded yet.\n')
    const bad = ctxFor(['audit', 'x'])
    expect(await labCommand.run(bad.ctx)).toBe(2)
  })
  it('an unknown subcommand says so and shows the help', async () => {
    const c = ctxFor(['fly'])
    expect(await labCommand.run(c.ctx)).toBe(2)
    expect(c.err.startsWith('lab: unknown command "fly"\nUsage: lab COMMAND')).toBe(true)
  })
})
