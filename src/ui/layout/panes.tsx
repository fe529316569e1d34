// The lazily loaded panels and the frame each sits in (its error boundary and loading line),
// shared by the desktop layout (Workspace) and the phone's tabs (PhoneTabs).

import { lazy, Suspense, type ReactNode } from 'react'
import { ErrorBoundary } from './ErrorBoundary'

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
  return (
    <div id={id} className={`pane ${id}`} {...(tab ? { role: 'tabpanel', 'aria-labelledby': tab.labelledBy, hidden: tab.hidden } : {})}>
      <ErrorBoundary name={name}>
        <Suspense fallback={<p className="pane-loading">Loading the {name}…</p>}>{children}</Suspense>
      </ErrorBoundary>
    </div>
  )
}
