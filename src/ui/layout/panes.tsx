// The lazily loaded panels and the frame each sits in (its error boundary and loading line),
// shared by the desktop layout (Workspace) and the phone's tabs (PhoneTabs).

import { lazy, Suspense, type ReactNode } from 'react'
import { ErrorBoundary } from './ErrorBoundary'
import { useStartupSettled } from './startupGate'

export const DecoderPanel = lazy(() => import('../decoder/DecoderPanel'))
export const TimelinePanel = lazy(() => import('../timeline/TimelinePanel'))
export const WhyPanel = lazy(() => import('../why/WhyPanel'))
export const LessonPanel = lazy(() => import('../lesson/LessonPanel'))

interface PaneProps {
  id: string
  name: string
  children: ReactNode
  /** As a tab panel (phone): labelled by its tab, hidden unless chosen. */
  tab?: { labelledBy: string; hidden: boolean }
}

export function Pane({ id, name, children, tab }: PaneProps) {
  // A panel loads and renders once start-up has settled (startupGate.ts): until then the
  // terminal, and the keys typed into it, have the page's thread to themselves.
  const settled = useStartupSettled()
  const loading = <p className="pane-loading">Loading the {name}…</p>
  return (
    <div id={id} className={`pane ${id}`} {...(tab ? { role: 'tabpanel', 'aria-labelledby': tab.labelledBy, hidden: tab.hidden } : {})}>
      <ErrorBoundary name={name}>
        <Suspense fallback={loading}>{settled ? children : loading}</Suspense>
      </ErrorBoundary>
    </div>
  )
}
