// The panes below the header: on the left the terminal with "why this answer" under it, on the
// right the token decoder above the timeline; keyboard-operable splitters between them. Narrow
// windows (a phone, or 200 % zoom) get the panels as tabs (PhoneTabs). The panels are loaded
// lazily (React.lazy, ./panes), so they never delay the terminal; a failing panel shows its error only.

import { useState, useSyncExternalStore, type CSSProperties } from 'react'
import type { TerminalController } from '../../state/controller'
import type { AppStore } from '../../state/store'
import { Terminal } from '../terminal/Terminal'
import { LazySplitter as Splitter } from './lazySplitter'
import { ErrorBoundary } from './ErrorBoundary'
import { DecoderPanel, LessonPanel, Pane, TimelinePanel, WhyPanel } from './panes'
import { PhoneTabs } from './PhoneTabs'

interface Props {
  store: AppStore
  controller: TerminalController
  takeInitialInput?: () => string
  /** Presenter mode: the terminal takes more of the height (14 lines or more at 1280x720). */
  presenter?: boolean
}

/** Narrow windows (a phone, 200 % zoom on a laptop) get the panels as tabs. */
const NARROW = '(max-width: 760px)'
const narrowQuery = () => (typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(NARROW) : undefined)
function useNarrow(): boolean {
  return useSyncExternalStore(
    (cb) => {
      const q = narrowQuery()
      q?.addEventListener('change', cb)
      return () => q?.removeEventListener('change', cb)
    },
    () => narrowQuery()?.matches ?? false,
    () => false,
  )
}

export function Workspace(props: Props) {
  const { store } = props
  const narrow = useNarrow()
  const lesson = { id: 'lesson', label: 'Lesson', node: <LessonPanel store={store} controller={props.controller} /> }
  return narrow ? <PhoneTabs store={store} controller={props.controller} takeInitialInput={props.takeInitialInput} extra={[lesson]} /> : <Columns {...props} />
}

function Columns({ store, controller, takeInitialInput, presenter }: Props) {
  const [left, setLeft] = useState(56)
  const [term, setTerm] = useState(presenter ? 78 : 56)
  const [decoder, setDecoder] = useState(55)
  const vars = { '--left': `${left}%`, '--term': `${term}%`, '--decoder': `${decoder}%` } as CSSProperties

  return (
    <div className="workspace">
      <Pane id="pane-lesson" name="lesson panel">
        <LessonPanel store={store} controller={controller} />
      </Pane>
    <main className="panes" style={vars}>
      <div className="col col-left">
        <section id="pane-terminal" className="pane-terminal" aria-label="Terminal">
          <ErrorBoundary name="terminal">
            <Terminal store={store} controller={controller} takeInitialInput={takeInitialInput} />
          </ErrorBoundary>
        </section>
        <Splitter
          label="Resize the terminal and the why panel"
          orientation="horizontal"
          value={term}
          min={25}
          max={90}
          onChange={setTerm}
          controls="pane-terminal"
          valueText={`terminal ${term}% of the height`}
        />
        <Pane id="pane-why" name="why-this-answer panel">
          <WhyPanel />
        </Pane>
      </div>
      <Splitter
        label="Resize the terminal and the side panels"
        orientation="vertical"
        value={left}
        min={25}
        max={80}
        onChange={setLeft}
        controls="pane-terminal"
        valueText={`terminal column ${left}% of the width`}
      />
      <div className="col col-right">
        <Pane id="pane-decoder" name="token decoder">
          <DecoderPanel />
        </Pane>
        <Splitter
          label="Resize the decoder and the timeline"
          orientation="horizontal"
          value={decoder}
          min={15}
          max={85}
          onChange={setDecoder}
          controls="pane-decoder"
          valueText={`decoder ${decoder}% of the height`}
        />
        <Pane id="pane-timeline" name="timeline">
          <TimelinePanel />
        </Pane>
      </div>
    </main>
    </div>
  )
}
