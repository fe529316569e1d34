// What the page says about saving, at the top: a save that failed (until one succeeds), a lab
// that another tab owns (with "Take over"), and labs set aside (with a download button each).

import { useSyncExternalStore } from 'react'
import './saveNotice.css'

export interface SaveView {
  /** "Not saved since 10:42:07 UTC: ..." while saves fail; undefined when all is well. */
  status?: string
  /** Another tab owns the lab: this tab does not save. */
  follower: boolean
  /** Labs set aside (unreadable or replaced), newest first. */
  asides: string[]
}

export interface SaveViewSource {
  get(): SaveView
  subscribe(cb: () => void): () => void
  takeOver(): void
  download(key: string): void
}

export function SaveNotice({ source }: { source: SaveViewSource }) {
  const view = useSyncExternalStore(source.subscribe, source.get)
  if (!view.status && !view.follower && view.asides.length === 0) return null
  return (
    <div className="save-notice" role="status" aria-label="Saving">
      {view.follower ? (
        <p className="save-follower">
          This lab is open in another tab, which saves it; this tab does not save its changes.{' '}
          <button type="button" onClick={() => source.takeOver()}>
            Take over
          </button>
        </p>
      ) : view.status ? (
        <p className="save-failing">{view.status}</p>
      ) : null}
      {view.asides.slice(0, 1).map((key) => (
        <p key={key} className="save-aside">
          A lab was set aside ({key}).{' '}
          <button type="button" onClick={() => source.download(key)}>
            Download it
          </button>
        </p>
      ))}
    </div>
  )
}
