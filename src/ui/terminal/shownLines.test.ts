import { describe, expect, it } from 'vitest'
import { echoInput, emptyScreen, MAX_LINES, write, type Screen } from '../../state/lines'
import { EARLIER_STEP, firstShown, SHOWN_LINES } from './shownLines'

const run = (s: Screen, cmd: string, out: string) => write(echoInput(s, '$ ', cmd), 'out', out)

describe('the lines the terminal puts in the page', () => {
  it('all of them while few', () => {
    let s = emptyScreen()
    for (let i = 0; i < 20; i++) s = run(s, `echo ${i}`, `${i}\n`)
    expect(firstShown(s.lines)).toBe(0)
  })

  it('the last SHOWN_LINES after many commands, however many are kept', () => {
    let s = emptyScreen()
    for (let i = 0; i < 1000; i++) s = run(s, `echo ${i}`, `${i}\n`)
    expect(s.lines.length).toBe(2000)
    expect(s.lines.length - firstShown(s.lines)).toBe(SHOWN_LINES)
  })

  it("the latest command's whole output, from its echo, even when longer", () => {
    let s = emptyScreen()
    for (let i = 0; i < 100; i++) s = run(s, `echo ${i}`, `${i}\n`)
    s = run(s, 'seq 2000', Array.from({ length: 2000 }, (_, i) => `${i + 1}\n`).join(''))
    const first = firstShown(s.lines)
    expect(s.lines[first].segs.map((g) => g.text).join('')).toBe('$ seq 2000')
    expect(s.lines.length - first).toBe(2001)
  })

  it("all the kept lines once the latest command's output has pushed its echo out of them", () => {
    let s = emptyScreen()
    for (let i = 0; i < 100; i++) s = run(s, `echo ${i}`, `${i}\n`)
    s = echoInput(s, '$ ', 'seq 20000')
    // streamed in chunks, as a long command's output arrives
    for (let c = 0; c < 20; c++) s = write(s, 'out', Array.from({ length: 1000 }, (_, i) => `${c * 1000 + i + 1}\n`).join(''))
    expect(s.lines.length).toBe(MAX_LINES)
    expect(s.lines.some((l) => l.segs.some((g) => g.kind === 'prompt'))).toBe(false)
    expect(firstShown(s.lines)).toBe(0)
  })

  it('earlier lines on request, from a line id', () => {
    let s = emptyScreen()
    for (let i = 0; i < 2000; i++) s = run(s, `echo ${i}`, `${i}\n`)
    const first = firstShown(s.lines)
    const more = firstShown(s.lines, s.lines[first].id - EARLIER_STEP)
    expect(first - more).toBe(EARLIER_STEP)
    expect(firstShown(s.lines, 0)).toBe(0)
  })
})
