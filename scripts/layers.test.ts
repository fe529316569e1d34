import { describe, expect, it } from 'vitest'
// @ts-expect-error plain ESM script without types
import { checkSource, importsOf, isCheckedFile } from './layers.mjs'

const why = (src: string) => (checkSource(src) as { why: string }[]).map((p) => p.why)

describe('layering rule of the pure core', () => {
  it.each([
    ["import { useState } from 'react'", 'imports React or zustand'],
    ["import { create } from 'zustand'", 'imports React or zustand'],
    ["import { createRoot } from 'react-dom/client'", 'imports React or zustand'],
    ["const m = await import('react')", 'imports React or zustand'],
    ['const t = Date.now()', 'reads the wall clock (Date.now)'],
    ['const d = new Date()', 'reads the wall clock (new Date())'],
    ['const t = performance.now()', 'reads the wall clock (performance.now)'],
    ['setTimeout(() => x(), 10)', 'uses a timer'],
    ['const h = setInterval(f, 1000)', 'uses a timer'],
    ['document.body.append(x)', 'uses the DOM'],
    ['window.lab = lab', 'uses the DOM'],
    ['localStorage.setItem("k", v)', 'uses the DOM'],
  ])('flags %s', (src, expected) => {
    expect(why(src)).toContain(expected)
  })

  it.each([
    'const d = new Date(ms).toISOString()',
    "// setTimeout(f) in a comment, Date.now() too",
    "const msg = 'the window of a token; Date.now() in text'",
    'clock.setTimeoutLike()',
    'const o = { window: 3 }',
    'interface X { document: string }',
  ])('allows %s', (src) => {
    expect(why(src)).toEqual([])
  })

  it('checks code but not tests', () => {
    expect(isCheckedFile('src/cluster/a.ts')).toBe(true)
    expect(isCheckedFile('src/cluster/a.test.ts')).toBe(false)
  })

  it('reads import specifiers, also of multi-line and type-only statements', () => {
    const src = "import a from './a'\nimport type {\n  B,\n} from './b'\nexport { c } from './c'\nexport type { D } from './d'\nimport './e.css'\nconst f = await import('./f')\nconst g = 'from \\'./not\\''\n// import x from './comment'\n"
    expect(importsOf(src)).toEqual([
      { line: 1, spec: './a', typeOnly: false },
      { line: 4, spec: './b', typeOnly: true },
      { line: 5, spec: './c', typeOnly: false },
      { line: 6, spec: './d', typeOnly: true },
      { line: 7, spec: './e.css', typeOnly: false },
      { line: 8, spec: './f', typeOnly: false },
    ])
  })
})
