import { describe, expect, it } from 'vitest'
import { echoInput, emptyScreen, lineText, MAX_LINES, notice, write } from './lines'

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
})
