// Layout: a header with the lab clock, the terminal, and (on the right) the region where the
// decoder and timeline of a later issue will go.

import type { TerminalController } from '../state/controller'
import { useTerminal, type TerminalStore } from '../state/terminalStore'
import { LabClock } from '../ui/layout/LabClock'
import { SidePanel } from '../ui/layout/SidePanel'
import { Terminal } from '../ui/terminal/Terminal'

interface Props {
  store: TerminalStore
  controller: TerminalController
  presenter?: boolean
  /** Text typed before the page's script ran. */
  initialInput?: string
}

function Status({ store }: { store: TerminalStore }) {
  const status = useTerminal(store, (s) => s.status)
  return (
    <p className="app-status" role="status">
      {status}
    </p>
  )
}

export function App({ store, controller, presenter, initialInput }: Props) {
  return (
    <div className={presenter ? 'app presenter' : 'app'}>
      <header className="app-header">
        <h1>
          Token lab <span>ServiceAccounts and bound tokens</span>
        </h1>
        <LabClock store={store} />
        <Status store={store} />
      </header>
      <main className="panes">
        <section className="pane-terminal" aria-label="Terminal">
          <Terminal store={store} controller={controller} initialInput={initialInput} />
        </section>
        <SidePanel />
      </main>
    </div>
  )
}
