import { describe, expect, it } from 'vitest'
import {
  BROKEN_PREFIX,
  clearStoredState,
  linesFromStore,
  linesToStore,
  parseStored,
  Persister,
  planStart,
  PREVIOUS_PREFIX,
  savedStateKeys,
  STATE_KEY,
  type StorageLike,
  type StoredLab,
} from './persist'

class MemoryStorage implements StorageLike {
  map = new Map<string, string>()
  quota = Infinity
  get length() {
    return this.map.size
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null
  }
  getItem(k: string) {
    return this.map.get(k) ?? null
  }
  setItem(k: string, v: string) {
    if (v.length > this.quota) throw new DOMException('full', 'QuotaExceededError')
    this.map.set(k, v)
  }
  removeItem(k: string) {
    this.map.delete(k)
  }
}

const T = Date.UTC(2026, 4, 24, 8, 0, 0)
const record = (over: Partial<StoredLab> = {}): StoredLab => ({
  v: 1,
  savedAt: '2026-05-24T07:59:00.000Z',
  seed: '1',
  snapshot: { version: 1 },
  lines: [[['prompt', '# '], ['input', 'echo hi']], [['out', 'hi']]],
  ...over,
})

describe('persist', () => {
  it('restores a stored lab whose seed matches the URL', () => {
    const s = new MemoryStorage()
    s.setItem(STATE_KEY, JSON.stringify(record()))
    const plan = planStart(s, { seed: '1' }, T)
    expect(plan.notices).toEqual([])
    expect(plan.restore?.snapshot).toEqual({ version: 1 })
    expect(plan.restore?.lines).toHaveLength(2)
  })

  it('restores whatever is stored when the URL asks for nothing', () => {
    const s = new MemoryStorage()
    s.setItem(STATE_KEY, JSON.stringify(record({ seed: '7' })))
    expect(planStart(s, {}, T).restore?.seed).toBe('7')
  })

  it('sets aside bad JSON and says where it went', () => {
    const s = new MemoryStorage()
    s.setItem(STATE_KEY, '{not json')
    const plan = planStart(s, {}, T)
    expect(plan.restore).toBeUndefined()
    const key = `${BROKEN_PREFIX}2026-05-24T08:00:00.000Z`
    expect(s.getItem(key)).toBe('{not json')
    expect(s.getItem(STATE_KEY)).toBeNull()
    expect(plan.notices[0].kind).toBe('warn')
    expect(plan.notices[0].text).toContain('could not be read (it is not valid JSON)')
    expect(plan.notices[0].text).toContain(key)
  })

  it('sets aside a wrong version', () => {
    const s = new MemoryStorage()
    s.setItem(STATE_KEY, JSON.stringify({ ...record(), v: 0 }))
    expect(planStart(s, {}, T).notices[0].text).toContain('it has version 0, this page reads version 1')
    expect(savedStateKeys(s)).toHaveLength(1)
  })

  it('starts a seeded link fresh when another lab was stored, keeping the old one', () => {
    const s = new MemoryStorage()
    s.setItem(STATE_KEY, JSON.stringify(record({ seed: undefined })))
    const plan = planStart(s, { seed: '1' }, T)
    expect(plan.restore).toBeUndefined()
    expect(plan.notices[0].text).toContain('fresh lab with seed 1')
    expect(savedStateKeys(s)[0].startsWith(PREVIOUS_PREFIX)).toBe(true)
  })

  it('checks the shape of stored lines and drops bad ones', () => {
    const bad = parseStored(JSON.stringify({ ...record(), lines: [[['script', 'x']]] }))
    expect(bad.ok && bad.stored.lines).toEqual([])
    expect(parseStored('[]')).toEqual({ ok: false, reason: 'it is not an object' })
    expect(parseStored(JSON.stringify({ v: 1 }))).toEqual({ ok: false, reason: 'it holds no lab snapshot' })
  })

  it('keeps at most five set-aside states of a kind', () => {
    const s = new MemoryStorage()
    for (let i = 0; i < 7; i++) {
      s.setItem(STATE_KEY, 'x')
      planStart(s, {}, T + i * 1000)
    }
    expect(savedStateKeys(s)).toHaveLength(5)
  })

  it('saves, falls back to no lines when full, and warns once when it cannot save', () => {
    const s = new MemoryStorage()
    const warnings: string[] = []
    const rec = record({ lines: [[['out', 'x'.repeat(500)]]] })
    const p = new Persister(s, () => rec, (n) => warnings.push(n.text))
    p.flush()
    expect(JSON.parse(s.getItem(STATE_KEY)!).lines).toHaveLength(1)
    s.quota = 300
    p.flush()
    expect(JSON.parse(s.getItem(STATE_KEY)!).lines).toEqual([])
    s.quota = 10
    p.flush()
    p.flush()
    expect(warnings).toHaveLength(1)
  })

  it('clearStoredState forgets the saved lab', () => {
    const s = new MemoryStorage()
    s.setItem(STATE_KEY, JSON.stringify(record()))
    clearStoredState(s)
    expect(s.getItem(STATE_KEY)).toBeNull()
    expect(() => clearStoredState(undefined)).not.toThrow()
  })

  it('saves terminal lines without the page notices, and reads them back', () => {
    const lines = [
      { segs: [{ kind: 'note' as const, text: 'Restored' }] },
      { segs: [{ kind: 'out' as const, text: 'a' }, { kind: 'err' as const, text: 'b' }] },
    ]
    const stored = linesToStore(lines)
    expect(stored).toEqual([[['out', 'a'], ['err', 'b']]])
    expect(linesFromStore(stored)).toEqual([lines[1].segs])
  })
})
