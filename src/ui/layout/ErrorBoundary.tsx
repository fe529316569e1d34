// Keeps one part of the page up when it throws while rendering: that part shows a short message
// and a retry button instead, and the rest of the page (header, terminal, panels) stays.

import { Component, Fragment, type ReactNode } from 'react'

interface Props {
  /** What this part is, in the message ("clock", "token decoder"). */
  name: string
  children: ReactNode
  /** Render the message inline (in the header) instead of as a block. */
  inline?: boolean
}

export class ErrorBoundary extends Component<Props, { error?: string; tries: number }> {
  state: { error?: string; tries: number } = { tries: 0 }

  static getDerivedStateFromError(e: unknown) {
    const msg = e instanceof Error ? e.message : String(e)
    return { error: msg.length > 200 ? `${msg.slice(0, 200)}…` : msg }
  }

  private retry = () => this.setState((s) => ({ error: undefined, tries: s.tries + 1 }))

  render() {
    if (this.state.error === undefined) return <Fragment key={this.state.tries}>{this.props.children}</Fragment>
    const Tag = this.props.inline ? 'span' : 'div'
    return (
      <Tag className="part-error" role="alert">
        The {this.props.name} failed: {this.state.error}.{' '}
        <button type="button" onClick={this.retry}>
          Retry
        </button>
      </Tag>
    )
  }
}
