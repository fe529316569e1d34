import { describe, expect, it } from 'vitest'
import { BROKEN_PREFIX, checkLines, linesFromStore, linesToStore, parseStored, PREVIOUS_PREFIX, savedStateKeys, type StoredLab } from './persist'
import { MemoryStorage } from './persistTesting'

const record = (over: Partial<StoredLab> = {}): StoredLab => ({
  v: 1,
  savedAt: '2026-05-24T07:59:00.000Z',
  seed: '1',
  snapshot: { version: 1 },
  lines: [[['prompt', '# '], ['input', 'echo hi']], [['out', 'hi']]],
  ...over,
})

describe('persist: the version-1 record', () => {
  it('keeps stored lines of every segment kind, and drops the lines when a kind is unknown', () => {
    const all = [['out', 'a'], ['err', 'b'], ['prompt', '# '], ['input', 'c'], ['note', 'd'], ['warn', 'e']]
    const r = parseStored(JSON.stringify(record({ lines: [all] as StoredLab['lines'] })))
    expect(r.ok && r.stored.lines).toEqual([all])
    for (const kind of ['bogus', 'toString', '__proto__', 'constructor', 5]) {
      const bad = parseStored(JSON.stringify(record({ lines: [[[kind, 'x']]] as unknown as StoredLab['lines'] })))
      expect(bad.ok && bad.stored.lines, String(kind)).toEqual([])
    }
  })

  it('reads a record and its lines', () => {
    const r = parseStored(JSON.stringify(record()))
    expect(r.ok && r.stored.lines).toHaveLength(2)
    expect(r.ok && r.stored.seed).toBe('1')
  })

  it('gives a reason for what it cannot read', () => {
    expect(parseStored('{not json')).toEqual({ ok: false, reason: 'it is not valid JSON' })
    expect(parseStored('[]')).toEqual({ ok: false, reason: 'it is not an object' })
    expect(parseStored(JSON.stringify({ v: 1 }))).toEqual({ ok: false, reason: 'it holds no lab snapshot' })
    const v0 = parseStored(JSON.stringify({ ...record(), v: 0 }))
    expect(!v0.ok && v0.reason).toBe('it has version 0, this page reads version 1')
  })

  it('checks the shape of stored lines and drops bad ones', () => {
    const bad = parseStored(JSON.stringify({ ...record(), lines: [[['script', 'x']]] }))
    expect(bad.ok && bad.stored.lines).toEqual([])
  })

  it('lists states older pages set aside in localStorage, newest first', () => {
    const s = new MemoryStorage()
    s.setItem(`${BROKEN_PREFIX}2026-05-24T08:00:00.000Z`, 'x')
    s.setItem(`${PREVIOUS_PREFIX}2026-05-24T09:00:00.000Z`, 'y')
    s.setItem('other', 'z')
    expect(savedStateKeys(s)).toEqual([`${PREVIOUS_PREFIX}2026-05-24T09:00:00.000Z`, `${BROKEN_PREFIX}2026-05-24T08:00:00.000Z`])
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

  it("keeps a succeeded command's standard error ok across a save; a mark anywhere else is refused", () => {
    const segs = [{ kind: 'err' as const, text: 'No resources found', ok: true as const }]
    const stored = linesToStore([{ segs }])
    expect(stored).toEqual([[['err', 'No resources found', 1]]])
    expect(linesFromStore(checkLines(stored))).toEqual([segs])
    expect(checkLines([[['out', 'a', 1]]])).toEqual([])
    expect(checkLines([[['err', 'a', true]]])).toEqual([])
    expect(checkLines([[['err', 'a', 1, 1]]])).toEqual([])
  })
})
