// The lazily loaded panels and the frame each sits in (its error boundary and loading line),
// shared by the desktop layout (Workspace) and the phone's tabs (PhoneTabs).

import { Component, lazy, Suspense, type ReactNode } from 'react'

export const DecoderPanel = lazy(() => import('../decoder/DecoderPanel'))
export const TimelinePanel = lazy(() => import('../timeline/TimelinePanel'))
export const WhyPanel = lazy(() => import('../why/WhyPanel'))

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
      <PaneBoundary name={name}>
        <Suspense fallback={<p className="pane-loading">Loading the {name}…</p>}>{children}</Suspense>
      </PaneBoundary>
    </div>
  )
}
