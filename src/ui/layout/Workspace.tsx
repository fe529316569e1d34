// The panes below the header: on the left the terminal with "why this answer" under it, on the
// right the token decoder above the timeline; keyboard-operable splitters between them. Narrow
// windows (or 200 % zoom) stack everything in one scrolling column. The panels are loaded
// lazily (React.lazy), so they never delay the terminal; a failing part shows its error and a retry only.

import { lazy, Suspense, useState, type CSSProperties, type ReactNode } from 'react'
import type { TerminalController } from '../../state/controller'
import type { AppStore } from '../../state/store'
import { Terminal } from '../terminal/Terminal'
import { ErrorBoundary } from './ErrorBoundary'
import { Splitter } from './Splitter'

const DecoderPanel = lazy(() => import('../decoder/DecoderPanel'))
const TimelinePanel = lazy(() => import('../timeline/TimelinePanel'))
const WhyPanel = lazy(() => import('../why/WhyPanel'))
const LessonPanel = lazy(() => import('../lesson/LessonPanel'))

function Pane({ id, name, children }: { id: string; name: string; children: ReactNode }) {
  return (
    <div id={id} className={`pane ${id}`}>
      <ErrorBoundary name={name}>
        <Suspense fallback={<p className="pane-loading">Loading the {name}…</p>}>{children}</Suspense>
      </ErrorBoundary>
    </div>
  )
}

interface Props {
  store: AppStore
  controller: TerminalController
  initialInput?: string
}

export function Workspace({ store, controller, initialInput }: Props) {
  const [left, setLeft] = useState(56)
  const [term, setTerm] = useState(56)
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
            <Terminal store={store} controller={controller} initialInput={initialInput} />
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
