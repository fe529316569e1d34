// Layout: a header with the lab clock and its controls, then the panes (terminal and why on the
// left, decoder above timeline on the right; see ui/layout/Workspace). The ticker that moves a
// playing clock runs while the App is mounted. Everything but the terminal loads lazily.

import { lazy, Suspense, use, useEffect } from 'react'
import type { ClockController } from '../state/clockController'
import type { TerminalController } from '../state/controller'
import { useTerminal, type AppStore } from '../state/store'
import { ErrorBoundary } from '../ui/layout/ErrorBoundary'
import type { SaveViewSource } from '../ui/layout/SaveNotice'
import { Workspace } from '../ui/layout/Workspace'

const ClockControls = lazy(() => import('../ui/clock/ClockControls'))
const LabClock = lazy(() => import('../ui/layout/LabClock').then((m) => ({ default: m.LabClock })))
/** What LabClock shows until the lab has started, while it loads. */
const clockStarting = (
  <div className="lab-clock" aria-live="off">
    <span className="lab-clock-label">Lab time</span> <span className="lab-clock-time">starting…</span>
  </div>
)
const EditorHost = lazy(() => import('../ui/editor/EditorHost'))
// It shows nothing until a save fails, another tab owns the lab or a lab was set aside.
const SaveNotice = lazy(() => import('../ui/layout/SaveNotice').then((m) => ({ default: m.SaveNotice })))

interface Props {
  store: AppStore
  controller: TerminalController
  /** The lab clock's controller, made with the start-up code after the first render. */
  clock: Promise<ClockController>
  presenter?: boolean
  /** Text typed before the page's script ran. */
  takeInitialInput?: () => string
  /** What the page says about saving (save failures, another tab, set-aside labs). */
  saves?: Promise<SaveViewSource>
}

function ClockControlsWhenReady({ store, clock, compact }: { store: AppStore; clock: Promise<ClockController>; compact?: boolean }) {
  return <ClockControls store={store} clock={use(clock)} compact={compact} />
}

function Status({ store }: { store: AppStore }) {
  const status = useTerminal(store, (s) => s.status)
  return (
    <p className="app-status" role="status">
      {status}
    </p>
  )
}

/** The save notice once its source has loaded (main.tsx loads it beside the first render). */
function SaveNoticeOf({ saves }: { saves: Promise<SaveViewSource> }) {
  return <SaveNotice source={use(saves)} />
}

export function App({ store, controller, clock, presenter, takeInitialInput, saves }: Props) {
  // The ticker moves a playing clock; nothing plays before the lab has started, so it loads after the first render.
  useEffect(() => {
    let stop: (() => void) | undefined
    let gone = false
    void Promise.all([import('../state/clock'), clock]).then(([m, c]) => {
      if (!gone) stop = m.startClockTicker({ getState: () => store.getState(), subscribe: (l) => store.subscribe(l) }, c)
    })
    return () => {
      gone = true
      stop?.()
    }
  }, [store, clock])

  return (
    <div className={presenter ? 'app presenter' : 'app'}>
      <header className="app-header">
        <h1>
          Token lab <span>ServiceAccounts and bound tokens</span>
        </h1>
        <ErrorBoundary name="lab clock" inline>
          <Suspense fallback={clockStarting}>
            <LabClock store={store} />
          </Suspense>
        </ErrorBoundary>
        <ErrorBoundary name="clock controls" inline>
          <Suspense fallback={<span className="clock-wait">Clock controls: loading…</span>}>
            <ClockControlsWhenReady store={store} clock={clock} compact={presenter} />
          </Suspense>
        </ErrorBoundary>
        <ErrorBoundary name="status line" inline>
          <Status store={store} />
        </ErrorBoundary>
        {saves && (
          <ErrorBoundary name="save notice" inline>
            <Suspense fallback={null}>
              <SaveNoticeOf saves={saves} />
            </Suspense>
          </ErrorBoundary>
        )}
      </header>
      <ErrorBoundary name="workspace">
        <Workspace store={store} controller={controller} takeInitialInput={takeInitialInput} presenter={presenter} />
      </ErrorBoundary>
      <ErrorBoundary name="editor">
        <Suspense fallback={null}>
          <EditorHost />
        </Suspense>
      </ErrorBoundary>
    </div>
  )
}
