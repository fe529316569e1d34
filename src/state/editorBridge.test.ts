import { describe, expect, it } from 'vitest'
import { attachEditor, requestEdit } from './editorBridge'

const req = (path: string) => ({ path, text: '', language: 'yaml' as const, title: `nano ${path}` })

describe('the editor bridge', () => {
  it('keeps a request made before the editor mounted, and hands it over when it attaches', async () => {
    const early = requestEdit(req('a.yaml'))
    const seen: string[] = []
    const detach = attachEditor(async (r) => { seen.push(r.path); return `saved ${r.path}` })
    expect(await early).toBe('saved a.yaml')
    expect(await requestEdit(req('b.yaml'))).toBe('saved b.yaml')
    expect(seen).toEqual(['a.yaml', 'b.yaml'])
    detach()
    let settled = false
    void requestEdit(req('c.yaml')).then(() => { settled = true })
    await Promise.resolve()
    expect(settled).toBe(false)
    const detach2 = attachEditor(async () => undefined)
    await new Promise((r) => setTimeout(r, 0))
    expect(settled).toBe(true)
    detach2()
  })
})
