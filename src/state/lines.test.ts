import { describe, expect, it } from 'vitest'
import { echoInput, emptyScreen, lineText, MAX_LINES, notice, write } from './lines'
import { settle } from './settle'

const texts = (s: ReturnType<typeof emptyScreen>) => s.lines.map((l) => lineText(l.segs))

describe('terminal lines', () => {
  it('splits output at newlines and keeps an unfinished last line', () => {
    let s = write(emptyScreen(), 'out', 'a\nb')
    expect(texts(s)).toEqual(['a'])
    expect(lineText(s.partial)).toBe('b')
    s = write(s, 'out', 'c\n')
    expect(texts(s)).toEqual(['a', 'bc'])
    expect(s.partial).toEqual([])
  })

  it('keeps stdout and stderr apart, in order, on one line', () => {
    let s = write(emptyScreen(), 'out', 'x ')
    s = write(s, 'err', 'oops\n')
    expect(s.lines[0].segs).toEqual([
      { kind: 'out', text: 'x ' },
      { kind: 'err', text: 'oops' },
    ])
  })

  it('continues the prompt after output without a final newline', () => {
    let s = write(emptyScreen(), 'out', 'no newline')
    s = echoInput(s, '$ ', 'ls')
    expect(texts(s)).toEqual(['no newline$ ls'])
    expect(s.lines[0].segs.map((g) => g.kind)).toEqual(['out', 'prompt', 'input'])
  })

  it('normalizes CRLF and drops colour codes', () => {
    const s = write(emptyScreen(), 'out', '\x1b[31mred\x1b[0m\r\nnext\r\n')
    expect(texts(s)).toEqual(['red', 'next'])
  })

  it('puts notices on a line of their own', () => {
    let s = write(emptyScreen(), 'out', 'half')
    s = notice(s, 'hello')
    expect(texts(s)).toEqual(['half', 'hello'])
    expect(s.lines[1].segs[0].kind).toBe('note')
  })

  it('keeps at most MAX_LINES lines, with unique ids', () => {
    const s = write(emptyScreen(), 'out', 'x\n'.repeat(MAX_LINES + 10))
    expect(s.lines.length).toBe(MAX_LINES)
    expect(new Set(s.lines.map((l) => l.id)).size).toBe(MAX_LINES)
  })

  it("marks a succeeded line's standard error ok, from its first line on; a failed one's stays an error", () => {
    let sc = write(emptyScreen(), 'err', 'earlier error\n')
    const from = sc.nextId
    sc = echoInput(sc, '$ ', 'kubectl get pods')
    sc = write(sc, 'err', 'No resources found in default namespace.\n')
    sc = write(sc, 'out', 'x')
    sc = write(sc, 'err', 'partial')
    const before = sc.lines[0]
    const ok = settle(sc, from, 0)
    expect(ok.lines[0]).toBe(before) // before the command: the same object, still an error
    expect(ok.lines[0].segs).toEqual([{ kind: 'err', text: 'earlier error' }])
    expect(ok.lines[2].segs).toEqual([{ kind: 'err', text: 'No resources found in default namespace.', ok: true }])
    expect(ok.partial).toEqual([{ kind: 'out', text: 'x' }, { kind: 'err', text: 'partial', ok: true }])
    expect(ok.lines[1]).toBe(sc.lines[1]) // the echo has no stderr: unchanged
    // a failure changes nothing; nor does a second settle
    expect(settle(sc, from, 1)).toBe(sc)
    expect(settle(ok, from, 0)).toBe(ok)
  })
})

