import { describe, expect, it } from 'vitest'
import { commandsOf, parseInline, parseMarkdown, toPlainText } from './markdown'

describe('the lesson markdown subset', () => {
  it('parses code spans and bold, and nothing inside code is markup', () => {
    expect(parseInline('Run `a **b**` and **look at `c` now**.')).toEqual([
      { type: 'text', text: 'Run ' },
      { type: 'code', text: 'a **b**' },
      { type: 'text', text: ' and ' },
      { type: 'strong', children: [{ type: 'text', text: 'look at ' }, { type: 'code', text: 'c' }, { type: 'text', text: ' now' }] },
      { type: 'text', text: '.' },
    ])
  })

  it('leaves unmatched markers as text (never HTML: tags stay text)', () => {
    expect(parseInline('a ** b ` c <b>x</b>')).toEqual([{ type: 'text', text: 'a ** b ` c <b>x</b>' }])
  })

  it('splits paragraphs, lists and fenced blocks; each command line of a fence is a command', () => {
    const src = 'First line\ngoes on.\n\n- one\n- two\n  more\n\n1. a\n2. b\n\n```sh\nkubectl get ns\n# a comment\n\nlab now\n```\nAfter.'
    expect(parseMarkdown(src)).toEqual([
      { type: 'paragraph', children: [{ type: 'text', text: 'First line goes on.' }] },
      { type: 'list', ordered: false, items: [[{ type: 'text', text: 'one' }], [{ type: 'text', text: 'two more' }]] },
      { type: 'list', ordered: true, items: [[{ type: 'text', text: 'a' }], [{ type: 'text', text: 'b' }]] },
      { type: 'code', lang: 'sh', text: 'kubectl get ns\n# a comment\n\nlab now', commands: ['kubectl get ns', 'lab now'] },
      { type: 'paragraph', children: [{ type: 'text', text: 'After.' }] },
    ])
    expect(commandsOf(src)).toEqual(['kubectl get ns', 'lab now'])
  })

  it('renders terminal text: wrapped paragraphs, list items, commands after $', () => {
    const text = toPlainText(parseMarkdown('Some **bold** words that go on for a while.\n\n- item `x`\n\n```\nlab now\n```'), 20)
    expect(text).toBe('Some bold words that\ngo on for a while.\n\n  * item x\n\n  $ lab now')
  })
})
