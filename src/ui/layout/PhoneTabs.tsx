// On a phone (or a narrow window, or 200 % zoom on a laptop) the panels are tabs rather than
// one long column: Terminal, Why, Decoder, Timeline (and Lesson when the page has one). The
// panels stay mounted when hidden, so the terminal keeps its lines, scroll and typed text.
// A tapped lesson command shows the Terminal tab (panelRequests.ts).
// Tabs follow the WAI-ARIA tabs pattern: arrow keys move between them, Home and End to the ends.

import { useEffect, useState, type KeyboardEvent, type ReactNode } from 'react'
import type { TerminalController } from '../../state/controller'
import type { AppStore } from '../../state/store'
import { Terminal } from '../terminal/Terminal'
import { onShowPanel } from './panelRequests'
import { DecoderPanel, Pane, TimelinePanel, WhyPanel } from './panes'

export interface ExtraPanel {
  /** The tab's word, e.g. `Lesson`. */
  label: string
  id: string
  node: ReactNode
}

interface Props {
  store: AppStore
  controller: TerminalController
  takeInitialInput?: () => string
  /** Panels beyond the four (the lesson panel), shown as the first tabs. */
  extra?: ExtraPanel[]
}

/** A touch screen (a phone), not just a narrow window (200 % zoom on a laptop). */
const isTouch = () =>
  typeof window !== 'undefined' && ((typeof navigator !== 'undefined' && navigator.maxTouchPoints > 0) || (typeof window.matchMedia === 'function' && window.matchMedia('(pointer: coarse)').matches))

export function PhoneTabs({ store, controller, takeInitialInput, extra = [] }: Props) {
  const tabs = [
    ...extra.map((e) => ({ id: e.id, label: e.label })),
    { id: 'terminal', label: 'Terminal' },
    { id: 'why', label: 'Why' },
    { id: 'decoder', label: 'Decoder' },
    { id: 'timeline', label: 'Timeline' },
  ]
  const [current, setCurrent] = useState('terminal')
  const [touch] = useState(isTouch)
  const ids = tabs.map((t) => t.id).join(' ')
  // A lesson's Run (or another panel's control) brings the panel it acts in to the front.
  useEffect(() => onShowPanel((id) => ids.split(' ').includes(id) && setCurrent(id)), [ids])
  const choose = (id: string) => {
    setCurrent(id)
    document.getElementById(`tab-${id}`)?.focus()
  }
  const onKeyDown = (e: KeyboardEvent) => {
    const i = tabs.findIndex((t) => t.id === current)
    const to = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? tabs.length - 1 : undefined
    if (to === undefined) return
    e.preventDefault()
    choose(tabs[(to + tabs.length) % tabs.length].id)
  }
  const tab = (id: string) => ({ labelledBy: `tab-${id}`, hidden: current !== id })
  return (
    <main className="panes panes-tabs">
      <div className="tabs" role="tablist" aria-label="Panels" onKeyDown={onKeyDown}>
        {tabs.map((t) => (
          <button
            key={t.id}
            id={`tab-${t.id}`}
            type="button"
            role="tab"
            aria-selected={current === t.id}
            aria-controls={t.id === 'terminal' ? 'pane-terminal' : `pane-${t.id}`}
            tabIndex={current === t.id ? 0 : -1}
            onClick={() => setCurrent(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {extra.map((e) => (
        <Pane key={e.id} id={`pane-${e.id}`} name={`${e.label.toLowerCase()} panel`} tab={tab(e.id)}>
          {e.node}
        </Pane>
      ))}
      <section id="pane-terminal" className="pane-terminal" role="tabpanel" aria-labelledby="tab-terminal" hidden={current !== 'terminal'}>
        <Terminal store={store} controller={controller} takeInitialInput={takeInitialInput} touch={touch} />
      </section>
      <Pane id="pane-why" name="why-this-answer panel" tab={tab('why')}>
        <WhyPanel />
      </Pane>
      <Pane id="pane-decoder" name="token decoder" tab={tab('decoder')}>
        <DecoderPanel />
      </Pane>
      <Pane id="pane-timeline" name="timeline" tab={tab('timeline')}>
        <TimelinePanel />
      </Pane>
    </main>
  )
}
