// The panes below the header: on the left the terminal with "why this answer" under it, on the
// right the token decoder above the timeline; keyboard-operable splitters between them. Narrow
// windows (or 200 % zoom) stack everything in one scrolling column. The panels are loaded
// lazily (React.lazy), so they never delay the terminal; a failing panel shows its error only.

import { Component, lazy, Suspense, useEffect, useState, type CSSProperties, type ReactNode } from 'react'
import type { TerminalController } from '../../state/controller'
import type { AppStore } from '../../state/store'
import { Terminal } from '../terminal/Terminal'
import { Splitter } from './Splitter'
import { followNewestToken } from '../../state/followToken'
import { rememberDecoderSelection } from '../decoder/remember'

const DecoderPanel = lazy(() => import('../decoder/DecoderPanel'))
const TimelinePanel = lazy(() => import('../timeline/TimelinePanel'))
const WhyPanel = lazy(() => import('../why/WhyPanel'))

class PaneBoundary extends Component<{ name: string; children: ReactNode }, { error?: string }> {
  state: { error?: string } = {}
  static getDerivedStateFromError(e: unknown) {
    return { error: e instanceof Error ? e.message : String(e) }
  }
  render() {
    if (this.state.error) {
      return (
        <p className="pane-error" role="alert">
          The {this.props.name} failed: {this.state.error}. The terminal still works; reload the page to try again.
        </p>
      )
    }
    return this.props.children
  }
}

function Pane({ id, name, children }: { id: string; name: string; children: ReactNode }) {
  return (
    <div id={id} className={`pane ${id}`}>
      <PaneBoundary name={name}>
        <Suspense fallback={<p className="pane-loading">Loading the {name}…</p>}>{children}</Suspense>
      </PaneBoundary>
    </div>
  )
}

interface Props {
  store: AppStore
  controller: TerminalController
  initialInput?: string
  /** Presenter mode: the terminal takes more of the height (14 lines or more at 1280x720). */
  presenter?: boolean
}

export function Workspace({ store, controller, initialInput, presenter }: Props) {
  const [left, setLeft] = useState(56)
  const [term, setTerm] = useState(presenter ? 74 : 56)
  const [decoder, setDecoder] = useState(55)
  // The decoder keeps its token over a reload, and follows the newest token printed.
  useEffect(() => {
    const forget = rememberDecoderSelection(store)
    const unfollow = followNewestToken(store)
    return () => {
      unfollow()
      forget()
    }
  }, [store])
  const vars = { '--left': `${left}%`, '--term': `${term}%`, '--decoder': `${decoder}%` } as CSSProperties

  return (
    <main className="panes" style={vars}>
      <div className="col col-left">
        <section id="pane-terminal" className="pane-terminal" aria-label="Terminal">
          <Terminal store={store} controller={controller} initialInput={initialInput} />
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
  )
}
