// The phone layout renders its panels as a tablist with one visible tab panel, the terminal
// with a key bar, and leaves room for an extra (lesson) tab.
import { renderToStaticMarkup } from 'react-dom/server'
import { afterAll, describe, expect, it } from 'vitest'
import { TerminalController } from '../../state/controller'
import { createAppStore } from '../../state/store'
import { PhoneTabs } from './PhoneTabs'

describe('phone tabs', () => {
  // Rendering starts the lazy panels' imports: let them finish within this file (the unit suite
  // shares its module graph, and an import still loading when the file ends fails the next one).
  afterAll(() => Promise.all([import('../decoder/DecoderPanel'), import('../timeline/TimelinePanel'), import('../why/WhyPanel'), import('../lesson/LessonPanel')]))
  it('a tablist, the terminal shown with its key bar, the other panels hidden; an extra Lesson tab first', () => {
    const store = createAppStore()
    const controller = new TerminalController(store)
    const html = renderToStaticMarkup(<PhoneTabs store={store} controller={controller} extra={[{ id: 'lesson', label: 'Lesson', node: <p>lesson text</p> }]} />)
    const tabs = [...html.matchAll(/role="tab"[^>]*>([^<]+)</g)].map((m) => m[1])
    expect(tabs).toEqual(['Lesson', 'Terminal', 'Why', 'Decoder', 'Timeline'])
    expect(html).toMatch(/id="tab-terminal"[^>]*aria-selected="true"/)
    expect(html).toMatch(/id="pane-terminal" class="pane-terminal" role="tabpanel" aria-labelledby="tab-terminal">/)
    expect(html).toMatch(/id="pane-why"[^>]*hidden=""/)
    // no touch screen here (server rendering): the key bar is for touch only
    expect(html).not.toContain('aria-label="Terminal keys"')
  })
})

describe('the key bar', () => {
  it('names every key for assistive technology', async () => {
    const { KeyBar } = await import('../terminal/KeyBar')
    const html = renderToStaticMarkup(<KeyBar inputRef={{ current: null }} />)
    expect(html).toContain('aria-label="Terminal keys"')
    for (const k of ['Tab (complete)', 'Up (previous command)', 'Down (next command)', 'Ctrl+C (cancel)', 'Esc']) expect(html).toContain(`aria-label="${k}"`)
  })
})
