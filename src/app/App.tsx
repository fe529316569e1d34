// Layout: a header with the lab clock and its controls, then the panes (terminal and why on the
// left, decoder above timeline on the right; see ui/layout/Workspace). The ticker that moves a
// playing clock runs while the App is mounted. Everything but the terminal loads lazily.

import { lazy, Suspense, useEffect } from 'react'
import { startClockTicker } from '../state/clock'
import type { ClockController } from '../state/clockController'
import type { TerminalController } from '../state/controller'
import { useTerminal, type AppStore } from '../state/store'
import { ErrorBoundary } from '../ui/layout/ErrorBoundary'
import { LabClock } from '../ui/layout/LabClock'
import type { SaveViewSource } from '../ui/layout/SaveNotice'
import { Workspace } from '../ui/layout/Workspace'

const ClockControls = lazy(() => import('../ui/clock/ClockControls'))
const EditorHost = lazy(() => import('../ui/editor/EditorHost'))
// It shows nothing until a save fails, another tab owns the lab or a lab was set aside.
const SaveNotice = lazy(() => import('../ui/layout/SaveNotice').then((m) => ({ default: m.SaveNotice })))

interface Props {
  store: AppStore
  controller: TerminalController
  clock: ClockController
  presenter?: boolean
  /** Text typed before the page's script ran. */
  initialInput?: string
  /** What the page says about saving (save failures, another tab, set-aside labs). */
  saves?: SaveViewSource
}

function Status({ store }: { store: AppStore }) {
  const status = useTerminal(store, (s) => s.status)
  return (
    <p className="app-status" role="status">
      {status}
    </p>
  )
}

export function App({ store, controller, clock, presenter, initialInput, saves }: Props) {
  useEffect(() => startClockTicker({ getState: () => store.getState(), subscribe: (l) => store.subscribe(l) }, clock), [store, clock])

  return (
    <div className={presenter ? 'app presenter' : 'app'}>
      <header className="app-header">
        <h1>
          Token lab <span>ServiceAccounts and bound tokens</span>
        </h1>
        <ErrorBoundary name="lab clock" inline>
          <LabClock store={store} />
        </ErrorBoundary>
        <ErrorBoundary name="clock controls" inline>
          <Suspense fallback={<span className="clock-wait">Clock controls: loading…</span>}>
            <ClockControls store={store} clock={clock} compact={presenter} />
          </Suspense>
        </ErrorBoundary>
        <ErrorBoundary name="status line" inline>
          <Status store={store} />
        </ErrorBoundary>
        {saves && (
          <ErrorBoundary name="save notice" inline>
            <Suspense fallback={null}>
              <SaveNotice source={saves} />
            </Suspense>
          </ErrorBoundary>
        )}
      </header>
      <ErrorBoundary name="workspace">
        <Workspace store={store} controller={controller} initialInput={initialInput} presenter={presenter} />
      </ErrorBoundary>
      <ErrorBoundary name="editor">
        <Suspense fallback={null}>
          <EditorHost />
        </Suspense>
      </ErrorBoundary>
    </div>
  )
}
