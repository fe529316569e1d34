// The marker after a long line's shown start (longLine.ts): how many characters are not shown,
// and a button that copies the whole line.

import type { Segment } from '../../state/lines'

export function LongLineMarker({ segs, hidden }: { segs: readonly Segment[]; hidden: number }) {
  const copy = () => {
    const text = segs.map((s) => s.text).join('')
    void navigator.clipboard?.writeText(text).catch(() => {})
  }
  return (
    <>
      <span className="t-more">{` … (${hidden.toLocaleString('en-US')} more characters)`}</span>{' '}
      <button type="button" className="t-more-copy" onClick={copy} title="Copy the whole line, with the characters not shown">
        Copy line
      </button>
    </>
  )
}
